// Outages with preemptive resume against hand formulas. With plenty of staff (no queueing for a person),
// the time at a step that needs a system failing at rate f (exponential times between failures,
// mean 1/f) and repaired in exponential time with mean r is: the remaining repair if the system is
// down on arrival (probability r·f/(1 + r·f), mean r), plus the service stretched by the repairs
// that fall into it: E[S]·(1 + f·r). The system's availability is 1/(1 + f·r).
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../../src/engine/simulate';
import { Project } from '../../../src/model/schema';
import { edge, flowProject, poisson } from '../helpers';
import { expectWithinCI, replicate } from './support';

const mtbf = 100;
const mttr = 20;
const meanService = 10;

function project(lambda: number, customers: number, staff = 1): Project {
  const p = flowProject({
    nodes: [
      poisson('in', lambda),
      { id: 's', kind: 'step', name: 'Needs core banking', departmentId: 'd', staff, service: { kind: 'exponential', mean: meanService }, systemIds: ['core'] },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    customers,
    warmup: 1000,
    seed: 515,
  });
  p.scenarios[0]!.flow.systems = [{ id: 'core', name: 'Core banking', timeBetweenFailures: { kind: 'exponential', mean: mtbf }, timeToRepair: { kind: 'exponential', mean: mttr } }];
  return Project.parse(p);
}

describe('system outages (preemptive resume) against theory', () => {
  it('time at the step = down on arrival × remaining repair + effective service time E[S](1 + f·r)', () => {
    const f = 1 / mtbf;
    const pDown = (mttr * f) / (1 + mttr * f);
    const theory = pDown * mttr + meanService * (1 + f * mttr);
    // Plenty of staff: nobody waits for a person, only for the system.
    const reps = replicate(project(0.01, 6000, 50), 10);
    expectWithinCI(reps.map((r) => r.overall.timeInSystem.mean), theory, 'time in system');
    expectWithinCI(reps.map((r) => r.systems.core!.availability), 1 / (1 + f * mttr), 'availability');
    for (const r of reps) expect(r.systems.core!.failures).toBeGreaterThan(0);
    // Customer-time held up by the outages, per customer who arrived (Little's law on the extra
    // time): pDown·r (arriving while down) + E[S]·f·r (repairs inside the service).
    expectWithinCI(
      reps.map((r) => r.systems.core!.waitingWhileDown / r.overall.arrived),
      pDown * mttr + meanService * f * mttr,
      'customer-time held up while down, per customer',
    );
    // Nobody waits for a person here: all the waiting is waiting while down.
    for (const r of reps) expect(r.systems.core!.waitingWhileDownShare).toBeCloseTo(1, 9);
  });

  it('nobody is served while the system is down, and every customer is still served in full', () => {
    const p = project(0.05, 4000, 2);
    const r = simulateReplication(p, 'base', 0);
    const plain = simulateReplication({ ...p, scenarios: [{ ...p.scenarios[0]!, flow: { ...p.scenarios[0]!.flow, systems: [], nodes: p.scenarios[0]!.flow.nodes.map((n) => (n.kind === 'step' ? { ...n, systemIds: [] } : n)) } }] }, 'base', 0);
    // Outages only add waiting: the same customers (same seeds) wait longer.
    expect(r.overall.waitingTime.mean).toBeGreaterThan(plain.overall.waitingTime.mean);
    expect(r.insideAtWindowStart + r.overall.arrived).toBe(r.overall.exited + r.overall.abandoned + r.overall.turnedAway + r.overall.inSystemAtEnd);
  });
});
