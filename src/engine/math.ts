// Elementary functions built only from IEEE-754 operations that every JavaScript engine
// computes exactly alike (+ − × ÷ and √). Math.log, Math.exp, Math.pow and Math.cos are not
// specified to the last bit and do differ between V8 versions (Node and Chromium), which would
// make the same model and seed give different results in the browser and on the command line.
// Accuracy is within a few units in the last place, which is far below any simulation noise.

const LN2_HI = 6.93147180369123816490e-1; // ln 2, upper bits (exactly representable)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;
const SQRT_HALF = Math.SQRT1_2;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian platforms (all that run browsers and Node) keep the high word second.
const HI = 1;

/** 2^k for integer k in the normal range, built from the bit pattern. */
function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1022) return pow2(k + 1022) * 2.2250738585072014e-308; // subnormal results
  f64[0] = 0;
  u32[HI] = (k + 1023) << 20;
  u32[1 - HI] = 0;
  return f64[0]!;
}

/** Natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: bring subnormals into the normal range
    k = -54;
  }
  f64[0] = x;
  const hi = u32[HI]!;
  k += ((hi >>> 20) & 0x7ff) - 1023;
  u32[HI] = (hi & 0x000fffff) | 0x3ff00000; // mantissa scaled into [1, 2)
  let m = f64[0]!;
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  }
  // log(m) = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| ≤ 0.1716:
  // the terms after s²³/23 are below 1e-19 of the sum. Horner form, fixed length.
  const s = (m - 1) / (m + 1);
  const z = s * s;
  const series =
    1 +
    z *
      (1 / 3 +
        z * (1 / 5 + z * (1 / 7 + z * (1 / 9 + z * (1 / 11 + z * (1 / 13 + z * (1 / 15 + z * (1 / 17 + z * (1 / 19 + z * (1 / 21 + z * (1 / 23)))))))))));
  return k * LN2_HI + (2 * s * series + k * LN2_LO);
}

const INV = Array.from({ length: 17 }, (_, n) => (n === 0 ? 0 : 1 / n));

/** e^x. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ ln2/2
  // Taylor series to degree 16 in Horner form: error below 2^-60 on this range.
  let sum = 1;
  for (let n = 16; n >= 1; n--) sum = 1 + r * INV[n]! * sum;
  if (k > 1023) return sum * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return sum * pow2(k + 1022) * pow2(-1022);
  return sum * pow2(k);
}

/** a^b for a > 0 (a = 0 gives 0 for b > 0). */
export function pow(a: number, b: number): number {
  if (a === 0) return b > 0 ? 0 : b === 0 ? 1 : Infinity;
  if (b === 0) return 1;
  if (b === 1) return a;
  return exp(b * log(a));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) {
    // Reflection would need sin; instead use Γ(x) = Γ(x + 1) / x.
    return logGamma(x + 1) - log(x);
  }
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(a);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return exp(-0.5 * x * x) * 0.39894228040143267794;
}

/**
 * Standard normal distribution function, by the complementary error function's continued
 * fraction / series (W. J. Cody's rational approximations are avoided to keep to + − × ÷ √ exp).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  let tail: number;
  if (z < 5) {
    // Series: Φ(z) − ½ = φ(z) · Σ z^(2n+1) / (1·3·5·…·(2n+1)).
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (z * z) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    tail = 0.5 - normalPdf(z) * sum;
  } else {
    // Continued fraction for the upper tail (Lentz), converges fast for z ≥ 5.
    let f = z;
    for (let n = 60; n >= 1; n--) f = z + n / f;
    tail = normalPdf(z) / f;
  }
  return x >= 0 ? 1 - tail : tail;
}

/** Standard normal draw by Marsaglia's polar method: needs only log and √ (no sin or cos). */
export function polarNormal(next: () => number): number {
  for (;;) {
    const u = 2 * next() - 1;
    const v = 2 * next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
  }
}
