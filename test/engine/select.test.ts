// Exact selection against the naive reference (sort a copy, read the ranks): the same numbers for
// random samples of many sizes and shapes, with ties, zeros, tiny and huge values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSample, SORT_BELOW, valuesAtRanks } from '../../src/engine/select';
import { percentiles, quantileSorted, quantilesOf, summarize, summarizeWithPercentiles } from '../../src/engine/stats';

const PROBS = [0, 0.001, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1, ...Array.from({ length: 101 }, (_, i) => i / 100)];

/** The reference: sort a copy with a comparator, interpolate (type 7). */
function naiveQuantiles(values: Float64Array, probs: readonly number[]): number[] {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return probs.map((p) => quantileSorted(sorted, p));
}

/** Equal as numbers (+0 and −0 alike), element by element. */
function expectSameNumbers(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  const differing = actual.findIndex((a, i) => !(a === expected[i]));
  expect(differing === -1 ? 'all equal' : `index ${differing}: ${actual[differing]} vs ${expected[differing]}`).toBe('all equal');
}

// Sample shapes: plain doubles, few distinct values (ties), zeros mixed with values over many
// orders of magnitude, values closer together than any bucket, and subnormals.
const wide = fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map((x) => Math.abs(x));
const ties = fc.integer({ min: 0, max: 4 }).map((k) => k * 0.5);
const spread = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -12, max: 12 }), fc.boolean()).map(([u, e, zero]) => (zero ? 0 : u * 10 ** e));
const narrow = fc.double({ min: 0, max: 1, noNaN: true }).map((u) => 1 + u * 1e-9);
const tiny = fc.oneof(fc.constant(0), fc.constant(Number.MIN_VALUE), fc.constant(2.2250738585072014e-308), fc.double({ min: 0, max: 1e-300, noNaN: true }));
const sample = (value: fc.Arbitrary<number>, maxLength: number) => fc.array(value, { minLength: 0, maxLength, size: 'max' }).map((xs) => Float64Array.from(xs));

describe('exact selection (select.ts)', () => {
  it('gives the naive sort-and-read quantiles for random samples of sizes 0 … 3000, all shapes', () => {
    for (const [, value] of [['wide', wide], ['ties', ties], ['spread', spread], ['narrow', narrow], ['tiny', tiny]] as const) {
      fc.assert(
        fc.property(sample(value, 3000), (xs) => {
          const before = Float64Array.from(xs);
          expectSameNumbers(quantilesOf(xs, PROBS), naiveQuantiles(xs, PROBS));
          expect(xs).toEqual(before); // the sample is left as it was
        }),
        { seed: 20261201, numRuns: 60, endOnFailure: true, examples: [[new Float64Array(0)], [Float64Array.from([7])], [Float64Array.from([2, 1])], [Float64Array.from([0, 0])]] },
      );
    }
  });

  it('sizes 0, 1 and 2', () => {
    expect(quantilesOf(new Float64Array(0), [0, 0.5, 1])).toEqual([0, 0, 0]);
    expect(quantilesOf(Float64Array.from([4.5]), [0, 0.5, 1])).toEqual([4.5, 4.5, 4.5]);
    expect(quantilesOf(Float64Array.from([3, 1]), [0, 0.25, 0.5, 1])).toEqual([1, 1.5, 2, 3]);
    expect(summarize(Float64Array.from([3, 1]))).toEqual({ count: 2, mean: 2, p50: 2, p90: 2.8, p95: 2.9, p99: 2.98, max: 3 });
  });

  it('large samples take the bucket path and still agree exactly (a wide range needs coarser buckets)', () => {
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) | 0) >>> 0) / 4294967296;
    const shapes: [string, () => number][] = [
      ['waits: 40 % zeros, exponential, a few ten times longer', () => (rnd() < 0.4 ? 0 : -Math.log(1 - rnd()) * 20 * (rnd() < 0.05 ? 10 : 1))],
      ['eight orders of magnitude', () => rnd() * 10 ** Math.floor(rnd() * 8 - 4)],
      ['all the same', () => 3.25],
      ['all zero', () => 0],
      ['five values', () => Math.floor(rnd() * 5)],
      ['from 1e-300 to 1e300', () => 10 ** (rnd() * 600 - 300)],
    ];
    for (const n of [SORT_BELOW + 1, 5000, 70_000, 300_000]) {
      for (const [name, draw] of shapes) {
        const xs = Float64Array.from({ length: n }, draw);
        const expected = naiveQuantiles(xs, PROBS);
        expect(scanSample(xs).bucketable, name).toBe(true);
        expectSameNumbers(quantilesOf(xs, PROBS), expected);
        // A view into a larger buffer (as GrowableArray.view() gives) selects the same.
        const padded = new Float64Array(n + 10).fill(1e9);
        padded.set(xs, 3);
        expectSameNumbers(quantilesOf(padded.subarray(3, 3 + n), PROBS), expected);
      }
    }
  });

  it('negative values, −0, infinities and NaN-free edge cases fall back to sorting and agree', () => {
    const withNegatives = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? i : -i));
    expect(scanSample(withNegatives).bucketable).toBe(false);
    expectSameNumbers(quantilesOf(withNegatives, PROBS), naiveQuantiles(withNegatives, PROBS));
    const withInfinity = Float64Array.from({ length: 1000 }, (_, i) => (i === 500 ? Infinity : i));
    expect(scanSample(withInfinity).bucketable).toBe(false);
    expect(quantilesOf(withInfinity, [1])).toEqual([Infinity]);
    expectSameNumbers(quantilesOf(withInfinity, PROBS), naiveQuantiles(withInfinity, PROBS)); // no ∞ − ∞ at a whole rank
    const withMinusZero = Float64Array.from({ length: 1000 }, (_, i) => (i % 3 ? i : -0));
    expect(scanSample(withMinusZero).bucketable).toBe(false);
    expectSameNumbers(quantilesOf(withMinusZero, PROBS), naiveQuantiles(withMinusZero, PROBS));
  });

  it('valuesAtRanks reads any ascending ranks, and the scan sums in order', () => {
    const xs = Float64Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 2000) / 8);
    const ranks = [0, 1, 2, 999, 1000, 1998, 1999];
    expect(valuesAtRanks(xs, ranks)).toEqual(ranks.map((r) => r / 8));
    let sum = 0;
    for (const x of xs) sum += x;
    expect(scanSample(xs).sum).toBe(sum);
  });

  it('summary and percentiles agree with the reference in one call', () => {
    const xs = Float64Array.from({ length: 4000 }, (_, i) => (i % 5 === 0 ? 0 : Math.sqrt(i)));
    const { summary, percentiles: ps } = summarizeWithPercentiles(xs);
    expectSameNumbers(ps, naiveQuantiles(xs, PROBS.slice(9)));
    expectSameNumbers(percentiles(xs), ps);
    const [p50, p90, p95, p99, max] = naiveQuantiles(xs, [0.5, 0.9, 0.95, 0.99, 1]);
    expect(summary).toMatchObject({ count: 4000, p50, p90, p95, p99, max });
  });
});
