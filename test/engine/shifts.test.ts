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

  // Opening hours 08:00–16:00 for arrivals too (1.5 a minute: 720 a day for 480 minutes of work).
  // Carried over, the day's backlog waits for the next morning; served, the person stays until
  // nobody waits, and that overtime is paid: staff cost = (8 h a day + the overtime) × rate.
  function openingHours(pooled: boolean, atShiftEnd: 'carry-over' | 'serve-waiting'): Project {
    const p = project(pooled);
    const shifts = { repeat: 'day' as const, staff: office, atShiftEnd };
    const flow = p.scenarios[0]!.flow;
    const arrivals = flow.nodes[0]!;
    if (arrivals.kind === 'arrivals') {
      arrivals.arrivals = { mode: 'rate', rate: 1.5, per: 'minute' };
      arrivals.schedule = { repeat: 'day', multipliers: office.map((x) => (x > 0 ? 1 : 0)) };
    }
    if (pooled) flow.pools![0]!.shifts = shifts;
    else flow.nodes = flow.nodes.map((n) => (n.kind === 'step' ? { ...n, shifts } : n));
    return Project.parse(p);
  }

  for (const pooled of [false, true]) {
    it(`${pooled ? 'a pool' : 'a step'}: customers inside at closing are served in overtime, and the overtime is paid`, () => {
      const starts: number[] = [];
      const r = simulateReplication(openingHours(pooled, 'serve-waiting'), 'base', 0, { trace: (kind, t) => (kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) && void starts.push(t) });
      // Everyone who came is served the same day: nobody waits overnight.
      expect(r.steps.s!.waitingTime.max).toBeLessThan(16 * 60);
      expect(r.overall.exited).toBe(r.overall.arrived - r.overall.inSystemAtEnd);
      // Overtime per day: from 16:00 to the end of the last service of the day.
      let overtime = 0;
      for (let d = 0; d < days; d++) {
        const last = Math.max(...starts.filter((t) => t >= d * 1440 && t < (d + 1) * 1440));
        expect(last).toBeGreaterThan(d * 1440 + 960); // 720 arrivals, 480 minutes on shift: overtime every day
        overtime += last + 1 - (d * 1440 + 960);
      }
      expect(r.overall.costs.staff).toBeCloseTo(((8 * 60 * days + overtime) / 60) * 30, 6);
      const util = pooled ? r.pools.team!.utilization : r.steps.s!.utilization;
      expect(util).toBeLessThanOrEqual(1 + 1e-9);
      expect(util).toBeGreaterThan(0.99);
    });

    it(`${pooled ? 'a pool' : 'a step'}: carried over, the backlog waits for the next morning and nobody starts after closing`, () => {
      const starts: number[] = [];
      const r = simulateReplication(openingHours(pooled, 'carry-over'), 'base', 0, { trace: (kind, t) => (kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) && void starts.push(t) });
      for (const t of starts) expect(t % 1440 >= 480 && t % 1440 < 960).toBe(true);
      expect(r.steps.s!.waitingTime.max).toBeGreaterThan(16 * 60);
      expect(r.overall.costs.staff).toBeCloseTo(8 * days * 30, 6);
    });
  }

  // Hand-over: a 45-minute job still in progress at 16:00 goes back to the head of the queue and is
  // finished by the next shift with the minutes that were left. So every customer gets exactly 45
  // minutes of work (time in system − waiting = 45 for each), nobody is served off duty, and staff
  // cost is exactly the hours on duty.
  function handOverProject(pooled: boolean): Project {
    const p = openingHours(pooled, 'carry-over');
    const flow = p.scenarios[0]!.flow;
    const shifts = { repeat: 'day' as const, staff: office, atShiftEnd: 'hand-over' as const };
    flow.nodes = flow.nodes.map((n) => (n.kind === 'step' ? { ...n, service: { kind: 'constant' as const, value: 45 }, ...(pooled ? {} : { shifts }) } : n));
    if (pooled) flow.pools![0]!.shifts = shifts;
    const arrivals = flow.nodes[0]!;
    if (arrivals.kind === 'arrivals') arrivals.arrivals = { mode: 'rate', rate: 1 / 40, per: 'minute' };
    return Project.parse(p);
  }

  for (const pooled of [false, true]) {
    it(`${pooled ? 'a pool' : 'a step'}: hand-over at the end of a shift — the work left is finished by the next shift`, () => {
      const busyAt: { t: number; busy: number }[] = [];
      let busy = 0;
      let handed = 0;
      const r = simulateReplication(handOverProject(pooled), 'base', 0, {
        trace: (kind, t, _c, _k, a) => {
          if (kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) busy++;
          else if (kind === TRACE.MOVE && a === 1) busy--; // leaves the step (node 1)
          else if (kind === TRACE.HANDED_OVER) (busy--, handed++);
          busyAt.push({ t, busy });
        },
      });
      expect(handed).toBeGreaterThan(0);
      // Nobody is being served off duty.
      for (const { t, busy: b } of busyAt) if (t % 1440 >= 960 || t % 1440 < 480) expect(b, `busy at minute ${t % 1440}`).toBe(0);
      // Every customer got exactly 45 minutes of work.
      expect(r.overall.exited).toBeGreaterThan(20);
      expect(r.overall.timeInSystem.mean - r.overall.waitingTime.mean).toBeCloseTo(45, 9);
      expect(r.overall.costs.staff).toBeCloseTo(8 * days * 30, 6);
      const util = pooled ? r.pools.team!.utilization : r.steps.s!.utilization;
      expect(util).toBeLessThanOrEqual(1 + 1e-9);
    });
  }
});
