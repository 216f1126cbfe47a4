// Hour patterns for the pre-run estimate: a delay shifts or smears the pattern, conserving the
// customers; a step open in office hours lets customers go only while open.
import { describe, expect, it } from 'vitest';
import { afterDelay, foldWeek, weekEstimate } from '../../src/engine/openHoursEstimate';

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
});
