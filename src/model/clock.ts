// The simulated clock and the calendar: `run.start` names the moment simulated time 0 stands for
// (a local date and time, no time zone: the organisation's own clock). Weekly plans (shift grids,
// arrival profiles) are read from that weekday and hour. Without it, time 0 is a Monday 00:00.
// Dates are handled as if in UTC (Date.UTC), so no machine's time zone or daylight saving shifts
// them: a local clock reading in, the same reading out.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Milliseconds of the clock reading `text` as if it were UTC, or undefined when it is not a valid local date-time. */
export function parseLocalDateTime(text: string): number | undefined {
  const m = LOCAL.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = m.slice(1) as string[];
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.floor(Number(`0.${frac}`) * 1000));
  const back = new Date(ms);
  // Reject impossible dates (Feb 30, 25:00) rather than rolling them over.
  if (back.getUTCFullYear() !== +y! || back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return undefined;
  return ms;
}

/** Minutes from the Monday 00:00 before (or at) `ms` to `ms`: where in the week the clock starts. */
export function minutesIntoWeek(ms: number): number {
  const d = new Date(ms);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return weekday * 1440 + d.getUTCHours() * 60 + d.getUTCMinutes() + (d.getUTCSeconds() + d.getUTCMilliseconds() / 1000) / 60;
}

/** Minutes into the week at simulated time 0 for a run starting at `start` (0 without a start). */
export function startOffsetMinutes(start: string | undefined): number {
  if (start === undefined) return 0;
  const ms = parseLocalDateTime(start);
  return ms === undefined ? 0 : minutesIntoWeek(ms);
}

/** The local clock reading (as UTC milliseconds) of simulated time `minutes` after `start`. */
export function clockAt(start: string | undefined, minutes: number): number | undefined {
  if (start === undefined) return undefined;
  const ms = parseLocalDateTime(start);
  return ms === undefined ? undefined : ms + minutes * 60_000;
}

/** "2023-02-09T08:00:00" for a clock reading held as UTC milliseconds. */
export function formatLocalDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
