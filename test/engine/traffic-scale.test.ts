// The load check at scale (issue 17): quick on a very long flow (how its time grows with the size
// is measured by npm run bench, not asserted here), the sparse solver exact
// against a dense one, and ids named like Object.prototype's members handled as ordinary ids.
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check';
import { sparseSolver } from '../../src/engine/sparse-solve';
import { trafficEquations } from '../../src/engine/traffic';
import { validateScenario } from '../../src/model/validate';
import { loadProject, type Project } from '../../src/model';
import { chainProject } from '../../bench/flows';

/** A small seeded generator (mulberry32) for the random flows. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fastest of three runs, in ms. */
function fastest(f: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('the load check at scale', () => {
  it('checks a chain of 8,000 steps quickly (it took 18 s when the checks were cubic)', () => {
    const p = chainProject(8000);
    let findings: ReturnType<typeof checkScenario> = [];
    const ms = fastest(() => (findings = checkScenario(p, 0)));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ms).toBeLessThan(3000);
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.nodeRates.s7999).toBeCloseTo(1 / 60, 12);
  });

  it('solves the loops of a long chain with rework (how its time grows is a benchmark: npm run bench)', () => {
    const large = chainProject(6000, true);
    checkScenario(large, 0); // finishes (its findings on this generated flow are not the point)
    // The loops are solved: each looped step is visited 1 / 0.9 times per pass of its loop.
    const t = trafficEquations(large, large.scenarios[0]!);
    expect(t.solvable).toBe(true);
    expect(t.nodeRates.s5999! / t.nodeRates.in!).toBeCloseTo(1 / 0.9, 9);
  });

  it('validates chains of 5,000 splits and of 5,000 joins in well under a second each', () => {
    for (const kind of ['split', 'join']) {
      const p = chainProject(2);
      const flow = p.scenarios[0]!.flow;
      flow.nodes = [flow.nodes[0]!, ...Array.from({ length: 5000 }, (_, i) => ({ id: `z${i}`, kind, name: `${kind} ${i}`, position: { x: 0, y: 0 } }) as any), flow.nodes[flow.nodes.length - 1]!];
      flow.edges = Array.from({ length: 5001 }, (_, i) => ({ id: `e${i}`, source: i === 0 ? 'in' : `z${i - 1}`, target: i === 5000 ? 'out' : `z${i}` }));
      const ms = fastest(() => validateScenario(p, 0));
      expect(ms).toBeLessThan(1000);
      // 5,000 in a row is past the engine's limit: refused, with the limit named.
      expect(validateScenario(p, 0).some((f) => f.severity === 'error' && /at most 500 in a row/.test(f.message))).toBe(true);
    }
  });
});

describe('the sparse solver', () => {
  it('gives the same visit rates as dense Gaussian elimination on random flows with loops', () => {
    const random = seeded(17);
    for (let trial = 0; trial < 20; trial++) {
      const n = 3 + Math.floor(random() * 25);
      const P = Array.from({ length: n }, () => new Map<number, number>());
      for (let i = 0; i < n - 1; i++) {
        // Each node sends its customers to 1–3 others; the last node is the exit.
        const k = 1 + Math.floor(random() * 3);
        const targets = Array.from({ length: k }, () => Math.floor(random() * n));
        const w = targets.map(() => random() + 0.05);
        const total = w.reduce((a, b) => a + b, 0) / 0.97; // 3 % leave at every node: no closed loop
        targets.forEach((t, j) => P[i]!.set(t, (P[i]!.get(t) ?? 0) + w[j]! / total));
      }
      const gamma = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : random() < 0.2 ? random() : 0));
      const solve = sparseSolver(n, P);
      expect(typeof solve).toBe('function');
      const x = (solve as (g: number[]) => Float64Array)(gamma);
      const dense = denseSolve(P, gamma);
      dense.forEach((v, i) => expect(x[i]!).toBeCloseTo(v, 9));
    }
  });

  it('reports a loop with no way out as unsolvable', () => {
    const P = [new Map([[1, 1]]), new Map([[2, 1]]), new Map([[1, 1]])];
    expect(sparseSolver(3, P)).toBeUndefined();
  });
});

/** x = γ + xP by Gauss–Jordan on (I − P)ᵀ. */
function denseSolve(P: Map<number, number>[], gamma: number[]): number[] {
  const n = gamma.length;
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (P[j]!.get(i) ?? 0)));
  const b = [...gamma];
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    [b[c], b[piv]] = [b[piv]!, b[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < n; k++) A[r]![k]! -= f * A[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return b.map((v, i) => v / A[i]![i]!);
}

describe('ids named like Object.prototype members', () => {
  it('a class "constructor" without its own service time uses the step’s, in the load check', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'isPrototypeOf', '__proto__']) {
      const doc = {
        formatVersion: 4,
        name: 'p',
        classes: [{ id: name, name: 'Odd', share: 1 }, { id: 'b', name: 'B', share: 1 }],
        run: { horizon: { kind: 'duration', duration: 100 }, replications: { kind: 'fixed', count: 1 }, seed: 1 },
        serviceLevels: [{ id: name, name: 'SL', measure: 'waitingTime', threshold: 5, target: 0.8 }],
        scenarios: [
          {
            id: 's',
            name: 'S',
            kind: 'baseline',
            flow: {
              departments: [{ id: name, name: 'Dept' }],
              nodes: [
                { id: 'in', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 1, per: 'minute' } },
                { id: name, kind: 'step', name: 'Odd step', departmentId: name, staff: 1, service: { kind: 'constant', value: 0.5 }, serviceByClass: { b: { kind: 'constant', value: 0.7 } } },
                { id: 'x', kind: 'exit', name: 'Out' },
              ],
              edges: [
                { id: 'e1', source: 'in', target: name },
                { id: 'e2', source: name, target: 'x' },
              ],
            },
          },
        ],
      };
      const r = loadProject(JSON.parse(JSON.stringify(doc)));
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      const t = trafficEquations(r.project, r.project.scenarios[0]!);
      expect(Object.keys(t.steps)).toEqual([name]);
      expect(t.steps[name]!.offeredLoad).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.7, 12);
      expect(t.departments[name]!.offeredLoad).toBeCloseTo(0.6, 12);
      expect(JSON.parse(JSON.stringify(t.steps))[name].nodeId).toBe(name);
      expect(checkScenario(r.project, 0).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('a service time for class "__proto__" is kept (not dropped) and checked', () => {
    const text = (mean: number) =>
      `{"formatVersion":3,"name":"p","classes":[{"id":"__proto__","name":"Odd","share":1}],"run":{"horizon":{"kind":"duration","duration":100},"replications":{"kind":"fixed","count":1},"seed":1},` +
      `"scenarios":[{"id":"s","name":"S","kind":"baseline","flow":{"departments":[{"id":"d","name":"D"}],"nodes":[{"id":"in","kind":"arrivals","name":"In","arrivals":{"mode":"rate","rate":1,"per":"minute"}},` +
      `{"id":"st","kind":"step","name":"Intake","departmentId":"d","staff":1,"service":{"kind":"constant","value":0.5},"serviceByClass":{"__proto__":{"kind":"constant","value":${mean}}}},{"id":"x","kind":"exit","name":"Out"}],` +
      `"edges":[{"id":"e1","source":"in","target":"st"},{"id":"e2","source":"st","target":"x"}]}}]}`;
    const ok = loadProject(JSON.parse(text(0.25)));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(trafficEquations(ok.project, ok.project.scenarios[0]!).steps.st!.meanService).toBeCloseTo(0.25, 12);
    const bad = loadProject(JSON.parse(text(-1)));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.path).toBe('scenarios[0].flow.nodes[1].serviceByClass.__proto__.value');
  });
});
