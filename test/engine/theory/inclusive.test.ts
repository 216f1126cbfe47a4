// Inclusive (OR) split and join against hand-computable cases. Each path is taken on its own with
// its chance; a draw that takes none is drawn again. With chances ½ and ½ that leaves {A}, {B} and
// {A, B} with ⅓ each, so each path is taken by ⅔ of the cases. With constant branches of 5 and 8 and
// staff enough that nobody queues, a case takes 5 ({A}), 8 ({B}) or 8 ({A, B}): 7 on average, and
// waits 3 at the join only when both paths were taken: 1 per case on average.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../src/engine/simulate';
import { trafficEquations } from '../../../src/engine/traffic';
import { TRACE } from '../../../src/engine/types';
import type { Project } from '../../../src/model/schema';
import { validateScenario } from '../../../src/model/validate';
import { edge, flowProject, poisson } from '../helpers';
import { expectWithinCI, replicate } from './support';

type Dist = { kind: 'constant'; value: number } | { kind: 'exponential'; mean: number };

function orSplit(a: Dist, b: Dist, pa: number, pb: number, opts: { customers?: number; duration?: number; seed?: number; staff?: number; rate?: number; quickLetter?: boolean } = {}): Project {
  const staff = opts.staff ?? 200;
  return flowProject({
    departments: [
      { id: 'credit', name: 'Credit' },
      { id: 'fraud', name: 'Fraud' },
      { id: 'desk', name: 'Desk' },
    ],
    nodes: [
      poisson('in', opts.rate ?? 0.5),
      { id: 'split', kind: 'split', name: 'Checks needed', mode: 'inclusive' },
      { id: 'a', kind: 'step', name: 'Credit scoring', departmentId: 'credit', staff, service: a },
      { id: 'b', kind: 'step', name: 'Fraud check', departmentId: 'fraud', staff, service: b },
      { id: 'join', kind: 'join', name: 'Checks done' },
      { id: 'c', kind: 'step', name: 'Decision letter', departmentId: 'desk', ...(opts.quickLetter ? { staff: 200, service: { kind: 'constant', value: 1 } } : { staff: 1, service: { kind: 'exponential', mean: 1 } }) },
      { id: 'x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 'split'), edge('split', 'a', pa), edge('split', 'b', pb), edge('a', 'join'), edge('b', 'join'), edge('join', 'c'), edge('c', 'x')],
    customers: opts.customers,
    duration: opts.duration,
    warmup: 100,
    seed: opts.seed ?? 31,
  });
}

const five = { kind: 'constant', value: 5 } as const;
const eight = { kind: 'constant', value: 8 } as const;

describe('inclusive (OR) split and join', () => {
  it('chances ½ and ½ with branches 5 and 8: each path taken by ⅔ of the cases, 7 in the branches and 1 waiting at the join per case', () => {
    const reps = replicate(orSplit(five, eight, 0.5, 0.5, { customers: 3000, rate: 0.05, quickLetter: true }), 10);
    // Time from the split to the join is 5, 8 or 8; the letter after it takes 1 with nobody waiting.
    expectWithinCI(reps.map((r) => r.overall.timeInSystem.mean - 1), 7, 'time in the branches');
    expectWithinCI(reps.map((r) => r.joins.join!.waitForParts.mean), 1, 'waiting for the other part per case');
    expectWithinCI(reps.map((r) => r.steps.a!.arrivals / r.joins.join!.cases), 2 / 3, 'share of cases through A');
    expectWithinCI(reps.map((r) => r.steps.b!.arrivals / r.joins.join!.cases), 2 / 3, 'share of cases through B');
    for (const r of reps) {
      // Exactly one case out of the join per case in: the join waited for the parts that were started, no more.
      expect(Math.abs(r.steps.c!.arrivals - r.overall.arrived)).toBeLessThanOrEqual(r.insideAtWindowStart + 3);
      expect(r.insideAtWindowStart + r.overall.arrived).toBe(r.overall.exited + r.overall.abandoned + r.overall.turnedAway + r.overall.inSystemAtEnd);
      expect(r.joins.join!.waitForParts.max).toBeCloseTo(3, 9);
    }
  });

  it('every case takes at least one path; chances 1 and 0 take exactly one of them', () => {
    const parts: number[] = [];
    const p = orSplit(five, eight, 0.2, 0.1, { customers: 2000 });
    simulateReplication(p, 'base', 0, { trace: (k, _t, _c, _cls, _a, b) => void (k === TRACE.SPLIT && parts.push(b)) });
    expect(parts.length).toBeGreaterThan(1900);
    expect(Math.min(...parts)).toBe(1);
    expect(Math.max(...parts)).toBe(2);
    // P(both | at least one) = 0.02 / 0.28.
    const both = parts.filter((x) => x === 2).length / parts.length;
    expect(Math.abs(both - 0.02 / 0.28)).toBeLessThan(4 * Math.sqrt((0.0714 * 0.9286) / parts.length));

    const only = simulateReplication(orSplit(five, eight, 1, 0, { customers: 1000, quickLetter: true }), 'base', 0);
    expect(only.steps.b!.arrivals).toBe(0);
    expect(only.overall.timeInSystem.mean).toBeCloseTo(6, 9);
    // Chances of 1 on every path behave as a parallel split.
    const all = simulateReplication(orSplit(five, eight, 1, 1, { customers: 1000 }), 'base', 0);
    expect(all.joins.join!.waitForParts.mean).toBeCloseTo(3, 9);
    expect(all.steps.a!.arrivals).toBe(all.steps.b!.arrivals);
  });

  it("Little's law and conservation with queues on the paths", () => {
    const p = orSplit({ kind: 'exponential', mean: 1 }, { kind: 'exponential', mean: 1.5 }, 0.7, 0.4, { duration: 40_000, staff: 1, rate: 0.4, seed: 9 });
    const r = simulateReplication(p, 'base', 0);
    const T = r.windowEnd - r.windowStart;
    const o = r.overall;
    expect(r.insideAtWindowStart + o.arrived).toBe(o.exited + o.abandoned + o.turnedAway + o.inSystemAtEnd);
    const boundary = (2 * o.workInProgress.max * Math.max(o.timeInSystem.max, 1)) / T;
    expect(Math.abs(o.workInProgress.mean - o.throughput * o.timeInSystem.mean)).toBeLessThanOrEqual(boundary + 1e-9);
    for (const id of ['a', 'b', 'c']) {
      const s = r.steps[id]!;
      const qBoundary = (2 * s.queueLength.max * Math.max(s.waitingTime.max, 1)) / T;
      expect(Math.abs(s.queueLength.mean - s.totalWaiting / T), id).toBeLessThanOrEqual(qBoundary + 1e-9);
    }
  });

  it('the load check sends each path its share of the cases and one case out of the join', () => {
    const p = orSplit({ kind: 'exponential', mean: 1 }, { kind: 'exponential', mean: 1.5 }, 0.7, 0.4, { duration: 40_000, staff: 1, rate: 0.4, seed: 9 });
    const any = 1 - 0.3 * 0.6;
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.steps.a!.arrivalRate).toBeCloseTo((0.4 * 0.7) / any, 9);
    expect(t.steps.b!.arrivalRate).toBeCloseTo((0.4 * 0.4) / any, 9);
    expect(t.steps.c!.arrivalRate).toBeCloseTo(0.4, 9);
    const r = simulateReplication(p, 'base', 0);
    const T = r.windowEnd - r.windowStart;
    for (const id of ['a', 'b', 'c']) expect(r.steps[id]!.arrivals / T / t.steps[id]!.arrivalRate, id).toBeCloseTo(1, 1);
  });

  it('the checks ask for a chance on every path and at least one above 0', () => {
    const missing = orSplit(five, eight, 0.5, 0.5);
    delete (missing.scenarios[0]!.flow.edges[1] as { probability?: number }).probability;
    expect(validateScenario(missing, 0).find((f) => f.severity === 'error')?.message).toMatch(/"Checks needed" takes one or more of its paths: give each outgoing connection the chance/);
    expect(() => simulateReplication(missing, 'base', 0)).toThrow(/Checks needed/);
    const zero = orSplit(five, eight, 0, 0);
    expect(validateScenario(zero, 0).find((f) => f.severity === 'error')?.message).toMatch(/every path has a chance of 0 %/);
    // Chances need not add up to 100 %.
    expect(validateScenario(orSplit(five, eight, 0.9, 0.8), 0).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
