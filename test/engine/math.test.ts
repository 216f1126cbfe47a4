import { describe, expect, it } from 'vitest';
import { exp, log, logGamma, normalCdf, polarNormal, pow } from '../../src/engine/math';
import { tQuantile975 } from '../../src/engine/stats';
import { createStream } from '../../src/engine/rng';

const close = (a: number, b: number, rel = 4e-16 * 8) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b) + 1e-300);

describe('portable elementary functions', () => {
  it('log agrees with Math.log to a few units in the last place', () => {
    const rng = createStream(1, 0, 'log');
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp((rng.next() - 0.5) * 1400);
      close(log(x), Math.log(x), 4e-16 * 4);
    }
    for (const x of [1, 2, 0.5, Math.E, 1e-310, 5e-324, 1.7976931348623157e308]) close(log(x), Math.log(x), 4e-16 * 4);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(1)).toBe(0);
  });

  it('exp agrees with Math.exp to a few units in the last place', () => {
    const rng = createStream(2, 0, 'exp');
    for (let i = 0; i < 20_000; i++) {
      const x = (rng.next() - 0.5) * 1400;
      close(exp(x), Math.exp(x));
    }
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
  });

  it('pow and logGamma', () => {
    close(pow(2, 10), 1024);
    close(pow(9, 0.5), 3);
    expect(pow(0, 2)).toBe(0);
    close(logGamma(5), Math.log(24), 1e-14);
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
    close(logGamma(0.1), Math.log(9.513507698668732), 1e-14);
  });

  it('normalCdf matches known values', () => {
    close(normalCdf(0), 0.5);
    close(normalCdf(1.959963984540054), 0.975, 1e-14);
    close(normalCdf(-3), 0.0013498980316300946, 1e-12);
    close(normalCdf(6), 1 - 9.865876450376946e-10, 1e-15);
    close(normalCdf(-8), 6.22096057427178e-16, 1e-10);
  });

  it('polar normal draws have mean 0 and variance 1', () => {
    const rng = createStream(3, 0, 'normal');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = polarNormal(() => rng.next());
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(4.5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4.5 * Math.sqrt(2 / n));
  });

  it('t quantiles: the table and the expansion beyond it', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706204736174698, 12);
    expect(tQuantile975(9)).toBeCloseTo(2.262157162798205, 12);
    expect(tQuantile975(200)).toBeCloseTo(1.9718962236339088, 12);
    expect(tQuantile975(201)).toBeCloseTo(1.971836506779859, 10);
    expect(tQuantile975(1e6)).toBeCloseTo(1.959966356814107, 12);
  });
});
