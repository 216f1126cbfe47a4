// Small pure statistics functions, one job each.
import jStat from 'jstat';
import type { SampleStats } from './types';

/** Quantile of sorted values by linear interpolation (Hyndman & Fan type 7); 0 when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const EMPTY: SampleStats = { count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };

/**
 * Sorts non-negative finite doubles ascending in place. Such doubles order like their IEEE-754
 * bit patterns read as unsigned integers, so an LSD radix sort on four 16-bit digits does it in
 * linear time (much faster than a comparison sort on a million waiting times). Other inputs fall
 * back to the built-in sort.
 */
export function sortNonNegative(values: Float64Array): void {
  const n = values.length;
  if (n < 2048 || values.byteOffset % 8 !== 0) {
    values.sort();
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0) || v === Infinity) {
      values.sort();
      return;
    }
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2); // [lo, hi] per value (little-endian)
  let src = new Uint32Array(n * 2);
  src.set(words);
  let dst = new Uint32Array(n * 2);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1; // 0: low word, 1: high word
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[2 * i + word]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i]!;
      const hi = src[2 * i + 1]!;
      const pos = count[((word === 0 ? lo : hi) >>> shift) & 0xffff]!++;
      dst[2 * pos] = lo;
      dst[2 * pos + 1] = hi;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  words.set(src);
}

/** Summary of a sample. Sorts `values` in place. */
export function summarize(values: Float64Array): SampleStats {
  const n = values.length;
  if (n === 0) return { ...EMPTY };
  sortNonNegative(values);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return {
    count: n,
    mean: sum / n,
    p50: quantileSorted(values, 0.5),
    p90: quantileSorted(values, 0.9),
    p95: quantileSorted(values, 0.95),
    p99: quantileSorted(values, 0.99),
    max: values[n - 1]!,
  };
}

/** Percentiles 0, 1, …, 100 of sorted values (101 numbers; zeros when empty). */
export function quantiles101(sorted: ArrayLike<number>): number[] {
  const out = new Array<number>(101);
  for (let i = 0; i <= 100; i++) out[i] = quantileSorted(sorted, i / 100);
  return out;
}

/** A push buffer of doubles that grows by doubling. */
export class GrowableArray {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** The values pushed so far (a view: valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample variance (n − 1), by Welford's method; 0 for fewer than two values. */
export function variance(xs: ArrayLike<number>): number {
  let n = 0;
  let m = 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    n++;
    const d = x - m;
    m += d / n;
    s += d * (x - m);
  }
  return n > 1 ? s / (n - 1) : 0;
}

/** The 97.5 % quantile of Student's t with df degrees of freedom. */
export function tQuantile975(df: number): number {
  return jStat.studentt.inv(0.975, df);
}

export interface Estimate {
  mean: number;
  /** Half-width of the 95 % confidence interval (Student t); 0 with fewer than two values. */
  ci95: number;
}

export function meanCI(xs: ArrayLike<number>): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, ci95: 0 };
  return { mean: m, ci95: tQuantile975(n - 1) * Math.sqrt(variance(xs) / n) };
}

export interface PairedDifference extends Estimate {
  /** True when the 95 % interval excludes 0. */
  significant: boolean;
}

/** Mean of b − a over pairs, with its paired-t 95 % interval. */
export function pairedDiffCI(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired samples need equal lengths (${a.length} vs ${b.length})`);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = b[i]! - a[i]!;
  const e = meanCI(d);
  return { ...e, significant: a.length >= 2 && Math.abs(e.mean) > e.ci95 };
}

/**
 * MSER-5 (White 1997; White, Cobb & Spratt 2000): batch the series in means of 5, and choose the
 * truncation d (searched over the first half of the batches) that minimises
 * Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², the squared standard error of the mean of what remains.
 * Returns the truncation point in batches and in observations.
 */
export interface Mser5Result {
  batches: number;
  observations: number;
  /** The MSER statistic for each truncation d = 0 … ⌊k/2⌋ batches (empty for short series). */
  statistics: Float64Array;
}

export function mser5(series: ArrayLike<number>): Mser5Result {
  const k = Math.floor(series.length / 5);
  if (k < 4) return { batches: 0, observations: 0, statistics: new Float64Array(0) };
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < 5; i++) s += series[j * 5 + i]!;
    z[j] = s / 5;
  }
  // Suffix sums give each candidate's statistic in O(1).
  const suf = new Float64Array(k + 1);
  const suf2 = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) {
    suf[j] = suf[j + 1]! + z[j]!;
    suf2[j] = suf2[j + 1]! + z[j]! * z[j]!;
  }
  let best = 0;
  let bestStat = Infinity;
  const statistics = new Float64Array(Math.floor(k / 2) + 1);
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const n = k - d;
    const m = suf[d]! / n;
    const ss = Math.max(0, suf2[d]! - n * m * m);
    const stat = ss / (n * n);
    statistics[d] = stat;
    if (stat < bestStat) {
      bestStat = stat;
      best = d;
    }
  }
  return { batches: best, observations: best * 5, statistics };
}
