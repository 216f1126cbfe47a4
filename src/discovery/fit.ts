// How well simulated logs reproduce a log, figure by figure: cycle-time histogram and cumulative
// curve, cases started and work done by hour of day and by weekday, activity frequencies, mean
// waiting per step, and the six log-distance measures (mean and range over the simulated logs).
// Pure: plain numbers out, for the fit view, the CLI and the docs. Durations are in hours.
import type { EventLog } from '../model/interop/eventlog/types';
import { caseOrder, caseSpans, DAY_MS, HOUR_MS } from './measures/cases';
import { logDistances, type LogDistances, type MeasureKey } from './measures';

export interface LogSummary {
  cases: number;
  events: number;
  /** First and last timestamps (ms UTC), or 0 and 0 for an empty log. */
  from: number;
  to: number;
}

export interface Series {
  /** The log's values. */
  log: number[];
  /** Mean over the simulated logs. */
  simulated: number[];
}

export interface MeasureFit {
  key: MeasureKey;
  mean: number;
  min: number;
  max: number;
  /** One value per simulated log. */
  values: number[];
}

export interface FitComparison {
  log: LogSummary;
  /** Mean over the simulated logs (cases and events), and how many there are. */
  simulated: LogSummary & { runs: number };
  /** Cycle time (last end − first start of a case): bins of `binHours`, share of cases per bin. */
  cycleTime: Series & { binHours: number; bins: number };
  /** Cumulative share of cases with a cycle time up to the end of each bin. */
  cycleTimeCumulative: Series;
  /** Cases started per hour of day (0–23), in the log's zone: average per day of the log's period. */
  casesByHour: Series;
  /** Activities finished per hour of day. */
  workByHour: Series;
  /** Cases started per weekday (Monday first), share of all cases. */
  casesByWeekday: Series;
  workByWeekday: Series;
  /** Activities: how often each occurs (count; mean over the simulated logs), most frequent in the log first. */
  activities: { name: string; log: number; simulated: number }[];
  /** Mean waiting before each activity in hours (start − enabled, else start − the case's previous end); null when never measured. */
  waiting: { name: string; log: number | null; simulated: number | null }[];
  measures: MeasureFit[];
}

const LOOK_BACK = 64;
const KEYS: MeasureKey[] = ['ctd', 'aed', 'ced', 'red', 'car', 'ngd'];

function summary(log: EventLog): LogSummary {
  let from = Infinity;
  let to = -Infinity;
  for (let e = 0; e < log.start.length; e++) {
    if (log.start[e]! < from) from = log.start[e]!;
    if (log.end[e]! > to) to = log.end[e]!;
  }
  const spans = caseSpans(log);
  return { cases: spans.cases.length, events: log.caseOf.length, from: Number.isFinite(from) ? from : 0, to: Number.isFinite(to) ? to : 0 };
}

function cycleTimesHours(log: EventLog): Float64Array {
  const s = caseSpans(log);
  return s.lastEnd.map((e, i) => (e - s.firstStart[i]!) / HOUR_MS);
}

/** A bin width from 1-2-5 steps giving at most ~30 bins up to the 98th percentile. */
export function niceBinHours(maxHours: number): number {
  const raw = Math.max(maxHours, 1e-6) / 30;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function histogram(values: Float64Array, binHours: number, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  if (values.length === 0) return out;
  for (const v of values) out[Math.min(bins - 1, Math.max(0, Math.floor(v / binHours)))]! += 1;
  return out.map((c) => c / values.length);
}

function cumulative(shares: number[]): number[] {
  let s = 0;
  return shares.map((x) => Math.min(1, (s += x)));
}

/** Local hour (0–23) and weekday (0 = Monday) of an instant in the log's zone. */
function localParts(ms: number, offsetMinutes: number): [number, number] {
  const t = ms + offsetMinutes * 60_000;
  const d = Math.floor(t / DAY_MS);
  return [Math.floor((t - d * DAY_MS) / HOUR_MS), (((d + 3) % 7) + 7) % 7];
}

/** Days the log spans (at least 1), to turn counts per hour of day into averages per day. */
function days(s: LogSummary): number {
  return Math.max(1, Math.ceil((s.to - s.from) / DAY_MS));
}

function byTime(log: EventLog, s: LogSummary): { casesH: number[]; workH: number[]; casesW: number[]; workW: number[] } {
  const casesH = new Array<number>(24).fill(0);
  const workH = new Array<number>(24).fill(0);
  const casesW = new Array<number>(7).fill(0);
  const workW = new Array<number>(7).fill(0);
  const spans = caseSpans(log);
  for (const t of spans.firstStart) {
    const [h, w] = localParts(t, log.utcOffsetMinutes);
    casesH[h]! += 1;
    casesW[w]! += 1;
  }
  for (const t of log.end) {
    const [h, w] = localParts(t, log.utcOffsetMinutes);
    workH[h]! += 1;
    workW[w]! += 1;
  }
  const perDay = days(s);
  const share = (a: number[]) => {
    const total = a.reduce((x, y) => x + y, 0);
    return a.map((x) => (total > 0 ? x / total : 0));
  };
  return { casesH: casesH.map((x) => x / perDay), workH: workH.map((x) => x / perDay), casesW: share(casesW), workW: share(workW) };
}

/** Per activity name: number of events, and sum and count of measured waits (ms). */
function perActivity(log: EventLog): Map<string, { count: number; wait: number; waits: number }> {
  const out = new Map<string, { count: number; wait: number; waits: number }>();
  const at = (name: string) => {
    let x = out.get(name);
    if (!x) out.set(name, (x = { count: 0, wait: 0, waits: 0 }));
    return x;
  };
  const { events, offsets } = caseOrder(log);
  for (let c = 0; c + 1 < offsets.length; c++) {
    const lo = offsets[c]!;
    const hi = offsets[c + 1]!;
    for (let k = lo; k < hi; k++) {
      const e = events[k]!;
      const a = at(log.activities[log.activityOf[e]!]!);
      a.count += 1;
      if (!log.hasStart) continue; // only end times: no waiting can be told from service
      let ready = log.enabled ? log.enabled[e]! : NaN;
      if (!Number.isFinite(ready)) {
        // The latest end of an earlier event of the case that finished by this start (none for
        // the case's first event, or when all earlier ones still run: not measured). Looks back
        // at most LOOK_BACK events, so that very long cases cost linear time.
        ready = -Infinity;
        for (let j = Math.max(lo, k - LOOK_BACK); j < k; j++) {
          const end = log.end[events[j]!]!;
          if (end <= log.start[e]! && end > ready) ready = end;
        }
      }
      if (Number.isFinite(ready)) {
        a.wait += Math.max(0, log.start[e]! - ready);
        a.waits += 1;
      }
    }
  }
  return out;
}

function meanOf(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function meanSeries(all: number[][]): number[] {
  if (all.length === 0) return [];
  return all[0]!.map((_, i) => meanOf(all.map((a) => a[i]!)));
}

/** Compares a log with one or more simulated logs of the same process. */
export function compareLogs(original: EventLog, simulated: EventLog[]): FitComparison {
  const logSummary = summary(original);
  const simSummaries = simulated.map(summary);
  const ctLog = cycleTimesHours(original);
  const ctSims = simulated.map(cycleTimesHours);
  const pooled = Float64Array.from([...ctLog, ...ctSims.flatMap((a) => [...a])]).sort();
  const top = Math.max(quantile(pooled, 0.98), 1e-6);
  const binHours = niceBinHours(top);
  const bins = Math.max(1, Math.ceil(top / binHours) + 1); // the last bin takes everything longer
  const histLog = histogram(ctLog, binHours, bins);
  const histSims = ctSims.map((a) => histogram(a, binHours, bins));
  const timeLog = byTime(original, logSummary);
  const timeSims = simulated.map((l, i) => byTime(l, simSummaries[i]!));

  const actLog = perActivity(original);
  const actSims = simulated.map(perActivity);
  const names = [...actLog.keys()].sort((a, b) => actLog.get(b)!.count - actLog.get(a)!.count || a.localeCompare(b));
  for (const m of actSims) for (const name of m.keys()) if (!actLog.has(name) && !names.includes(name)) names.push(name);
  const simCount = (name: string) => meanOf(actSims.map((m) => m.get(name)?.count ?? 0));
  const simWait = (name: string): number | null => {
    let sum = 0;
    let n = 0;
    for (const m of actSims) {
      const x = m.get(name);
      if (x) {
        sum += x.wait;
        n += x.waits;
      }
    }
    return n > 0 ? sum / n / HOUR_MS : null;
  };

  const distances: LogDistances[] = simulated.map((s) => logDistances(original, s));
  const measures = KEYS.map((key) => {
    const values = distances.map((d) => d[key]);
    return { key, values, mean: meanOf(values), min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 0 };
  });

  return {
    log: logSummary,
    simulated: {
      runs: simulated.length,
      cases: meanOf(simSummaries.map((s) => s.cases)),
      events: meanOf(simSummaries.map((s) => s.events)),
      from: simSummaries.length ? Math.min(...simSummaries.map((s) => s.from)) : 0,
      to: simSummaries.length ? Math.max(...simSummaries.map((s) => s.to)) : 0,
    },
    cycleTime: { binHours, bins, log: histLog, simulated: meanSeries(histSims) },
    cycleTimeCumulative: { log: cumulative(histLog), simulated: cumulative(meanSeries(histSims)) },
    casesByHour: { log: timeLog.casesH, simulated: meanSeries(timeSims.map((t) => t.casesH)) },
    workByHour: { log: timeLog.workH, simulated: meanSeries(timeSims.map((t) => t.workH)) },
    casesByWeekday: { log: timeLog.casesW, simulated: meanSeries(timeSims.map((t) => t.casesW)) },
    workByWeekday: { log: timeLog.workW, simulated: meanSeries(timeSims.map((t) => t.workW)) },
    activities: names.map((name) => ({ name, log: actLog.get(name)?.count ?? 0, simulated: simCount(name) })),
    waiting: names.map((name) => {
      const x = actLog.get(name);
      return { name, log: x && x.waits > 0 ? x.wait / x.waits / HOUR_MS : null, simulated: simWait(name) };
    }),
    measures,
  };
}
