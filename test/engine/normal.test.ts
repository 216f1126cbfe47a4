import { describe, expect, it } from 'vitest';
import { expFast } from '../../src/engine/fastexp';
import { exp, normalCdf } from '../../src/engine/math';
import { NORMAL_ZIGGURAT, standardNormal } from '../../src/engine/normal';
import { createStream } from '../../src/engine/rng';

describe('ziggurat normal', () => {
  it('its 256 layers have equal areas and stack up to the density at 0', () => {
    const { X, F, V, R } = NORMAL_ZIGGURAT;
    // Base layer: rectangle X[0] × f(R) of area V; layers 1…255: X[i] × (f(X[i+1]) − f(X[i])).
    expect(X[1]).toBe(R);
    expect(Math.abs(X[0]! * F[1]! - V) / V).toBeLessThan(1e-14);
    for (let i = 1; i < 256; i++) expect(Math.abs(X[i]! * (F[i + 1]! - F[i]!) - V) / V).toBeLessThan(1e-9);
    expect(F[256]).toBe(1);
    for (let i = 1; i <= 256; i++) expect(X[i]!).toBeLessThan(X[i - 1]!);
    expect(X[255]).toBeGreaterThan(0);
    // The top layer is a true cap: f(X[255]) + V / X[255] is 1 up to rounding.
    expect(Math.abs(F[255]! + V / X[255]! - 1)).toBeLessThan(1e-9);
  });

  it('draws normal numbers: Kolmogorov–Smirnov against Φ, mean, sd, symmetry and the tail beyond R', () => {
    const rng = createStream(20261201, 0, 'normal');
    const n = 400_000;
    const xs = new Float64Array(n);
    let sum = 0;
    let sum2 = 0;
    let tail = 0;
    let negative = 0;
    for (let i = 0; i < n; i++) {
      const x = standardNormal(rng);
      xs[i] = x;
      sum += x;
      sum2 += x * x;
      if (Math.abs(x) > NORMAL_ZIGGURAT.R) tail++;
      if (x < 0) negative++;
    }
    xs.sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const F = normalCdf(xs[i]!);
      d = Math.max(d, Math.abs(F - i / n), Math.abs(F - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n)); // KS critical value at the 1 % level
    expect(Math.abs(sum / n)).toBeLessThan(3.3 / Math.sqrt(n)); // sd of the mean is 1/√n
    // Var(X²) = E[X⁴] − 1 = 2.
    const sd = Math.sqrt(sum2 / n - (sum / n) ** 2);
    expect(Math.abs(sum2 / n - 1)).toBeLessThan(3.3 * Math.sqrt(2 / n));
    expect(sd).toBeGreaterThan(0.99);
    expect(sd).toBeLessThan(1.01);
    expect(Math.abs(negative - n / 2)).toBeLessThan(3.3 * Math.sqrt(n / 4));
    const pTail = 2 * normalCdf(-NORMAL_ZIGGURAT.R);
    expect(Math.abs(tail - n * pTail)).toBeLessThan(3.3 * Math.sqrt(n * pTail) + 1);
    // The far tail: P(|Z| > 3) = 0.0027.
    const beyond3 = xs.filter((x) => Math.abs(x) > 3).length;
    const p3 = 2 * normalCdf(-3);
    expect(Math.abs(beyond3 - n * p3)).toBeLessThan(3.3 * Math.sqrt(n * p3));
  });

  it('the tail beyond R is normal too (conditional KS on draws past R)', () => {
    const rng = createStream(7, 3, 'normal-tail');
    const { R } = NORMAL_ZIGGURAT;
    const far: number[] = [];
    while (far.length < 3000) {
      const x = Math.abs(standardNormal(rng));
      if (x > R) far.push(x);
    }
    far.sort((a, b) => a - b);
    const q = normalCdf(-R);
    let d = 0;
    far.forEach((x, i) => {
      const F = 1 - normalCdf(-x) / q; // P(|Z| ≤ x given |Z| > R)
      d = Math.max(d, Math.abs(F - i / far.length), Math.abs(F - (i + 1) / far.length));
    });
    expect(d).toBeLessThan(1.63 / Math.sqrt(far.length));
  });
});

describe('expFast', () => {
  it('agrees with math.ts exp and Math.exp to a few units in the last place, and at the edges', () => {
    const rng = createStream(1, 0, 'expFast');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (rng.next() - 0.5) * (i % 2 ? 1400 : 10);
      const a = expFast(x);
      worst = Math.max(worst, Math.abs(a - exp(x)) / exp(x), Math.abs(a - Math.exp(x)) / Math.exp(x));
    }
    expect(worst).toBeLessThan(4 * 2 ** -52);
    expect(expFast(0)).toBe(1);
    expect(expFast(1)).toBeCloseTo(Math.E, 15);
    expect(expFast(-800)).toBe(0);
    expect(expFast(800)).toBe(Infinity);
    expect(Number.isNaN(expFast(NaN))).toBe(true);
  });
});
