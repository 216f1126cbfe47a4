// Delimited text logs (comma, semicolon, tab, pipe…), read with papaparse piece by piece: the
// text is cut at record ends (a newline outside quotes), each piece parsed on its own, and its
// rows fed to the builder. Rows are numbered as in a spreadsheet: the header is row 1.
import Papa from 'papaparse';
import { LogBuilder, EventLogError, type ReadReport } from './builder';
import type { EventLog } from './types';
import { previewOf, rawEvent, resolveFormats, resolveMapping, type LogPreview, type ReadOptions } from './options';
import { CancelledError, textChunks, type LogSource } from './source';

/** Index just past the last newline that ends a record (not inside quotes); -1 when none. */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let cut = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) cut = i + 1;
  }
  return cut;
}

function parseRows(text: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false }).data;
}

const isBlank = (r: readonly string[]) => r.length === 0 || (r.length === 1 && r[0]!.trim() === '');

/** Header, first rows and detected mapping of CSV text (the start of the file is enough). */
export function previewCsvText(text: string, delimiter?: string, whole = true): LogPreview {
  const cut = whole ? text.length : lastRecordEnd(text);
  const complete = cut > 0 ? text.slice(0, cut) : text;
  const parsed = Papa.parse<string[]>(complete, { header: false, skipEmptyLines: true, preview: 1001, ...(delimiter ? { delimiter } : { delimitersToGuess: [',', ';', '\t', '|'] }) });
  const [head, ...rows] = parsed.data;
  if (!head || head.every((h) => h.trim() === '')) throw new EventLogError('The file is empty: it has no header row.');
  const header = head.map((h, i) => h.trim() || `column ${i + 1}`);
  if (header.length < 3) {
    throw new EventLogError(`The header row has ${header.length === 1 ? 'one column' : `${header.length} columns`} (${header.join(', ')}); an event log needs at least a case id, an activity and a time. Is the delimiter right?`);
  }
  return previewOf('csv', header, rows, parsed.meta.delimiter || delimiter || ',');
}

/** Reads a whole CSV log with the mapping (detected where not given). */
export async function readCsv(src: LogSource, options: ReadOptions = {}): Promise<{ log: EventLog; report: ReadReport; preview: LogPreview }> {
  const name = options.name ?? 'event log';
  let carry = '';
  let preview: LogPreview | undefined;
  let builder: LogBuilder | undefined;
  let index: Map<string, number> | undefined;
  let mapping: ReturnType<typeof resolveMapping> | undefined;
  let rowNo = 0; // spreadsheet row of the last row read (header = 1)
  let headerSeen = false;
  const feed = (text: string) => {
    if (!preview) {
      preview = previewCsvText(text, options.delimiter);
      mapping = resolveMapping(preview, options.mapping);
      const formats = resolveFormats(preview, mapping, options.dayFirst);
      index = new Map(preview.header.map((h, i) => [h, i]));
      builder = new LogBuilder({
        columns: mapping,
        formats,
        ...(options.utcOffsetMinutes !== undefined && { zoneMinutes: options.utcOffsetMinutes }),
        attributeNames: mapping.caseAttributes ?? [],
        unit: 'column',
      });
    }
    const b = builder!;
    const m = mapping!;
    const idx = index!;
    for (const row of parseRows(text, preview.delimiter!)) {
      rowNo++;
      if (!headerSeen) {
        if (isBlank(row)) continue;
        headerSeen = true;
        continue;
      }
      if (isBlank(row)) continue;
      b.add(rawEvent((c) => row[idx.get(c)!], m), rowNo);
    }
    if (b.hopeless()) throw new EventLogError(`Most rows cannot be read, so the file was not used. The first problem: ${b.problems[0] ?? 'unknown'}.`);
  };
  const chunkOpts = {
    ...(options.signal && { signal: options.signal }),
    ...(options.progress && { progress: (d: number, t: number) => options.progress!(d, t, 'Reading the log') }),
  };
  for await (const chunk of textChunks(src, chunkOpts)) {
    const text = carry + chunk;
    // The first rows decide the mapping's time formats: gather a good sample before reading.
    const cut = !preview && text.length < 256 * 1024 ? -1 : lastRecordEnd(text);
    if (cut < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(cut);
    feed(text.slice(0, cut));
    if (options.signal?.aborted) throw new CancelledError();
  }
  if (carry.trim() !== '') feed(carry);
  if (!builder) throw new EventLogError('The file is empty: it has no header row.');
  const { log, report } = builder.finish(name);
  return { log, report, preview: preview! };
}
