// Working time in the model: a delay in working time names a calendar that exists, and needs the
// project to have one; service levels keep their clock; the main calendar rule.
import { describe, expect, it } from 'vitest';
import { CALENDAR_PRESETS } from '../../src/model/calendar';
import { describeProblem, loadProject } from '../../src/model/load';
import { validateScenario } from '../../src/model/validate';
import { hoursPerWorkingDay, mainCalendarId } from '../../src/engine/worktime';

const office = { id: 'office', name: 'Office', week: CALENDAR_PRESETS[0]!.week };
const centre = { id: 'centre', name: 'Contact centre', week: CALENDAR_PRESETS[2]!.week };
function project(opts: { calendars?: unknown[]; delay?: Record<string, unknown>; arrivalsCal?: string; stepCals?: (string | undefined)[] }) {
  const steps = (opts.stepCals ?? [undefined]).map((cal, i) => ({ id: `s${i}`, kind: 'step', name: `Step ${i}`, departmentId: 'd', staff: 2, service: { kind: 'exponential', mean: 20 }, ...(cal ? { calendarId: cal } : {}) }));
  const ids = ['in', ...steps.map((s) => s.id), 'w', 'x'];
  return {
    formatVersion: 4,
    name: 'Claims',
    classes: [{ id: 'c', name: 'Claims', share: 1 }],
    run: { horizon: { kind: 'duration', duration: 10080 }, replications: { kind: 'fixed', count: 1 }, seed: 1 },
    ...(opts.calendars ? { calendars: opts.calendars } : {}),
    serviceLevels: [{ id: 'sl', name: 'Within 5 working days', measure: 'timeInSystem', threshold: 2700, clock: 'working' }],
    scenarios: [
      {
        id: 'base',
        name: 'Baseline',
        kind: 'baseline',
        flow: {
          departments: [{ id: 'd', name: 'Claims' }],
          nodes: [
            { id: 'in', kind: 'arrivals', name: 'Claims in', arrivals: { mode: 'rate', rate: 40, per: 'day' }, ...(opts.arrivalsCal ? { calendarId: opts.arrivalsCal } : {}) },
            ...steps,
            { id: 'w', kind: 'delay', name: 'Documents', duration: { kind: 'constant', value: 120 }, ...opts.delay },
            { id: 'x', kind: 'exit', name: 'Done' },
          ],
          edges: ids.slice(1).map((t, i) => ({ id: `e${i}`, source: ids[i]!, target: t })),
        },
      },
    ],
  };
}

describe('working time in the model', () => {
  it('keeps a delay in working time and a service level on the working clock', () => {
    const r = loadProject(project({ calendars: [office], delay: { workingTime: true, calendarId: 'office' } }));
    if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
    expect(r.project.scenarios[0]!.flow.nodes.find((n) => n.id === 'w')).toMatchObject({ workingTime: true, calendarId: 'office' });
    expect(r.project.serviceLevels[0]!.clock).toBe('working');
    expect(validateScenario(r.project, 0).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses a delay on a calendar that does not exist, and says a delay in working time needs a calendar', () => {
    const missing = loadProject(project({ calendars: [office], delay: { workingTime: true, calendarId: 'shop' } }));
    expect(!missing.ok && missing.problems.map(describeProblem).join('\n')).toMatch(/"Documents" uses calendar "shop", which does not exist/);
    const none = loadProject(project({ delay: { workingTime: true } }));
    if (!none.ok) throw new Error('should load');
    expect(validateScenario(none.project, 0).map((f) => f.message)).toContain('"Documents" lasts working time, but the project has no calendar: add a calendar (Project settings) or untick "Counts working time".');
    expect(validateScenario(none.project, 0).map((f) => f.message)).toContain('The target "Within 5 working days" counts working time, but the project has no calendar: it is measured in elapsed time until you add one.');
  });

  it('the main calendar: the arrivals\' calendar, else the one most steps use, else the project\'s first; none without calendars', () => {
    const main = (opts: Parameters<typeof project>[0]) => {
      const r = loadProject(project(opts));
      if (!r.ok) throw new Error('should load');
      return mainCalendarId(r.project, r.project.scenarios[0]!.flow);
    };
    expect(main({ calendars: [office, centre], arrivalsCal: 'centre', stepCals: ['office', 'office'] })).toBe('centre');
    expect(main({ calendars: [office, centre], stepCals: ['centre', 'office', 'centre'] })).toBe('centre');
    expect(main({ calendars: [office, centre], stepCals: [undefined] })).toBe('office');
    expect(main({ stepCals: [undefined] })).toBeUndefined();
  });

  it('a working day is the open hours of the average open day', () => {
    expect(hoursPerWorkingDay(office)).toBe(9);
    expect(hoursPerWorkingDay({ week: CALENDAR_PRESETS[1]!.week })).toBe(8); // with lunch
    expect(hoursPerWorkingDay(centre)).toBe(15);
    expect(hoursPerWorkingDay({ week: ['08:00-17:00', '08:00-17:00', '08:00-17:00', '08:00-17:00', '08:00-12:00', '', ''] })).toBe(8);
  });
});
