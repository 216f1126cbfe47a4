// Working time in the engine, checked customer by customer against a calendar walked minute by
// minute by hand: delays in working time end when that much open time has passed (holidays
// skipped), and each customer's waiting and time in system in working time are the open part of
// their waiting and of their stay. Projects without calendars get no working-time figures.
import { describe, expect, it } from 'vitest';
import { aggregateScenario } from '../../src/engine/aggregate';
import { simulateReplication } from '../../src/engine/simulate';
import { TRACE } from '../../src/engine/types';
import { CALENDAR_PRESETS } from '../../src/model/calendar';
import { Project } from '../../src/model/schema';
import { edge, flowProject } from './helpers';

const office = { id: 'office', name: 'Office', week: CALENDAR_PRESETS.find((p) => p.key === 'office')!.week, holidays: [{ date: '2027-01-06', name: 'Epiphany' }] };
// Time 0 = Monday 2027-01-04 00:00; Wednesday 2027-01-06 (day 2) is a holiday.
const isOpen = (minute: number) => {
  const day = Math.floor(minute / 1440);
  const h = Math.floor((minute % 1440) / 60);
  return day % 7 < 5 && day !== 2 && h >= 8 && h < 17;
};
/** Open minutes between a and b, by hand (whole minutes, then the partial ends). */
function openBetween(a: number, b: number): number {
  let total = 0;
  let t = a;
  while (t < b) {
    const next = Math.min(b, Math.floor(t) + 1);
    if (isOpen(Math.floor(t))) total += next - t;
    t = next;
  }
  return total;
}
/** The first moment after `from` at which `work` open minutes have passed, by hand. */
function endAfter(from: number, work: number): number {
  let t = from;
  let left = work;
  for (;;) {
    const next = Math.floor(t) + 1;
    if (isOpen(Math.floor(t))) {
      if (next - t >= left) return t + left;
      left -= next - t;
    }
    t = next;
  }
}

function project(nodes: unknown[], edges: unknown[], extra: Record<string, unknown> = {}): Project {
  const p = flowProject({ nodes, edges, duration: 2 * 10080, seed: 5 });
  return Project.parse({ ...p, calendars: [office], run: { ...p.run, start: '2027-01-04T00:00' }, ...extra });
}

describe('working time in the engine', () => {
  it('a delay of 3 working hours ends after 3 open hours of the calendar, customer by customer (holiday skipped)', () => {
    const p = project(
      [
        { id: 'in', kind: 'arrivals', name: 'Claims', arrivals: { mode: 'rate', rate: 1, per: 'hour' } },
        { id: 'w', kind: 'delay', name: 'Documents', duration: { kind: 'constant', value: 180 }, workingTime: true },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      [edge('in', 'w'), edge('w', 'x')],
    );
    const started = new Map<number, number>();
    let checked = 0;
    let overHoliday = 0;
    simulateReplication(p, 'base', 0, {
      trace: (kind, t, c) => {
        if (kind === TRACE.DELAY) started.set(c, t);
        if (kind === TRACE.EXIT) {
          const from = started.get(c)!;
          expect(t).toBeCloseTo(endAfter(from, 180), 6);
          if (from < 2 * 1440 && t > 3 * 1440) overHoliday++;
          checked++;
        }
      },
    });
    expect(checked).toBeGreaterThan(250);
    expect(overHoliday).toBeGreaterThan(5); // Tuesday afternoon's customers leave on Thursday
  });

  it('a Friday 16:00 customer with 2 working hours leaves on Monday 09:00', () => {
    const p = project(
      [
        { id: 'in', kind: 'arrivals', name: 'Claims', arrivals: { mode: 'interarrival', distribution: { kind: 'constant', value: 4 * 1440 + 16 * 60 } } },
        { id: 'w', kind: 'delay', name: 'Documents', duration: { kind: 'constant', value: 120 }, workingTime: true },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      [edge('in', 'w'), edge('w', 'x')],
    );
    const exits: number[] = [];
    simulateReplication(p, 'base', 0, { trace: (kind, t) => kind === TRACE.EXIT && void exits.push(t) });
    expect(exits[0]).toBeCloseTo(7 * 1440 + 9 * 60, 9);
  });

  it("each customer's waiting and time in system in working time are the open part of them", () => {
    const p = project(
      [
        { id: 'in', kind: 'arrivals', name: 'Claims', arrivals: { mode: 'rate', rate: 40, per: 'day' } },
        { id: 's', kind: 'step', name: 'Assessment', departmentId: 'd', staff: 1, service: { kind: 'exponential', mean: 12 }, calendarId: 'office' },
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      [edge('in', 's'), edge('s', 'x')],
      { serviceLevels: [{ id: 'wd', name: 'Within a working day', measure: 'timeInSystem', threshold: 9 * 60, target: 0.8, clock: 'working' }] },
    );
    const arrived = new Map<number, number>();
    const queued = new Map<number, number>();
    const wait = new Map<number, number>();
    const workWaits: number[] = [];
    const workStays: number[] = [];
    const elapsedWaits: number[] = [];
    const r = simulateReplication(p, 'base', 0, {
      trace: (kind, t, c) => {
        if (kind === TRACE.ARRIVE) (arrived.set(c, t), wait.set(c, 0));
        if (kind === TRACE.QUEUE) queued.set(c, t);
        if (kind === TRACE.START_FROM_QUEUE) wait.set(c, wait.get(c)! + openBetween(queued.get(c)!, t));
        if (kind === TRACE.START_FROM_QUEUE) elapsedWaits.push(t - queued.get(c)!);
        if (kind === TRACE.START) elapsedWaits.push(0);
        if (kind === TRACE.EXIT) {
          workWaits.push(wait.get(c)!);
          workStays.push(openBetween(arrived.get(c)!, t));
        }
      },
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(workWaits.length).toBeGreaterThan(300);
    expect(r.working!.calendarId).toBe('office');
    expect(r.working!.waitingTime.count).toBe(workWaits.length);
    expect(r.working!.waitingTime.mean).toBeCloseTo(mean(workWaits), 6);
    expect(r.working!.waitingTime.max).toBeCloseTo(Math.max(...workWaits), 6);
    expect(r.working!.timeInSystem.mean).toBeCloseTo(mean(workStays), 6);
    // The step uses the same calendar: its waiting per visit in working time is the same here.
    expect(r.working!.steps.s!.mean).toBeCloseTo(mean(workWaits), 6);
    // Overnight waiting: elapsed waiting is far longer than its working part.
    expect(r.overall.waitingTime.mean).toBeGreaterThan(3 * r.working!.waitingTime.mean);
    expect(mean(elapsedWaits)).toBeCloseTo(r.steps.s!.waitingTime.mean, 6);
    // The service level counts time in system on the working clock.
    const within = workStays.filter((x) => x <= 9 * 60).length / workStays.length;
    expect(r.overall.serviceLevel.wd).toBeCloseTo(within, 12);
    const agg = aggregateScenario(p, p.scenarios[0]!, [r]);
    expect(agg.overall.workingTime!.waitingTime.mean).toBeCloseTo(mean(workWaits), 6);
    expect(agg.overall.workingTime!.hoursPerWorkingDay).toBe(9);
    expect(agg.overall.serviceLevel.wd!.clock).toBe('working');
    expect(agg.steps.s!.workingWaitingTime!.mean).toBeCloseTo(mean(workWaits), 6);
  });

  it('a project without calendars gets no working-time figures; a delay in working time then says what is missing', () => {
    const nodes = [
      { id: 'in', kind: 'arrivals', name: 'Claims', arrivals: { mode: 'rate', rate: 1, per: 'hour' } },
      { id: 'w', kind: 'delay', name: 'Documents', duration: { kind: 'constant', value: 180 } },
      { id: 'x', kind: 'exit', name: 'Done' },
    ];
    const p = flowProject({ nodes, edges: [edge('in', 'w'), edge('w', 'x')], duration: 10080 });
    const r = simulateReplication(p, 'base', 0);
    expect('working' in r).toBe(false);
    expect('workingTime' in aggregateScenario(p, p.scenarios[0]!, [r]).overall).toBe(false);
    const working = flowProject({ nodes: [nodes[0], { ...nodes[1], workingTime: true }, nodes[2]], edges: [edge('in', 'w'), edge('w', 'x')], duration: 10080 });
    expect(() => simulateReplication(working, 'base', 0)).toThrow(/"Documents" lasts working time, but the project has no calendar/);
  });
});
