// Small pure statistics functions, one job each.
import { scanSample, valuesAtRanks, type SampleScan } from './select';
import type { SampleStats } from './types';

/** Quantile of sorted values by linear interpolation (Hyndman & Fan type 7); 0 when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  // At a whole rank, the value itself (the same number, and no ∞ − ∞ when the sample holds ∞).
  return h === lo ? sorted[lo]! : sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const EMPTY: SampleStats = { count: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };

/**
 * Exact quantiles (Hyndman & Fan type 7, as `quantileSorted`) of unsorted values, without sorting
 * them all (see `valuesAtRanks` in select.ts); `values` is left as it was.
 */
export function quantilesOf(values: Float64Array, probs: readonly number[], scan?: SampleScan): number[] {
  const n = values.length;
  if (n === 0) return probs.map(() => 0);
  const ranks = quantileRanks(n, probs);
  const at = valuesAtRanks(values, ranks.needed, scan);
  return probs.map((p, i) => {
    const h = (n - 1) * Math.min(1, Math.max(0, p));
    const lo = at[ranks.lo[i]!]!;
    const hi = at[ranks.hi[i]!]!;
    const frac = h - Math.floor(h);
    return frac === 0 ? lo : lo + frac * (hi - lo);
  });
}

interface Ranks {
  /** Distinct ranks needed, ascending. */
  needed: number[];
  /** Per probability: index into `needed` of the rank below and above. */
  lo: number[];
  hi: number[];
}

function quantileRanks(n: number, probs: readonly number[]): Ranks {
  const pairs = probs.map((p) => {
    const h = (n - 1) * Math.min(1, Math.max(0, p));
    const lo = Math.floor(h);
    return [lo, Math.min(n - 1, lo + 1)] as const;
  });
  const needed = [...new Set(pairs.flat())].sort((a, b) => a - b);
  const index = new Map(needed.map((r, i) => [r, i]));
  return { needed, lo: pairs.map(([l]) => index.get(l)!), hi: pairs.map(([, h]) => index.get(h)!) };
}

const SUMMARY_PROBS = [0.5, 0.9, 0.95, 0.99, 1];

/** Summary of a sample (count, mean, exact p50/p90/p95/p99, max). Leaves `values` unchanged. */
export function summarize(values: Float64Array): SampleStats {
  return summarizeWith(values, []).summary;
}

const PERCENTS = Array.from({ length: 101 }, (_, i) => i / 100);

/** Percentiles 0, 1, …, 100 of unsorted values (101 numbers; zeros when empty). */
export function percentiles(values: Float64Array): number[] {
  return quantilesOf(values, PERCENTS);
}

/** The summary and the percentiles 0, 1, …, 100 of one sample, in one pass of selection. */
export function summarizeWithPercentiles(values: Float64Array): { summary: SampleStats; percentiles: number[] } {
  const { summary, extra } = summarizeWith(values, PERCENTS);
  return { summary, percentiles: extra };
}

function summarizeWith(values: Float64Array, extraProbs: readonly number[]): { summary: SampleStats; extra: number[] } {
  const n = values.length;
  if (n === 0) return { summary: { ...EMPTY }, extra: extraProbs.map(() => 0) };
  const scan = scanSample(values); // the sum, and the range the selection needs, in one pass
  const sum = scan.sum;
  const q = quantilesOf(values, [...SUMMARY_PROBS, ...extraProbs], scan);
  const [p50, p90, p95, p99, max] = q as [number, number, number, number, number];
  return { summary: { count: n, mean: sum / n, p50, p90, p95, p99, max }, extra: q.slice(SUMMARY_PROBS.length) };
}

/** Number of values ≤ x (unsorted values, one pass). */
export function countAtMost(values: ArrayLike<number>, x: number): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! <= x) k++;
  return k;
}

/**
 * A long series kept as means of consecutive groups: the group size doubles (neighbouring groups
 * are added together) whenever 2 × `groups` complete groups are held, so memory stays fixed and
 * the series ends with between `groups` and 2 × `groups` complete groups (fewer only when it is
 * short). Each group also keeps the time of its last value. An unfinished last group is left out.
 */
export class GroupedSeries {
  private readonly sums: Float64Array;
  private readonly ends: Float64Array;
  /** Values pushed. */
  length = 0;
  /** Complete groups held. */
  count = 0;
  /** Values per group. */
  size = 1;
  private partial = 0;
  private partialSum = 0;
  constructor(private readonly groups = 1000) {
    this.sums = new Float64Array(2 * groups);
    this.ends = new Float64Array(2 * groups);
  }
  push(x: number, time: number): void {
    this.length++;
    this.partialSum += x;
    if (++this.partial < this.size) return;
    this.sums[this.count] = this.partialSum;
    this.ends[this.count] = time;
    this.count++;
    this.partial = 0;
    this.partialSum = 0;
    if (this.count === 2 * this.groups) {
      for (let i = 0; i < this.groups; i++) {
        this.sums[i] = this.sums[2 * i]! + this.sums[2 * i + 1]!;
        this.ends[i] = this.ends[2 * i + 1]!;
      }
      this.count = this.groups;
      this.size *= 2;
    }
  }
  /** Mean of each complete group. */
  means(): number[] {
    return Array.from(this.sums.subarray(0, this.count), (s) => s / this.size);
  }
  /** Time of the last value of complete group i. */
  endTime(i: number): number {
    return this.ends[i]!;
  }
}

/** A push buffer of doubles that grows by doubling. */
export class GrowableArray {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** The values pushed so far (a view: valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample variance (n − 1), by Welford's method; 0 for fewer than two values. */
export function variance(xs: ArrayLike<number>): number {
  let n = 0;
  let m = 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    n++;
    const d = x - m;
    m += d / n;
    s += d * (x - m);
  }
  return n > 1 ? s / (n - 1) : 0;
}

// 97.5 % quantiles of Student's t for 1 … 200 degrees of freedom (computed with SciPy's
// stats.t.ppf to full double precision). A table, rather than an iterative inverse of the
// incomplete beta function, keeps the engine's results identical in every JavaScript engine.
const T975 = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
  2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
  2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
  2.039513446396408, 2.0369333434601016, 2.0345152974493383, 2.0322445093177186, 2.030107928250343,
  2.0280940009804502, 2.0261924630291093, 2.0243941639119694, 2.022690920036761, 2.021075390306273,
  2.019540970441376, 2.0180817028184443, 2.016692199227824, 2.0153675744437636, 2.014103388880846,
  2.012895598919429, 2.0117405137297655, 2.010634757624232, 2.0095752371292392, 2.008559112100761,
  2.007583770315836, 2.006646805061688, 2.0057459953178687, 2.0048792881880564, 2.0040447832891455,
  2.003240718847872, 2.002465459291007, 2.0017174841452356, 2.000995378088267, 2.0002978220142604,
  1.999623584994939, 1.9989715170333788, 1.998340542520741, 1.997729654317693, 1.9971379083920038,
  1.9965644189523117, 1.996008354025296, 1.9954689314298435, 1.9949454151072374, 1.994437111771186,
  1.9939433678456255, 1.9934635666618719, 1.992997125889855, 1.992543495180932, 1.9921021540022417,
  1.9916726096446642, 1.9912543953883846, 1.9908470688116906, 1.9904502102301285, 1.990063421254446,
  1.9896863234569029, 1.989318557136572, 1.9889597801751624, 1.9886096669757083, 1.9882679074772216,
  1.98793420623902, 1.9876082815890708, 1.9872898648311692, 1.986978699506281, 1.9866745407037683,
  1.9863771544186177, 1.98608631695113, 1.9858018143458227, 1.985523441866604, 1.9852510035054978,
  1.984984311522457, 1.9847231860139845, 1.9844674545084815, 1.9842169515864174, 1.9839715185235518,
  1.983731002955606, 1.9834952585628793, 1.9832641447734565, 1.9830375264837259, 1.9828152737950475,
  1.9825972617655006, 1.9823833701756908, 1.982173483307727, 1.9819674897364825, 1.981765282132372,
  1.9815667570749007, 1.9813718148763053, 1.981180359414661, 1.9809922979758567, 1.9808075411039094,
  1.9806260024590894, 1.9804475986834025, 1.980272249272974, 1.9800998764569397, 1.9799304050824402,
  1.9797637625053868, 1.9795998784866382, 1.9794386850933035, 1.9792801166048548, 1.9791241094237977,
  1.9789706019906281, 1.9788195347028539, 1.978670849837835, 1.9785244914792577, 1.9783804054470222,
  1.9782385392303798, 1.9780988419241303, 1.9779612641677262, 1.9778257580871244, 1.9776922772392527,
  1.977560776558935, 1.9774312123081748, 1.9773035420276506, 1.977177724490333, 1.9770537196570985,
  1.9769314886342528, 1.9768109936328597, 1.976692197929798, 1.9765750658304433, 1.9764595626329178,
  1.9763456545938125, 1.976233308895327, 1.9761224936137445, 1.976013177689192, 1.9759053308966201,
  1.9757989238179392, 1.97569392781527, 1.9755903150052492, 1.9754880582343404, 1.9753871310551152,
  1.9752875077034489, 1.9751891630765912, 1.9750920727120844, 1.9749962127674756, 1.9749015600007986,
  1.974808091751787, 1.974715785923791, 1.974624620966361, 1.9745345758584756, 1.9744456300923825,
  1.9743577636580294, 1.9742709570280557, 1.9741851911433248, 1.9741004473989765, 1.9740167076309703,
  1.973933954103107, 1.9738521694945061, 1.973771336887522, 1.9736914397560734, 1.9736124619543842,
  1.9735343877061042, 1.9734572015938032, 1.9733808885488238, 1.9733054338414737, 1.9732308230715456,
  1.9731570421591593, 1.973084077335903, 1.973011915136267, 1.9729405423893598, 1.9728699462108963,
  1.9728001139954416, 1.9727310334089099, 1.9726626923813002, 1.9725950790996682, 1.972528182001318,
  1.972461989767211, 1.9723964913155805, 1.9723316757957499, 1.9722675325821355, 1.9722040512684433,
  1.9721412216620415, 1.9720790337785026, 1.9720174778363146, 1.9719565442517533, 1.9718962236339088,
];
const Z975 = 1.959963984540054;

/**
 * The 97.5 % quantile of Student's t with df degrees of freedom: exact from the table up to
 * 200, beyond it the Cornish–Fisher expansion in 1/df (error below 1e-11 there).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  const whole = Math.floor(df);
  if (whole <= 200 && whole === df) return T975[whole - 1]!;
  const z = Z975;
  const z2 = z * z;
  const v = df;
  const z4 = z2 * z2;
  return (
    z +
    (z * (z2 + 1)) / (4 * v) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * v * v) +
    (z * (3 * z4 * z2 + 19 * z4 + 17 * z2 - 15)) / (384 * v * v * v) +
    (z * (79 * z4 * z4 + 776 * z4 * z2 + 1482 * z4 - 1920 * z2 - 945)) / (92160 * v * v * v * v)
  );
}

export interface Estimate {
  mean: number;
  /** Half-width of the 95 % confidence interval (Student t); 0 with fewer than two values. */
  ci95: number;
}

export function meanCI(xs: ArrayLike<number>): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, ci95: 0 };
  return { mean: m, ci95: tQuantile975(n - 1) * Math.sqrt(variance(xs) / n) };
}

export interface PairedDifference extends Estimate {
  /** True when the 95 % interval excludes 0. */
  significant: boolean;
}

/** Mean of b − a over pairs, with its paired-t 95 % interval. */
export function pairedDiffCI(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired samples need equal lengths (${a.length} vs ${b.length})`);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = b[i]! - a[i]!;
  const e = meanCI(d);
  return { ...e, significant: a.length >= 2 && Math.abs(e.mean) > e.ci95 };
}

/**
 * MSER-5 (White 1997; White, Cobb & Spratt 2000): batch the series in means of 5, and choose the
 * truncation d (searched over the first half of the batches) that minimises
 * Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², the squared standard error of the mean of what remains.
 * Returns the truncation point in batches and in observations.
 */
export interface Mser5Result {
  batches: number;
  observations: number;
  /** The MSER statistic for each truncation d = 0 … ⌊k/2⌋ batches (empty for short series). */
  statistics: Float64Array;
}

export function mser5(series: ArrayLike<number>): Mser5Result {
  const k = Math.floor(series.length / 5);
  if (k < 4) return { batches: 0, observations: 0, statistics: new Float64Array(0) };
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < 5; i++) s += series[j * 5 + i]!;
    z[j] = s / 5;
  }
  // Suffix sums give each candidate's statistic in O(1).
  const suf = new Float64Array(k + 1);
  const suf2 = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) {
    suf[j] = suf[j + 1]! + z[j]!;
    suf2[j] = suf2[j + 1]! + z[j]! * z[j]!;
  }
  let best = 0;
  let bestStat = Infinity;
  const statistics = new Float64Array(Math.floor(k / 2) + 1);
  for (let d = 0; d <= Math.floor(k / 2); d++) {
    const n = k - d;
    const m = suf[d]! / n;
    const ss = Math.max(0, suf2[d]! - n * m * m);
    const stat = ss / (n * n);
    statistics[d] = stat;
    if (stat < bestStat) {
      bestStat = stat;
      best = d;
    }
  }
  return { batches: best, observations: best * 5, statistics };
}
