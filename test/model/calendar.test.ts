// Calendars in the file format: opening hours as people write them, presets, dates, the checks on
// references, and the 3 → 4 upgrade that keeps a file's arrivals (with a note in the load report).
import { describe, expect, it } from 'vitest';
import { CALENDAR_PRESETS, Calendar, calendarSlots, formatHours, openHoursPerWeek, parseHours } from '../../src/model/calendar';
import { describeProblem, loadProject } from '../../src/model/load';
import { keepVolumeMeaning } from '../../src/model/migrateVolumes';
import { validateScenario } from '../../src/model/validate';

const base = {
  formatVersion: 4,
  name: 'Claims',
  classes: [{ id: 'c', name: 'Claims', share: 1 }],
  run: { horizon: { kind: 'duration', duration: 10080 }, replications: { kind: 'fixed', count: 1 }, seed: 1 },
  calendars: [{ id: 'office', name: 'Office', week: CALENDAR_PRESETS[1]!.week, holidays: [{ date: '2027-12-25', name: 'Christmas' }] }],
  scenarios: [
    {
      id: 'base',
      name: 'Baseline',
      kind: 'baseline',
      flow: {
        departments: [{ id: 'd', name: 'Claims' }],
        nodes: [
          { id: 'in', kind: 'arrivals', name: 'Claims in', arrivals: { mode: 'rate', rate: 40, per: 'day' }, calendarId: 'office' },
          { id: 's', kind: 'step', name: 'Assessment', departmentId: 'd', staff: 2, service: { kind: 'exponential', mean: 20 }, calendarId: 'office' },
          { id: 'x', kind: 'exit', name: 'Done' },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 's' },
          { id: 'e2', source: 's', target: 'x' },
        ],
      },
    },
  ],
};

describe('opening hours', () => {
  it('reads the ways people write them and writes them back tidily', () => {
    const lunch = parseHours('8-12, 13:00–17:00');
    expect(typeof lunch).not.toBe('string');
    expect(formatHours(lunch as boolean[])).toBe('08:00-12:00, 13:00-17:00');
    expect(formatHours(parseHours('24h') as boolean[])).toBe('00:00-24:00');
    expect(parseHours('closed')).toEqual(new Array(24).fill(false));
  });

  it('says what is wrong with a range', () => {
    expect(parseHours('08:30-17:00')).toMatch(/whole hours/);
    expect(parseHours('17-08')).toMatch(/ends before it starts/);
    expect(parseHours('morning')).toMatch(/not a time range/);
    expect(parseHours('08-25')).toMatch(/00:00 to 24:00/);
  });

  it('presets have the hours their names say', () => {
    const hours = Object.fromEntries(CALENDAR_PRESETS.map((p) => [p.key, openHoursPerWeek(p)]));
    expect(hours).toEqual({ office: 45, 'office-lunch': 40, 'contact-centre': 90, '24-7': 168 });
  });

  it('a holiday closes its day; an exception gives other hours and extra staff', () => {
    const cal = Calendar.parse({ ...base.calendars[0], holidays: [{ date: '2027-01-05' }], exceptions: [{ from: '2027-01-06', to: '2027-01-06', hours: '10:00-11:00', extraStaff: 2 }] });
    const monday = Math.round(Date.UTC(2027, 0, 4) / 86_400_000);
    const { open, extra } = calendarSlots(cal, 168, monday);
    expect(open[9]).toBe(1);
    expect(open[24 + 9]).toBe(0);
    expect([...open.slice(48, 72)].join('')).toBe('000000000010000000000000');
    expect(extra[48 + 10]).toBe(2);
  });
});

describe('calendars in a project', () => {
  it('loads a project with calendars', () => {
    const r = loadProject(base);
    expect(r.ok).toBe(true);
  });

  it('refuses a calendar that is never open or a date that does not exist, naming the place', () => {
    const bad = structuredClone(base);
    bad.calendars[0]!.week = ['', '', '', '', '', '', ''];
    bad.calendars[0]!.holidays = [{ date: '2027-02-30', name: 'x' }];
    const r = loadProject(bad);
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.problems.map(describeProblem).join('\n') : '';
    expect(text).toMatch(/never open/);
    expect(text).toMatch(/not a date/);
  });

  it('refuses a reference to a calendar that does not exist', () => {
    const bad = structuredClone(base);
    (bad.scenarios[0]!.flow.nodes[1] as { calendarId?: string }).calendarId = 'shop';
    const r = loadProject(bad);
    expect(!r.ok && r.problems.map(describeProblem).join('\n')).toMatch(/"Assessment" uses calendar "shop", which does not exist/);
  });

  it('warns that holidays need a start date, and not once one is set', () => {
    const r = loadProject(base);
    if (!r.ok) throw new Error('should load');
    expect(validateScenario(r.project, 0).map((f) => f.message).join('\n')).toMatch(/"Office" has holidays .* need a start date/);
    const withStart = loadProject({ ...base, run: { ...base.run, start: '2027-01-04T00:00' } });
    if (!withStart.ok) throw new Error('should load');
    expect(validateScenario(withStart.project, 0).some((f) => /start date/.test(f.message))).toBe(false);
  });
});

describe('format 3 → 4: volumes per day keep the arrivals the file gave', () => {
  const profile = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? 1 : 0));
  it('rewrites the rate to the customers the profile really let in, and says so', () => {
    const old = structuredClone(base) as Record<string, unknown> & typeof base;
    old.formatVersion = 3;
    delete (old as { calendars?: unknown }).calendars;
    old.scenarios[0]!.flow.nodes[0] = { id: 'in', kind: 'arrivals', name: 'Claims in', arrivals: { mode: 'rate', rate: 40, per: 'day' }, schedule: { repeat: 'day', multipliers: profile } } as never;
    delete (old.scenarios[0]!.flow.nodes[1] as { calendarId?: string }).calendarId;
    const r = loadProject(old);
    if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
    const a = r.project.scenarios[0]!.flow.nodes[0]!;
    expect(a.kind === 'arrivals' && a.arrivals.mode === 'rate' && [a.arrivals.rate, a.arrivals.per]).toEqual([15, 'day']);
    expect(r.notes).toHaveLength(1);
    expect(r.notes![0]).toMatch(/"Claims in" \(Baseline\): 40 customers per day .* now written as 15 per day/);
  });

  it('leaves rates whose profile averages 1 and rates per hour alone', () => {
    expect(keepVolumeMeaning(40, 'day', new Array(24).fill(1))).toBeUndefined();
    expect(keepVolumeMeaning(70, 'week', new Array(168).fill(1))).toBeUndefined();
    expect(keepVolumeMeaning(40, 'day', new Array(168).fill(2))).toEqual({ rate: 560, per: 'week' });
    expect(keepVolumeMeaning(168, 'week', profile)).toEqual({ rate: 63, per: 'week' });
  });
});
