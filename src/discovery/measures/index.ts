// Distances between two event logs, as defined by the Python package log-distance-measures
// (AutomatedProcessImprovement/log-distance-measures), reimplemented on the column-oriented log.
// Same choices as the package's defaults: the Wasserstein distance of the discretised samples (not
// the LP-based EMD), no normalisation except for the n-gram distance, bins of one hour.
//
// Time zones: the package reads timestamps as UTC instants (`pd.to_datetime(..., utc=True)`) and
// takes bins, hours of the day and weekdays of those UTC instants. So do these functions by default
// (`zone: 'utc'`); `zone: 'log'` takes hours and weekdays in each log's own zone (utcOffsetMinutes).
import type { EventLog } from '../../model/interop/eventlog/types';
import { caseOrder, caseSpans, DAY_MS, HOUR_MS } from './cases';
import { wasserstein } from './wasserstein';

export type TimestampKind = 'both' | 'start' | 'end';

export interface TimeOptions {
  /** Which timestamps of each event count (default both start and end). */
  timestamps?: TimestampKind;
  /** Bin width in seconds (default 3600: one hour). */
  binSeconds?: number;
  /** Divide by the largest bin number seen (the package's `normalize=True`). Default false. */
  normalize?: boolean;
}

const floorBin = (ms: number, binSeconds: number): number =>
  binSeconds === 3600 ? Math.floor(ms / 1000 / 3600) : Math.floor(ms / 1000 / binSeconds);

function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

/** Distance of two discretised samples, normalised by the largest bin when asked (as the package does). */
function distanceOf(a: Float64Array, b: Float64Array, normalize: boolean): number {
  const d = wasserstein(a, b);
  if (!normalize) return d;
  const max = Math.max(maxOf(a), maxOf(b));
  return max > 0 ? d / max : d;
}

function floorHourUtc(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/**
 * Cycle-time distribution distance (CTD): the case durations (last end − first start) of both logs,
 * put in bins of `binSeconds` counted from the shortest duration of either log, compared by the
 * Wasserstein distance. In bins (hours by default).
 */
export function cycleTimeDistance(a: EventLog, b: EventLog, opts: { binSeconds?: number; normalize?: boolean } = {}): number {
  const sa = caseSpans(a);
  const sb = caseSpans(b);
  if (sa.cases.length === 0 || sb.cases.length === 0) return 0;
  const ca = sa.lastEnd.map((e, i) => e - sa.firstStart[i]!);
  const cb = sb.lastEnd.map((e, i) => e - sb.firstStart[i]!);
  const min = Math.min(minMax(ca)[0], minMax(cb)[0]);
  const binMs = (opts.binSeconds ?? 3600) * 1000;
  const da = ca.map((x) => Math.floor((x - min) / binMs));
  const db = cb.map((x) => Math.floor((x - min) / binMs));
  return distanceOf(da, db, opts.normalize ?? false);
}

function minMax(a: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** The chosen timestamps of every event (starts first, then ends). */
function instants(log: EventLog, kind: TimestampKind): Float64Array {
  if (kind === 'start') return log.start;
  if (kind === 'end') return log.end;
  const n = log.start.length;
  const out = new Float64Array(2 * n);
  out.set(log.start, 0);
  out.set(log.end, n);
  return out;
}

/**
 * Absolute event distribution distance (AED): every start and end, in bins counted from the hour
 * (UTC) of the earliest start (earliest end when only ends count) of either log.
 */
export function absoluteEventDistance(a: EventLog, b: EventLog, opts: TimeOptions = {}): number {
  const kind = opts.timestamps ?? 'both';
  if (a.start.length === 0 || b.start.length === 0) return 0;
  const ref = kind === 'end' ? Math.min(minMax(a.end)[0], minMax(b.end)[0]) : Math.min(minMax(a.start)[0], minMax(b.start)[0]);
  const origin = floorHourUtc(ref);
  const bin = opts.binSeconds ?? 3600;
  const da = instants(a, kind).map((t) => floorBin(t - origin, bin));
  const db = instants(b, kind).map((t) => floorBin(t - origin, bin));
  return distanceOf(da, db, opts.normalize ?? false);
}

/**
 * Relative event distribution distance (RED): every start and end measured from the first start of
 * its case, in bins.
 */
export function relativeEventDistance(a: EventLog, b: EventLog, opts: TimeOptions = {}): number {
  const kind = opts.timestamps ?? 'both';
  if (a.start.length === 0 || b.start.length === 0) return 0;
  const bin = opts.binSeconds ?? 3600;
  return distanceOf(relative(a, kind, bin), relative(b, kind, bin), opts.normalize ?? false);
}

function relative(log: EventLog, kind: TimestampKind, bin: number): Float64Array {
  const spans = caseSpans(log);
  const n = log.start.length;
  const out = new Float64Array(kind === 'both' ? 2 * n : n);
  let k = 0;
  const caseStart = (e: number): number => spans.firstStart[spans.slotOf[log.caseOf[e]!]!]!;
  if (kind !== 'end') for (let e = 0; e < n; e++) out[k++] = floorBin(log.start[e]! - caseStart(e), bin);
  if (kind !== 'start') for (let e = 0; e < n; e++) out[k++] = floorBin(log.end[e]! - caseStart(e), bin);
  return out;
}

/**
 * Case arrival distribution distance (CAR): the first start of every case, in bins counted from the
 * hour (UTC) of the earliest arrival of either log.
 */
export function caseArrivalDistance(a: EventLog, b: EventLog, opts: { binSeconds?: number; normalize?: boolean } = {}): number {
  const sa = caseSpans(a);
  const sb = caseSpans(b);
  if (sa.cases.length === 0 || sb.cases.length === 0) return 0;
  const origin = floorHourUtc(Math.min(minMax(sa.firstStart)[0], minMax(sb.firstStart)[0]));
  const bin = opts.binSeconds ?? 3600;
  const da = sa.firstStart.map((t) => floorBin(t - origin, bin));
  const db = sb.firstStart.map((t) => floorBin(t - origin, bin));
  return distanceOf(da, db, opts.normalize ?? false);
}

/** Hour of the day (0–23) and weekday (0 = Monday) of each chosen timestamp. */
function hoursByWeekday(log: EventLog, kind: TimestampKind, zone: 'utc' | 'log'): Float64Array[] {
  const shift = zone === 'log' ? log.utcOffsetMinutes * 60_000 : 0;
  const times = instants(log, kind);
  const counts = new Int32Array(7);
  const day = new Int8Array(times.length);
  const hour = new Int8Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i]! + shift;
    const d = Math.floor(t / DAY_MS);
    const w = (((d + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3 when Monday is 0)
    day[i] = w;
    hour[i] = Math.floor((t - d * DAY_MS) / HOUR_MS);
    counts[w]!++;
  }
  const out = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(7);
  for (let i = 0; i < times.length; i++) out[day[i]!]![fill[day[i]!]!++] = hour[i]!;
  return out;
}

/**
 * Circadian event distribution distance (CED): for each weekday, the hours of the day of the starts
 * and ends that fall on it, compared by the Wasserstein distance; a weekday with events in one log
 * only counts 23 (the largest possible), one with events in neither counts 0; the mean of the seven.
 * `normalize` divides by 23.
 */
export function circadianEventDistance(
  a: EventLog,
  b: EventLog,
  opts: { timestamps?: TimestampKind; normalize?: boolean; zone?: 'utc' | 'log' } = {},
): number {
  const kind = opts.timestamps ?? 'both';
  const zone = opts.zone ?? 'utc';
  const ha = hoursByWeekday(a, kind, zone);
  const hb = hoursByWeekday(b, kind, zone);
  const distances: number[] = [];
  for (let w = 0; w < 7; w++) {
    const x = ha[w]!;
    const y = hb[w]!;
    if (x.length > 0 && y.length > 0) distances.push(wasserstein(x, y));
    else if (x.length === 0 && y.length === 0) distances.push(0);
    else distances.push(23);
  }
  const d = accurateMean(distances);
  return opts.normalize ? d / 23 : d;
}

/** Mean with compensated summation (Python's statistics.mean is exact; this is within an ulp). */
function accurateMean(xs: number[]): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return (s + c) / xs.length;
}

/**
 * N-gram distribution distance (NGD): how often each run of `n` consecutive activities occurs in
 * the cases of each log (cases padded with n − 1 empty places at both ends, events in the order
 * they started), summed absolute differences of those counts; normalised by default by the total
 * count of both logs (0 = same mix, 1 = nothing in common).
 */
export function nGramDistance(a: EventLog, b: EventLog, opts: { n?: number; normalize?: boolean } = {}): number {
  const n = opts.n ?? 3;
  if (!Number.isInteger(n) || n < 1) throw new Error(`The n-gram length must be a whole number of at least 1 (got ${n}).`);
  const ids = new Map<string, number>();
  const idsOf = (log: EventLog): Int32Array =>
    Int32Array.from(log.activities, (name) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = ids.size + 1));
      return id;
    });
  const ia = idsOf(a);
  const ib = idsOf(b);
  const radix = ids.size + 1;
  const numeric = Math.pow(radix, n) < Number.MAX_SAFE_INTEGER;
  const ca = nGrams(a, ia, n, radix, numeric);
  const cb = nGrams(b, ib, n, radix, numeric);
  let diff = 0;
  let total = 0;
  for (const [key, x] of ca) {
    diff += Math.abs(x - (cb.get(key) ?? 0));
    total += x;
  }
  for (const [key, y] of cb) {
    if (!ca.has(key)) diff += y;
    total += y;
  }
  if (opts.normalize === false) return diff;
  return total > 0 ? diff / total : 0;
}

function nGrams(log: EventLog, idOf: Int32Array, n: number, radix: number, numeric: boolean): Map<number | string, number> {
  const { events, offsets } = caseOrder(log);
  const counts = new Map<number | string, number>();
  const window = new Int32Array(n);
  for (let c = 0; c + 1 < offsets.length; c++) {
    const lo = offsets[c]!;
    const hi = offsets[c + 1]!;
    if (hi === lo) continue;
    const len = hi - lo + 2 * (n - 1);
    const at = (i: number): number => {
      const k = i - (n - 1);
      return k < 0 || k >= hi - lo ? 0 : idOf[log.activityOf[events[lo + k]!]!]!;
    };
    for (let i = 0; i + n <= len; i++) {
      for (let j = 0; j < n; j++) window[j] = at(i + j);
      let key: number | string;
      if (numeric) {
        key = 0;
        for (let j = 0; j < n; j++) key = key * radix + window[j]!;
      } else key = window.join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** How often each run of `n` activities occurs, keyed by the names joined with '|' (padding is ''). For tests and charts. */
export function nGramCounts(log: EventLog, n = 3): Map<string, number> {
  const names = ['', ...log.activities];
  const idOf = Int32Array.from(log.activities, (_, i) => i + 1);
  const out = new Map<string, number>();
  for (const [key, count] of nGrams(log, idOf, n, names.length, false)) {
    out.set(String(key).split(',').map((i) => names[Number(i)]).join('|'), count);
  }
  return out;
}

export interface LogDistances {
  ctd: number;
  aed: number;
  ced: number;
  red: number;
  car: number;
  ngd: number;
}

export type MeasureKey = keyof LogDistances;

/** The six measures with the literature's settings (1-hour bins, starts and ends, 3-grams). */
export function logDistances(original: EventLog, simulated: EventLog): LogDistances {
  return {
    ctd: cycleTimeDistance(original, simulated),
    aed: absoluteEventDistance(original, simulated),
    ced: circadianEventDistance(original, simulated),
    red: relativeEventDistance(original, simulated),
    car: caseArrivalDistance(original, simulated),
    ngd: nGramDistance(original, simulated),
  };
}

/** Short names and one-line plain-words explanations, for the fit view and the docs. */
export const MEASURES: Record<MeasureKey, { short: string; name: string; explanation: string; unit: 'hours' | 'share' }> = {
  ctd: {
    short: 'CTD',
    name: 'Cycle-time distribution',
    explanation: 'How far apart the case durations are: on average, how many hours each case would have to get longer or shorter to turn one histogram of durations into the other.',
    unit: 'hours',
  },
  aed: {
    short: 'AED',
    name: 'Absolute event distribution',
    explanation: 'How far apart in calendar time the work happens: on average, how many hours each start and end would have to move to match the other log.',
    unit: 'hours',
  },
  ced: {
    short: 'CED',
    name: 'Circadian event distribution',
    explanation: 'How differently work is spread over the hours of the day, weekday by weekday: the hours each start and end would have to move within its weekday (23 for a weekday worked in one log only).',
    unit: 'hours',
  },
  red: {
    short: 'RED',
    name: 'Relative event distribution',
    explanation: 'How differently work is timed from the moment each case starts: the hours each start and end, counted from its case’s start, would have to move.',
    unit: 'hours',
  },
  car: {
    short: 'CAR',
    name: 'Case arrival distribution',
    explanation: 'How differently customers arrive over time: the hours each case’s first start would have to move to match the other log’s arrivals.',
    unit: 'hours',
  },
  ngd: {
    short: 'NGD',
    name: '3-gram distribution',
    explanation: 'How different the sequences of steps are: the share of runs of three consecutive steps (including a case’s beginning and end) not matched in the other log; 0 = same mix, 1 = nothing in common.',
    unit: 'share',
  },
};
