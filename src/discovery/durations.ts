// Service times per event. With start times: end − start, less the time the group was off duty
// in between (work paused overnight is not work). With end times only, the start is estimated as
// the later of the case's previous end and the resource's previous end (the moment both the work
// and the person were free); the first event of a case, which has no previous end in its case,
// gets its activity's median from the other estimates.
import type { EventLog } from '../model/interop/eventlog/types';
import type { CaseIndex } from './cases';
import { isOnDuty, onDutyBetween, type WorkCalendar } from './calendar';

/** Estimated starts for a log with end times only (ms per event). */
export function estimateStarts(log: EventLog, cases: CaseIndex): Float64Array {
  const n = log.caseOf.length;
  const start = new Float64Array(n);
  const prevCase = new Float64Array(n).fill(NaN);
  for (let c = 0; c < log.cases.length; c++)
    for (let k = cases.first[c]! + 1; k < cases.first[c + 1]!; k++) prevCase[cases.order[k]!] = log.end[cases.order[k - 1]!]!;
  // Resource's previous end: events by resource in end order.
  const prevRes = new Float64Array(n).fill(NaN);
  const byEnd = Array.from({ length: n }, (_, i) => i).filter((i) => log.resourceOf[i]! >= 0);
  byEnd.sort((a, b) => log.end[a]! - log.end[b]! || a - b);
  const lastEnd = new Map<number, number>();
  for (const i of byEnd) {
    const r = log.resourceOf[i]!;
    const p = lastEnd.get(r);
    if (p !== undefined) prevRes[i] = p;
    lastEnd.set(r, log.end[i]!);
  }
  const est = new Float64Array(n).fill(NaN);
  const perActivity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(prevCase[i]!)) continue;
    const from = Number.isNaN(prevRes[i]!) ? prevCase[i]! : Math.max(prevCase[i]!, prevRes[i]!);
    est[i] = Math.max(0, log.end[i]! - from);
    const a = log.activityOf[i]!;
    (perActivity.get(a) ?? perActivity.set(a, []).get(a)!).push(est[i]!);
  }
  const median = new Map<number, number>();
  for (const [a, v] of perActivity) {
    v.sort((x, y) => x - y);
    median.set(a, v[v.length >> 1]!);
  }
  for (let i = 0; i < n; i++) {
    let d = est[i]!;
    if (Number.isNaN(d)) {
      const m = median.get(log.activityOf[i]!);
      const own = Number.isNaN(prevRes[i]!) ? Infinity : log.end[i]! - prevRes[i]!;
      d = m !== undefined ? Math.min(m, own) : Number.isFinite(own) ? own : 0;
    }
    start[i] = log.end[i]! - d;
  }
  return start;
}

/**
 * Working time of each event (ms): end − start less the off-duty time of its group's calendar.
 * When both ends lie off duty (work the calendar does not know), the plain span is kept.
 */
export function workTimes(log: EventLog, start: Float64Array, calendarOfEvent: (i: number) => WorkCalendar): Float64Array {
  const n = log.caseOf.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = start[i]!, b = log.end[i]!;
    const cal = calendarOfEvent(i);
    if (b <= a) continue;
    if (!cal.roundTheClock && !isOnDuty(cal, a) && !isOnDuty(cal, b - 1)) out[i] = b - a;
    else out[i] = onDutyBetween(cal, a, b);
  }
  return out;
}
