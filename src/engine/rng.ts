// Seeded random streams: one independent stream per purpose (each arrival source, each step's
// service times, each routing decision, each patience draw). A stream's state is derived by
// hashing (seed, replication, purpose), so adding or changing a department never shifts the
// random numbers another department sees: common random numbers across scenarios.
// The generator is xoroshiro128+ (Blackman & Vigna, 2018 parameters a = 24, b = 16, c = 37),
// written here on 32-bit halves so that one step gives one uniform number from the top 53 bits of
// its 64-bit output (the low bits of xoroshiro128+ are its weakest). Math.random is never used.

/** A source of uniform numbers in [0, 1). */
export interface RandomSource {
  /** Next uniform number in [0, 1), a multiple of 2^-53. */
  next(): number;
}

const SCALE32 = 2 ** -32;
const SCALE53 = 2 ** -53;

export class RandomStream implements RandomSource {
  // [s0 low, s0 high, s1 low, s1 high] as 32-bit words.
  private readonly s: Int32Array;

  /** `state` is [s0 high, s0 low, s1 high, s1 low]; it must not be all zero. */
  constructor(state: readonly [number, number, number, number]) {
    this.s = Int32Array.from([state[1], state[0], state[3], state[2]]);
  }

  next(): number {
    const s = this.s;
    const l0 = s[0]!;
    const h0 = s[1]!;
    const l1 = s[2]!;
    const h1 = s[3]!;
    // The output s0 + s1 in 64 bits: low word (with its carry) and high word.
    const lo = (l0 >>> 0) + (l1 >>> 0);
    const hi = (h0 + h1 + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    // s1 ^= s0; s0 = rotl(s0, 24) ^ s1 ^ (s1 << 16); s1 = rotl(s1, 37).
    const a0 = l1 ^ l0;
    const a1 = h1 ^ h0;
    s[0] = ((l0 << 24) | (h0 >>> 8)) ^ a0 ^ (a0 << 16);
    s[1] = ((h0 << 24) | (l0 >>> 8)) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s[2] = (a1 << 5) | (a0 >>> 27);
    s[3] = (a0 << 5) | (a1 >>> 27);
    return hi * SCALE32 + (lo >>> 11) * SCALE53;
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
  const stream = new RandomStream(streamState(seed, replication, purpose));
  // Discard a few outputs so that the hashed state is well stirred before use.
  for (let i = 0; i < 8; i++) stream.next();
  return stream;
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
