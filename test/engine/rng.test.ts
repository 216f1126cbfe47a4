import { describe, expect, it } from 'vitest';
import { createStream, RandomStream, StreamFactory, streamState } from '../../src/engine/rng';

const take = (s: { next(): number }, n: number) => Array.from({ length: n }, () => s.next());

describe('random streams', () => {
  it('the same (seed, replication, purpose) gives the same sequence', () => {
    expect(take(createStream(5, 2, 'service:check'), 20)).toEqual(take(createStream(5, 2, 'service:check'), 20));
  });

  it('other purposes, replications or seeds give other sequences', () => {
    const base = take(createStream(5, 2, 'service:check'), 5);
    expect(take(createStream(5, 2, 'service:intake'), 5)).not.toEqual(base);
    expect(take(createStream(5, 3, 'service:check'), 5)).not.toEqual(base);
    expect(take(createStream(6, 2, 'service:check'), 5)).not.toEqual(base);
    expect(streamState(0, 0, '')).not.toEqual([0, 0, 0, 0]);
  });

  it('a stream does not depend on which other streams were created before it (common random numbers)', () => {
    const f1 = new StreamFactory(9, 0);
    f1.stream('arrivals:in');
    const a = take(f1.stream('service:s'), 10);
    const f2 = new StreamFactory(9, 0);
    const b = take(f2.stream('service:s'), 10);
    expect(a).toEqual(b);
    expect(f2.stream('service:s')).toBe(f2.stream('service:s'));
  });

  it('is uniform on [0, 1): mean and a chi-square test over 10 bins', () => {
    const s = createStream(11, 0, 'uniform');
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      bins[Math.floor(u * 10)]! += 1;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / n));
    const chi2 = bins.reduce((acc, b) => acc + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 99.9 % quantile of χ² with 9 degrees of freedom
  });

  it('is xoroshiro128+ with the top 53 bits of each 64-bit output (checked against a BigInt version)', () => {
    const state: [number, number, number, number] = [0x01234567, 0x89abcdef, 0xdeadbeef, 0x0badf00d];
    const stream = new RandomStream(state);
    const M = (1n << 64n) - 1n;
    const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & M;
    let s0 = (BigInt(state[0]) << 32n) | BigInt(state[1]);
    let s1 = (BigInt(state[2]) << 32n) | BigInt(state[3]);
    for (let i = 0; i < 1000; i++) {
      const out = (s0 + s1) & M;
      s1 ^= s0;
      s0 = rotl(s0, 24n) ^ s1 ^ ((s1 << 16n) & M);
      s1 = rotl(s1, 37n);
      expect(stream.next()).toBe(Number(out >> 11n) * 2 ** -53);
    }
  });
});
