// Waiting that staff availability does not explain (e.g. waiting for the customer). For each
// event, the moment its work could start is the latest end of the case's earlier work. If, at
// that moment, the group was on duty and had someone free, yet the work started later, that wait
// is unexplained. Waits that run into off-duty time are counted but not measured (working hours
// explain part of them), unless most are so. An activity gets a delay in front of its step when at least DELAY_SHARE of its
// events waited so, for more than DELAY_MIN of the typical service time; the delay is the clock
// time those events waited.
import type { EventLog } from '../model/interop/eventlog/types';
import type { CaseIndex } from './cases';
import { isOnDuty, onDutyBetween, type WorkCalendar } from './calendar';
import { HOUR, msOfWeek } from './cases';

export const DELAY_SHARE = 0.5;
export const DELAY_MIN = 0.5;

/** Per activity: the unexplained waits (ms) when they are common enough to model, else absent. */
export function unexplainedWaits(
  log: EventLog,
  cases: CaseIndex,
  start: Float64Array,
  groupOfEvent: (i: number) => number,
  calendars: WorkCalendar[],
  typicalWork: (activity: number) => number,
): Map<number, number[]> {
  const n = log.caseOf.length;
  // Per group: sorted starts and ends of its work.
  const G = calendars.length;
  const starts: number[][] = Array.from({ length: G }, () => []);
  const ends: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < n; i++) {
    const g = groupOfEvent(i);
    starts[g]!.push(start[i]!);
    ends[g]!.push(log.end[i]!);
  }
  const S = starts.map((a) => Float64Array.from(a).sort());
  const E = ends.map((a) => Float64Array.from(a).sort());
  const upTo = (arr: Float64Array, t: number) => {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid]! <= t) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const waits = new Map<number, number[]>();
  const total = new Float64Array(log.activities.length);
  for (let c = 0; c < log.cases.length; c++) {
    for (let k = cases.first[c]! + 1; k < cases.first[c + 1]!; k++) {
      const i = cases.order[k]!;
      let ready = -Infinity;
      for (let q = cases.first[c]!; q < k; q++) {
        const e = log.end[cases.order[q]!]!;
        if (e <= start[i]! && e > ready) ready = e;
      }
      const a = log.activityOf[i]!;
      total[a]! += 1;
      if (!(ready > -Infinity) || start[i]! - ready <= 0) continue;
      const g = groupOfEvent(i);
      const cal = calendars[g]!;
      if (!isOnDuty(cal, ready)) continue;
      const busy = upTo(S[g]!, ready) - upTo(E[g]!, ready);
      const onDuty = cal.staff[Math.floor(msOfWeek(ready, cal.utcOffsetMinutes) / HOUR)]!;
      if (busy >= onDuty) continue;
      const wait = start[i]! - ready;
      // A wait that runs into off-duty time is partly explained by working hours: only waits
      // entirely on duty give the delay's length (all of them count for how common it is).
      const whole = onDutyBetween(cal, ready, start[i]!) >= wait - 1000;
      (waits.get(a) ?? waits.set(a, []).get(a)!).push(whole ? wait : -wait);
    }
  }
  const out = new Map<number, number[]>();
  for (const [a, w] of waits) {
    if (w.length < DELAY_SHARE * total[a]! || w.length < 5) continue;
    const onDuty = w.filter((x) => x >= 0);
    // Mostly cut by off-duty time (delays longer than a working day): take the clock times.
    const use = onDuty.length >= 0.3 * w.length ? onDuty : w.map(Math.abs);
    const sorted = [...use].sort((x, y) => x - y);
    if (sorted[sorted.length >> 1]! < DELAY_MIN * typicalWork(a)) continue;
    out.set(a, use);
  }
  return out;
}
