// Turns the rows a reader finds (strings, one per mapped column) into the column-oriented
// EventLog: names kept once in dictionaries, numbers in growable typed arrays. Bad rows are
// skipped and counted, with the first few messages kept for the report; a file where too many
// rows are bad is refused with the first message, naming the row and the column.
import type { CaseAttribute, EventLog } from './types';
import { GrowableFloat64, GrowableInt32 } from './growable';
import { parseTime, statedOffset, type TimeFormat } from './timestamps';

/** A reading problem in the user's words; the message names the row and the column. */
export class EventLogError extends Error {
  override name = 'EventLogError';
}

/** One row as a reader hands it over: the mapped columns' text (undefined when absent). */
export interface RawEvent {
  case?: string;
  activity?: string;
  resource?: string;
  role?: string;
  start?: string;
  end?: string;
  enabled?: string;
  /** Values of the case-attribute columns, in the order given to the builder. */
  attributes: (string | undefined)[];
}

export interface BuilderOptions {
  /** Column names, for messages. */
  columns: { case: string; activity: string; end: string; start?: string; enabled?: string };
  formats: { start?: TimeFormat; end: TimeFormat; enabled?: TimeFormat };
  /** Offset (minutes east of UTC) of times that state none; undefined = UTC unless the log states one. */
  zoneMinutes?: number;
  attributeNames: string[];
  /** 'row' for CSV (numbers), or a reader's own words (e.g. XES: trace and event). */
  unit: 'column' | 'attribute';
}

/** What reading found beyond the events: counts and the first problems, for the report. */
export interface ReadReport {
  rows: number;
  events: number;
  cases: number;
  skipped: number;
  /** The first few problems (row and column named). */
  problems: string[];
  /** Other facts worth telling (dropped attributes, unpaired starts, …). */
  notes: string[];
}

/** Digits grouped by commas (1,204): cheaper than toLocaleString on a million rows. */
export const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** A row number, or a function naming the place (only called when there is a problem). */
export type Where = number | (() => string);
const MAX_PROBLEMS = 5;
/** Share of bad rows above which a file is refused rather than read with gaps. */
export const MAX_BAD_SHARE = 0.05;

export class LogBuilder {
  private readonly caseIds = new Map<string, number>();
  private readonly activityIds = new Map<string, number>();
  private readonly resourceIds = new Map<string, number>();
  private readonly roleIds = new Map<string, number>();
  private readonly caseOf = new GrowableInt32();
  private readonly activityOf = new GrowableInt32();
  private readonly resourceOf = new GrowableInt32();
  private readonly roleOf = new GrowableInt32();
  private readonly start = new GrowableFloat64();
  private readonly end = new GrowableFloat64();
  private readonly enabled: GrowableFloat64 | undefined;
  private readonly attrs: { name: string; valueOf: GrowableInt32; ids: Map<string, number>; conflicts: number }[];
  private hasStart = false;
  private firstOffset: number | undefined;
  private offsetChecked = false;
  rows = 0;
  skipped = 0;
  readonly problems: string[] = [];
  readonly notes: string[] = [];

  constructor(private readonly o: BuilderOptions) {
    this.enabled = o.columns.enabled ? new GrowableFloat64() : undefined;
    this.attrs = o.attributeNames.map((name) => ({ name, valueOf: new GrowableInt32(), ids: new Map(), conflicts: 0 }));
  }

  get events(): number {
    return this.caseOf.length;
  }

  private bad(where: Where, column: string, what: string): void {
    this.skipped++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${typeof where === 'number' ? `row ${fmt(where)}` : where()}, ${this.o.unit} ${column}: ${what}`);
  }

  private time(where: Where, column: string, value: string, format: TimeFormat): number | undefined {
    const ms = parseTime(value, format, this.o.zoneMinutes ?? 0);
    if (Number.isFinite(ms)) return ms;
    this.bad(where, column, `'${value.length > 40 ? value.slice(0, 40) + '…' : value}' is not a date`);
    return undefined;
  }

  /** Adds one row; `where` names it (a spreadsheet row number, or words such as "trace '7', event 3"). Returns false when skipped. */
  add(ev: RawEvent, where: Where): boolean {
    this.rows++;
    const c = this.o.columns;
    const caseId = ev.case?.trim();
    if (!caseId) return (this.bad(where, c.case, 'the case id is empty'), false);
    const activity = ev.activity?.trim();
    if (!activity) return (this.bad(where, c.activity, 'the activity is empty'), false);
    const endText = ev.end?.trim();
    if (!endText) return (this.bad(where, c.end, 'the end time is empty'), false);
    const end = this.time(where, c.end, endText, this.o.formats.end);
    if (end === undefined) return false;
    let start = end;
    const startText = ev.start?.trim();
    if (startText && c.start && this.o.formats.start) {
      const s = this.time(where, c.start, startText, this.o.formats.start);
      if (s === undefined) return false;
      if (s > end) return (this.bad(where, c.start, `the start '${startText}' is after the end '${endText}'`), false);
      start = s;
      this.hasStart = true;
    }
    let enabled = NaN;
    const enabledText = ev.enabled?.trim();
    if (enabledText && c.enabled && this.o.formats.enabled) {
      const e = this.time(where, c.enabled, enabledText, this.o.formats.enabled);
      if (e === undefined) return false;
      enabled = e;
    }
    if (!this.offsetChecked) {
      this.offsetChecked = true;
      this.firstOffset = statedOffset(endText);
    }
    let ci = this.caseIds.get(caseId);
    if (ci === undefined) {
      ci = this.caseIds.size;
      this.caseIds.set(caseId, ci);
      for (const a of this.attrs) a.valueOf.push(-1);
    }
    this.caseOf.push(ci);
    this.activityOf.push(intern(this.activityIds, activity));
    const resource = ev.resource?.trim();
    this.resourceOf.push(resource ? intern(this.resourceIds, resource) : -1);
    const role = ev.role?.trim();
    this.roleOf.push(role ? intern(this.roleIds, role) : -1);
    this.start.push(start);
    this.end.push(end);
    this.enabled?.push(enabled);
    for (let i = 0; i < this.attrs.length; i++) {
      const v = ev.attributes[i]?.trim();
      if (!v) continue;
      const a = this.attrs[i]!;
      const id = intern(a.ids, v);
      const before = a.valueOf.get(ci);
      if (before === -1) a.valueOf.set(ci, id);
      else if (before !== id) a.conflicts++;
    }
    return true;
  }

  /** True when the rows read so far are mostly bad: reading should stop and refuse the file. */
  hopeless(): boolean {
    return this.rows >= 1000 && this.skipped > this.rows / 2;
  }

  /** The log and the report; throws EventLogError when the file is (mostly) unreadable. */
  finish(name: string): { log: EventLog; report: ReadReport } {
    if (this.events === 0) {
      throw new EventLogError(this.problems[0] ? `No event could be read. The first problem: ${this.problems[0]}.` : 'The log holds no events.');
    }
    if (this.skipped > 2 && this.skipped > this.rows * MAX_BAD_SHARE) {
      throw new EventLogError(`${fmt(this.skipped)} of ${fmt(this.rows)} rows could not be read (more than ${MAX_BAD_SHARE * 100} %), so the file was not used. The first problem: ${this.problems[0] ?? 'unknown'}.`);
    }
    const cases = this.caseIds.size;
    const caseAttributes: CaseAttribute[] = [];
    for (const a of this.attrs) {
      if (a.conflicts > cases * 0.05) {
        this.notes.push(`Column ${a.name} changes within cases (${fmt(a.conflicts)} times), so it is not used as a case attribute.`);
        continue;
      }
      if (a.conflicts > 0) this.notes.push(`Column ${a.name} changes within a few cases (${fmt(a.conflicts)} times); each case keeps its first value.`);
      caseAttributes.push({ name: a.name, valueOf: a.valueOf.trim(), values: [...a.ids.keys()] });
    }
    const resources = [...this.resourceIds.keys()];
    const log: EventLog = {
      cases: [...this.caseIds.keys()],
      activities: [...this.activityIds.keys()],
      resources,
      caseOf: this.caseOf.trim(),
      activityOf: this.activityOf.trim(),
      resourceOf: this.resourceOf.trim(),
      start: this.start.trim(),
      end: this.end.trim(),
      ...(this.enabled && { enabled: this.enabled.trim() }),
      hasStart: this.hasStart,
      hasResource: resources.length > 0,
      caseAttributes,
      utcOffsetMinutes: this.o.zoneMinutes ?? this.firstOffset ?? 0,
      source: { name, rows: this.rows },
      ...(this.roleIds.size > 0 && { roles: [...this.roleIds.keys()], roleOf: this.roleOf.trim() }),
    };
    if (this.skipped > 0) this.notes.unshift(`${fmt(this.skipped)} of ${fmt(this.rows)} rows could not be read and were skipped.`);
    if (!this.hasStart) this.notes.push('The log has no start times: each event is read as ending when it starts, and discovery estimates how long the work took.');
    return { log, report: { rows: this.rows, events: this.events, cases, skipped: this.skipped, problems: [...this.problems], notes: [...this.notes] } };
  }
}

function intern(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}
