import { describe, expect, it } from 'vitest';
import { createSampler, density, describeDistribution, moments, truncatedNormalMoments, weibullShapeForCv } from '../../src/engine/distributions';
import { createStream } from '../../src/engine/rng';
import { mean, variance } from '../../src/engine/stats';
import type { Distribution } from '../../src/model/schema';

const CASES: Distribution[] = [
  { kind: 'exponential', mean: 4 },
  { kind: 'constant', value: 3 },
  { kind: 'uniform', min: 2, max: 8 },
  { kind: 'triangular', min: 1, mode: 2, max: 6 },
  { kind: 'normal', mean: 10, sd: 2 },
  { kind: 'normal', mean: 2, sd: 3 }, // heavily truncated at 0
  { kind: 'lognormal', mean: 20, sd: 15 },
  { kind: 'gamma', mean: 5, sd: 2 },
  { kind: 'gamma', mean: 5, sd: 10 }, // shape < 1
  { kind: 'erlang', mean: 6, k: 3 },
  { kind: 'weibull', mean: 10, sd: 4 },
  { kind: 'weibull', mean: 10, sd: 20 },
  { kind: 'empirical', values: [1, 2, 2, 3, 10] },
];

const N = 200_000;

describe('samplers match their exact moments', () => {
  for (const d of CASES) {
    it(`${JSON.stringify(d)}`, () => {
      const s = createSampler(d);
      const rng = createStream(42, 0, `test:${d.kind}`);
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) xs[i] = s.sample(rng);
      expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
      const se = Math.sqrt(s.variance / N);
      // 4.5 standard errors: a false alarm about once in 150,000 runs.
      expect(Math.abs(mean(xs) - s.mean)).toBeLessThanOrEqual(4.5 * se + 1e-12);
      // Sample variance: within 6 % (heavy tails make its error larger than the mean's).
      if (s.variance > 0) expect(Math.abs(variance(xs) / s.variance - 1)).toBeLessThan(d.kind === 'lognormal' || d.kind === 'weibull' || d.kind === 'gamma' ? 0.12 : 0.05);
      else expect(variance(xs)).toBe(0);
    });
  }
});

describe('moments', () => {
  it('parametrise by mean and sd where users think that way', () => {
    for (const d of [
      { kind: 'lognormal', mean: 20, sd: 15 },
      { kind: 'gamma', mean: 7, sd: 3 },
      { kind: 'weibull', mean: 10, sd: 4 },
      { kind: 'weibull', mean: 3, sd: 9 },
    ] as const) {
      const m = moments(d);
      expect(m.mean).toBeCloseTo(d.mean, 6);
      expect(Math.sqrt(m.variance)).toBeCloseTo(d.sd, 5);
      expect(m.scv).toBeCloseTo((d.sd / d.mean) ** 2, 5);
    }
  });

  it('Weibull with cv = 1 is exponential (shape 1)', () => {
    expect(weibullShapeForCv(1)).toBeCloseTo(1, 6);
  });

  it('truncated normal moments agree with numerical integration', () => {
    const mu = 2;
    const sd = 3;
    let z = 0;
    let m1 = 0;
    let m2 = 0;
    const h = 0.0005;
    for (let x = h / 2; x < 40; x += h) {
      const f = Math.exp(-0.5 * ((x - mu) / sd) ** 2);
      z += f;
      m1 += x * f;
      m2 += x * x * f;
    }
    const mean = m1 / z;
    const exact = truncatedNormalMoments(mu, sd);
    expect(exact.mean).toBeCloseTo(mean, 4);
    expect(exact.variance).toBeCloseTo(m2 / z - mean * mean, 3);
  });

  it('Erlang and empirical moments', () => {
    expect(moments({ kind: 'erlang', mean: 6, k: 3 })).toMatchObject({ mean: 6, variance: 12 });
    expect(moments({ kind: 'empirical', values: [1, 3] })).toMatchObject({ mean: 2, variance: 1 });
    expect(moments({ kind: 'constant', value: 0 }).scv).toBe(0);
  });
});

describe('density', () => {
  // Densities with a pole at 0 (gamma shape < 1, Weibull shape < 1) cannot be integrated by a
  // trapezoid on a grid; they are checked for finite plot values instead.
  const pole = (c: Distribution) => (c.kind === 'gamma' || c.kind === 'weibull') && c.sd > c.mean;
  for (const d of CASES.filter((c) => c.kind !== 'constant' && c.kind !== 'empirical' && !pole(c))) {
    it(`integrates to about 1: ${JSON.stringify(d)}`, () => {
      const curve = density(d, 4000);
      let area = 0;
      for (let i = 1; i < curve.x.length; i++) area += ((curve.y[i]! + curve.y[i - 1]!) / 2) * (curve.x[i]! - curve.x[i - 1]!);
      expect(area).toBeGreaterThan(0.93);
      expect(area).toBeLessThan(1.03);
      expect(curve.mean).toBeCloseTo(moments(d).mean, 10);
    });
  }

  it('densities with a pole at 0 give finite plot values', () => {
    for (const d of CASES.filter(pole)) expect(density(d).y.every((y) => Number.isFinite(y) && y >= 0)).toBe(true);
  });

  it('a constant is a spike; an empirical list is a histogram', () => {
    expect(density({ kind: 'constant', value: 5 }).kind).toBe('discrete');
    const h = density({ kind: 'empirical', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(h.kind).toBe('continuous');
    expect(h.y.every((y) => y >= 0)).toBe(true);
  });
});

describe('describeDistribution', () => {
  it('reads like a person would say it', () => {
    expect(describeDistribution({ kind: 'lognormal', mean: 20, sd: 15 }, 'min')).toBe('lognormal, mean 20 min, sd 15 min');
    expect(describeDistribution({ kind: 'exponential', mean: 2.5 }, 'h')).toBe('exponential, mean 2.5 h');
    expect(describeDistribution({ kind: 'erlang', mean: 6, k: 3 }, 'min')).toBe('Erlang-3, mean 6 min');
  });
});
