// Durations as people type them: "2 days", "45 min", "1.5 h", "90s", "1,5 h", "1 h 30 min", or a
// plain number in the project's time unit. Parsed into the project's time unit; shown back in the
// unit that reads best. Pure: no DOM, no engine.
import { MINUTES_PER_UNIT, type TimeUnit } from './schema';
import { parseNumber } from './parseNumber';

/** `working`: the value is working time ("2 working days", "3 working hours"). */
export type ParsedDuration = { ok: true; value: number; working?: true } | { ok: false; message: string };

/**
 * Where working time can be typed (a delay counting working time): the calendar it counts against
 * and its working day (the open hours of its average open day) and week. `on`: the field already
 * counts working time, so hours and minutes are working hours and minutes and plain days are refused.
 */
export interface WorkingClock {
  calendarName: string;
  hoursPerDay: number;
  hoursPerWeek: number;
  on: boolean;
}

/** Words for each unit (lower case), with its length in minutes. */
const UNIT_WORDS: [string[], number][] = [
  [['s', 'sec', 'secs', 'second', 'seconds'], 1 / 60],
  [['m', 'min', 'mins', 'minute', 'minutes'], 1],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 60],
  [['d', 'day', 'days'], 1440],
  [['w', 'wk', 'wks', 'week', 'weeks'], 10080],
];
const MINUTES_OF = new Map<string, number>(UNIT_WORDS.flatMap(([words, m]) => words.map((w) => [w, m] as [string, number])));

/** The short label of each project time unit, as shown next to a number. */
export const TIME_UNIT_LABEL: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' };

const EXAMPLE = 'write a number with a unit, e.g. 45 min, 1.5 h or 2 days';
/** A number (with thousands separators or a decimal comma), then optionally a unit word. */
const PART = /^([+\-−–]?(?:\d[\d\s\u00a0\u202f\u2009',.]*\d|\d|[.,]\d+))\s*([^\d\s.,+\-−–][^\d]*?)?\s*(?=\d|$)/;
const WORKING = /^(working|work|business)[\s-]*(days?|hours?|h|weeks?)$|^workdays?$|^wd$/;

const round12 = (v: number) => (v === 0 ? 0 : +v.toPrecision(12));

/**
 * "2 days" → 2880 in minutes, 48 in hours. A plain number is in the project's unit. Several parts
 * add up ("1 h 30 min"). Refused with a reason in the user's words: an unknown unit, a negative
 * duration, working days (they need a calendar).
 */
export function parseDuration(text: string, projectUnit: TimeUnit, working?: WorkingClock): ParsedDuration {
  const shown = text.trim();
  const quoted = `“${shown}”`;
  if (shown === '') return { ok: false, message: `Enter a duration, e.g. 45 min, 1.5 h or 2 days.` };
  const lower = shown.toLowerCase();
  const saysWorking = /(working|business|work)\s*-?\s*(days?|hours?|h|hrs?|min(ute)?s?|weeks?)|workdays?|\bwd\b/.test(lower);
  if (saysWorking && !working) {
    const n = lower.match(/[\d.,]+/)?.[0] ?? '2';
    return { ok: false, message: `${quoted}: working days need a calendar and count only for a delay (tick “Counts working time”) or a service level; here write ${n} days.` };
  }
  if (saysWorking || working?.on) return parseWorking(lower, quoted, projectUnit, working!);
  let rest = lower;
  let total = 0;
  let parts = 0;
  let unitless = false;
  while (rest.length > 0) {
    const m = PART.exec(rest);
    if (!m) return { ok: false, message: `${quoted}: ${EXAMPLE}.` };
    const num = parseNumber(m[1]!.trim());
    if (!num.ok) return { ok: false, message: `${quoted}: ${EXAMPLE}.` };
    if (num.value < 0) return { ok: false, message: `${quoted}: a duration cannot be negative.` };
    const word = (m[2] ?? '').trim().replace(/\.$/, '');
    let minutes: number | undefined;
    if (word === '') {
      minutes = MINUTES_PER_UNIT[projectUnit];
      unitless = true;
    } else minutes = MINUTES_OF.get(word);
    if (minutes === undefined) return { ok: false, message: `${quoted}: ${EXAMPLE}.` };
    total += num.value * minutes;
    parts++;
    rest = rest.slice(m[0].length).trimStart();
    if (unitless && (parts > 1 || rest.length > 0)) return { ok: false, message: `${quoted}: give each number its unit, e.g. 1 h 30 min.` };
  }
  const value = round12(total / MINUTES_PER_UNIT[projectUnit]);
  if (!Number.isFinite(value)) return { ok: false, message: `${quoted} is too long.` };
  return { ok: true, value };
}

export type Scale = { label: string; minutes: number };
const SCALES: Scale[] = [
  { label: 's', minutes: 1 / 60 },
  { label: 'min', minutes: 1 },
  { label: 'h', minutes: 60 },
  { label: 'days', minutes: 1440 },
];
/** The unit a duration of this many minutes reads best in (shared by formatDuration and the duration fields). */
export function scaleFor(absMinutes: number): Scale {
  if (absMinutes < 1) return SCALES[0]!;
  if (absMinutes < 90) return SCALES[1]!;
  if (absMinutes < 48 * 60) return SCALES[2]!;
  return SCALES[3]!;
}

/** 1234567.5 → "1,234,567.5" (no rounding). */
const group = (s: string) => {
  const [int, frac] = s.split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
};
const plain = (v: number, digits: number) => {
  const r = +v.toPrecision(digits);
  // String() writes the shortest decimal that reads back as r (toFixed(20) would show binary noise:
  // 5.56 → 5.5599999999999996092); it uses exponents only outside [1e-6, 1e21).
  return Math.abs(r) < 1e-6 || Math.abs(r) >= 1e21 ? String(r) : group(String(r));
};

/**
 * A duration in the project's unit as text in the unit that reads best, with up to `digits`
 * significant figures (default 4): 2880 min → "2 days", 90 min → "1.5 h", 0.25 h → "15 min".
 */
export function durationText(value: number, unit: TimeUnit, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return `0 ${TIME_UNIT_LABEL[unit]}`;
  const minutes = value * MINUTES_PER_UNIT[unit];
  const scale = scaleFor(Math.abs(minutes));
  return `${plain(minutes / scale.minutes, digits)} ${scale.label}`;
}

/**
 * Text for a duration input: in the unit that reads best when the value is exact there (so that
 * reading it back gives the same number), else in the project's unit with full precision.
 */
export function durationInputText(value: number, unit: TimeUnit): string {
  if (!Number.isFinite(value)) return '';
  const best = durationText(value, unit, 6);
  const back = parseDuration(best, unit);
  if (back.ok && Math.abs(back.value - value) <= 1e-12 * Math.abs(value)) return best;
  return `${plain(value, 10)} ${TIME_UNIT_LABEL[unit]}`;
}

const WORKING_PREFIX = /^(?:working|work|business)[\s-]*/;

/** "2 working days", "3 working hours", "1 working day 4 working hours", or (already counting working time) "90 min". */
function parseWorking(lower: string, quoted: string, projectUnit: TimeUnit, w: WorkingClock): ParsedDuration {
  const perDay = w.hoursPerDay * 60;
  let rest = lower;
  let total = 0;
  while (rest.length > 0) {
    const m = PART.exec(rest);
    if (!m) return { ok: false, message: `${quoted}: write working time like 2 working days or 3 working hours.` };
    const num = parseNumber(m[1]!.trim());
    if (!num.ok) return { ok: false, message: `${quoted}: write working time like 2 working days or 3 working hours.` };
    if (num.value < 0) return { ok: false, message: `${quoted}: a duration cannot be negative.` };
    const raw = (m[2] ?? '').trim().replace(/\.$/, '');
    const said = WORKING_PREFIX.test(raw) || /^workdays?$|^wd$/.test(raw);
    const word = /^workdays?$|^wd$/.test(raw) ? 'days' : raw.replace(WORKING_PREFIX, '');
    let minutes: number | undefined;
    if (word === '') minutes = MINUTES_PER_UNIT[projectUnit];
    else if (/^days?$|^d$/.test(word)) minutes = said ? perDay : undefined;
    else if (/^weeks?$|^w$|^wks?$/.test(word)) minutes = said ? w.hoursPerWeek * 60 : undefined;
    else minutes = MINUTES_OF.get(word);
    if (minutes === undefined) {
      return { ok: false, message: `${quoted}: this delay counts working time (${w.calendarName}), so write working days, e.g. ${num.value} working days (${plain(w.hoursPerDay, 4)} open hours each), or untick working time.` };
    }
    total += num.value * minutes;
    rest = rest.slice(m[0].length).trimStart();
  }
  const value = round12(total / MINUTES_PER_UNIT[projectUnit]);
  if (!Number.isFinite(value)) return { ok: false, message: `${quoted} is too long.` };
  return { ok: true, value, working: true };
}

/** Working time in the unit that reads best: "2 working days" (of `hoursPerDay` open hours), "3 working hours", "30 working min". */
export function workingDurationText(value: number, unit: TimeUnit, hoursPerDay: number, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  const minutes = value * MINUTES_PER_UNIT[unit];
  if (hoursPerDay > 0 && minutes >= hoursPerDay * 60) {
    const days = minutes / (hoursPerDay * 60);
    return `${plain(days, digits)} working ${+days.toPrecision(digits) === 1 ? 'day' : 'days'}`;
  }
  if (minutes >= 60) return `${plain(minutes / 60, digits)} working ${+(minutes / 60).toPrecision(digits) === 1 ? 'hour' : 'hours'}`;
  return `${plain(minutes, digits)} working min`;
}

/** Text for a working-time input that reads back to the same value. */
export function workingInputText(value: number, unit: TimeUnit, w: WorkingClock): string {
  if (!Number.isFinite(value)) return '';
  const best = workingDurationText(value, unit, w.hoursPerDay, 6);
  const back = parseDuration(best, unit, w);
  if (back.ok && Math.abs(back.value - value) <= 1e-12 * Math.abs(value)) return best;
  return `${plain(value * MINUTES_PER_UNIT[unit] / 60, 10)} working hours`;
}

/** The scale working time of this many minutes reads best in: working days (from 2 days), hours, or min. */
function workingScale(minutes: number, hoursPerDay: number): { label: string; minutes: number } {
  if (hoursPerDay > 0 && minutes >= 2 * hoursPerDay * 60) return { label: 'working days', minutes: hoursPerDay * 60 };
  if (minutes >= 60) return { label: 'working hours', minutes: 60 };
  return { label: 'working min', minutes: 1 };
}
const rounded = (v: number) => group((Math.abs(v) < 10 ? Math.round(v * 10) / 10 : Math.round(v)).toString());

/** Working time for results, like formatDuration: "3.1 working hours", "2.4 working days", "25 working min" (a working day = `hoursPerDay` open hours). */
export function formatWorkingDuration(value: number, unit: TimeUnit, hoursPerDay: number): string {
  if (!Number.isFinite(value)) return '—';
  const minutes = value * MINUTES_PER_UNIT[unit];
  if (minutes === 0) return '0 working hours';
  const scale = workingScale(Math.abs(minutes), hoursPerDay);
  return `${rounded(minutes / scale.minutes)} ${scale.label}`;
}

/** A mean and its 95 % half-width in the mean's scale: ["3.1 working hours", "0.2"] ("" when there is no interval). */
export function formatWorkingEstimate(mean: number, ci95: number, unit: TimeUnit, hoursPerDay: number): [string, string] {
  const text = formatWorkingDuration(mean, unit, hoursPerDay);
  if (!(ci95 > 0) || !Number.isFinite(ci95) || !Number.isFinite(mean)) return [text, ''];
  const scale = workingScale(Math.abs(mean * MINUTES_PER_UNIT[unit]), hoursPerDay);
  const ci = (ci95 * MINUTES_PER_UNIT[unit]) / scale.minutes;
  return [text, ci < 0.05 ? String(+ci.toPrecision(1)) : rounded(ci)];
}
