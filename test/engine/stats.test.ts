import { describe, expect, it } from 'vitest';
import { GroupedSeries, GrowableArray, meanCI, mser5, pairedDiffCI, percentiles, quantileSorted, quantilesOf, summarize, variance } from '../../src/engine/stats';
import { createStream } from '../../src/engine/rng';

describe('stats', () => {
  it('quantiles interpolate linearly (type 7)', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBe(0);
    expect(percentiles(Float64Array.from([0, 100]))[37]).toBeCloseTo(37, 10);
  });

  it('summarize gives zeros for an empty sample and the right figures otherwise', () => {
    expect(summarize(new Float64Array(0))).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 });
    const s = summarize(Float64Array.from([5, 1, 3]));
    expect(s).toMatchObject({ count: 3, mean: 3, p50: 3, max: 5 });
  });

  it('quantilesOf gives exactly the sorted-sample quantiles, without changing the sample', () => {
    const rng = createStream(1, 0, 'quantiles');
    const probs = [0, 0.001, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1, ...Array.from({ length: 101 }, (_, i) => i / 100)];
    const samples: Float64Array[] = [
      // Zeros (customers served at once), then values over eight orders of magnitude.
      Float64Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? 0 : -Math.log(1 - rng.next()) * 10 ** Math.floor(rng.next() * 8 - 4))),
      // Heavy ties: a few distinct values, so many ranks fall in one bucket.
      Float64Array.from({ length: 20_000 }, () => Math.floor(rng.next() * 5) * 0.5),
      // Values closer together than a bucket (same top bits).
      Float64Array.from({ length: 10_000 }, () => 1 + rng.next() * 1e-6),
      // Negative values take the fallback path.
      Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? i : -i)),
      Float64Array.from([3, 1, 2]),
    ];
    for (const xs of samples) {
      const before = Float64Array.from(xs);
      const sorted = Float64Array.from(xs).sort();
      expect(quantilesOf(xs, probs)).toEqual(probs.map((p) => quantileSorted(sorted, p)));
      expect(xs).toEqual(before);
    }
    expect(quantilesOf(new Float64Array(0), [0.5])).toEqual([0]);
  });

  it('GroupedSeries keeps between 1× and 2× the asked groups, with exact group means and end times', () => {
    for (const n of [7, 30, 1999, 2000, 2001, 12_345]) {
      const g = new GroupedSeries(10);
      for (let i = 0; i < n; i++) g.push(i, 100 + i);
      expect(g.length).toBe(n);
      expect(g.size * g.count).toBeLessThanOrEqual(n);
      expect(n - g.size * g.count).toBeLessThan(g.size); // only an unfinished group is left out
      if (n >= 20) expect(g.count).toBeGreaterThanOrEqual(10);
      expect(g.count).toBeLessThan(20);
      g.means().forEach((m, k) => {
        // Values k·size … (k+1)·size − 1 have mean k·size + (size − 1)/2.
        expect(m).toBe(k * g.size + (g.size - 1) / 2);
        expect(g.endTime(k)).toBe(100 + (k + 1) * g.size - 1);
      });
    }
  });

  it('variance (n − 1) and t-based confidence intervals', () => {
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(variance([3])).toBe(0);
    const ci = meanCI([1, 2, 3, 4, 5]);
    // t(0.975, 4) = 2.7764; sd = 1.5811; half-width = 2.7764 × 1.5811 / √5 = 1.9632
    expect(ci.mean).toBe(3);
    expect(ci.ci95).toBeCloseTo(1.9632, 3);
    expect(meanCI([7]).ci95).toBe(0);
  });

  it('paired differences are significant only when the interval excludes 0', () => {
    const a = [10, 11, 12, 13, 14];
    expect(pairedDiffCI(a, a.map((x) => x - 2 + (x % 2) * 0.1)).significant).toBe(true);
    expect(pairedDiffCI(a, [11, 10, 13, 12, 14]).significant).toBe(false);
    expect(() => pairedDiffCI([1], [1, 2])).toThrow(/equal lengths/);
  });

  it('GrowableArray keeps what was pushed across growth', () => {
    const g = new GrowableArray(16);
    for (let i = 0; i < 100; i++) g.push(i);
    expect(g.length).toBe(100);
    expect(g.view()[99]).toBe(99);
  });

  it('MSER-5 truncates an initial transient and not a steady series', () => {
    const rng = createStream(3, 0, 'mser');
    const noise = () => (rng.next() - 0.5) * 2;
    const transient = Array.from({ length: 1000 }, (_, i) => 10 + 90 * Math.exp(-i / 40) + noise());
    const t = mser5(transient);
    expect(t.observations).toBeGreaterThan(80);
    expect(t.observations).toBeLessThan(400);
    const steady = Array.from({ length: 1000 }, () => 10 + noise());
    const s = mser5(steady);
    // On a steady series the statistic at 0 is within a few % of the optimum.
    expect(s.statistics[0]! / s.statistics[s.batches]!).toBeLessThan(1.21);
    expect(mser5([1, 2, 3]).observations).toBe(0);
  });
});
