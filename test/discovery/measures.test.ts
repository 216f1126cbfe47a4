// The expectations of the Python package log-distance-measures' own tests, on its own fixtures
// (read from ../shared at test time).
import { describe, expect, it } from 'vitest';
import {
  absoluteEventDistance,
  caseArrivalDistance,
  circadianEventDistance,
  cycleTimeDistance,
  logDistances,
  MEASURES,
  nGramCounts,
  nGramDistance,
  relativeEventDistance,
  type TimestampKind,
} from '../../src/discovery/measures';
import { pairwiseSum, wasserstein } from '../../src/discovery/measures/wasserstein';
import { logFromRows, readFixture } from './fixtureLog';

const log = readFixture;
const KINDS: TimestampKind[] = ['both', 'start', 'end'];
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

describe('wasserstein', () => {
  it('is the area between the two cumulative distributions', () => {
    expect(wasserstein([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 12);
    expect(wasserstein([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
    expect(wasserstein([4, 1, 3, 2], [1, 2, 3, 4])).toBe(0);
    expect(wasserstein([0], [0, 0, 10])).toBeCloseTo(10 / 3, 12);
  });
  it('sums in NumPy pairwise order (any length)', () => {
    for (const n of [3, 9, 130, 1000]) {
      const a = Float64Array.from({ length: n }, (_, i) => 1 / (i + 1));
      let plain = 0;
      for (const x of a) plain += x;
      expect(pairwiseSum(a)).toBeCloseTo(plain, 10);
    }
  });
});

describe('cycle-time distribution distance (CTD)', () => {
  it('is 0 for logs with the same cycle times', () => {
    for (const h of [0.5, 1, 4]) {
      for (const normalize of [true, false]) {
        expect(cycleTimeDistance(log('test_event_log_1.csv'), log('test_event_log_2.csv'), { binSeconds: h * HOUR, normalize })).toBe(0);
      }
    }
  });
  it('is positive for different cycle times, except in 4-hour bins', () => {
    const [a, b] = [log('test_event_log_4.csv'), log('test_event_log_5.csv')];
    for (const h of [0.5, 1]) {
      const norm = cycleTimeDistance(a, b, { binSeconds: h * HOUR, normalize: true });
      expect(norm).toBeGreaterThan(0);
      expect(norm).toBeLessThan(1);
      expect(cycleTimeDistance(a, b, { binSeconds: h * HOUR })).toBeGreaterThan(0);
    }
    expect(cycleTimeDistance(a, b, { binSeconds: 4 * HOUR, normalize: true })).toBe(0);
    expect(cycleTimeDistance(a, b, { binSeconds: 4 * HOUR })).toBe(0);
  });
});

describe('absolute event distribution distance (AED)', () => {
  it('is 0 for logs with the same timestamps, by hour and by day', () => {
    const [a, b] = [log('test_event_log_1.csv'), log('test_event_log_2.csv')];
    for (const timestamps of KINDS) {
      for (const binSeconds of [HOUR, DAY]) {
        for (const normalize of [true, false]) {
          expect(absoluteEventDistance(a, b, { timestamps, binSeconds, normalize })).toBe(0);
        }
      }
    }
  });
  it('is positive for shifted logs', () => {
    const [a, b] = [log('test_event_log_1.csv'), log('test_event_log_7.csv')];
    const norm = absoluteEventDistance(a, b, { normalize: true });
    expect(norm).toBeGreaterThan(0);
    expect(norm).toBeLessThan(1);
    expect(absoluteEventDistance(a, b)).toBeGreaterThan(0);
  });
});

describe('circadian event distribution distance (CED)', () => {
  it('is 0 for logs with the same timestamps', () => {
    for (const timestamps of KINDS) {
      for (const normalize of [true, false]) {
        expect(circadianEventDistance(log('test_event_log_1.csv'), log('test_event_log_2.csv'), { timestamps, normalize })).toBe(0);
      }
    }
  });
  it('is between 0 and 1 (normalised) for different logs', () => {
    const [a, b] = [log('test_event_log_3.csv'), log('test_event_log_4.csv')];
    for (const timestamps of KINDS) {
      const norm = circadianEventDistance(a, b, { timestamps, normalize: true });
      expect(norm).toBeGreaterThan(0);
      expect(norm).toBeLessThan(1);
      expect(circadianEventDistance(a, b, { timestamps })).toBeGreaterThan(0);
    }
  });
  it('is 23 · 6/7 for logs on different weekdays (only one weekday unworked in both)', () => {
    const [a, b] = [log('test_event_log_1.csv'), log('test_event_log_7.csv')];
    for (const timestamps of KINDS) {
      expect(Math.abs(circadianEventDistance(a, b, { timestamps, normalize: true }) - 6 / 7)).toBeLessThan(0.0001);
      expect(circadianEventDistance(a, b, { timestamps })).toBe((23 * 6) / 7);
    }
  });
  it("takes hours in UTC by default, and in the log's zone when asked", () => {
    const t = Date.UTC(2024, 0, 1, 23, 30); // Monday 23:30 UTC = Tuesday 01:30 at +02:00
    const a = logFromRows([['c', 'A', 'r', t, t]]);
    const b = logFromRows([['c', 'A', 'r', t + 2 * 3_600_000, t + 2 * 3_600_000]]);
    a.utcOffsetMinutes = 120;
    // In UTC: Monday 23:00 against Tuesday 01:00 → two weekdays worked in one log only.
    expect(circadianEventDistance(a, b)).toBeCloseTo((23 + 23) / 7, 12);
    // In each log's zone: both on Tuesday at 01:30.
    expect(circadianEventDistance(a, b, { zone: 'log' })).toBe(0);
  });
});

describe('relative event distribution distance (RED)', () => {
  it('is 0 for logs with the same relative times, even when shifted', () => {
    for (const other of ['test_event_log_2.csv', 'test_event_log_7.csv']) {
      for (const timestamps of KINDS) {
        for (const binSeconds of [HOUR, DAY]) {
          for (const normalize of [true, false]) {
            expect(relativeEventDistance(log('test_event_log_1.csv'), log(other), { timestamps, binSeconds, normalize })).toBe(0);
          }
        }
      }
    }
  });
  it('is positive for different relative times', () => {
    const [a, b] = [log('test_event_log_4.csv'), log('test_event_log_5.csv')];
    for (const timestamps of KINDS) {
      const norm = relativeEventDistance(a, b, { timestamps, normalize: true });
      expect(norm).toBeGreaterThan(0);
      expect(norm).toBeLessThan(1);
      expect(relativeEventDistance(a, b, { timestamps })).toBeGreaterThan(0);
    }
  });
  it("relativises to the case's first start (the package's minute list for log 5)", () => {
    // Relative minutes of log 5 = the relative distribution against a log with those exact values.
    const expected = [
      [0, 1, 1, 35, 35, 43], [0, 22, 22, 42, 42, 80], [0, 15, 15, 38, 38, 43], [0, 2, 2, 41, 41, 91], [0, 4, 4, 30, 30, 34],
      [0, 17, 17, 28, 28, 37], [0, 4, 4, 19, 19, 34], [0, 5, 5, 45, 45, 64], [0, 58, 58, 60, 60, 105],
    ];
    // Build a log whose cases are back-to-back chains with those relative minutes: same distribution → 0.
    const rows: [string, string, string, number, number][] = [];
    expected.forEach((m, c) => {
      for (let k = 0; k < 3; k++) rows.push([`c${c}`, 'X', 'r', Date.UTC(2020, 0, 1) + m[2 * k]! * 60_000, Date.UTC(2020, 0, 1) + m[2 * k + 1]! * 60_000]);
    });
    expect(relativeEventDistance(log('test_event_log_5.csv'), logFromRows(rows), { binSeconds: MINUTE })).toBe(0);
    rows[1]![4] += 60_000;
    expect(relativeEventDistance(log('test_event_log_5.csv'), logFromRows(rows), { binSeconds: MINUTE })).toBeGreaterThan(0);
  });
});

describe('case arrival distribution distance (CAR)', () => {
  it('is 0 for the same log, by minute, hour and day', () => {
    for (const binSeconds of [MINUTE, HOUR, DAY]) {
      for (const normalize of [true, false]) {
        expect(caseArrivalDistance(log('test_event_log_4.csv'), log('test_event_log_4.csv'), { binSeconds, normalize })).toBe(0);
      }
    }
  });
  it('is 5/9 by hour and 0 by day for logs 4 and 6', () => {
    const [a, b] = [log('test_event_log_4.csv'), log('test_event_log_6.csv')];
    const norm = caseArrivalDistance(a, b, { normalize: true });
    expect(norm).toBeGreaterThan(0);
    expect(norm).toBeLessThan(1);
    expect(caseArrivalDistance(a, b, { binSeconds: DAY, normalize: true })).toBe(0);
    expect(caseArrivalDistance(a, b)).toBe(5 / 9);
    expect(caseArrivalDistance(a, b, { binSeconds: DAY })).toBe(0);
  });
});

describe('n-gram distribution distance (NGD)', () => {
  // The package's mapping [None, A, B, C, D, E, F, H, I, G]: index strings back to names.
  const labels = ['', 'A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'G'];
  const named = (m: Record<string, number>) =>
    new Map(Object.entries(m).map(([k, v]) => [k.split(',').map((i) => labels[Number(i)]).join('|'), v]));
  it('counts the n-grams of log 1 as the package does', () => {
    const l = log('test_event_log_1.csv');
    expect(nGramCounts(l, 2)).toEqual(named({
      '0,1': 4, '1,2': 4, '2,3': 2, '3,4': 2, '4,5': 2, '5,6': 2, '6,7': 2,
      '7,8': 4, '8,0': 4, '2,4': 2, '4,3': 2, '3,5': 2, '5,9': 2, '9,7': 2,
    }));
    expect(nGramCounts(l, 3)).toEqual(named({
      '0,0,1': 4, '0,1,2': 4, '1,2,3': 2, '2,3,4': 2, '3,4,5': 2, '4,5,6': 1,
      '5,6,7': 2, '6,7,8': 2, '7,8,0': 4, '8,0,0': 4, '1,2,4': 2, '2,4,3': 2,
      '4,3,5': 2, '3,5,6': 1, '4,5,9': 1, '5,9,7': 2, '9,7,8': 2, '3,5,9': 1,
    }));
    expect(nGramCounts(l, 4).size).toBe(22);
    expect(nGramCounts(l, 4).get('|||A')).toBe(4);
    expect(nGramCounts(l, 4).get('E|G|H|I')).toBe(2);
  });
  const sizes = (n: number, ...logs: ReturnType<typeof log>[]) =>
    logs.reduce((s, l) => {
      const perCase = new Map<number, number>();
      for (const c of l.caseOf) perCase.set(c, (perCase.get(c) ?? 0) + 1);
      return s + [...perCase.values()].reduce((t, k) => t + k + n - 1, 0);
    }, 0);
  it('is 0 for the same log', () => {
    for (const n of [2, 3, 4]) {
      for (const normalize of [true, false]) expect(nGramDistance(log('test_event_log_1.csv'), log('test_event_log_1.csv'), { n, normalize })).toBe(0);
    }
  });
  it('is 1 (all n-grams) for disjoint activity names', () => {
    const [a, b] = [log('test_event_log_1.csv'), log('test_event_log_2.csv')];
    for (const n of [2, 3, 4]) {
      expect(nGramDistance(a, b, { n })).toBe(1);
      expect(nGramDistance(a, b, { n, normalize: false })).toBe(sizes(n, a, b));
    }
  });
  it('counts 12, 16 and 20 different 2-, 3- and 4-grams for logs 1 and 3', () => {
    const [a, b] = [log('test_event_log_1.csv'), log('test_event_log_3.csv')];
    [12, 16, 20].forEach((diff, i) => {
      const n = i + 2;
      expect(nGramDistance(a, b, { n })).toBe(diff / sizes(n, a, b));
      expect(nGramDistance(a, b, { n, normalize: false })).toBe(diff);
    });
  });
});

describe('logDistances', () => {
  it('gives six finite numbers, each explained in one line', () => {
    const d = logDistances(log('LoanApp_delays.csv'), log('LoanApp_no_delays.csv'));
    for (const [k, v] of Object.entries(d)) {
      expect(Number.isFinite(v), k).toBe(true);
      expect(v, k).toBeGreaterThanOrEqual(0);
      expect(MEASURES[k as keyof typeof d].explanation.length).toBeGreaterThan(20);
    }
    expect(d.ctd).toBeGreaterThan(0); // the delays lengthen the cases
    const same = logDistances(log('LoanApp_delays.csv'), log('LoanApp_delays.csv'));
    expect(Object.values(same).every((v) => v === 0)).toBe(true);
  });
  it('handles 100,000 events quickly', () => {
    const rows: [string, string, string, number, number][] = [];
    let t = Date.UTC(2024, 0, 1, 8);
    for (let c = 0; c < 20_000; c++) {
      t += 5 * 60_000;
      for (let k = 0; k < 5; k++) rows.push([`c${c}`, `A${(c + k) % 7}`, `r${k}`, t + k * 600_000, t + k * 600_000 + 300_000]);
    }
    const a = logFromRows(rows);
    const b = logFromRows(rows.map(([c, x, r, s, e]) => [c, x, r, s + 1_800_000, e + 3_600_000]));
    const t0 = performance.now();
    const d = logDistances(a, b);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(d.car).toBeCloseTo(0.5, 1);
    expect(d.ngd).toBe(0);
  });
});
