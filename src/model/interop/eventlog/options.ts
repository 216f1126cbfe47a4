// What a reading takes (the mapping, date order, time zone) and what a preview shows, shared by
// the CSV and XES readers; and the step from a sample of rows to the time formats to read with.
import type { ColumnMapping } from './columns';
import { FIELD_LABELS, guessMapping, constantColumns, mappedColumns } from './columns';
import { EventLogError, type RawEvent } from './builder';
import { detectTimeFormat, type TimeDetection, type TimeFormat } from './timestamps';

export interface ReadOptions {
  /** Column names; fields left out are detected from the usual names. */
  mapping?: Partial<ColumnMapping>;
  /** CSV delimiter; detected when absent. */
  delimiter?: string;
  /** Resolves dates that could be day-first or month-first (true: 31/01, false: 01/31). */
  dayFirst?: boolean;
  /** Offset (minutes east of UTC) of times that state none. Default: the log's own offset, else UTC. */
  utcOffsetMinutes?: number;
  /** File name, for reports. */
  name?: string;
  signal?: AbortSignal;
  progress?: (done: number, total: number, what: string) => void;
}

export interface LogPreview {
  kind: 'csv' | 'xes';
  /** The CSV delimiter found. */
  delimiter?: string;
  header: string[];
  /** The first rows (up to a few hundred), cells in header order. */
  rows: string[][];
  /** The detected mapping (fields it could not place are absent). */
  mapping: Partial<ColumnMapping>;
  /** Columns that keep one value within each case: offered as case attributes. */
  attributeCandidates: string[];
  /** Columns that hold dates, with their format. */
  times: Record<string, TimeDetection>;
}

/** Columns whose sampled values read as dates. */
export function dateColumns(header: readonly string[], rows: readonly (readonly string[])[]): Record<string, TimeDetection> {
  const out: Record<string, TimeDetection> = {};
  header.forEach((h, i) => {
    const d = detectTimeFormat(rows.slice(0, 500).map((r) => r[i] ?? ''));
    if (d) out[h] = d;
  });
  return out;
}

export function previewOf(kind: 'csv' | 'xes', header: string[], rows: string[][], delimiter?: string): LogPreview {
  const times = dateColumns(header, rows);
  const mapping = guessMapping(header);
  // A time column guessed from its name must hold dates; otherwise take the first date column.
  for (const f of ['start', 'end', 'enabled'] as const) if (mapping[f] && !times[mapping[f]!]) delete mapping[f];
  if (!mapping.end) {
    const used = mappedColumns(mapping);
    const dates = Object.keys(times).filter((c) => !used.includes(c));
    const end = dates.length === 1 ? dates[0] : dates.find((c) => /end|complete|time/i.test(c)) ?? dates[dates.length - 1];
    if (end) mapping.end = end;
  }
  const used = mappedColumns(mapping);
  const attributeCandidates = constantColumns(header, rows, mapping.case, used).filter((c) => !times[c]);
  return { kind, ...(delimiter !== undefined && { delimiter }), header, rows, mapping: { ...mapping, caseAttributes: attributeCandidates }, attributeCandidates, times };
}

const TIME_FIELDS = ['start', 'end', 'enabled'] as const;

/** The full mapping (given over detected), checked against the header. */
export function resolveMapping(preview: LogPreview, given: Partial<ColumnMapping> | undefined): ColumnMapping {
  const m: Partial<ColumnMapping> = { ...preview.mapping };
  if (given) for (const [k, v] of Object.entries(given) as [keyof ColumnMapping, string & string[]][]) if (v !== undefined) m[k] = v === '' ? undefined : v;
  const cols = preview.header;
  const list = cols.length > 12 ? cols.slice(0, 12).join(', ') + ', …' : cols.join(', ');
  for (const f of ['case', 'activity', 'end'] as const) {
    if (!m[f]) throw new EventLogError(`Which column holds the ${FIELD_LABELS[f].toLowerCase()}? None was recognised; the columns are: ${list}.`);
  }
  for (const f of ['case', 'activity', 'end', 'resource', 'role', 'start', 'enabled'] as const) {
    const c = m[f];
    if (c && !cols.includes(c)) throw new EventLogError(`The column "${c}" (${FIELD_LABELS[f].toLowerCase()}) is not in the file; its columns are: ${list}.`);
  }
  for (const c of m.caseAttributes ?? []) if (!cols.includes(c)) throw new EventLogError(`The column "${c}" (case attribute) is not in the file; its columns are: ${list}.`);
  return m as ColumnMapping;
}

/** The format of each mapped time column; asks (throws) when dates could be day- or month-first. */
export function resolveFormats(preview: LogPreview, m: ColumnMapping, dayFirst: boolean | undefined): { start?: TimeFormat; end: TimeFormat; enabled?: TimeFormat } {
  const out: { start?: TimeFormat; end?: TimeFormat; enabled?: TimeFormat } = {};
  for (const f of TIME_FIELDS) {
    const col = m[f];
    if (!col) continue;
    const d = preview.times[col];
    if (!d) {
      const i = preview.header.indexOf(col);
      const sample = preview.rows.map((r) => r[i] ?? '').find((v) => v.trim() !== '');
      if (sample === undefined && f !== 'end') continue; // an empty optional column: no times
      throw new EventLogError(`Column ${col} does not hold dates${sample !== undefined ? ` ('${sample.slice(0, 40)}' is not a date)` : ' (it is empty in the first rows)'}.`);
    }
    if ((d.format === 'dmy' || d.format === 'mdy') && d.ambiguous) {
      if (dayFirst === undefined) {
        const i = preview.header.indexOf(col);
        const eg = preview.rows.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
        throw new AmbiguousDatesError(col, eg);
      }
      out[f] = dayFirst ? 'dmy' : 'mdy';
    } else if ((d.format === 'dmy' || d.format === 'mdy') && dayFirst !== undefined) out[f] = dayFirst ? 'dmy' : 'mdy';
    else out[f] = d.format;
  }
  return out as { start?: TimeFormat; end: TimeFormat; enabled?: TimeFormat };
}

/** Dates such as 03/04/2023 that read both ways: the user must say which. */
export class AmbiguousDatesError extends EventLogError {
  constructor(
    readonly column: string,
    readonly example: string,
  ) {
    super(`Dates in column ${column} such as '${example}' could be day-first or month-first: choose which.`);
  }
}

/** The builder's view of one row, taken through the mapping by column name. */
export function rawEvent(get: (column: string) => string | undefined, m: ColumnMapping): RawEvent {
  return {
    case: get(m.case),
    activity: get(m.activity),
    end: get(m.end),
    ...(m.resource && { resource: get(m.resource) }),
    ...(m.role && { role: get(m.role) }),
    ...(m.start && { start: get(m.start) }),
    ...(m.enabled && { enabled: get(m.enabled) }),
    attributes: (m.caseAttributes ?? []).map(get),
  };
}
