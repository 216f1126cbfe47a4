// Working time: when a group of resources works, week by week. Built from the moments its work
// starts and ends (never from the spans between them, which run over nights and weekends when
// work is paused). Two grids of the week from Monday 00:00 in the log's time zone:
// - a fine one (15-minute slots) used to take off-duty time out of service times;
// - staff on duty hour by hour (168 numbers), which becomes the step's or pool's shifts.
import { HOUR, WEEK, msOfWeek } from './cases';

export const SLOT = 15 * 60_000;
export const SLOTS = WEEK / SLOT; // 672
const SLOTS_PER_HOUR = 4;

export interface WorkCalendar {
  /** Per 15-minute slot of the week: on duty. */
  onSlot: Uint8Array;
  /** Per hour of the week: staff on duty. */
  staff: number[];
  /** On-duty milliseconds in a whole week, and before each slot (prefix sums, length SLOTS + 1). */
  weekOn: number;
  prefix: Float64Array;
  utcOffsetMinutes: number;
  /** Hours per week on duty (for the report). */
  hoursPerWeek: number;
  roundTheClock: boolean;
}

/** Tuning of the working-time rule (stated in the report and docs/discovery.md). */
export const CALENDAR_RULE = {
  /** An hour of the week is worked when its work per week is at least this share of the busy hours' (90th percentile). */
  hourShare: 0.05,
  /** Gaps of at most this many hours between worked hours of the same day are worked too (breaks in thin data). */
  fillGap: 2,
  /** Quarter hours at the edges of a working period with less than this share of its mean are trimmed. */
  edgeShare: 0.2,
  /** Trimming needs at least this many moments per quarter hour, on average over the working period. */
  edgeMinCount: 10,
  /** A person counts in an hour when seen in it in at least this share of the weeks of their usual hours. */
  personShare: 0.1,
};

/**
 * Working calendar of one group.
 * `moments`: instants (ms) at which the group's work started or ended; `people`: per moment, the
 * person (any integer id; -1 if unknown); `from`, `to`: the span of the whole log; `minStaff`:
 * staff on duty when nobody in particular can be named (logs without resources).
 */
export function discoverCalendar(moments: ArrayLike<number>, people: ArrayLike<number>, from: number, to: number, utcOffsetMinutes: number, minStaff = 1): WorkCalendar {
  // How often each slot of the week occurs in the log's span (its exposure), in slot counts.
  const exposure = new Float64Array(SLOTS);
  const spanWeeks = Math.floor((to - from) / WEEK);
  exposure.fill(spanWeeks);
  const rest = (to - from) - spanWeeks * WEEK;
  const s0 = Math.floor(msOfWeek(from, utcOffsetMinutes) / SLOT);
  for (let k = 0; k < Math.ceil(rest / SLOT); k++) exposure[(s0 + k) % SLOTS]! += 1;

  const count = new Float64Array(SLOTS);
  const n = moments.length;
  for (let i = 0; i < n; i++) count[Math.floor(msOfWeek(moments[i]!, utcOffsetMinutes) / SLOT)]! += 1;
  // A log shorter than a week does not show every hour of the week: the days it shows are taken
  // as the pattern of every day.
  if (spanWeeks === 0) foldDays(count, exposure);

  // Hour rates (moments per hour per week).
  const hourRate = new Float64Array(168);
  for (let h = 0; h < 168; h++) {
    let c = 0, e = 0;
    for (let q = 0; q < SLOTS_PER_HOUR; q++) {
      c += count[h * SLOTS_PER_HOUR + q]!;
      e += exposure[h * SLOTS_PER_HOUR + q]!;
    }
    hourRate[h] = e > 0 ? (c / e) * SLOTS_PER_HOUR : 0;
  }
  const sorted = Array.from(hourRate).filter((r) => r > 0).sort((a, b) => a - b);
  const p90 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))]! : 0;
  const onHour = new Uint8Array(168);
  for (let h = 0; h < 168; h++) onHour[h] = hourRate[h]! > 0 && hourRate[h]! >= CALENDAR_RULE.hourShare * p90 ? 1 : 0;
  if (!onHour.some((x) => x === 1)) onHour.fill(1);
  // Fill short gaps within the same day.
  for (let d = 0; d < 7; d++) {
    let last = -1;
    for (let hh = 0; hh < 24; hh++) {
      const h = d * 24 + hh;
      if (!onHour[h]) continue;
      if (last >= 0 && hh - last - 1 <= CALENDAR_RULE.fillGap) for (let g = last + 1; g < hh; g++) onHour[d * 24 + g] = 1;
      last = hh;
    }
  }

  // Fine slots: worked hours, with thin quarter hours trimmed at the edges of each working period.
  const onSlot = new Uint8Array(SLOTS);
  for (let s = 0; s < SLOTS; s++) onSlot[s] = onHour[Math.floor(s / SLOTS_PER_HOUR)]!;
  if (!onHour.every((x) => x === 1)) {
    const slotRate = (s: number) => (exposure[s]! > 0 ? count[s]! / exposure[s]! : 0);
    let s = 0;
    while (s < SLOTS) {
      if (!onSlot[s]) { s++; continue; }
      let e = s;
      while (e + 1 < SLOTS && onSlot[e + 1]) e++;
      let sum = 0, moments = 0;
      for (let k = s; k <= e; k++) { sum += slotRate(k); moments += count[k]!; }
      if (moments / (e - s + 1) < CALENDAR_RULE.edgeMinCount) { s = e + 1; continue; }
      const limit = CALENDAR_RULE.edgeShare * (sum / (e - s + 1));
      for (let k = s, t = 0; k <= e && t < SLOTS_PER_HOUR - 1 && slotRate(k) < limit; k++, t++) onSlot[k] = 0;
      for (let k = e, t = 0; k >= s && t < SLOTS_PER_HOUR - 1 && slotRate(k) < limit; k--, t++) onSlot[k] = 0;
      s = e + 1;
    }
  }
  // An hour is on duty in the shift plan when any of its quarter hours is.
  for (let h = 0; h < 168; h++) {
    let any = 0;
    for (let q = 0; q < SLOTS_PER_HOUR; q++) any |= onSlot[h * SLOTS_PER_HOUR + q]!;
    onHour[h] = any;
  }

  // People on duty per worked hour: each person counts in an hour of the week by the share of
  // weeks they were seen working in it, relative to their usual hours (the median over the hours
  // they work most), capped at 1. Hours a person works only in some weeks (a calendar that moves
  // with summer time, seasonal hours) then count for part of a person, so the staff on duty in
  // such hours is the average over the log.
  const weeksSeen = new Map<number, Set<number>>();
  for (let i = 0; i < n; i++) {
    const p = people[i]!;
    if (p < 0) continue;
    let set = weeksSeen.get(p);
    if (!set) weeksSeen.set(p, (set = new Set()));
    const t = moments[i]!;
    const week = Math.floor((t - msOfWeek(t, utcOffsetMinutes)) / WEEK);
    const h = Math.floor(msOfWeek(t, utcOffsetMinutes) / HOUR);
    if (spanWeeks === 0) for (let d = 0; d < 7; d++) set.add(week * 168 + d * 24 + (h % 24));
    else set.add(week * 168 + h);
  }
  const share = new Float64Array(168);
  for (const set of weeksSeen.values()) {
    const a = new Float64Array(168);
    for (const key of set) a[((key % 168) + 168) % 168]! += 1;
    const most = Math.max(...a);
    const usual = Array.from(a).filter((x) => x >= 0.5 * most).sort((x, y) => x - y);
    const norm = usual[usual.length >> 1] ?? 1;
    for (let h = 0; h < 168; h++) {
      const w = Math.min(1, a[h]! / norm);
      if (onHour[h] && w >= CALENDAR_RULE.personShare) share[h]! += w;
    }
  }
  const staff = new Array<number>(168).fill(0);
  const people0 = Math.max(minStaff, weeksSeen.size);
  for (let h = 0; h < 168; h++) if (onHour[h]) staff[h] = weeksSeen.size ? Math.max(1, Math.round(share[h]!)) : people0;
  const prefix = new Float64Array(SLOTS + 1);
  for (let k = 0; k < SLOTS; k++) prefix[k + 1] = prefix[k]! + (onSlot[k] ? SLOT : 0);
  const weekOn = prefix[SLOTS]!;
  const hoursPerWeek = weekOn / HOUR;
  return { onSlot, staff, weekOn, prefix, utcOffsetMinutes, hoursPerWeek, roundTheClock: onSlot.every((x) => x === 1) };
}

const SLOTS_PER_DAY = SLOTS / 7;
function foldDays(count: Float64Array, exposure: Float64Array): void {
  for (let q = 0; q < SLOTS_PER_DAY; q++) {
    let c = 0, e = 0;
    for (let d = 0; d < 7; d++) { c += count[d * SLOTS_PER_DAY + q]!; e += exposure[d * SLOTS_PER_DAY + q]!; }
    for (let d = 0; d < 7; d++) { count[d * SLOTS_PER_DAY + q] = c; exposure[d * SLOTS_PER_DAY + q] = e; }
  }
}

/** On-duty milliseconds from the week's start (Monday 00:00 local) to an instant. */
function onDutyBefore(cal: WorkCalendar, t: number): number {
  const ms = msOfWeek(t, cal.utcOffsetMinutes);
  const weeks = Math.round((t - ms) / WEEK);
  const slot = Math.floor(ms / SLOT);
  const inSlot = cal.onSlot[slot] ? ms - slot * SLOT : 0;
  return weeks * cal.weekOn + cal.prefix[slot]! + inSlot;
}

/** On-duty time between two instants (ms). */
export function onDutyBetween(cal: WorkCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  if (cal.roundTheClock) return b - a;
  return Math.max(0, onDutyBefore(cal, b) - onDutyBefore(cal, a));
}

/** Whether an instant falls in on-duty time. */
export function isOnDuty(cal: WorkCalendar, t: number): boolean {
  return cal.onSlot[Math.floor(msOfWeek(t, cal.utcOffsetMinutes) / SLOT)] === 1;
}
