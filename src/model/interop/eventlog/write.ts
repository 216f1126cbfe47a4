// Writes an event log as CSV: case id, activity, resource, start, end — one row per event, times as
// ISO 8601 in the log's zone with its offset (e.g. 2024-03-04T08:15:00.000+01:00), which process-
// mining tools and our own reader take without asking.
import type { EventLog } from './types';

export const CSV_HEADER = ['case_id', 'activity', 'resource', 'start_time', 'end_time'] as const;

/** A CSV field: quoted when it holds a comma, quote or line break (quotes doubled). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** An instant (ms UTC) as ISO 8601 local time in a zone given as minutes east of UTC. */
export function isoWithOffset(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(Math.round(ms) + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(utcOffsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  );
}

/** The whole log as CSV text (header first, lines ended by \n). */
export function writeEventLogCsv(log: EventLog): string {
  const n = log.caseOf.length;
  const caseText = log.cases.map(csvField);
  const activityText = log.activities.map(csvField);
  const resourceText = log.resources.map(csvField);
  const lines: string[] = new Array<string>(n + 1);
  lines[0] = CSV_HEADER.join(',');
  for (let e = 0; e < n; e++) {
    const r = log.resourceOf[e]!;
    lines[e + 1] = [
      caseText[log.caseOf[e]!],
      activityText[log.activityOf[e]!],
      r >= 0 ? resourceText[r] : '',
      isoWithOffset(log.start[e]!, log.utcOffsetMinutes),
      isoWithOffset(log.end[e]!, log.utcOffsetMinutes),
    ].join(',');
  }
  return lines.join('\n') + '\n';
}
