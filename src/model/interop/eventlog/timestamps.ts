// Timestamps as event logs write them, read into milliseconds since 1970-01-01 UTC.
// Formats: ISO 8601 and `YYYY-MM-DD HH:mm:ss[.ffffff]` (year first, with or without an offset),
// day-first and month-first dates (`31/01/2023 14:05`, `01/31/2023 2:05 PM`), Unix seconds and
// milliseconds. The format of a column is detected once from a sample of its values; when the
// sample cannot tell day-first from month-first (every value has both parts ≤ 12) the detection
// says so and the user chooses. Times without an offset are read in a time zone the user gives
// (minutes east of UTC).

export type TimeFormat = 'ymd' | 'dmy' | 'mdy' | 'unix-s' | 'unix-ms';

export interface TimeDetection {
  /** The format found; for dates the sample cannot order, the guess 'dmy' with `ambiguous` set. */
  format: TimeFormat;
  /** True when day-first and month-first both read every sampled value: the user must choose. */
  ambiguous: boolean;
  /** True when at least one sampled value carries its own offset (Z, +01:00). */
  hasOffset: boolean;
}

export const TIME_FORMAT_LABELS: Record<TimeFormat, string> = {
  ymd: 'year first (2023-01-31 14:05:00)',
  dmy: 'day first (31/01/2023 14:05)',
  mdy: 'month first (01/31/2023 14:05)',
  'unix-s': 'Unix time in seconds',
  'unix-ms': 'Unix time in milliseconds',
};

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AP]\.?M\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const UNIX = /^\d{9,14}(?:\.\d+)?$/;

/** Offset minutes from `Z`, `+01:00`, `+0100` or `+01`; undefined when absent. */
function offsetOf(tz: string | undefined): number | undefined {
  if (!tz) return undefined;
  if (tz === 'Z' || tz === 'z') return 0;
  const sign = tz[0] === '-' ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month - 1]!;
}

/** Milliseconds UTC from parts, or NaN when a part is out of range. */
function compose(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined, offset: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60) return NaN;
  if (h === 24 && (mi > 0 || s > 0)) return NaN;
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  return Date.UTC(y, mo - 1, d, h, mi, s) + ms - offset * 60_000;
}

/** The offset a value states itself, if any (for the log's time zone). */
export function statedOffset(value: string): number | undefined {
  const m = YMD.exec(value.trim()) ?? DMY.exec(value.trim());
  return m ? offsetOf(m[m.length - 1]) : undefined;
}

/**
 * Reads one timestamp in the given format; `zoneMinutes` is the offset of times that state none.
 * NaN when the value is not a date in that format.
 */
export function parseTime(raw: string, format: TimeFormat, zoneMinutes: number): number {
  const value = raw.trim();
  if (format === 'unix-s' || format === 'unix-ms') {
    if (!UNIX.test(value)) return NaN;
    return format === 'unix-s' ? Number(value) * 1000 : Number(value);
  }
  if (format === 'ymd') {
    const m = YMD.exec(value);
    if (!m) return NaN;
    const off = offsetOf(m[8]) ?? zoneMinutes;
    return compose(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], off);
  }
  const m = DMY.exec(value);
  if (!m) return NaN;
  const [a, b] = [+m[1]!, +m[2]!];
  const [day, month] = format === 'dmy' ? [a, b] : [b, a];
  let year = +m[3]!;
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  let hour = +(m[4] ?? 0);
  const ampm = m[8]?.[0]?.toUpperCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (ampm === 'P' ? 12 : 0);
  }
  const off = offsetOf(m[9]) ?? zoneMinutes;
  return compose(year, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0), m[7], off);
}

/**
 * The format of a column from a sample of its (non-empty) values: the format that reads the
 * most of them (at least half). Undefined when none does — the column holds no dates.
 */
export function detectTimeFormat(samples: readonly string[]): TimeDetection | undefined {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return undefined;
  const reads = (f: TimeFormat) => values.filter((v) => Number.isFinite(parseTime(v, f, 0))).length;
  const hasOffset = values.some((v) => statedOffset(v) !== undefined);
  const need = Math.ceil(values.length / 2);
  if (values.every((v) => UNIX.test(v))) {
    const sorted = values.map(Number).sort((x, y) => x - y);
    const median = sorted[sorted.length >> 1]!;
    return { format: median >= 1e11 ? 'unix-ms' : 'unix-s', ambiguous: false, hasOffset: false };
  }
  const ymd = reads('ymd');
  if (ymd >= need) return { format: 'ymd', ambiguous: false, hasOffset };
  const dmy = reads('dmy');
  const mdy = reads('mdy');
  if (Math.max(dmy, mdy) < need) return undefined;
  if (dmy === mdy) return { format: 'dmy', ambiguous: true, hasOffset };
  return { format: dmy > mdy ? 'dmy' : 'mdy', ambiguous: false, hasOffset };
}

/** "+01:00" / "-05:30" / "Z" / "UTC+1" / "60" (minutes) → minutes east of UTC; undefined when unreadable. */
export function parseZone(text: string): number | undefined {
  const t = text.trim().replace(/^(UTC|GMT)\s*/i, '');
  if (t === '' || t === 'Z' || t === 'z') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return minutes <= 14 * 60 ? (m[1] === '-' ? -minutes : minutes) : undefined;
  }
  if (/^-?\d+$/.test(t) && Math.abs(Number(t)) <= 14 * 60) return Number(t);
  return undefined;
}

/** Minutes east of UTC as people write them: "UTC+01:00", "UTC−05:30", "UTC". */
export function formatZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
