// Exponential variates with mean 1 by the ziggurat method (Marsaglia & Tsang, 2000), because an
// exponential draw is the engine's most frequent operation (every Poisson arrival and every
// exponential service) and −log(U) costs a logarithm each time. Here 98.9 % of draws take one
// uniform number, one multiplication and one comparison; the rest fall back to an exact test
// against the density (wedges) or to the memoryless tail beyond R. The result is exactly
// exponential, not an approximation.
//
// The 256 layers have equal area V; X[i] is the right edge of layer i, which spans heights
// f(X[i])..f(X[i+1]) with f(x) = e^−x. The tables are computed at load time with the engine's own
// log and exp (src/engine/math.ts), so they are the same bits in every JavaScript engine.
import type { RandomSource } from './rng';
import { exp, log } from './math';

const LAYERS = 256;
/** Start of the tail (Marsaglia & Tsang's constant for 256 layers). */
const R = 7.69711747013104972;
/** Area of each layer: R·f(R) + the tail's area f(R). */
const V = (R + 1) * exp(-R);

const X = new Float64Array(LAYERS + 1);
const F = new Float64Array(LAYERS + 1);
X[0] = V / exp(-R); // the base layer is a rectangle of area V whose overhang stands for the tail
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = -log(exp(-X[i]!) + V / X[i]!);
X[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) F[i] = exp(-X[i]!);

/** An exponential variate with mean 1. */
export function standardExponential(rng: RandomSource): number {
  let shift = 0;
  for (;;) {
    // The top 8 bits choose the layer; the remaining 45 bits place the point within it.
    const w = rng.next() * LAYERS;
    const i = w | 0;
    const x = (w - i) * X[i]!;
    if (x < X[i + 1]!) return shift + x;
    if (i === 0) {
      // Beyond R: by memorylessness, R plus a fresh exponential.
      shift += R;
      continue;
    }
    if (F[i]! + rng.next() * (F[i + 1]! - F[i]!) < exp(-x)) return shift + x;
  }
}

/** The layer edges, for tests. */
export const ZIGGURAT = { R, V, X, F } as const;
