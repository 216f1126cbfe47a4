// XES logs (IEEE 1849), read with a streaming XML parser (saxes) trace by trace. Within a trace,
// `lifecycle:transition` start and complete events of the same activity (and resource) are paired
// first in, first out; a complete without a start is an event that starts when it ends; `schedule`
// gives the enabled time. Trace attributes become case attributes, named `case:<key>` (the trace's
// `concept:name` is the case id). Each event is then handed on as a row of attribute values.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LogBuilder, EventLogError, fmt, type ReadReport, type Where } from './builder';
import type { EventLog } from './types';
import { previewOf, rawEvent, resolveFormats, resolveMapping, type LogPreview, type ReadOptions } from './options';
import { CancelledError, textChunks, headText, type LogSource } from './source';

export const XES_START = 'time:timestamp (start)';
export const XES_ENABLED = 'time:timestamp (enabled)';

type Row = Record<string, string>;
interface Keys {
  activity: string;
  resource: string;
  time: string;
}
const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/** Streams XES text; calls `onRow` for each (paired) event with its place in words. */
export class XesRows {
  private readonly parser = new SaxesParser({ position: true });
  private readonly stack: string[] = [];
  private trace: Row | undefined;
  private events: Row[] = [];
  private event: Row | undefined;
  traces = 0;
  unpairedStarts = 0;
  otherTransitions = 0;

  constructor(
    private readonly onRow: (row: Row, where: Where) => void,
    private readonly keys: Keys = { activity: 'concept:name', resource: 'org:resource', time: 'time:timestamp' },
  ) {
    this.parser.on('error', (err) => {
      throw new EventLogError(`The XES file is not well-formed XML near line ${fmt(this.parser.line)}, column ${fmt(this.parser.column)}: ${err.message.replace(/^.*?:\d+:\d+: /, '')}.`);
    });
    this.parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    this.parser.on('closetag', (tag) => this.close(tag.name));
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.close();
  }

  /** Hands on the events of a trace cut short (previews read only the start of a file). */
  flushPartial(): void {
    if (this.trace) this.flushTrace();
  }

  private open(tag: SaxesTagPlain): void {
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(tag.name);
    if (tag.name === 'trace' && parent === 'log') {
      this.trace = {};
      this.events = [];
    } else if (tag.name === 'event' && parent === 'trace') this.event = {};
    else if (ATTRIBUTE_TAGS.has(tag.name)) {
      const key = tag.attributes.key;
      const value = tag.attributes.value ?? '';
      if (key === undefined) return;
      if (parent === 'event' && this.event) this.event[key] = value;
      else if (parent === 'trace' && this.trace) this.trace[key === 'concept:name' ? 'case:concept:name' : `case:${key}`] = value;
    }
  }

  private close(name: string): void {
    this.stack.pop();
    if (name === 'event' && this.event) {
      this.events.push(this.event);
      this.event = undefined;
    } else if (name === 'trace' && this.trace) this.flushTrace();
  }

  private flushTrace(): void {
    const trace = this.trace!;
    this.trace = undefined;
    this.traces++;
    const caseId = trace['case:concept:name'] ?? `trace ${fmt(this.traces)}`;
    trace['case:concept:name'] = caseId;
    const k = this.keys;
    const open: Row[] = [];
    const scheduled = new Map<string, string>();
    this.events.forEach((ev, i) => {
      const where = () => `trace '${caseId}', event ${fmt(i + 1)}`;
      const transition = (ev['lifecycle:transition'] ?? 'complete').toLowerCase();
      const activity = ev[k.activity] ?? '';
      if (transition === 'schedule') {
        if (ev[k.time]) scheduled.set(activity, ev[k.time]!);
      } else if (transition === 'start') open.push(ev);
      else if (transition === 'complete') {
        let j = open.findIndex((s) => s[k.activity] === activity && s[k.resource] === ev[k.resource]);
        if (j < 0) j = open.findIndex((s) => s[k.activity] === activity);
        const row: Row = { ...trace, ...ev };
        if (j >= 0) {
          const start = open.splice(j, 1)[0]!;
          if (start[k.time]) row[XES_START] = start[k.time]!;
        }
        const enabled = scheduled.get(activity);
        if (enabled !== undefined) {
          row[XES_ENABLED] = enabled;
          scheduled.delete(activity);
        }
        this.onRow(row, where);
      } else this.otherTransitions++;
    });
    this.unpairedStarts += open.length;
    this.events = [];
  }
}

/** Header (attribute keys in order of appearance), first rows and detected mapping. */
export async function previewXes(src: LogSource): Promise<LogPreview> {
  const rows: Row[] = [];
  const reader = new XesRows((r) => void (rows.length < 1000 && rows.push(r)));
  const text = await headText(src, 512 * 1024);
  try {
    reader.write(text);
  } catch (err) {
    if (rows.length === 0) throw err; // a file cut short by the preview may end mid-tag
  }
  reader.flushPartial();
  if (rows.length === 0) throw new EventLogError('The XES file holds no events (no <trace> with an <event> was found).');
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const key of Object.keys(r)) if (!seen.has(key)) (seen.add(key), header.push(key));
  const preview = previewOf('xes', header, rows.map((r) => header.map((h) => r[h] ?? '')));
  // Trace attributes are constant by definition: offer them all.
  const attrs = header.filter((h) => h.startsWith('case:') && h !== 'case:concept:name');
  return { ...preview, attributeCandidates: attrs, mapping: { ...preview.mapping, caseAttributes: attrs } };
}

/** Reads a whole XES log with the mapping (detected where not given). */
export async function readXes(src: LogSource, options: ReadOptions = {}): Promise<{ log: EventLog; report: ReadReport; preview: LogPreview }> {
  const preview = await previewXes(src);
  const m = resolveMapping(preview, options.mapping);
  const formats = resolveFormats(preview, m, options.dayFirst);
  const builder = new LogBuilder({
    columns: m,
    formats,
    ...(options.utcOffsetMinutes !== undefined && { zoneMinutes: options.utcOffsetMinutes }),
    attributeNames: m.caseAttributes ?? [],
    unit: 'attribute',
  });
  const reader = new XesRows((row, where) => void builder.add(rawEvent((c) => row[c], m), where), { activity: m.activity, resource: m.resource ?? 'org:resource', time: m.end });
  const chunkOpts = {
    ...(options.signal && { signal: options.signal }),
    ...(options.progress && { progress: (d: number, t: number) => options.progress!(d, t, 'Reading the log') }),
  };
  for await (const text of textChunks(src, chunkOpts)) {
    reader.write(text);
    if (options.signal?.aborted) throw new CancelledError();
    if (builder.hopeless()) throw new EventLogError(`Most events cannot be read, so the file was not used. The first problem: ${builder.problems[0] ?? 'unknown'}.`);
  }
  reader.end();
  const { log, report } = builder.finish(options.name ?? 'event log');
  if (reader.unpairedStarts > 0) report.notes.push(`${fmt(reader.unpairedStarts)} start events had no matching completion and were left out.`);
  if (reader.otherTransitions > 0) report.notes.push(`${fmt(reader.otherTransitions)} events with other lifecycle transitions (suspend, resume, …) were not used.`);
  return { log, report, preview };
}
