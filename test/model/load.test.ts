import { describe, expect, it } from 'vitest';
import { loadProjectText, loadProject, formatPath, describeProblem } from '../../src/model';
import { migrate } from '../../src/model/load';
import { FORMAT_VERSION } from '../../src/model/schema';

const minimal = {
  formatVersion: 3,
  name: 'Tiny',
  classes: [{ id: 'c', name: 'Customers', share: 1 }],
  run: { horizon: { kind: 'duration', duration: 100 }, replications: { kind: 'fixed', count: 2 }, seed: 1 },
  scenarios: [
    {
      id: 'base',
      name: 'Baseline',
      kind: 'baseline',
      flow: {
        departments: [{ id: 'd', name: 'Desk' }],
        nodes: [
          { id: 'a', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 1, per: 'minute' } },
          { id: 's', kind: 'step', name: 'Serve', departmentId: 'd', staff: 1, service: { kind: 'exponential', mean: 0.5 } },
          { id: 'x', kind: 'exit', name: 'Out' },
        ],
        edges: [
          { id: 'e1', source: 'a', target: 's' },
          { id: 'e2', source: 's', target: 'x' },
        ],
      },
    },
  ],
};

describe('loadProject', () => {
  it('accepts a minimal project and fills in defaults', () => {
    const r = loadProject(structuredClone(minimal));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.timeUnit).toBe('minutes');
    expect(r.project.run.warmup).toBe(0);
    const step = r.project.scenarios[0]!.flow.nodes[1]!;
    expect(step.kind === 'step' && step.discipline).toBe('fifo');
  });

  it('names the JSON path of a bad field', () => {
    const bad = structuredClone(minimal) as any;
    bad.scenarios[0].flow.nodes[1].staff = -2;
    const r = loadProject(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.path).toBe('scenarios[0].flow.nodes[1].staff');
    expect(r.problems[0]!.message).toMatch(/0 or more/);
  });

  it('rejects text that is not JSON with a clear message', () => {
    const r = loadProjectText('{ not json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('reads a version-1 file and upgrades it to the current version, meaning unchanged', () => {
    const v1 = { ...structuredClone(minimal), formatVersion: 1 };
    const r = loadProject(v1);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.project.formatVersion).toBe(FORMAT_VERSION);
      expect(r.project.costs).toBeUndefined();
      const same = loadProject({ ...v1, formatVersion: FORMAT_VERSION });
      expect(same.ok && same.project).toEqual(r.project);
    }
    expect(migrate({ formatVersion: 1, name: 'x' })).toEqual({ formatVersion: 4, name: 'x' });
    expect(migrate({ formatVersion: 2, name: 'x' })).toEqual({ formatVersion: 4, name: 'x' });
    expect(migrate({ formatVersion: 3, name: 'x' })).toEqual({ formatVersion: 4, name: 'x' });
    expect(migrate({ formatVersion: 4, name: 'x' })).toEqual({ formatVersion: 4, name: 'x' });
  });

  it('rejects a file from a newer format version', () => {
    const r = loadProject({ ...structuredClone(minimal), formatVersion: 99 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.path).toBe('formatVersion');
      expect(r.problems[0]!.message).toMatch(/newer version/);
    }
  });

  it('reports edges to unknown nodes and duplicate ids', () => {
    const bad = structuredClone(minimal) as any;
    bad.scenarios[0].flow.edges.push({ id: 'e1', source: 's', target: 'nowhere' });
    const r = loadProject(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('scenarios[0].flow.edges[2].id');
    expect(paths).toContain('scenarios[0].flow.edges[2].target');
  });

  it('requires exactly one baseline', () => {
    const bad = structuredClone(minimal) as any;
    bad.scenarios[0].kind = 'proposal';
    const r = loadProject(bad);
    expect(r.ok).toBe(false);
  });

  it('formats paths', () => {
    expect(formatPath(['a', 0, 'b', 'c d'])).toBe('a[0].b["c d"]');
  });
});

describe('limits (issue 17)', () => {
  const withClasses = (n: number, steps: number) => {
    const doc = structuredClone(minimal) as any;
    doc.classes = Array.from({ length: n }, (_, k) => ({ id: `c${k}`, name: `Class ${k}`, share: 1 }));
    const flow = doc.scenarios[0].flow;
    const step = flow.nodes[1];
    const exit = flow.nodes[flow.nodes.length - 1];
    flow.nodes = [flow.nodes[0], ...Array.from({ length: steps }, (_, k) => ({ ...step, id: `s${k}`, name: `Step ${k}` })), exit];
    flow.edges = flow.nodes.slice(1).map((node: any, k: number) => ({ id: `e${k}`, source: flow.nodes[k].id, target: node.id }));
    return doc;
  };

  it('refuses more customer classes than the engine handles, saying the limit', () => {
    const r = loadProject(withClasses(1001, 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map(describeProblem)).toContain('classes: are too many: at most 1,000 customer classes');
  });

  it('refuses classes × steps past 1,000,000, naming the scenario and both numbers', () => {
    expect(loadProject(withClasses(1000, 1000)).ok).toBe(true);
    const r = loadProject(withClasses(1000, 1001));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/1,000 customer classes × 1,001 steps and delays is more than Serviceflow handles \(at most 1,000,000 pairs/);
  });

  it('words numbers as people write them and never shows NaN or Infinity', () => {
    const doc = structuredClone(minimal) as any;
    doc.scenarios[0].flow.nodes[1].capacity = 4_294_967_299;
    doc.run.seed = Number.POSITIVE_INFINITY;
    doc.serviceLevels = [{ id: 'sl', name: 'Quick', measure: 'waitingTime', threshold: 5, target: 1.2 }];
    const r = loadProject(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map(describeProblem).join('\n');
    expect(text).toMatch(/nodes\[1\]\.capacity: [^:]+: waiting places must be at most 1,000,000 waiting places/);
    expect(text).toMatch(/run\.seed: seed must be a finite number/);
    expect(text).toMatch(/serviceLevels\[0\]\.target: Quick: target must be between 0 % and 100 %/);
    expect(text).not.toMatch(/NaN|Infinity|undefined|\[object Object\]/);
  });
});
