// The log case by case: each case's events in the order they happened (by start, then end), and
// when each case began and ended. Compressed-row arrays: the events of case c are
// `order[first[c]] … order[first[c + 1] - 1]`.
import type { EventLog } from '../model/interop/eventlog/types';

export interface CaseIndex {
  /** Event indices grouped by case, each case's in time order. */
  order: Int32Array;
  /** Where each case's events begin in `order` (length cases + 1). */
  first: Int32Array;
  /** Per case: its first start and its last end (ms). */
  caseStart: Float64Array;
  caseEnd: Float64Array;
}

export function indexCases(log: EventLog): CaseIndex {
  const n = log.caseOf.length;
  const nCases = log.cases.length;
  const first = new Int32Array(nCases + 1);
  for (let i = 0; i < n; i++) first[log.caseOf[i]! + 1]!++;
  for (let c = 0; c < nCases; c++) first[c + 1]! += first[c]!;
  const fill = first.slice(0, nCases);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[log.caseOf[i]!]!++] = i;
  const caseStart = new Float64Array(nCases).fill(Infinity);
  const caseEnd = new Float64Array(nCases).fill(-Infinity);
  const { start, end } = log;
  for (let c = 0; c < nCases; c++) {
    const a = first[c]!, b = first[c + 1]!;
    const part = Array.from(order.subarray(a, b)).sort((x, y) => start[x]! - start[y]! || end[x]! - end[y]! || x - y);
    order.set(part, a);
    for (const i of part) {
      if (start[i]! < caseStart[c]!) caseStart[c] = start[i]!;
      if (end[i]! > caseEnd[c]!) caseEnd[c] = end[i]!;
    }
  }
  return { order, first, caseStart, caseEnd };
}

/** Milliseconds per hour, day and week. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/**
 * Hour of the week (0 = Monday 00:00 … 167) of an instant, read in the log's time zone.
 * 1970-01-01 was a Thursday, so Monday 00:00 lies 3 days before the epoch's start.
 */
export function hourOfWeek(t: number, utcOffsetMinutes: number): number {
  const local = t + utcOffsetMinutes * 60_000 + 3 * DAY;
  const w = ((local % WEEK) + WEEK) % WEEK;
  return Math.floor(w / HOUR);
}

/** Position inside the week in ms from Monday 00:00 (local). */
export function msOfWeek(t: number, utcOffsetMinutes: number): number {
  const local = t + utcOffsetMinutes * 60_000 + 3 * DAY;
  return ((local % WEEK) + WEEK) % WEEK;
}

/** The Monday 00:00 (local, as a UTC instant) at or before t. */
export function mondayBefore(t: number, utcOffsetMinutes: number): number {
  return t - msOfWeek(t, utcOffsetMinutes);
}
