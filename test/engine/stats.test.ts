import { describe, expect, it } from 'vitest';
import { GrowableArray, meanCI, mser5, pairedDiffCI, quantileSorted, quantiles101, sortNonNegative, summarize, variance } from '../../src/engine/stats';
import { createStream } from '../../src/engine/rng';

describe('stats', () => {
  it('quantiles interpolate linearly (type 7)', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBe(0);
    expect(quantiles101([0, 100])[37]).toBeCloseTo(37, 10);
  });

  it('summarize gives zeros for an empty sample and the right figures otherwise', () => {
    expect(summarize(new Float64Array(0))).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 });
    const s = summarize(Float64Array.from([5, 1, 3]));
    expect(s).toMatchObject({ count: 3, mean: 3, p50: 3, max: 5 });
  });

  it('the radix sort orders large samples exactly like a comparison sort', () => {
    const rng = createStream(1, 0, 'sort');
    const xs = new Float64Array(50_000);
    for (let i = 0; i < xs.length; i++) xs[i] = i % 7 === 0 ? 0 : -Math.log(1 - rng.next()) * 10 ** Math.floor(rng.next() * 8 - 4);
    const expected = Float64Array.from(xs).sort();
    sortNonNegative(xs);
    expect(xs).toEqual(expected);
    const withNegative = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? i : -i));
    sortNonNegative(withNegative);
    expect(withNegative[0]).toBe(-4998);
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
