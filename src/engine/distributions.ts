// Samplers for the distributions of the file format, each with its exact mean and variance so
// that tests can compare samples with the truth (as Ciw's distributions do). Parameters are
// precomputed once per sampler; sampling allocates nothing.
import type { Distribution, TimeUnit } from '../model/schema';
import { durationText } from '../model/duration';
import type { RandomSource } from './rng';
import { standardExponential } from './exponential';
import { expFast } from './fastexp';
import { exp, log, logGamma, normalCdf, normalPdf, pow } from './math';
import { standardNormal } from './normal';

export interface Sampler {
  sample(rng: RandomSource): number;
  readonly mean: number;
  readonly variance: number;
}

const TWO_PI = 2 * Math.PI;

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 boosted with U^(1/shape). */
function standardGamma(rng: RandomSource, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return standardGamma(rng, shape + 1) * pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

/** Weibull shape k for a coefficient of variation cv: solves Γ(1+2/k)/Γ(1+1/k)² − 1 = cv². */
export function weibullShapeForCv(cv: number): number {
  const target = cv * cv;
  const f = (k: number) => exp(logGamma(1 + 2 / k) - 2 * logGamma(1 + 1 / k)) - 1 - target;
  // f decreases in k. Bracket, then bisect.
  let lo = 0.05;
  let hi = 100;
  if (f(lo) < 0) return lo;
  if (f(hi) > 0) return hi;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12 * mid) break;
  }
  return 0.5 * (lo + hi);
}

const phi = normalPdf;
const Phi = normalCdf;

/** Exact mean and variance of a normal(mu, sd) truncated to [0, ∞). */
export function truncatedNormalMoments(mu: number, sd: number): { mean: number; variance: number } {
  if (sd === 0) return { mean: mu, variance: 0 };
  const alpha = -mu / sd;
  const z = 1 - Phi(alpha);
  const lambda = phi(alpha) / z;
  return { mean: mu + sd * lambda, variance: sd * sd * (1 + alpha * lambda - lambda * lambda) };
}

function sampler(sample: (rng: RandomSource) => number, mean: number, variance: number): Sampler {
  return { sample, mean, variance };
}

export function createSampler(d: Distribution): Sampler {
  switch (d.kind) {
    case 'exponential': {
      const m = d.mean;
      return sampler((rng) => m * standardExponential(rng), m, m * m);
    }
    case 'constant': {
      const v = d.value;
      return sampler(() => v, v, 0);
    }
    case 'uniform': {
      const { min, max } = d;
      const w = max - min;
      return sampler((rng) => min + w * rng.next(), (min + max) / 2, (w * w) / 12);
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const fc = (c - a) / (b - a);
      return sampler(
        (rng) => {
          const u = rng.next();
          return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
        },
        (a + b + c) / 3,
        (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      );
    }
    case 'normal': {
      const { mean: mu, sd } = d;
      const m = truncatedNormalMoments(mu, sd);
      return sampler(
        (rng) => {
          for (;;) {
            const x = mu + sd * standardNormal(rng);
            if (x >= 0) return x;
          }
        },
        m.mean,
        m.variance,
      );
    }
    case 'lognormal': {
      const { mean: m, sd } = d;
      const s2 = log(1 + (sd * sd) / (m * m));
      const mu = log(m) - s2 / 2;
      const s = Math.sqrt(s2);
      return sampler((rng) => expFast(mu + s * standardNormal(rng)), m, sd * sd);
    }
    case 'gamma': {
      const { mean: m, sd } = d;
      const shape = (m * m) / (sd * sd);
      const scale = (sd * sd) / m;
      return sampler((rng) => scale * standardGamma(rng, shape), m, sd * sd);
    }
    case 'erlang': {
      const { mean: m, k } = d;
      const phaseMean = m / k;
      return sampler(
        (rng) => {
          // Product of uniforms, with a log every few phases to avoid underflow.
          let total = 0;
          let prod = 1;
          for (let i = 0; i < k; i++) {
            prod *= 1 - rng.next();
            if (prod < 1e-280) {
              total -= log(prod);
              prod = 1;
            }
          }
          return phaseMean * (total - log(prod));
        },
        m,
        (m * m) / k,
      );
    }
    case 'weibull': {
      const { mean: m, sd } = d;
      const k = weibullShapeForCv(sd / m);
      const scale = m / exp(logGamma(1 + 1 / k));
      const mean = scale * exp(logGamma(1 + 1 / k));
      const second = scale * scale * exp(logGamma(1 + 2 / k));
      return sampler((rng) => scale * pow(standardExponential(rng), 1 / k), mean, second - mean * mean);
    }
    case 'empirical': {
      const values = Float64Array.from(d.values);
      const n = values.length;
      let sum = 0;
      for (const v of values) sum += v;
      const mean = sum / n;
      let ss = 0;
      for (const v of values) ss += (v - mean) * (v - mean);
      return sampler((rng) => values[Math.floor(rng.next() * n)]!, mean, ss / n);
    }
  }
}

export interface Moments {
  mean: number;
  variance: number;
  /** Squared coefficient of variation: variance / mean² (0 when the mean is 0). */
  scv: number;
}

export function moments(d: Distribution): Moments {
  const s = createSampler(d);
  return { mean: s.mean, variance: s.variance, scv: s.mean > 0 ? s.variance / (s.mean * s.mean) : 0 };
}

/** Probability density at x (continuous kinds); for constant and empirical see density(). */
export function pdf(d: Distribution, x: number): number {
  if (x < 0) return 0;
  switch (d.kind) {
    case 'exponential':
      return exp(-x / d.mean) / d.mean;
    case 'constant':
      return 0;
    case 'uniform':
      return x >= d.min && x <= d.max && d.max > d.min ? 1 / (d.max - d.min) : 0;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (x < a || x > b) return 0;
      return x <= c ? (c > a ? (2 * (x - a)) / ((b - a) * (c - a)) : 2 / (b - a)) : b > c ? (2 * (b - x)) / ((b - a) * (b - c)) : 0;
    }
    case 'normal': {
      if (d.sd === 0) return 0;
      const z = 1 - Phi(-d.mean / d.sd);
      return phi((x - d.mean) / d.sd) / (d.sd * z);
    }
    case 'lognormal': {
      if (x === 0) return 0;
      const s2 = log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = log(d.mean) - s2 / 2;
      const t = log(x) - mu;
      return exp((-t * t) / (2 * s2)) / (x * Math.sqrt(TWO_PI * s2));
    }
    case 'gamma':
    case 'erlang': {
      const shape = d.kind === 'gamma' ? (d.mean * d.mean) / (d.sd * d.sd) : d.k;
      const scale = d.mean / shape;
      if (x === 0) return shape < 1 ? Infinity : shape === 1 ? 1 / scale : 0;
      return exp((shape - 1) * log(x) - x / scale - logGamma(shape) - shape * log(scale));
    }
    case 'weibull': {
      const k = weibullShapeForCv(d.sd / d.mean);
      const scale = d.mean / exp(logGamma(1 + 1 / k));
      if (x === 0) return k < 1 ? Infinity : k === 1 ? 1 / scale : 0;
      const r = x / scale;
      return (k / scale) * pow(r, k - 1) * exp(-pow(r, k));
    }
    case 'empirical':
      return 0;
  }
}

export interface DensityCurve {
  x: number[];
  y: number[];
  mean: number;
  kind: 'continuous' | 'discrete';
}

/** Points of the density for a small plot, from 0 to about the 99.5 % quantile. */
export function density(d: Distribution, points = 80): DensityCurve {
  const { mean, variance } = moments(d);
  if (d.kind === 'constant') return { x: [d.value], y: [1], mean, kind: 'discrete' };
  if (d.kind === 'empirical') {
    const values = [...d.values].sort((a, b) => a - b);
    const lo = values[0]!;
    const hi = values[values.length - 1]!;
    if (hi === lo) return { x: [lo], y: [1], mean, kind: 'discrete' };
    const bins = Math.max(5, Math.min(30, Math.ceil(Math.sqrt(values.length))));
    const w = (hi - lo) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / w))]! += 1;
    const x: number[] = [];
    const y: number[] = [];
    counts.forEach((c, i) => {
      x.push(lo + (i + 0.5) * w);
      y.push(c / (values.length * w));
    });
    return { x, y, mean, kind: 'continuous' };
  }
  const sd = Math.sqrt(variance);
  let upper = mean + 4 * sd;
  if (d.kind === 'uniform' || d.kind === 'triangular') upper = d.max * 1.05;
  if (d.kind === 'lognormal' || d.kind === 'exponential' || d.kind === 'gamma' || d.kind === 'weibull') upper = mean + 6 * sd;
  upper = Math.max(upper, mean * 1.5, 1e-9);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < points; i++) {
    const xi = (upper * i) / (points - 1);
    const yi = pdf(d, xi === 0 ? upper * 1e-4 : xi);
    x.push(xi);
    y.push(Number.isFinite(yi) ? yi : 0);
  }
  return { x, y, mean, kind: 'continuous' };
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1).replace(/\.0$/, '') : String(Number(v.toPrecision(3))));

/**
 * Like describeDistribution, with each time in the unit that reads best: a constant 2880 min is
 * "always 2 days", an exponential with mean 0.25 h "exponential, mean 15 min".
 */
export function describeDuration(d: Distribution, unit: TimeUnit): string {
  const t = (v: number) => durationText(v, unit, 3);
  switch (d.kind) {
    case 'exponential':
      return `exponential, mean ${t(d.mean)}`;
    case 'constant':
      return `always ${t(d.value)}`;
    case 'uniform':
      return `uniform, ${t(d.min)} to ${t(d.max)}`;
    case 'triangular':
      return `triangular, ${t(d.min)} to ${t(d.max)}, most often ${t(d.mode)}`;
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return `${d.kind}, mean ${t(d.mean)}, sd ${t(d.sd)}`;
    case 'erlang':
      return `Erlang-${d.k}, mean ${t(d.mean)}`;
    case 'empirical':
      return `${d.values.length} observed values, mean ${t(moments(d).mean)}`;
  }
}

/** "lognormal, mean 20 min, sd 15 min" */
export function describeDistribution(d: Distribution, unit: string): string {
  switch (d.kind) {
    case 'exponential':
      return `exponential, mean ${fmt(d.mean)} ${unit}`;
    case 'constant':
      return `always ${fmt(d.value)} ${unit}`;
    case 'uniform':
      return `uniform, ${fmt(d.min)}–${fmt(d.max)} ${unit}`;
    case 'triangular':
      return `triangular, ${fmt(d.min)}–${fmt(d.max)} ${unit}, most often ${fmt(d.mode)}`;
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return `${d.kind}, mean ${fmt(d.mean)} ${unit}, sd ${fmt(d.sd)} ${unit}`;
    case 'erlang':
      return `Erlang-${d.k}, mean ${fmt(d.mean)} ${unit}`;
    case 'empirical': {
      const m = moments(d);
      return `${d.values.length} observed values, mean ${fmt(m.mean)} ${unit}`;
    }
  }
}
