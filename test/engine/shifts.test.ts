// Shifts: staff on duty hour by hour. Checked against hand-computable cases: one person on duty
// 08:00–16:00 with a constant 1-minute service and more customers than they can serve serves
// 480 customers a day (plus at most the one in hand at 16:00), starts nobody off shift, is busy
// the whole shift, and costs 8 staff-hours a day.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate';
import { TRACE } from '../../src/engine/types';
import { trafficEquations } from '../../src/engine/traffic';
import { Project } from '../../src/model/schema';
import { edge, flowProject, poisson } from './helpers';

const office = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 1 : 0));
const days = 5;

function project(pooled: boolean): Project {
  const p = flowProject({
    nodes: [
      poisson('in', 0.75), // 1,080 a day: more than 480 can be served
      { id: 's', kind: 'step', name: 'Desk', departmentId: 'd', staff: 7, service: { kind: 'constant', value: 1 }, ...(pooled ? { poolId: 'team' } : { shifts: { repeat: 'day', staff: office } }) },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: days * 1440,
    seed: 9,
  });
  if (pooled) p.scenarios[0]!.flow.pools = [{ id: 'team', name: 'Team', size: 4, shifts: { repeat: 'day', staff: office } }];
  return Project.parse({ ...p, costs: { staffPerHour: 30 } });
}

describe('shifts', () => {
  for (const pooled of [false, true]) {
    it(`${pooled ? 'a pool' : 'a step'} on duty 08:00–16:00 serves 480 a day, nobody off shift, busy all shift`, () => {
      const starts: number[] = [];
      const r = simulateReplication(project(pooled), 'base', 0, { trace: (kind, t) => (kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) && void starts.push(t) });
      const served = r.steps.s!.completed;
      expect(served).toBeGreaterThanOrEqual(480 * days);
      expect(served).toBeLessThanOrEqual(480 * days + days);
      for (const t of starts) {
        const minute = t % 1440;
        expect(minute >= 480 && minute < 960, `a service started at minute ${minute} of the day`).toBe(true);
      }
      const util = pooled ? r.pools.team!.utilization : r.steps.s!.utilization;
      expect(util).toBeGreaterThan(0.995);
      expect(util).toBeLessThanOrEqual(1 + 1e-9);
      // Average staff on duty: 8 of 24 hours.
      expect(r.departments.d!.staff).toBeCloseTo(8 / 24, 9);
      expect(r.overall.costs.staff).toBeCloseTo(8 * days * 30, 6);
    });
  }

  it('the load check uses the average staff on shift', () => {
    const p = project(false);
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.steps.s!.staff).toBeCloseTo(8 / 24, 12);
    expect(t.steps.s!.utilization).toBeCloseTo(0.75 / (8 / 24), 9);
  });
});
