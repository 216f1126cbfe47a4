// One entry for every log format: sniffs the file (gzip by its first bytes, XES by its first
// character, else delimited text), previews it for the column-mapping step and reads it whole.
import type { EventLog } from './types';
import { EventLogError, type ReadReport } from './builder';
import type { LogPreview, ReadOptions } from './options';
import { headText, looksLikeXml, type LogSource } from './source';
import { previewCsvText, readCsv } from './csv';
import { previewXes, readXes } from './xes';

export type { ColumnMapping, MappedField } from './columns';
export { FIELD_LABELS } from './columns';
export type { LogPreview, ReadOptions } from './options';
export { AmbiguousDatesError } from './options';
export { EventLogError, type ReadReport } from './builder';
export { CancelledError, type LogSource } from './source';
export { TIME_FORMAT_LABELS, formatZone, parseZone, type TimeFormat } from './timestamps';

export interface ReadResult {
  log: EventLog;
  report: ReadReport;
  preview: LogPreview;
}

/** File names the app opens as event logs. */
export const LOG_FILE = /\.(csv|tsv|txt|xes)(\.gz)?$|\.gz$/i;

/** The header, first rows and detected mapping, from the start of the file. */
export async function previewLog(src: LogSource, delimiter?: string): Promise<LogPreview> {
  const limit = 512 * 1024;
  const head = await headText(src, limit);
  if (head.trim() === '') throw new EventLogError('The file is empty.');
  return looksLikeXml(head) ? previewXes(src) : previewCsvText(head, delimiter, head.length < limit);
}

/** Reads the whole log (CSV or XES, optionally gzipped) with the mapping and options. */
export async function readLog(src: LogSource, options: ReadOptions = {}): Promise<ReadResult> {
  const head = await headText(src, 4096);
  return looksLikeXml(head) ? readXes(src, options) : readCsv(src, options);
}
