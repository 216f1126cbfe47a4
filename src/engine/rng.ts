// Seeded random streams: one independent stream per purpose (each arrival source, each step's
// service times, each routing decision, each patience draw). A stream's state is derived by
// hashing (seed, replication, purpose), so adding or changing a department never shifts the
// random numbers another department sees: common random numbers across scenarios.
// The generator is xoroshiro128+ from pure-rand; Math.random is never used.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A source of uniform numbers in [0, 1). */
export interface RandomSource {
  /** Next uniform number in [0, 1), a multiple of 2^-53. */
  next(): number;
}

const SCALE26 = 2 ** -26;
const SCALE53 = 2 ** -53;

export class RandomStream implements RandomSource {
  constructor(private readonly gen: JumpableRandomGenerator) {}

  next(): number {
    const hi = this.gen.next() & 0x3ffffff; // 26 bits
    const lo = this.gen.next() & 0x7ffffff; // 27 bits
    return hi * SCALE26 + lo * SCALE53;
  }

  /** An independent stream 2^64 steps further on (xoroshiro128+ jump). This stream is unchanged. */
  jumped(): RandomStream {
    const g = this.gen.clone();
    g.jump();
    return new RandomStream(g);
  }
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** SplitMix32-style finaliser: a well-mixed 32-bit word from a 32-bit counter. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The 128-bit generator state for (seed, replication, purpose). Never all zero. */
export function streamState(seed: number, replication: number, purpose: string): [number, number, number, number] {
  let h = mix32(seed ^ 0x5bd1e995);
  h = mix32(h ^ Math.imul(replication + 1, 0x27d4eb2d));
  h = mix32(h ^ hashString(purpose));
  const s: [number, number, number, number] = [mix32(h), mix32(h + 1), mix32(h + 2), mix32(h + 3)];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/** The stream for one purpose in one replication. */
export function createStream(seed: number, replication: number, purpose: string): RandomStream {
  const gen = xoroshiro128plusFromState(streamState(seed, replication, purpose));
  // Discard a few outputs so that the hashed state is well stirred before use.
  for (let i = 0; i < 8; i++) gen.next();
  return new RandomStream(gen);
}

/**
 * A factory of named streams for one replication. Asking twice for the same purpose returns
 * the same stream object.
 */
export class StreamFactory {
  private readonly streams = new Map<string, RandomStream>();
  constructor(
    readonly seed: number,
    readonly replication: number,
  ) {}

  stream(purpose: string): RandomStream {
    let s = this.streams.get(purpose);
    if (!s) {
      s = createStream(this.seed, this.replication, purpose);
      this.streams.set(purpose, s);
    }
    return s;
  }
}
