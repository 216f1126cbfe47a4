// Hour patterns for the pre-run estimate: a delay shifts or smears the pattern, conserving the
// customers; a step open in office hours lets customers go only while open.
import { describe, expect, it } from 'vitest';
import { afterDelay, foldWeek, weekEstimate } from '../../src/engine/openHoursEstimate';
import { trafficEquations } from '../../src/engine/traffic';
import { CALENDAR_PRESETS } from '../../src/model/calendar';
import { Project } from '../../src/model/schema';
import { edge, flowProject } from './helpers';

const officeHour = (h: number) => h < 120 && h % 24 >= 8 && h % 24 < 17;
const office = Array.from({ length: 168 }, (_, h) => (officeHour(h) ? 1 : 0));

describe('hour patterns', () => {
  it('an exact delay shifts the pattern; a spread delay smears it, keeping every customer', () => {
    const shifted = afterDelay(office, 48, 0);
    for (let h = 0; h < 168; h++) expect(shifted[h]).toBe(office[(h - 48 + 168) % 168]);
    const smeared = afterDelay(office, 48, 18);
    expect(smeared.reduce((a, b) => a + b, 0)).toBeCloseTo(45, 9);
    expect(Math.min(...smeared.slice(0, 120))).toBeGreaterThan(0.03); // nights too (a closed night gets some)
    expect(Math.max(...smeared)).toBeLessThan(0.9);
  });

  it('a step open Mon–Fri 08–17 lets customers go only while open, all of them', () => {
    const staff = office.map((x) => 2 * x);
    const est = weekEstimate(1 / 60, 30, 1, staff, new Array<number>(168).fill(1), 60);
    for (let h = 0; h < 168; h++) if (!officeHour(h)) expect(est.outflow[h], `hour ${h}`).toBe(0);
    expect(est.outflow.reduce((a, b) => a + b, 0)).toBeCloseTo(168, 6);
    expect(est.openHours).toBe(45);
    expect(est.backlogWait).toBeGreaterThan(0);
  });

  it('a day grid folds onto the week', () => {
    const day = Array.from({ length: 24 }, (_, h) => h);
    expect(foldWeek(day)[24 * 3 + 5]).toBe(5);
  });

  it('a step fed at its own full capacity by the one before (same staff, same calendar) gets a bounded wait', () => {
    // Step 2 receives step 1's morning backlog at exactly the rate it can serve: steady-state
    // Erlang C would give an unbounded queue there; the estimate holds it to a queue built in hours.
    const steps = ['a', 'b', 'c', 'd'];
    const p = flowProject({
      nodes: [
        { id: 'in', kind: 'arrivals', name: 'Letters', arrivals: { mode: 'rate', rate: 2, per: 'hour' } },
        ...steps.map((id) => ({ id, kind: 'step', name: id, departmentId: 'd', staff: 3, service: { kind: 'exponential', mean: 20 }, calendarId: 'office' })),
        { id: 'x', kind: 'exit', name: 'Done' },
      ],
      edges: [edge('in', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'x')],
    });
    const q = Project.parse({ ...p, calendars: [{ id: 'office', name: 'Office', week: CALENDAR_PRESETS.find((x) => x.key === 'office')!.week }] });
    const t = trafficEquations(q, q.scenarios[0]!);
    expect(t.steps.a!.approxWaitMMc).toBeGreaterThan(600); // the night's letters: hours
    for (const id of ['b', 'c', 'd']) {
      const w = t.steps[id]!.approxWaitMMc;
      expect(Number.isFinite(w), id).toBe(true);
      expect(w, id).toBeLessThan(t.steps.a!.approxWaitMMc);
    }
  });
});
