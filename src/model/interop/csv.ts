// Data from spreadsheets: a column of observed durations, or arrival counts by hour of day (and
// optionally day of week) turned into a rate schedule. Delimiters (, ; tab) are detected; with ;
// or tab a decimal comma is accepted. Bad rows are reported by line number, never guessed.
import type { RateSchedule } from '../schema';

export interface CsvProblem {
  line: number;
  message: string;
}

/** Splits CSV text into rows of cells (quotes with "" escapes; delimiter detected). */
export function parseCsv(text: string): { rows: { line: number; cells: string[] }[]; delimiter: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sample = lines.find((l) => l.trim() !== '') ?? '';
  const best = ['\t', ';', ','].map((d) => [d, sample.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]!;
  const delimiter = best[1] > 1 ? best[0] : ',';
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k]!;
      if (quoted) {
        if (ch === '"' && raw[k + 1] === '"') {
          cur += '"';
          k++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        cells.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    cells.push(cur.trim());
    rows.push({ line: i + 1, cells });
  });
  return { rows, delimiter };
}

function toNumber(cell: string, decimalComma: boolean): number | undefined {
  const t = decimalComma ? cell.replace(/\s/g, '').replace(',', '.') : cell.replace(/\s/g, '');
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

const isHeader = (cells: string[], decimalComma: boolean) => cells.some((c) => c !== '' && toNumber(c, decimalComma) === undefined);

/**
 * Observed durations from a CSV: the column named like a duration (duration, time, minutes…)
 * or else the first numeric column. The mean and sd of what was read come with it.
 */
export function durationsFromCsv(text: string): { values: number[]; problems: CsvProblem[]; column: string; mean?: number; sd?: number } {
  const { rows, delimiter } = parseCsv(text);
  const decimalComma = delimiter !== ',';
  const problems: CsvProblem[] = [];
  if (rows.length === 0) return { values: [], problems: [{ line: 1, message: 'the file is empty' }], column: '' };
  const header = isHeader(rows[0]!.cells, decimalComma) ? rows[0]! : undefined;
  const body = header ? rows.slice(1) : rows;
  let col = header ? header.cells.findIndex((c) => /duration|time|minutes|hours|seconds|dauer|temps/i.test(c)) : -1;
  if (col < 0) col = (body[0]?.cells ?? []).findIndex((c) => toNumber(c, decimalComma) !== undefined);
  if (col < 0) return { values: [], problems: [{ line: body[0]?.line ?? 1, message: 'no column of numbers found' }], column: '' };
  const values: number[] = [];
  for (const r of body) {
    const cell = r.cells[col] ?? '';
    const v = toNumber(cell, decimalComma);
    if (v === undefined || v < 0) problems.push({ line: r.line, message: cell === '' ? 'no value' : `"${cell}" is not a duration` });
    else values.push(v);
  }
  const column = header?.cells[col] || `column ${col + 1}`;
  if (values.length === 0) return { values, problems, column };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { values, problems, column, mean, sd };
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function dayIndex(cell: string): number | undefined {
  const t = cell.trim().toLowerCase();
  const byName = DAYS.findIndex((d) => t.startsWith(d));
  if (byName >= 0) return byName;
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 && n <= 7 ? n - 1 : undefined;
}

function hourIndex(cell: string): number | undefined {
  const t = cell.trim();
  const m = /^(\d{1,2})(?::\d{2})?(?:\s*[-–]\s*\d{1,2}(?::\d{2})?)?$/.exec(t);
  if (!m) return undefined;
  const h = Number(m[1]);
  return h >= 0 && h <= 23 ? h : undefined;
}

/**
 * Arrival counts per hour of day (rows "hour, count"), or per day and hour ("day, hour, count";
 * days as Mon…Sun or 1…7), observed over `periods` days (or weeks): the rate schedule's
 * multipliers (each hour's count over the mean hour) and the mean arrival rate per hour.
 */
export function arrivalProfileFromCsv(text: string, periods = 1): { schedule?: RateSchedule; ratePerHour?: number; problems: CsvProblem[]; total: number } {
  const { rows, delimiter } = parseCsv(text);
  const decimalComma = delimiter !== ',';
  const problems: CsvProblem[] = [];
  if (rows.length === 0) return { problems: [{ line: 1, message: 'the file is empty' }], total: 0 };
  const body = rows[0]!.cells.some((c) => /hour|day|count|arrivals|stunde|tag/i.test(c)) ? rows.slice(1) : rows;
  const weekly = body.some((r) => r.cells.length >= 3);
  const counts = new Array<number>(weekly ? 168 : 24).fill(0);
  const seen = new Array<boolean>(counts.length).fill(false);
  for (const r of body) {
    const [a, b, c] = r.cells;
    const day = weekly ? dayIndex(a ?? '') : 0;
    const hour = hourIndex((weekly ? b : a) ?? '');
    const count = toNumber((weekly ? c : b) ?? '', decimalComma);
    if (day === undefined) problems.push({ line: r.line, message: `"${a}" is not a day (Mon…Sun or 1…7)` });
    else if (hour === undefined) problems.push({ line: r.line, message: `"${weekly ? b : a}" is not an hour of the day (0…23)` });
    else if (count === undefined || count < 0) problems.push({ line: r.line, message: `"${(weekly ? c : b) ?? ''}" is not a count of arrivals` });
    else {
      const slot = day * 24 + hour;
      if (seen[slot]) problems.push({ line: r.line, message: `${weekly ? `${DAYS[day]} ` : ''}hour ${hour} appears twice` });
      counts[slot] = count;
      seen[slot] = true;
    }
  }
  const total = counts.reduce((s, v) => s + v, 0);
  if (problems.length > 0) return { problems, total };
  if (total <= 0) return { problems: [{ line: body[0]?.line ?? 1, message: 'no arrivals counted' }], total };
  const meanPerSlot = total / counts.length;
  return {
    problems,
    total,
    schedule: { repeat: weekly ? 'week' : 'day', multipliers: counts.map((v) => +(v / meanPerSlot).toPrecision(12)) },
    ratePerHour: meanPerSlot / Math.max(1e-9, periods),
  };
}
