// Standard normal variates by the ziggurat method (Marsaglia & Tsang, 2000), as exponential.ts
// does for the exponential: a normal draw feeds every lognormal, normal and gamma service time,
// and Marsaglia's polar method costs two or more uniform numbers, a logarithm, a division and a
// square root each time. Here about 99 % of draws take one uniform number, one multiplication
// and one comparison; the rest fall back to an exact test against the density (wedges) or to
// Marsaglia's exact method for the tail beyond R. The result is exactly normal, not an
// approximation.
//
// The 256 layers have equal area V under f(x) = e^(−x²/2) (x ≥ 0); X[i] is the right edge of
// layer i, which spans heights f(X[i])..f(X[i+1]). The tables are computed at load time with the
// engine's own log, exp and √ (src/engine/math.ts), so they are the same bits in every JavaScript
// engine.
import type { RandomSource } from './rng';
import { exp, log, normalCdf } from './math';

const LAYERS = 256;
/** Start of the tail (Marsaglia & Tsang's constant for 256 layers). */
const R = 3.6541528853610088;
const f = (x: number) => exp(-0.5 * x * x);
/** Area of each layer: R·f(R) + the tail's area √(2π)·(1 − Φ(R)). */
const V = R * f(R) + Math.sqrt(2 * Math.PI) * normalCdf(-R);

const X = new Float64Array(LAYERS + 1);
const F = new Float64Array(LAYERS + 1);
X[0] = V / f(R); // the base layer is a rectangle of area V whose overhang stands for the tail
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = Math.sqrt(-2 * log(f(X[i]!) + V / X[i]!));
X[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) F[i] = f(X[i]!);

/** A standard normal variate (mean 0, sd 1). */
export function standardNormal(rng: RandomSource): number {
  for (;;) {
    // The top 9 bits choose the layer and the sign; the remaining 44 bits place the point.
    const w = rng.next() * (2 * LAYERS);
    const j = w | 0;
    const i = j >> 1;
    const sign = 1 - 2 * (j & 1);
    const x = (w - j) * X[i]!;
    if (x < X[i + 1]!) return sign * x;
    if (i === 0) return sign * tail(rng);
    if (F[i]! + rng.next() * (F[i + 1]! - F[i]!) < f(x)) return sign * x;
  }
}

/** |Z| given |Z| > R (Marsaglia, 1964): R + x with x = −log(U₁)/R, accepted when −2·log(U₂) > x². */
function tail(rng: RandomSource): number {
  for (;;) {
    const x = -log(1 - rng.next()) / R;
    const y = -log(1 - rng.next());
    if (y + y >= x * x) return R + x;
  }
}

/** The layer edges, for tests. */
export const NORMAL_ZIGGURAT = { R, V, X, F } as const;
