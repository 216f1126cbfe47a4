import { describe, expect, it } from 'vitest';
import { standardExponential, ZIGGURAT } from '../../src/engine/exponential';
import { createStream } from '../../src/engine/rng';

describe('ziggurat exponential', () => {
  it('its 256 layers have equal areas and stack up to the density at 0', () => {
    const { X, F, V } = ZIGGURAT;
    // Base layer: rectangle X[0] × f(R) of area V; layers 1…255: X[i] × (f(X[i+1]) − f(X[i])).
    expect(X[0]! * F[1]!).toBeCloseTo(V, 15);
    for (let i = 1; i < 256; i++) expect(Math.abs(X[i]! * (F[i + 1]! - F[i]!) - V) / V).toBeLessThan(1e-9);
    expect(F[256]).toBe(1);
    for (let i = 1; i <= 256; i++) expect(X[i]!).toBeLessThan(X[i - 1]!);
  });

  it('draws exponential numbers: Kolmogorov–Smirnov, moments and the tail beyond R', () => {
    const rng = createStream(42, 0, 'exp');
    const n = 400_000;
    const xs = new Float64Array(n);
    let sum = 0;
    let sum2 = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const x = standardExponential(rng);
      xs[i] = x;
      sum += x;
      sum2 += x * x;
      if (x > ZIGGURAT.R) tail++;
    }
    xs.sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const F = 1 - Math.exp(-xs[i]!);
      d = Math.max(d, Math.abs(F - i / n), Math.abs(F - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n)); // KS critical value at the 1 % level
    const mean = sum / n;
    expect(Math.abs(mean - 1)).toBeLessThan(2.58 / Math.sqrt(n)); // sd of the mean is 1/√n
    // Var(X²) = E[X⁴] − E[X²]² = 24 − 4 = 20.
    expect(Math.abs(sum2 / n - 2)).toBeLessThan(2.58 * Math.sqrt(20 / n));
    const pTail = Math.exp(-ZIGGURAT.R);
    expect(Math.abs(tail - n * pTail)).toBeLessThan(3.3 * Math.sqrt(n * pTail));
  });
});
