// Exact means and variances of the file format's distributions, and the distribution a move
// writes for a combined time. The model layer cannot use the engine's samplers (dependencies
// point ui → worker → engine → model), so the few formulas are repeated here; the tests check
// them against the engine's.
import type { Distribution } from '../schema';

export interface Moments {
  mean: number;
  variance: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Standard normal distribution function (series below 5, continued fraction in the tail). */
function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z < 5) {
    let term = z;
    let sum = z;
    for (let n = 1; n < 300; n++) {
      term *= (z * z) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    tail = 0.5 - normalPdf(z) * sum;
  } else {
    let f = z;
    for (let n = 60; n >= 1; n--) f = z + n / f;
    tail = normalPdf(z) / f;
  }
  return x >= 0 ? 1 - tail : tail;
}

/** The normal kind is truncated at 0 by the engine, so its `mean` field is only the location. */
function truncatedNormal(mu: number, sd: number): Moments {
  if (sd === 0) return { mean: mu, variance: 0 };
  const alpha = -mu / sd;
  const lambda = normalPdf(alpha) / (1 - normalCdf(alpha));
  return { mean: mu + sd * lambda, variance: sd * sd * (1 + alpha * lambda - lambda * lambda) };
}

export function moments(d: Distribution): Moments {
  switch (d.kind) {
    case 'exponential':
      return { mean: d.mean, variance: d.mean * d.mean };
    case 'constant':
      return { mean: d.value, variance: 0 };
    case 'uniform':
      return { mean: (d.min + d.max) / 2, variance: (d.max - d.min) ** 2 / 12 };
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd);
    case 'erlang':
      return { mean: d.mean, variance: (d.mean * d.mean) / d.k };
    case 'empirical': {
      const n = d.values.length;
      const mean = d.values.reduce((s, v) => s + v, 0) / n;
      return { mean, variance: d.values.reduce((s, v) => s + (v - mean) ** 2, 0) / n };
    }
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return { mean: d.mean, variance: d.sd * d.sd };
  }
}

/**
 * The time a combined step takes, given its exact mean and variance: gamma, because a sum of
 * independent task times is right-skewed but lighter-tailed than a lognormal (a sum of gamma
 * times with a common scale is exactly gamma), and gamma keeps both moments exactly. No spread
 * at all gives a constant.
 */
export function distributionWith(mean: number, variance: number): Distribution {
  if (!(mean > 0)) return { kind: 'constant', value: 0 };
  if (!(variance > 1e-12 * mean * mean)) return { kind: 'constant', value: mean };
  return { kind: 'gamma', mean, sd: Math.sqrt(variance) };
}
