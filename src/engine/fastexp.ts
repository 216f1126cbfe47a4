// e^x by a table of 2^(j/64) and a short polynomial: for the lognormal sampler, which takes one
// exponential per draw. Built only from + − × ÷ and tables computed at load time with the
// engine's own exp (src/engine/math.ts), so it gives the same bits in every JavaScript engine;
// accuracy within a few units in the last place, like math.ts.
import { exp } from './math';

const N = 64;
const LN2_HI = 6.93147180369123816490e-1; // ln 2, upper bits: k · LN2_HI / 64 is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10;
const STEP_HI = LN2_HI / N;
const STEP_LO = LN2_LO / N;
const N_OVER_LN2 = N * 1.44269504088896338700;

/** 2^(j/64), j = 0 … 63. */
const T = Float64Array.from({ length: N }, (_, j) => (j === 0 ? 1 : exp(j * STEP_HI + j * STEP_LO)));
/** 2^e for e = −1022 … 1023, at index e + 1022 (exact powers of two by halving and doubling). */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let e = 1; e <= 1023; e++) POW2[1022 + e] = POW2[1021 + e]! * 2;
for (let e = 1; e <= 1022; e++) POW2[1022 - e] = POW2[1023 - e]! / 2;

/** e^x, as math.ts's exp computes it (within a few units in the last place) but faster; outside ±708 it is math.ts's exp. */
export function expFast(x: number): number {
  if (!(x > -708 && x < 708)) return exp(x);
  const k = Math.round(x * N_OVER_LN2);
  const r = x - k * STEP_HI - k * STEP_LO; // |r| ≤ ln 2 / 128
  // Taylor series of e^r to degree 5: the remainder r⁶/720 is below 4e-17.
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return T[k & (N - 1)]! * p * POW2[(k >> 6) + 1022]!;
}
