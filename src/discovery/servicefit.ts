// Fitting observed durations to the engine's distributions. Rule: each candidate (constant,
// exponential, gamma, lognormal, Weibull, normal, uniform, triangular) gets its parameters from the
// data (mean and spread; min, max and mode for uniform and triangular); it is then sampled with the
// engine's own sampler (2,000 draws, fixed seed) and compared with the data by the earth mover's
// distance between the two distributions (the mean absolute difference of their quantiles),
// relative to the data's mean. The smallest distance wins; when even that is above FIT_LIMIT, the
// observed values themselves are used (empirical, resampled), at most MAX_EMPIRICAL of them.
import type { Distribution } from '../model/schema';
import { createSampler } from '../engine/distributions';
import { createStream } from '../engine/rng';

export const FIT_LIMIT = 0.1;
export const MAX_EMPIRICAL = 1000;
const DRAWS = 2000;
const MIN_TIME = 1e-9;

export interface Fit {
  distribution: Distribution;
  /** Relative earth mover's distance of the chosen distribution (0 for empirical). */
  distance: number;
  /** Best parametric candidate and its distance, for the report. */
  bestKind: Distribution['kind'];
  bestDistance: number;
  n: number;
}

/** Quantiles of sorted values at the mid-points of `m` equal bins. */
function quantiles(sorted: ArrayLike<number>, m: number): Float64Array {
  const q = new Float64Array(m);
  const n = sorted.length;
  for (let k = 0; k < m; k++) q[k] = sorted[Math.min(n - 1, Math.floor(((k + 0.5) / m) * n))]!;
  return q;
}

/** Fits durations (in the project's time unit). */
export function fitDuration(values: ArrayLike<number>, seedKey = 'fit'): Fit {
  const data = Float64Array.from(values).filter((v) => Number.isFinite(v) && v >= 0).sort();
  const n = data.length;
  if (n === 0) return { distribution: { kind: 'constant', value: 0 }, distance: 0, bestKind: 'constant', bestDistance: 0, n };
  let sum = 0;
  for (const v of data) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of data) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const min = data[0]!, max = data[n - 1]!;
  if (mean <= MIN_TIME || sd <= 1e-3 * mean || n === 1) {
    const d: Distribution = { kind: 'constant', value: mean <= MIN_TIME ? 0 : clean(mean) };
    return { distribution: d, distance: 0, bestKind: 'constant', bestDistance: 0, n };
  }
  const m = Math.min(DRAWS, Math.max(200, n));
  const target = quantiles(data, m);
  const spread = Math.min(sd, 100 * mean);
  const candidates: Distribution[] = [
    { kind: 'constant', value: clean(mean) },
    { kind: 'exponential', mean: clean(mean) },
    { kind: 'gamma', mean: clean(mean), sd: clean(spread) },
    { kind: 'lognormal', mean: clean(mean), sd: clean(spread) },
    { kind: 'weibull', mean: clean(mean), sd: clean(Math.min(spread, 10 * mean)) },
    { kind: 'normal', mean: clean(mean), sd: clean(sd) },
    { kind: 'uniform', min: clean(min), max: clean(max) },
  ];
  // Triangular: mode from the densest of 20 bins.
  if (max > min) {
    const bins = new Float64Array(20);
    for (const v of data) bins[Math.min(19, Math.floor(((v - min) / (max - min)) * 20))]! += 1;
    const top = bins.indexOf(Math.max(...bins));
    candidates.push({ kind: 'triangular', min: clean(min), mode: clean(min + ((top + 0.5) / 20) * (max - min)), max: clean(max) });
  }
  let best: Distribution = candidates[0]!, bestDistance = Infinity;
  for (const c of candidates) {
    const dist = emd(c, target, seedKey) / mean;
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  if (bestDistance <= FIT_LIMIT) return { distribution: best, distance: bestDistance, bestKind: best.kind, bestDistance, n };
  const keep = n <= MAX_EMPIRICAL ? data : quantiles(data, MAX_EMPIRICAL);
  return { distribution: { kind: 'empirical', values: Array.from(keep, clean) }, distance: 0, bestKind: best.kind, bestDistance, n };
}

function emd(d: Distribution, target: Float64Array, seedKey: string): number {
  const m = target.length;
  const s = createSampler(d);
  const rng = createStream(1, 0, seedKey);
  const draws = new Float64Array(m);
  for (let k = 0; k < m; k++) draws[k] = s.sample(rng);
  draws.sort();
  let acc = 0;
  for (let k = 0; k < m; k++) acc += Math.abs(draws[k]! - target[k]!);
  return acc / m;
}

/** Rounds to 6 significant digits, within the format's time limits. */
export function clean(v: number): number {
  if (!(v > 0)) return 0;
  const r = Number(v.toPrecision(6));
  return Math.min(1e9, Math.max(MIN_TIME, r));
}
