// Per-case views of an event log that the measures share: first start and last end of each case,
// and each case's events in order — all in typed arrays, one pass or one counting sort.
import type { EventLog } from '../../model/interop/eventlog/types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface CaseSpans {
  /** Indices (into `log.cases`) of the cases that have at least one event, ascending. */
  cases: Int32Array;
  /** Per entry of `cases`: earliest start of its events (ms UTC). */
  firstStart: Float64Array;
  /** Per entry of `cases`: latest end of its events (ms UTC). */
  lastEnd: Float64Array;
  /** Per case index of the log: position in `cases`, or -1 when the case has no events. */
  slotOf: Int32Array;
}

/** First start and last end of every case that has events. */
export function caseSpans(log: EventLog): CaseSpans {
  const nCases = log.cases.length;
  const first = new Float64Array(nCases).fill(Infinity);
  const last = new Float64Array(nCases).fill(-Infinity);
  const seen = new Uint8Array(nCases);
  const { caseOf, start, end } = log;
  for (let e = 0; e < caseOf.length; e++) {
    const c = caseOf[e]!;
    seen[c] = 1;
    if (start[e]! < first[c]!) first[c] = start[e]!;
    if (end[e]! > last[c]!) last[c] = end[e]!;
  }
  let n = 0;
  for (let c = 0; c < nCases; c++) n += seen[c]!;
  const cases = new Int32Array(n);
  const firstStart = new Float64Array(n);
  const lastEnd = new Float64Array(n);
  const slotOf = new Int32Array(nCases).fill(-1);
  for (let c = 0, k = 0; c < nCases; c++) {
    if (!seen[c]) continue;
    cases[k] = c;
    firstStart[k] = first[c]!;
    lastEnd[k] = last[c]!;
    slotOf[c] = k++;
  }
  return { cases, firstStart, lastEnd, slotOf };
}

export interface CaseOrder {
  /** Event indices grouped by case (cases in index order), each case's events by start, then end, then position in the log. */
  events: Int32Array;
  /** Per case index: where its events begin in `events` (length cases + 1). */
  offsets: Int32Array;
}

/** Every case's events in the order they happened (start, then end; ties keep the log's order). */
export function caseOrder(log: EventLog): CaseOrder {
  const nCases = log.cases.length;
  const { caseOf, start, end } = log;
  const offsets = new Int32Array(nCases + 1);
  for (let e = 0; e < caseOf.length; e++) offsets[caseOf[e]! + 1]!++;
  for (let c = 0; c < nCases; c++) offsets[c + 1]! += offsets[c]!;
  const fill = offsets.slice(0, nCases);
  const events = new Int32Array(caseOf.length);
  for (let e = 0; e < caseOf.length; e++) events[fill[caseOf[e]!]!++] = e;
  const byTime = (x: number, y: number): number => start[x]! - start[y]! || end[x]! - end[y]! || x - y;
  for (let c = 0; c < nCases; c++) {
    const lo = offsets[c]!;
    const hi = offsets[c + 1]!;
    if (hi - lo > 1) events.subarray(lo, hi).sort(byTime);
  }
  return { events, offsets };
}
