// Parallel split and join against hand-computable cases. With enough staff that nobody queues, a
// case split into two branches taking A and B continues after max(A, B): constant 5 and 8 give
// exactly 8 in the system and 3 waiting at the join per case (the quicker part waits 3, the other
// 0: 1.5 per part). Exponential branches with rates a and b give E[max] = 1/a + 1/b − 1/(a + b)
// (time in system) and E[max − min] = E[max] − 1/(a + b) (the wait for the other part).
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../src/engine/simulate';
import { TRACE } from '../../../src/engine/types';
import { trafficEquations } from '../../../src/engine/traffic';
import { Project } from '../../../src/model/schema';
import { validateScenario } from '../../../src/model/validate';
import { edge, flowProject, poisson } from '../helpers';
import { expectWithinCI, replicate } from './support';

type Dist = { kind: 'constant'; value: number } | { kind: 'exponential'; mean: number };

function forkJoin(a: Dist, b: Dist, opts: { customers?: number; duration?: number; seed?: number; staff?: number; after?: boolean } = {}): Project {
  const staff = opts.staff ?? 200;
  return flowProject({
    departments: [
      { id: 'credit', name: 'Credit' },
      { id: 'fraud', name: 'Fraud' },
      { id: 'desk', name: 'Desk' },
    ],
    nodes: [
      poisson('in', 0.5),
      { id: 'split', kind: 'split', name: 'Both checks' },
      { id: 'a', kind: 'step', name: 'Credit scoring', departmentId: 'credit', staff, service: a },
      { id: 'b', kind: 'step', name: 'Fraud check', departmentId: 'fraud', staff, service: b },
      { id: 'join', kind: 'join', name: 'Both done' },
      ...(opts.after ? [{ id: 'c', kind: 'step', name: 'Decision letter', departmentId: 'desk', staff: 1, service: { kind: 'constant', value: 1 } }] : []),
      { id: 'x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 'split'), edge('split', 'a'), edge('split', 'b'), edge('a', 'join'), edge('b', 'join'), ...(opts.after ? [edge('join', 'c'), edge('c', 'x')] : [edge('join', 'x')])],
    customers: opts.customers,
    duration: opts.duration,
    warmup: 100,
    seed: opts.seed ?? 31,
  });
}

describe('parallel split and join', () => {
  it('two constant branches (5 and 8): 8 in the system, 3 waiting for the other part per case, 1.5 per part', () => {
    const r = simulateReplication(forkJoin({ kind: 'constant', value: 5 }, { kind: 'constant', value: 8 }, { customers: 2000 }), 'base', 0);
    expect(r.overall.exited).toBeGreaterThan(1900);
    expect(r.overall.timeInSystem.mean).toBeCloseTo(8, 9);
    expect(r.overall.timeInSystem.max).toBeCloseTo(8, 9);
    expect(r.overall.waitingTime.mean).toBe(0);
    const j = r.joins.join!;
    expect(j.name).toBe('Both done');
    expect(j.waitForParts.mean).toBeCloseTo(3, 9);
    expect(j.waitForParts.max).toBeCloseTo(3, 9);
    expect(j.waitForParts.p50).toBeCloseTo(3, 9);
    expect(j.partWait).toBeCloseTo(1.5, 9);
    expect(j.cases).toBe(r.overall.exited);
    // Each branch step sees every case once; a case is one customer in the counts.
    expect(r.steps.a!.arrivals).toBeGreaterThanOrEqual(r.overall.arrived - 1);
    expect(r.steps.b!.arrivals).toBe(r.steps.a!.arrivals);
    expect(r.insideAtWindowStart + r.overall.arrived).toBe(r.overall.exited + r.overall.abandoned + r.overall.turnedAway + r.overall.inSystemAtEnd);
    // Both departments are touched by every case: two handoffs (into each branch).
    expect(r.overall.departmentsTouchedPerCustomer).toBeCloseTo(2, 9);
  });

  it('two exponential branches: time in system E[max] = 1/a + 1/b − 1/(a+b); wait at the join E[max] − 1/(a+b)', () => {
    const ma = 4;
    const mb = 10;
    const a = 1 / ma;
    const b = 1 / mb;
    const eMax = ma + mb - 1 / (a + b);
    const reps = replicate(forkJoin({ kind: 'exponential', mean: ma }, { kind: 'exponential', mean: mb }, { customers: 4000, seed: 77 }), 12);
    expectWithinCI(reps.map((r) => r.overall.timeInSystem.mean), eMax, 'time in system (expected maximum)');
    expectWithinCI(reps.map((r) => r.joins.join!.waitForParts.mean), eMax - 1 / (a + b), 'waiting for the other part');
    // Per part: the slower part waits 0, the quicker one max − min: half of it on average.
    expectWithinCI(reps.map((r) => r.joins.join!.partWait), (eMax - 1 / (a + b)) / 2, 'waiting per part');
  });

  it('the case waits with the part that came last, and queues after the join as one customer', () => {
    // One member of staff per branch: the parts queue; afterwards one step serves the case once.
    const p = forkJoin({ kind: 'exponential', mean: 1 }, { kind: 'exponential', mean: 1.5 }, { customers: 3000, staff: 1, after: true, seed: 5 });
    const r = simulateReplication(p, 'base', 0);
    expect(r.steps.c!.arrivals).toBeGreaterThan(2900);
    expect(Math.abs(r.steps.c!.arrivals - r.steps.a!.arrivals)).toBeLessThan(10);
    // The case's waiting is that of one part (the last to arrive) plus its own after the join: more
    // than the quicker branch's waiting, less than both branches' together.
    const lo = Math.min(r.steps.a!.waitingTime.mean, r.steps.b!.waitingTime.mean);
    const hi = r.steps.a!.waitingTime.mean + r.steps.b!.waitingTime.mean + r.steps.c!.waitingTime.mean;
    expect(r.overall.waitingTime.mean).toBeGreaterThan(lo);
    expect(r.overall.waitingTime.mean).toBeLessThan(hi);
    expect(r.insideAtWindowStart + r.overall.arrived).toBe(r.overall.exited + r.overall.abandoned + r.overall.turnedAway + r.overall.inSystemAtEnd);
    // The load check sees both branches at the full rate and the step after the join at the case rate.
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.steps.a!.arrivalRate).toBeCloseTo(0.5, 9);
    expect(t.steps.b!.arrivalRate).toBeCloseTo(0.5, 9);
    expect(t.steps.c!.arrivalRate).toBeCloseTo(0.5, 9);
  });

  it('parts never give up or get turned away: patience and waiting places apply to whole customers', () => {
    const p = forkJoin({ kind: 'exponential', mean: 1 }, { kind: 'exponential', mean: 1 }, { customers: 2000, staff: 1 });
    const b = p.scenarios[0]!.flow.nodes.find((n) => n.id === 'b')! as Extract<Project['scenarios'][number]['flow']['nodes'][number], { kind: 'step' }>;
    b.patience = { kind: 'constant', value: 0.01 };
    b.capacity = 0;
    const r = simulateReplication(Project.parse(p), 'base', 0);
    expect(r.overall.abandoned).toBe(0);
    expect(r.overall.turnedAway).toBe(0);
    expect(r.joins.join!.cases).toBe(r.overall.exited);
  });

  it('a branch that ends at an exit is done there; the case leaves when its last part does', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.2),
        { id: 'split', kind: 'split', name: 'Split' },
        { id: 'a', kind: 'delay', name: 'Letter', duration: { kind: 'constant', value: 2 } },
        { id: 'b', kind: 'delay', name: 'Archive', duration: { kind: 'constant', value: 6 } },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      edges: [edge('in', 'split'), edge('split', 'a'), edge('split', 'b'), edge('a', 'x'), edge('b', 'x')],
      customers: 500,
    });
    const kinds: number[] = [];
    const r = simulateReplication(p, 'base', 0, { trace: (k) => void kinds.push(k) });
    expect(r.overall.timeInSystem.mean).toBeCloseTo(6, 9);
    expect(kinds.filter((k) => k === TRACE.EXIT).length).toBe(kinds.filter((k) => k === TRACE.ARRIVE).length - r.overall.inSystemAtEnd);
    expect(kinds.filter((k) => k === TRACE.PART_DONE).length).toBeGreaterThanOrEqual(2 * r.overall.exited);
    expect(validateScenario(p, 0).some((f) => /no join follows/.test(f.message))).toBe(true);
  });

  it('nested splits join inside out', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.1),
        { id: 's1', kind: 'split', name: 'Outer' },
        { id: 'a', kind: 'delay', name: 'A', duration: { kind: 'constant', value: 3 } },
        { id: 's2', kind: 'split', name: 'Inner' },
        { id: 'b', kind: 'delay', name: 'B', duration: { kind: 'constant', value: 4 } },
        { id: 'c', kind: 'delay', name: 'C', duration: { kind: 'constant', value: 7 } },
        { id: 'j2', kind: 'join', name: 'Inner join' },
        { id: 'd', kind: 'delay', name: 'D', duration: { kind: 'constant', value: 1 } },
        { id: 'j1', kind: 'join', name: 'Outer join' },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      edges: [edge('in', 's1'), edge('s1', 'a'), edge('s1', 's2'), edge('s2', 'b'), edge('s2', 'c'), edge('b', 'j2'), edge('c', 'j2'), edge('j2', 'd'), edge('a', 'j1'), edge('d', 'j1'), edge('j1', 'x')],
      customers: 300,
    });
    const r = simulateReplication(p, 'base', 0);
    // Inner: max(4, 7) + 1 = 8; outer: max(3, 8) = 8.
    expect(r.overall.timeInSystem.mean).toBeCloseTo(8, 9);
    expect(r.joins.j2!.waitForParts.mean).toBeCloseTo(3, 9);
    expect(r.joins.j1!.waitForParts.mean).toBeCloseTo(5, 9);
    // The load check: inner paths at the case rate, D once per case, one case out of the outer join.
    const t = trafficEquations(p, p.scenarios[0]!);
    for (const id of ['a', 'b', 'c', 'd', 'x']) expect(t.nodeRates[id], id).toBeCloseTo(0.1, 9);
    expect(t.nodeRates.j1).toBeCloseTo(0.2, 9); // two parts arrive there
    expect(t.nodeRates.j2).toBeCloseTo(0.2, 9);
  });

  it('the load check counts the parts a join waits for: paths that merge before it, and nested splits', () => {
    const merged = flowProject({
      nodes: [
        poisson('in', 0.1),
        { id: 's', kind: 'split', name: 'Split' },
        { id: 'a', kind: 'delay', name: 'A', duration: { kind: 'constant', value: 1 } },
        { id: 'b', kind: 'delay', name: 'B', duration: { kind: 'constant', value: 2 } },
        { id: 'c', kind: 'step', name: 'C', departmentId: 'd', staff: 2, service: { kind: 'exponential', mean: 1 } },
        { id: 'j', kind: 'join', name: 'Join' },
        { id: 'after', kind: 'step', name: 'After', departmentId: 'd', staff: 1, service: { kind: 'exponential', mean: 1 } },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      edges: [edge('in', 's'), edge('s', 'a'), edge('s', 'b'), edge('a', 'c'), edge('b', 'c'), edge('c', 'j'), edge('j', 'after'), edge('after', 'x')],
      customers: 3000,
    });
    const t = trafficEquations(merged, merged.scenarios[0]!);
    expect(t.steps.c!.arrivalRate).toBeCloseTo(0.2, 9); // both parts pass C
    expect(t.steps.after!.arrivalRate).toBeCloseTo(0.1, 9); // one case after the join
    const r = simulateReplication(merged, 'base', 0);
    expect(r.steps.after!.arrivals / r.steps.c!.arrivals).toBeCloseTo(0.5, 2);
  });

  it('a split and join in a loop that takes no time is reported, not a crash', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.1),
        { id: 's', kind: 'split', name: 'Split' },
        { id: 'j', kind: 'join', name: 'Join' },
        { id: 'd', kind: 'decision', name: 'Again?' },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      edges: [edge('in', 's'), edge('s', 'j'), { ...edge('s', 'j'), id: 's-j-2' }, edge('j', 'd'), edge('d', 's', 0.999999), edge('d', 'x', 0.000001)],
      customers: 100,
    });
    expect(() => simulateReplication(p, 'base', 0)).toThrow(/loop/);
  });
});
