// Staff pools against theory: two steps with equal exponential service drawing on one pool of c
// staff are one M/M/c queue (served in order of waiting, across both steps); with a priority
// between the steps the average wait stays that of M/M/c (equal service times: work-conserving),
// while the preferred step waits less.
import { describe, expect, it } from 'vitest';
import { mmc } from '../../../src/engine/analytic';
import { simulateReplication } from '../../../src/engine/simulate';
import { trafficEquations } from '../../../src/engine/traffic';
import { Project } from '../../../src/model/schema';
import { edge, flowProject, poisson } from '../helpers';
import { expectWithinCI, replicate } from './support';

const c = 3;
const lambda = 2.4; // per minute; mean service 1 minute: ρ = 0.8
function pooled(priorities?: [number, number]): Project {
  const p = flowProject({
    nodes: [
      poisson('in', lambda),
      { id: 'split', kind: 'decision', name: 'split' },
      { id: 'a', kind: 'step', name: 'Step A', departmentId: 'd', staff: 1, poolId: 'team', service: { kind: 'exponential', mean: 1 }, ...(priorities ? { poolPriority: priorities[0] } : {}) },
      { id: 'b', kind: 'step', name: 'Step B', departmentId: 'd', staff: 1, poolId: 'team', service: { kind: 'exponential', mean: 1 }, ...(priorities ? { poolPriority: priorities[1] } : {}) },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 'split'), edge('split', 'a', 0.5), edge('split', 'b', 0.5), edge('a', 'x'), edge('b', 'x')],
    customers: 120_000,
    warmup: 500,
    seed: 303,
  });
  p.scenarios[0]!.flow.pools = [{ id: 'team', name: 'Cross-trained team', size: c, departmentId: 'd' }];
  return Project.parse(p);
}

describe('staff pools against theory', () => {
  const theory = mmc(lambda, 1, c);

  it('a pool shared by two steps with equal exponential service behaves as one M/M/c', () => {
    const reps = replicate(pooled(), 10);
    expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), theory.meanWait, 'Wq overall');
    expectWithinCI(reps.map((r) => r.steps.a!.waitingTime.mean), theory.meanWait, 'Wq at A');
    expectWithinCI(reps.map((r) => r.steps.b!.waitingTime.mean), theory.meanWait, 'Wq at B');
    expectWithinCI(reps.map((r) => r.pools.team!.utilization), 0.8, 'pool utilisation');
    expectWithinCI(reps.map((r) => r.steps.a!.utilization), 0.4, "step A's share of the pool");
    // The pool's staff are counted once in the department.
    expect(reps[0]!.departments.d!.staff).toBe(c);
  });

  it('a pool working for two departments counts in each in proportion to the work: both as busy as the pool', () => {
    const p = pooled();
    const flow = p.scenarios[0]!.flow;
    flow.departments = [...flow.departments, { id: 'e', name: 'Other', color: '#4e79a7' }];
    flow.nodes = flow.nodes.map((n) => (n.id === 'b' && n.kind === 'step' ? { ...n, departmentId: 'e' } : n));
    const r = simulateReplication({ ...p, run: { ...p.run, horizon: { kind: 'customers', count: 20_000 } } }, 'base', 0);
    const pool = r.pools.team!.utilization;
    expect(r.departments.d!.utilization).toBeCloseTo(pool, 9);
    expect(r.departments.e!.utilization).toBeCloseTo(pool, 9);
    expect(r.departments.d!.staff + r.departments.e!.staff).toBeCloseTo(c, 9);
    expect(r.departments.e!.staff).toBeGreaterThan(1); // about half the team works for B
  });

  it('with a priority between the steps, the preferred one waits less and the average stays M/M/c', () => {
    const reps = replicate(pooled([0, 1]), 10);
    expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), theory.meanWait, 'Wq overall');
    for (const r of reps) expect(r.steps.a!.waitingTime.mean).toBeLessThan(r.steps.b!.waitingTime.mean);
  });

  it('the load check sees the pool: utilisation and staff of the pool on each of its steps', () => {
    const p = pooled();
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.steps.a!.staff).toBe(c);
    expect(t.steps.a!.utilization).toBeCloseTo(0.8, 9);
    expect(t.steps.a!.approxWaitMMc).toBeCloseTo(theory.meanWait, 9);
    expect(t.departments.d!.staff).toBe(c);
    // Staff cost counts the pool once, at its own rate.
    const priced = Project.parse({ ...p, costs: { staffPerHour: 10 }, scenarios: [{ ...p.scenarios[0]!, flow: { ...p.scenarios[0]!.flow, pools: [{ id: 'team', name: 'Team', size: c, costPerHour: 40, departmentId: 'd' }] } }] });
    const r = simulateReplication({ ...priced, run: { ...priced.run, horizon: { kind: 'duration', duration: 600 } } }, 'base', 0);
    expect(r.overall.costs.staff).toBeCloseTo(c * 40 * ((r.windowEnd - r.windowStart) / 60), 9);
  });
});
