import { describe, expect, it } from 'vitest';
import * as edits from '../../../src/ui/store/edits';
import { loadProject } from '../../../src/model/load';
import { getExample } from '../../../src/model/examples';
import { checkScenario } from '../../../src/engine/check';
import type { Project } from '../../../src/model/schema';

const BASE = 'baseline';
const flow = (p: Project, id = BASE) => p.scenarios.find((s) => s.id === id)!.flow;
const outShares = (p: Project, source: string) =>
  flow(p)
    .edges.filter((e) => e.source === source)
    .map((e) => e.probability);
const sum = (xs: (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

/** The empty project with one step between arrivals and exit, connected. */
function simpleFlow() {
  let p = edits.emptyProject();
  const r = edits.addNode(p, BASE, 'step', { x: 240, y: 40 });
  p = r.project;
  p = edits.connect(p, BASE, 'arrivals', r.id).project;
  p = edits.connect(p, BASE, r.id, 'exit').project;
  return { p, step: r.id };
}

describe('project edits', () => {
  it('a new empty project is valid: a baseline with one arrivals, one exit and one department', () => {
    const p = edits.emptyProject();
    expect(loadProject(p)).toMatchObject({ ok: true });
    expect(p.scenarios).toHaveLength(1);
    expect(p.scenarios[0]!.kind).toBe('baseline');
    expect(flow(p).nodes.map((n) => n.kind).sort()).toEqual(['arrivals', 'exit']);
    expect(flow(p).departments).toHaveLength(1);
  });

  it('addNode gives fresh ids, puts steps in a department and never mutates its input', () => {
    const p0 = edits.emptyProject();
    const frozen = JSON.stringify(p0);
    const a = edits.addNode(p0, BASE, 'step', { x: 100, y: 100 });
    const b = edits.addNode(a.project, BASE, 'step', { x: 100, y: 100 });
    expect(JSON.stringify(p0)).toBe(frozen);
    expect(a.id).not.toBe(b.id);
    const nodes = flow(b.project).nodes;
    expect(nodes).toHaveLength(4);
    const step = nodes.find((n) => n.id === b.id)!;
    expect(step.kind === 'step' && step.departmentId).toBe(flow(p0).departments[0]!.id);
    // The second one is not dropped on top of the first.
    const first = nodes.find((n) => n.id === a.id)!;
    expect(step.position).not.toEqual(first.position);
    expect(loadProject(b.project)).toMatchObject({ ok: true });
  });

  it('addNode uses the department asked for', () => {
    let p = edits.emptyProject();
    const d = edits.addDepartment(p, BASE, 'Back office');
    p = d.project;
    const r = edits.addNode(p, BASE, 'step', { x: 0, y: 300 }, d.id);
    const n = flow(r.project).nodes.find((x) => x.id === r.id)!;
    expect(n.kind === 'step' && n.departmentId).toBe(d.id);
  });

  it('connect: one way out has no share; a second way out splits customers so the shares sum to 1', () => {
    const { p, step } = simpleFlow();
    expect(outShares(p, step)).toEqual([undefined]);
    const d = edits.addNode(p, BASE, 'step', { x: 500, y: 300 });
    const two = edits.connect(d.project, BASE, step, d.id).project;
    expect(outShares(two, step)).toHaveLength(2);
    expect(sum(outShares(two, step))).toBeCloseTo(1, 9);
    const d3 = edits.addNode(two, BASE, 'step', { x: 700, y: 300 });
    const three = edits.connect(d3.project, BASE, step, d3.id).project;
    expect(outShares(three, step)).toHaveLength(3);
    expect(sum(outShares(three, step))).toBeCloseTo(1, 9);
    expect(checkScenario(three, 0).filter((f) => /sum|share|100/i.test(f.message) && f.severity === 'error')).toEqual([]);
  });

  it('connect refuses a duplicate connection and reports the new edge id otherwise', () => {
    const { p, step } = simpleFlow();
    const again = edits.connect(p, BASE, step, 'exit');
    expect(again.project).toBe(p);
    expect(again.id).toBeUndefined();
    const d = edits.addNode(p, BASE, 'step', { x: 0, y: 300 });
    const r = edits.connect(d.project, BASE, d.id, 'exit');
    expect(flow(r.project).edges.find((e) => e.id === r.id)).toMatchObject({ source: d.id, target: 'exit' });
  });

  it('removeElements takes a node away with its connections and re-normalises the remaining shares', () => {
    const { p, step } = simpleFlow();
    const a = edits.addNode(p, BASE, 'step', { x: 500, y: 300 });
    let q = edits.connect(a.project, BASE, step, a.id).project;
    const b = edits.addNode(q, BASE, 'step', { x: 700, y: 300 });
    q = edits.connect(b.project, BASE, step, b.id).project;
    const gone = edits.removeElements(q, BASE, [b.id], []);
    expect(flow(gone).nodes.some((n) => n.id === b.id)).toBe(false);
    expect(flow(gone).edges.some((e) => e.source === b.id || e.target === b.id)).toBe(false);
    expect(sum(outShares(gone, step))).toBeCloseTo(1, 9);
    // Down to one way out: no share at all.
    const one = edits.removeElements(gone, BASE, [], [flow(gone).edges.find((e) => e.source === step && e.target === a.id)!.id]);
    expect(outShares(one, step)).toEqual([undefined]);
  });

  it('updateNode and updateEdge replace exactly the element with that id', () => {
    const { p, step } = simpleFlow();
    const n = flow(p).nodes.find((x) => x.id === step)!;
    if (n.kind !== 'step') throw new Error('expected a step');
    const q = edits.updateNode(p, BASE, { ...n, staff: 4, name: 'Assessment' });
    expect(flow(q).nodes.find((x) => x.id === step)).toMatchObject({ staff: 4, name: 'Assessment' });
    expect(flow(q).nodes.filter((x) => x.id !== step)).toEqual(flow(p).nodes.filter((x) => x.id !== step));
    const e = flow(q).edges[0]!;
    const r = edits.updateEdge(q, BASE, { ...e, label: 'walk-in' });
    expect(flow(r).edges[0]!.label).toBe('walk-in');
    expect(flow(r).edges.slice(1)).toEqual(flow(q).edges.slice(1));
  });

  it('moveNodes moves several nodes at once to whole-pixel positions', () => {
    const { p, step } = simpleFlow();
    const q = edits.moveNodes(p, BASE, [
      { id: step, position: { x: 10.4, y: 20.6 } },
      { id: 'exit', position: { x: 900, y: 0 } },
    ]);
    expect(flow(q).nodes.find((n) => n.id === step)!.position).toEqual({ x: 10, y: 21 });
    expect(flow(q).nodes.find((n) => n.id === 'exit')!.position).toEqual({ x: 900, y: 0 });
  });

  it('departments: add, rename, recolour, and move a step into another one', () => {
    const { p, step } = simpleFlow();
    const d = edits.addDepartment(p, BASE, 'Credit');
    const dept = flow(d.project).departments.find((x) => x.id === d.id)!;
    expect(dept.name).toBe('Credit');
    expect(dept.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(dept.color).not.toBe(flow(p).departments[0]!.color);
    const renamed = edits.updateDepartment(d.project, BASE, { ...dept, name: 'Credit department', color: '#123456' });
    expect(flow(renamed).departments.find((x) => x.id === d.id)).toEqual({ id: d.id, name: 'Credit department', color: '#123456' });
    const moved = edits.setDepartment(renamed, BASE, step, d.id);
    const n = flow(moved).nodes.find((x) => x.id === step)!;
    expect(n.kind === 'step' && n.departmentId).toBe(d.id);
    // Only steps and delays belong to departments.
    expect(edits.setDepartment(renamed, BASE, 'exit', d.id)).toEqual(renamed);
  });

  it('duplicateAsProposal keeps node and department ids, and edits of the copy leave the baseline alone', () => {
    const loan = getExample('loan')!.project;
    const base = loan.scenarios.find((s) => s.kind === 'baseline')!;
    const r = edits.duplicateAsProposal(loan, base.id);
    const copy = r.project.scenarios.find((s) => s.id === r.id)!;
    expect(copy.kind).toBe('proposal');
    expect(r.project.scenarios.map((s) => s.id)).toContain(base.id);
    expect(new Set(r.project.scenarios.map((s) => s.id)).size).toBe(r.project.scenarios.length);
    expect(copy.flow.nodes.map((n) => n.id)).toEqual(base.flow.nodes.map((n) => n.id));
    expect(copy.flow.departments.map((d) => d.id)).toEqual(base.flow.departments.map((d) => d.id));
    const edited = edits.updateNode(r.project, r.id, { ...copy.flow.nodes[1]!, name: 'Changed' });
    expect(edited.scenarios.find((s) => s.id === base.id)).toEqual(base);
    expect(loadProject(r.project)).toMatchObject({ ok: true });
  });

  it('rename and delete scenarios; the baseline cannot be deleted', () => {
    const loan = getExample('loan')!.project;
    const base = loan.scenarios.find((s) => s.kind === 'baseline')!;
    const proposal = loan.scenarios.find((s) => s.kind === 'proposal')!;
    expect(edits.renameScenario(loan, proposal.id, 'Plan B').scenarios.find((s) => s.id === proposal.id)!.name).toBe('Plan B');
    expect(edits.deleteScenario(loan, proposal.id).scenarios.map((s) => s.id)).not.toContain(proposal.id);
    expect(() => edits.deleteScenario(loan, base.id)).toThrow(/baseline/);
  });

  it('edits name an unknown scenario loudly', () => {
    expect(() => edits.updateNode(edits.emptyProject(), 'nope', edits.defaultNode('exit', 'x', { x: 0, y: 0 }, undefined))).toThrow(/nope/);
  });
});

describe('removeDepartment', () => {
  it('removes an unused department and refuses one that steps still belong to', async () => {
    const { getExample } = await import('../../../src/model/examples');
    const p = getExample('loan')!.project;
    expect(edits.removeDepartment(p, 'baseline', 'credit')).toBe(p);
    const added = edits.addDepartment(p, 'baseline', 'Archive');
    const removed = edits.removeDepartment(added.project, 'baseline', added.id);
    expect(removed.scenarios[0]!.flow.departments.map((d) => d.id)).toEqual(p.scenarios[0]!.flow.departments.map((d) => d.id));
  });
});
