import { describe, expect, it } from 'vitest';
import { compareLogs, niceBinHours } from '../../src/discovery/fit';
import { logFromRows } from './fixtureLog';

const H = 3_600_000;
const MON = Date.UTC(2024, 0, 1); // a Monday
type Row = [string, string, string, number, number];

// Two cases on a Monday: c1 waits an hour before Y, c2 not at all.
const rows: Row[] = [
  ['c1', 'X', 'ann', MON + 8 * H, MON + 9 * H],
  ['c1', 'Y', 'bob', MON + 10 * H, MON + 11 * H],
  ['c2', 'X', 'ann', MON + 9 * H, MON + 9.5 * H],
  ['c2', 'Y', 'bob', MON + 9.5 * H, MON + 10 * H],
];

describe('compareLogs', () => {
  it('gives the figures of a small log, and zero distances against itself', () => {
    const log = logFromRows(rows);
    const f = compareLogs(log, [logFromRows(rows), logFromRows(rows)]);
    expect(f.log).toEqual({ cases: 2, events: 4, from: MON + 8 * H, to: MON + 11 * H });
    expect(f.simulated.runs).toBe(2);
    expect(f.activities).toEqual([
      { name: 'X', log: 2, simulated: 2 },
      { name: 'Y', log: 2, simulated: 2 },
    ]);
    expect(f.waiting).toEqual([
      { name: 'X', log: null, simulated: null },
      { name: 'Y', log: 0.5, simulated: 0.5 },
    ]);
    expect(f.casesByHour.log[8]).toBe(1);
    expect(f.casesByHour.log[9]).toBe(1);
    expect(f.casesByHour.log.reduce((a, b) => a + b)).toBe(2);
    expect(f.workByHour.log[9]).toBe(2); // both X end in the hour from 9:00
    expect(f.workByHour.log[10]).toBe(1);
    expect(f.workByHour.log[11]).toBe(1);
    expect(f.casesByWeekday.log[0]).toBe(1);
    // Cycle times 3 h and 1 h: half the cases in each of two bins, cumulative reaching 1.
    expect(f.cycleTime.log.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(f.cycleTimeCumulative.log.at(-1)).toBeCloseTo(1, 12);
    const ct1 = Math.floor(1 / f.cycleTime.binHours);
    expect(f.cycleTime.log[ct1]).toBeCloseTo(0.5, 12);
    expect(f.cycleTime.simulated).toEqual(f.cycleTime.log);
    expect(f.measures.map((m) => m.key)).toEqual(['ctd', 'aed', 'ced', 'red', 'car', 'ngd']);
    for (const m of f.measures) expect([m.mean, m.min, m.max]).toEqual([0, 0, 0]);
  });

  it('takes the mean and range over the simulated logs', () => {
    const log = logFromRows(rows);
    const later = (h: number) => logFromRows(rows.map(([c, a, r, s, e]) => [c, a, r, s + h * H, e + h * H] as Row));
    const f = compareLogs(log, [later(1), later(3)]);
    const car = f.measures.find((m) => m.key === 'car')!;
    expect(car.values).toEqual([1, 3]);
    expect(car.mean).toBe(2);
    expect([car.min, car.max]).toEqual([1, 3]);
    expect(f.measures.find((m) => m.key === 'ngd')!.mean).toBe(0);
    // Shifted by 1 and 3 hours: cases start at 9 and 10 in one run, 11 and 12 in the other.
    expect(f.casesByHour.simulated[8]).toBe(0);
    expect(f.casesByHour.simulated[9]).toBe(0.5);
    expect(f.casesByHour.simulated[12]).toBe(0.5);
  });

  it('measures waiting from the enabled time when the log has one, and hours in the log zone', () => {
    const log = logFromRows(rows);
    log.enabled = Float64Array.from([MON + 7 * H, MON + 9 * H, MON + 9 * H, MON + 9.25 * H]);
    log.utcOffsetMinutes = 120;
    const f = compareLogs(log, [logFromRows(rows)]);
    expect(f.waiting.find((w) => w.name === 'X')!.log).toBe(0.5); // (1 h + 0) / 2
    expect(f.waiting.find((w) => w.name === 'Y')!.log).toBe(0.625); // (1 h + 0.25 h) / 2
    expect(f.casesByHour.log[10]).toBe(1); // 8:00 UTC = 10:00 at +02:00
  });

  it('lists activities seen only in the simulated logs, and copes with empty logs', () => {
    const f = compareLogs(logFromRows(rows), [logFromRows([...rows, ['c3', 'Z', 'cy', MON, MON + H]])]);
    expect(f.activities.at(-1)).toEqual({ name: 'Z', log: 0, simulated: 1 });
    const empty = compareLogs(logFromRows([]), []);
    expect(JSON.stringify(empty)).not.toMatch(/null,null|NaN|Infinity/);
    expect(empty.measures.every((m) => m.mean === 0)).toBe(true);
  });

  it('chooses bins of 1, 2 or 5 times a power of ten', () => {
    expect(niceBinHours(30)).toBe(1);
    expect(niceBinHours(100)).toBe(5);
    expect(niceBinHours(0.5)).toBe(0.02);
  });
});

describe('compareLogs on a large log', () => {
  it('compares 100,000 events with two simulated logs in a few seconds', () => {
    const big = (shift: number) => {
      const rows: Row[] = [];
      let t = MON;
      for (let c = 0; c < 20_000; c++) {
        t += 7 * 60_000;
        for (let k = 0; k < 5; k++) rows.push([`c${c}`, `A${k}`, `r${k}`, t + k * 600_000 + shift, t + k * 600_000 + 300_000 + shift]);
      }
      return logFromRows(rows);
    };
    const log = big(0);
    const t0 = performance.now();
    const f = compareLogs(log, [big(H), big(2 * H)]);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000);
    expect(f.log.events).toBe(100_000);
    expect(f.measures.find((m) => m.key === 'car')!.mean).toBeCloseTo(1.5, 1);
    expect(f.waiting.find((w) => w.name === 'A1')!.log).toBeCloseTo(300_000 / H, 9);
  });
});
