// Calendars in BPSim: a `bpsim:Calendar` holds iCalendar text (RFC 5545) whose events are the
// periods the calendar stands for; parameter values refer to one by `validFor`. Written: one
// weekly VEVENT (RRULE FREQ=WEEKLY;BYDAY=…) per distinct opening range, starting in the week of
// Monday 1970-01-05 (a fixed reference week). Read: VEVENTs with a weekly (or daily) RRULE, or a
// single event standing for its weekday, back into a week of opening hours. Holidays and
// exceptions are not written here (they travel in sf:data); other rules are reported. Line by line,
// no backtracking regular expressions over the whole text.
import { WEEKDAYS, parseHours, type Calendar } from '../calendar';
import { weekFromRules, type WeekRule } from './timetables';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const two = (n: number) => String(n).padStart(2, '0');
/** 1970-01-05 is a Monday: day `d` (0 = Monday) of the reference week at hour `h` (24 = next day 00). */
const stamp = (d: number, h: number) => `197001${two(5 + d + (h === 24 ? 1 : 0))}T${two(h % 24)}0000`;

/** The calendar's week as iCalendar text (lines joined by CRLF). */
export function calendarToICal(cal: Pick<Calendar, 'id' | 'name' | 'week'>): string {
  const ranges = new Map<string, number[]>(); // "from-to" → days
  for (let d = 0; d < 7; d++) {
    const open = parseHours(cal.week[d] ?? '');
    if (typeof open === 'string') continue;
    for (let h = 0; h < 24; h++) {
      if (!open[h] || (h > 0 && open[h - 1])) continue;
      let e = h;
      while (e < 24 && open[e]) e++;
      const key = `${h}-${e}`;
      ranges.set(key, [...(ranges.get(key) ?? []), d]);
    }
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Serviceflow//Calendars//EN'];
  let k = 0;
  for (const [key, days] of ranges) {
    const [from, to] = key.split('-').map(Number) as [number, number];
    lines.push('BEGIN:VEVENT', `UID:${cal.id}-${++k}@serviceflow`, `SUMMARY:${cal.name.replace(/[\\;,\r\n]/g, ' ')}`, `DTSTART:${stamp(days[0]!, from)}`, `DTEND:${stamp(days[0]!, to)}`, `RRULE:FREQ=WEEKLY;BYDAY=${days.map((d) => DAY_CODES[d]).join(',')}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

/** YYYYMMDD[THHMMSS[Z]] → weekday (0 = Monday) and hours, or undefined. */
function dateTime(v: string): { day: number; hours: number } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?Z?)?$/.exec(v.trim());
  if (!m) return undefined;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  if (!Number.isFinite(t)) return undefined;
  return { day: (new Date(t).getUTCDay() + 6) % 7, hours: +(m[4] ?? 0) + +(m[5] ?? 0) / 60 + +(m[6] ?? 0) / 3600 };
}

/** PT8H / PT30M / P1D → hours, or undefined. */
function durationHours(v: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(v.trim());
  return m ? +(m[1] ?? 0) * 24 + +(m[2] ?? 0) + +(m[3] ?? 0) / 60 + +(m[4] ?? 0) / 3600 : undefined;
}

const clockText = (h: number) => `${two(Math.floor(h))}:${two(Math.round((h % 1) * 60))}`;

/** The week of opening hours of iCalendar text, with notes on what was not read. */
export function iCalToWeek(text: string, what: string): { week: string[]; notes: string[] } {
  // Unfold (a line starting with a space continues the previous one), at most 20,000 lines.
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/, 20_000)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
    else lines.push(raw.trim());
  }
  const rules: WeekRule[] = [];
  const notes: string[] = [];
  let ev: Record<string, string> | undefined;
  let skipped = 0;
  for (const line of lines) {
    if (line.toUpperCase() === 'BEGIN:VEVENT') ev = {};
    else if (line.toUpperCase() === 'END:VEVENT' && ev) {
      const start = dateTime(ev.DTSTART ?? '');
      const end = ev.DTEND !== undefined ? dateTime(ev.DTEND) : undefined;
      const length = ev.DURATION !== undefined ? durationHours(ev.DURATION) : end && start ? (end.day - start.day + 7) % 7 * 24 + end.hours - start.hours : undefined;
      const rule = Object.fromEntries((ev.RRULE ?? '').split(';').map((p) => p.split('=') as [string, string]).filter((p) => p.length === 2).map(([k, v]) => [k.toUpperCase(), v.toUpperCase()]));
      const freq = rule.FREQ;
      if (!start || length === undefined || !(length > 0 && length <= 24) || (freq !== undefined && freq !== 'WEEKLY' && freq !== 'DAILY') || (rule.INTERVAL !== undefined && rule.INTERVAL !== '1')) {
        skipped++;
      } else {
        const days = freq === 'DAILY' ? [0, 1, 2, 3, 4, 5, 6] : rule.BYDAY ? rule.BYDAY.split(',').map((c: string) => DAY_CODES.indexOf(c.trim().slice(-2) as (typeof DAY_CODES)[number])).filter((d: number) => d >= 0) : [start.day];
        const endHours = start.hours + length;
        for (const d of days) rules.push({ fromDay: WEEKDAYS[d]!, toDay: WEEKDAYS[d]!, fromTime: clockText(start.hours), toTime: endHours >= 24 ? (endHours === 24 ? '24:00' : clockText(endHours - 24)) : clockText(endHours) });
      }
      ev = undefined;
    } else if (ev) {
      const colon = line.indexOf(':');
      if (colon > 0) ev[line.slice(0, colon).split(';')[0]!.toUpperCase()] = line.slice(colon + 1);
    }
  }
  if (skipped > 0) notes.push(`${what}: ${skipped} event(s) that do not repeat weekly (or last longer than a day) were left out`);
  const read = weekFromRules(rules, what);
  return { week: read.week, notes: [...notes, ...read.notes] };
}
