// Calendars in the engine: a calendar on a step is the same as the shift grid it stands for
// (customer by customer), holidays and exceptions need a start date, and a volume per day is the
// day's volume whatever the profile or opening hours (40 a day in → 40 ± CI a day out).
import { describe, expect, it } from 'vitest';
import { resolveCalendars } from '../../src/engine/calendars';
import { compileScenario } from '../../src/engine/compile';
import { simulateReplication } from '../../src/engine/simulate';
import { TRACE } from '../../src/engine/types';
import { CALENDAR_PRESETS } from '../../src/model/calendar';
import { Project } from '../../src/model/schema';
import { edge, flowProject } from './helpers';

const office = { id: 'office', name: 'Office', week: CALENDAR_PRESETS.find((p) => p.key === 'office-lunch')!.week };
const officeHour = (h: number) => h < 120 && h % 24 >= 8 && h % 24 < 17 && h % 24 !== 12;

function project(opts: { arrivals: Record<string, unknown>; step: Record<string, unknown>; calendars?: unknown[]; start?: string; weeks?: number; seed?: number }): Project {
  const p = flowProject({
    nodes: [
      { id: 'in', kind: 'arrivals', name: 'Claims', ...opts.arrivals },
      { id: 's', kind: 'step', name: 'Assessment', departmentId: 'd', staff: 2, service: { kind: 'exponential', mean: 20 }, ...opts.step },
      { id: 'x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: (opts.weeks ?? 3) * 10080,
    seed: opts.seed ?? 11,
  });
  return Project.parse({ ...p, calendars: opts.calendars ?? [office], run: { ...p.run, ...(opts.start ? { start: opts.start } : {}) } });
}

function trace(p: Project): string[] {
  const out: string[] = [];
  const r = simulateReplication(p, 'base', 0, { trace: (kind, t, customer, _c, a, b) => void out.push(`${kind}@${t.toFixed(6)}:${customer}:${a}:${b}`) });
  out.push(JSON.stringify(r.steps.s));
  return out;
}

describe('calendars in the engine', () => {
  it('a step on a calendar runs exactly as the shift grid it stands for, customer by customer', () => {
    const arrivals = { arrivals: { mode: 'rate', rate: 3, per: 'hour' } };
    const grid = Array.from({ length: 168 }, (_, h) => (officeHour(h) ? 2 : 0));
    const byCalendar = trace(project({ arrivals, step: { calendarId: 'office', atClose: 'hand-over' } }));
    const byGrid = trace(project({ arrivals, step: { shifts: { repeat: 'week', staff: grid, atShiftEnd: 'hand-over' } } }));
    expect(byCalendar.length).toBeGreaterThan(1000);
    expect(byCalendar).toEqual(byGrid);
  });

  it('a shift grid on a calendar keeps its staff numbers in open hours and has nobody while closed', () => {
    const staff = Array.from({ length: 24 }, (_, h) => (h < 12 ? 3 : 1));
    const p = project({ arrivals: { arrivals: { mode: 'rate', rate: 3, per: 'hour' } }, step: { calendarId: 'office', shifts: { repeat: 'day', staff } } });
    const sh = compileScenario(p, 'base').shifts[1]!;
    expect(sh.length).toBe(168);
    for (let h = 0; h < 168; h++) expect(sh[h], `hour ${h}`).toBe(officeHour(h) ? staff[h % 24] : 0);
  });

  it('holidays and exceptions count from run.start and are ignored without one', () => {
    const cal = { ...office, holidays: [{ date: '2027-01-06', name: 'Epiphany' }], exceptions: [{ from: '2027-01-11', to: '2027-01-15', hours: '07:00-19:00', extraStaff: 3 }] };
    const step = { calendarId: 'office' };
    const arrivals = { arrivals: { mode: 'rate', rate: 3, per: 'hour' } };
    // 2027-01-04 is a Monday.
    const dated = compileScenario(project({ arrivals, step, calendars: [cal], start: '2027-01-04T00:00' }), 'base').shifts[1]!;
    expect(dated.length).toBeGreaterThanOrEqual(3 * 168);
    expect(dated[2 * 24 + 10]).toBe(0); // Wednesday 6 January, 10:00: holiday
    expect(dated[1 * 24 + 10]).toBe(2); // Tuesday
    expect(dated[168 + 7]).toBe(5); // Monday 11 January, 07:00: exception hours, 2 + 3 staff
    expect(dated[168 + 12]).toBe(5); // lunch is open on those days
    expect(dated[168 + 5 * 24 + 10]).toBe(0); // Saturday 16 January: after the range, closed as every Saturday
    const undated = compileScenario(project({ arrivals, step, calendars: [cal] }), 'base').shifts[1]!;
    expect(undated.length).toBe(168);
    expect(undated[2 * 24 + 10]).toBe(2);
  });

  it('a flow without calendars or volumes is left exactly as it is', () => {
    const p = project({ arrivals: { arrivals: { mode: 'rate', rate: 3, per: 'hour' } }, step: {} });
    expect(resolveCalendars(p, p.scenarios[0]!.flow)).toBe(p.scenarios[0]!.flow);
  });

  it('arrivals on a calendar need a rate, in the user\'s words', () => {
    const p = project({ arrivals: { arrivals: { mode: 'interarrival', distribution: { kind: 'exponential', mean: 20 } }, calendarId: 'office' }, step: {} });
    expect(() => compileScenario(p, 'base')).toThrow(/"Claims": arrivals that follow a calendar need a rate/);
  });
});

// Customers arrived per day over many days: mean and a 95 % CI half-width (days are independent
// Poisson counts when the volume per day is fixed).
function perDay(p: Project): { mean: number; half: number; days: number } {
  const r = simulateReplication(p, 'base', 0);
  const days = p.run.horizon.kind === 'duration' ? p.run.horizon.duration / 1440 : 0;
  const mean = r.overall.arrived / days;
  return { mean, half: 1.96 * Math.sqrt(mean / days), days };
}

describe('volumes as people say them', () => {
  const peaks = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? (h === 11 ? 3 : 1) : 0));
  const cases: [string, Record<string, unknown>, number][] = [
    ['an hourly profile that closes most of the day', { arrivals: { mode: 'rate', rate: 40, per: 'day' }, schedule: { repeat: 'day', multipliers: peaks } }, 40],
    ['the office calendar (every open day gets 40)', { arrivals: { mode: 'rate', rate: 40, per: 'day' }, calendarId: 'office' }, (40 * 5) / 7],
    ['a calendar and a profile', { arrivals: { mode: 'rate', rate: 40, per: 'day' }, calendarId: 'office', schedule: { repeat: 'day', multipliers: peaks } }, (40 * 5) / 7],
    ['200 a week on the office calendar', { arrivals: { mode: 'rate', rate: 200, per: 'week' }, calendarId: 'office' }, 200 / 7],
  ];
  for (const [what, arrivals, expected] of cases) {
    it(`${what}: the volume is kept (${expected.toFixed(2)} a calendar day)`, () => {
      const r = perDay(project({ arrivals, step: { staff: 5 }, weeks: 20, seed: 3 }));
      expect(Math.abs(r.mean - expected)).toBeLessThan(r.half);
      // Without the volume meaning, the profile would have scaled an hourly rate: 40/24 × 11 ≈ 18 a day.
      expect(r.mean).toBeGreaterThan(expected * 0.9);
    });
  }

  it('arrivals on the office calendar come only in open hours', () => {
    const times: number[] = [];
    const p = project({ arrivals: { arrivals: { mode: 'rate', rate: 40, per: 'day' }, calendarId: 'office' }, step: {} });
    simulateReplication(p, 'base', 0, { trace: (kind, t) => kind === TRACE.ARRIVE && void times.push(t) });
    expect(times.length).toBeGreaterThan(400);
    for (const t of times) expect(officeHour(Math.floor(t / 60) % 168), `arrival at minute ${t}`).toBe(true);
  });

  it('a holiday has no arrivals; the other days keep theirs', () => {
    const cal = { ...office, holidays: [{ date: '2027-01-06' }] };
    const p = project({ arrivals: { arrivals: { mode: 'rate', rate: 40, per: 'day' }, calendarId: 'office' }, step: {}, calendars: [cal], start: '2027-01-04T00:00', weeks: 1 });
    const m = compileScenario(p, 'base').sources[0]!.schedule!.multipliers;
    const day = (d: number) => m.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0);
    expect(day(2)).toBe(0);
    expect(day(1)).toBeCloseTo(40, 10);
    expect(day(3)).toBeCloseTo(40, 10);
  });
});
