// An event log held column by column: one entry per event in each typed array, names kept once
// in dictionaries. A 1,000,000-event log takes about 40 MB this way (objects per event would take
// several times that). Produced by the CSV/XES readers and by the simulator (simulated logs), and
// consumed by discovery and by the log-distance measures.

/** One case attribute (e.g. customer type): its value index per case, and the values by index. */
export interface CaseAttribute {
  name: string;
  /** Per case (index into `EventLog.cases`): index into `values`, or -1 when the case has none. */
  valueOf: Int32Array;
  values: string[];
}

export interface EventLog {
  /** Case ids by index. */
  cases: string[];
  /** Activity names by index. */
  activities: string[];
  /** Resource names by index (empty when the log has no resource column). */
  resources: string[];
  /** Per event: index into `cases`. */
  caseOf: Int32Array;
  /** Per event: index into `activities`. */
  activityOf: Int32Array;
  /** Per event: index into `resources`, or -1 when the event names none. */
  resourceOf: Int32Array;
  /**
   * Per event: start, in milliseconds since 1970-01-01 UTC. Where the log gives no start time the
   * entry equals `end` (and `hasStart` is false when no event has one).
   */
  start: Float64Array;
  /** Per event: end (completion), in milliseconds since 1970-01-01 UTC. */
  end: Float64Array;
  /** Per event: when the activity became enabled, if the log says (else absent). */
  enabled?: Float64Array;
  /** True when at least one event has its own start time. */
  hasStart: boolean;
  /** Role names by index, when the log has a role column (optional: real logs rarely do). */
  roles?: string[];
  /** Per event: index into `roles`, or -1 (present with `roles`). */
  roleOf?: Int32Array;
  /** True when at least one event names a resource. */
  hasResource: boolean;
  caseAttributes: CaseAttribute[];
  /**
   * The time zone the log's local times were read in, as minutes east of UTC (e.g. 60 for CET).
   * Hours of the day and weekdays are taken in this zone. 0 when times were UTC or had no offset
   * and the user chose none.
   */
  utcOffsetMinutes: number;
  /** Where the log came from, for reports. */
  source: { name: string; rows: number };
}

/** The number of events in a log. */
export function eventCount(log: EventLog): number {
  return log.caseOf.length;
}
