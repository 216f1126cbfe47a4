// Other tools' working hours as project calendars: BIMP / Prosimos timetables (qbp:timetable with
// rules fromWeekDay–toWeekDay, fromTime–toTime) and Prosimos / Simod resource calendars
// (time_periods from/to weekday, beginTime/endTime). A rule covers each day of its weekday range
// (wrapping past Sunday) from its start to its end time. Calendars here are hourly, so times are
// rounded to the nearest whole hour (reported); an end at 00:00 or 23:59 is the end of the day.
import { WEEKDAYS, formatHours, type Calendar } from '../calendar';

export interface WeekRule {
  fromDay: string;
  toDay: string;
  fromTime: string;
  toTime: string;
}

const dayIndex = (name: string): number | undefined => {
  const n = name.trim().toLowerCase().slice(0, 3);
  const i = WEEKDAYS.findIndex((d) => d.toLowerCase().startsWith(n));
  return n.length === 3 && i >= 0 ? i : undefined;
};

/** "09:30:00.000+00:00" → hours as a number (9.5), or undefined. */
const clock = (text: string): number | undefined => {
  const m = /^\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return h <= 24 ? h : undefined;
};

/**
 * The week (7 texts, Monday first) of a set of rules, and what had to be approximated. `what`
 * names the calendar in the notes.
 */
export function weekFromRules(rules: readonly WeekRule[], what: string): { week: string[]; notes: string[] } {
  const open: boolean[][] = WEEKDAYS.map(() => new Array<boolean>(24).fill(false));
  const notes: string[] = [];
  let rounded = false;
  for (const r of rules) {
    const d0 = dayIndex(r.fromDay);
    const d1 = dayIndex(r.toDay || r.fromDay);
    const t0 = clock(r.fromTime);
    const t1 = clock(r.toTime);
    if (d0 === undefined || d1 === undefined || t0 === undefined || t1 === undefined) {
      notes.push(`${what}: a rule (${r.fromDay || '?'}–${r.toDay || '?'} ${r.fromTime || '?'}–${r.toTime || '?'}) could not be read; left out`);
      continue;
    }
    const from = Math.round(t0);
    let to = t1 === 0 || t1 >= 23.98 ? 24 : Math.round(t1);
    if (from !== t0 || (to !== t1 && !(t1 === 0 || t1 >= 23.98))) rounded = true;
    if (to <= from) {
      if (t1 < t0) {
        // Overnight: until midnight, then the morning of the next day.
        for (let d = d0, k = 0; k < 7; d = (d + 1) % 7, k++) {
          for (let h = from; h < 24; h++) open[d]![h] = true;
          for (let h = 0; h < Math.round(t1); h++) open[(d + 1) % 7]![h] = true;
          if (d === d1) break;
        }
        continue;
      }
      to = from; // shorter than an hour after rounding: nothing
    }
    for (let d = d0, k = 0; k < 7; d = (d + 1) % 7, k++) {
      for (let h = from; h < to; h++) open[d]![h] = true;
      if (d === d1) break;
    }
  }
  if (rounded) notes.push(`${what}: times rounded to whole hours (calendars here are hourly)`);
  return { week: open.map(formatHours), notes };
}

/** A calendar id made of the allowed characters, unique among `taken` (which it joins). */
export function calendarIdFrom(raw: string, taken: Set<string>): string {
  const base = (raw.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '') || 'calendar').slice(0, 70);
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/** A calendar, or a note saying why not (never open). */
export function toCalendar(id: string, name: string, week: string[]): Calendar | string {
  if (!week.some((d) => d !== '')) return `timetable "${name}" is never open; left out (around the clock instead)`;
  return { id, name: (name.replace(/\s+/g, ' ').trim() || id).slice(0, 120), week };
}

/** "Mon–Fri 09:00-17:00" style summary for report lines. */
export function describeWeek(week: readonly string[]): string {
  const parts: string[] = [];
  for (let d = 0; d < 7; ) {
    if (!week[d]) {
      d++;
      continue;
    }
    let e = d;
    while (e + 1 < 7 && week[e + 1] === week[d]) e++;
    parts.push(`${WEEKDAYS[d]!.slice(0, 3)}${e > d ? `–${WEEKDAYS[e]!.slice(0, 3)}` : ''} ${week[d]}`);
    d = e + 1;
  }
  return parts.join('; ');
}

/** A resource of another tool: its size and the calendar its timetable became. */
export interface SimResource {
  id: string;
  name: string;
  size: number;
  calendarId?: string;
}
