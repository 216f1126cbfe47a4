// The bookkeeping behind the hot paths: only steps on a cycle of the flow remember visits
// (compile.ts loopIndex), and departments touched / steps visited are bit masks per customer up
// to 32, tables beyond — both must count the same.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile';
import { simulateReplication } from '../../src/engine/simulate';
import { edge, flowProject, step } from './helpers';

/** in → s0 → … → s(n−1) → back? (half go round again) → after → exit; one department per step. */
function loopProject(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  return flowProject({
    nodes: [
      { id: 'in', kind: 'arrivals', name: 'in', arrivals: { mode: 'rate', rate: 0.05, per: 'minute' } },
      ...ids.map((id) => step(id, 50, 0.01, `d${id}`)),
      { id: 'back', kind: 'decision', name: 'back' },
      step('after', 50, 0.01, 'dafter'),
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 's0'), ...ids.slice(1).map((id, i) => edge(ids[i]!, id)), edge(ids[n - 1]!, 'back'), edge('back', 's0', 0.5), edge('back', 'after', 0.5), edge('after', 'x')],
    departments: [...ids, 'after'].map((id) => ({ id: `d${id}`, name: id })),
    duration: 40_000,
  });
}

describe('visits on loops and departments touched', () => {
  it('compile marks exactly the steps on a cycle', () => {
    const m = compileScenario(loopProject(3), 'base');
    const at = (id: string) => m.loopIndex[m.nodeIds.indexOf(id)]!;
    expect([at('s0'), at('s1'), at('s2')]).toEqual([0, 1, 2]);
    expect(at('after')).toBe(-1);
    expect(at('in')).toBe(-1);
    expect(m.loops).toBe(3);
  });

  for (const n of [3, 40]) {
    it(`counts repeats and departments the same way with ${n} steps on the loop (${n + 1 > 32 ? 'tables' : 'bit masks'})`, () => {
      const r = simulateReplication(loopProject(n), 'base', 0);
      const s0 = r.steps['s0']!;
      const repeats = Math.round(s0.reworkShare * s0.arrivals);
      // Every customer arriving goes to s0 at once: first visits there are the arrivals.
      expect(s0.arrivals - repeats).toBe(r.overall.arrived);
      expect(s0.reworkShare).toBeGreaterThan(0.4);
      expect(s0.reworkShare).toBeLessThan(0.6);
      expect(r.steps['after']!.reworkShare).toBe(0);
      // Each customer who left went through every department once or more: all n + 1 touched.
      expect(r.overall.departmentsTouchedPerCustomer).toBe(n + 1);
    });
  }
});
