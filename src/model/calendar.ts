// Calendars (format 4): named opening hours at project level that steps, staff pools and arrivals
// refer to by id. A week of opening hours written the way people write them ("08:00-12:00,
// 13:00-17:00"), public holidays (closed dates) and exceptions for a date range (other hours or
// extra staff). Calendars are hourly: shift grids and arrival profiles are hourly too, so the three
// combine hour by hour. Pure data and pure functions; the engine compiles them (engine/calendars.ts).
import { z } from 'zod';
import { LIMITS, list, whole } from './limits';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Open hours of one day, 24 flags, or a message saying what is wrong with the text. */
export function parseHours(text: string): boolean[] | string {
  const open: boolean[] = new Array<boolean>(24).fill(false);
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'closed') return open;
  if (t === '24h' || t === 'all day') return open.fill(true);
  for (const part of t.split(/[,;]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|–|—|to)\s*(\d{1,2})(?::(\d{2}))?$/.exec(p);
    if (!m) return `"${part.trim()}" is not a time range like 08:00-17:00`;
    const from = Number(m[1]);
    const to = Number(m[3]);
    if ((m[2] !== undefined && m[2] !== '00') || (m[4] !== undefined && m[4] !== '00')) {
      return `"${p}": calendars are hourly, so use whole hours like 08:00-12:00`;
    }
    if (from > 23 || to > 24 || to === 0) return `"${p}": hours run from 00:00 to 24:00`;
    if (to <= from) return `"${p}" ends before it starts (a night shift is written as two ranges, e.g. 22:00-24:00 and 00:00-06:00 the next day)`;
    for (let h = from; h < to; h++) open[h] = true;
  }
  return open;
}

const two = (h: number) => String(h).padStart(2, '0');

/** The text for 24 open-hour flags: "08:00-12:00, 13:00-17:00", or "" when closed all day. */
export function formatHours(open: readonly boolean[]): string {
  const ranges: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!open[h] || (h > 0 && open[h - 1])) continue;
    let e = h;
    while (e < 24 && open[e]) e++;
    ranges.push(`${two(h)}:00-${two(e)}:00`);
  }
  return ranges.join(', ');
}

const hoursText = z
  .string()
  .max(400, 'must be at most 400 characters')
  .superRefine((v, ctx) => {
    const r = parseHours(v);
    if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: r });
  });

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-25')
  .refine((v) => dayNumber(v) !== undefined, 'is not a date in the calendar');

export const Holiday = z.object({ date: IsoDate, name: z.string().trim().max(120).optional() });
export type Holiday = z.infer<typeof Holiday>;

/**
 * Exceptions for a date range (both days included): other opening hours every day of the range
 * (`hours`, "" = closed) and/or `extraStaff` more staff during open hours at every step and pool
 * using the calendar (e.g. a two-week peak with temporary staff).
 */
export const CalendarException = z
  .object({
    name: z.string().trim().max(120).optional(),
    from: IsoDate,
    to: IsoDate,
    hours: hoursText.optional(),
    extraStaff: whole(0, LIMITS.maxStaff, ' staff').optional(),
  })
  .refine((e) => e.to >= e.from, { message: 'the range ends before it starts', path: ['to'] });
export type CalendarException = z.infer<typeof CalendarException>;

export const Calendar = z
  .object({
    id: z
      .string()
      .min(1, 'must not be empty')
      .max(80, 'must be at most 80 characters')
      .regex(/^[A-Za-z0-9_.:-]+$/, 'may only contain letters, digits and _ . : -'),
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    /** Opening hours Monday to Sunday, e.g. "08:00-12:00, 13:00-17:00"; "" = closed that day. */
    week: z.array(hoursText).length(7, 'needs opening hours for each of the 7 days, Monday first ("" for a closed day)'),
    /** Public holidays and other closed dates. */
    holidays: list(Holiday, 2000, 'holidays').optional(),
    exceptions: list(CalendarException, 1000, 'exceptions').optional(),
  })
  .refine((c) => c.week.some((d) => { const r = parseHours(d); return typeof r !== 'string' && r.includes(true); }), {
    message: 'is never open: give at least one open hour in the week',
    path: ['week'],
  });
export type Calendar = z.infer<typeof Calendar>;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when it is not a real date. */
export function dayNumber(date: string): number | undefined {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / 86_400_000);
}

/** The week's open hours as 168 flags, Monday 00:00 first. */
export function weekGrid(cal: Pick<Calendar, 'week'>): boolean[] {
  const out: boolean[] = [];
  for (let d = 0; d < 7; d++) {
    const r = parseHours(cal.week[d] ?? '');
    out.push(...(typeof r === 'string' ? new Array<boolean>(24).fill(false) : r));
  }
  return out;
}

/** Open hours in a week. */
export const openHoursPerWeek = (cal: Pick<Calendar, 'week'>) => weekGrid(cal).filter(Boolean).length;

export interface CalendarPreset {
  key: string;
  name: string;
  week: string[];
}

const days = (weekday: string, sat: string, sun: string) => [weekday, weekday, weekday, weekday, weekday, sat, sun];

/** Ready-made calendars the editor offers. */
export const CALENDAR_PRESETS: readonly CalendarPreset[] = [
  { key: 'office', name: 'Office Mon–Fri 08–17', week: days('08:00-17:00', '', '') },
  { key: 'office-lunch', name: 'Mon–Fri 08–17 with lunch 12–13', week: days('08:00-12:00, 13:00-17:00', '', '') },
  { key: 'contact-centre', name: 'Contact centre 07–22 incl. Saturday', week: days('07:00-22:00', '07:00-22:00', '') },
  { key: '24-7', name: '24/7', week: days('00:00-24:00', '00:00-24:00', '00:00-24:00') },
];

/**
 * Open flags and extra staff hour by hour for `slots` hours from a Monday 00:00 (the grid's first
 * hour). `monday` is the day number (see dayNumber) of that Monday; without it only the week counts:
 * holidays and exceptions need dates.
 */
export function calendarSlots(cal: Calendar, slots: number, monday?: number): { open: Uint8Array; extra: Int32Array } {
  const grid = weekGrid(cal);
  const open = new Uint8Array(slots);
  const extra = new Int32Array(slots);
  const holidays = new Set<number>();
  for (const h of cal.holidays ?? []) {
    const d = dayNumber(h.date);
    if (d !== undefined) holidays.add(d);
  }
  const exceptions = (cal.exceptions ?? []).map((e) => {
    const hours = e.hours === undefined ? undefined : parseHours(e.hours);
    return { from: dayNumber(e.from) ?? 0, to: dayNumber(e.to) ?? -1, hours: typeof hours === 'string' ? undefined : hours, extra: e.extraStaff ?? 0 };
  });
  for (let j = 0; j < slots; j++) {
    let isOpen = grid[j % 168]!;
    let more = 0;
    if (monday !== undefined) {
      const day = monday + Math.floor(j / 24);
      for (const e of exceptions) {
        if (day < e.from || day > e.to) continue;
        if (e.hours) isOpen = e.hours[j % 24]!;
        more += e.extra;
      }
      if (holidays.has(day)) isOpen = false;
    }
    open[j] = isOpen ? 1 : 0;
    extra[j] = isOpen ? more : 0;
  }
  return { open, extra };
}

/** Whether the calendar has anything tied to dates (holidays or exceptions). */
export const hasDates = (cal: Calendar) => (cal.holidays?.length ?? 0) > 0 || (cal.exceptions?.length ?? 0) > 0;
