// Which column of a log holds what: the mapping the user confirms, and its auto-detection from
// the usual names (case id / case:concept:name / CaseID, activity / concept:name / task, …).
// Remaining columns that keep one value within each case are offered as case attributes.

/** Column names (as in the file's header) for each part of an event. */
export interface ColumnMapping {
  case: string;
  activity: string;
  /** The column with the completion time (required). */
  end: string;
  resource?: string;
  /** Offered when present, never required. */
  role?: string;
  start?: string;
  enabled?: string;
  /** Columns read as case attributes (one value per case). */
  caseAttributes?: string[];
}

export type MappedField = 'case' | 'activity' | 'end' | 'resource' | 'role' | 'start' | 'enabled';

export const FIELD_LABELS: Record<MappedField, string> = {
  case: 'Case id',
  activity: 'Activity',
  resource: 'Resource (who did it)',
  role: 'Role',
  start: 'Start time',
  end: 'End (completion) time',
  enabled: 'Enabled time',
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// Names after normalisation (lower case, letters and digits only), best first.
const NAMES: Record<MappedField, string[]> = {
  case: ['caseid', 'caseconceptname', 'case', 'casenumber', 'caseno', 'casekey', 'traceid', 'tracename', 'processinstance', 'processinstanceid', 'instanceid', 'ticketid', 'orderid', 'applicationid'],
  activity: ['activity', 'conceptname', 'activityname', 'activityid', 'task', 'taskname', 'eventname', 'event', 'action', 'step', 'stepname', 'operation'],
  resource: ['resource', 'orgresource', 'resourcename', 'resourceid', 'user', 'userid', 'username', 'performer', 'agent', 'employee', 'staff', 'worker', 'operator', 'executor', 'assignee'],
  role: ['role', 'orgrole', 'resourcerole', 'usergroup', 'orggroup'],
  start: ['starttime', 'starttimestamp', 'start', 'startdate', 'startdatetime', 'startedat', 'started', 'begin', 'begintime', 'timetimestampstart'],
  end: ['endtime', 'endtimestamp', 'end', 'enddate', 'enddatetime', 'completetime', 'completetimestamp', 'complete', 'completed', 'completedat', 'completiontime', 'endedat', 'finish', 'finishtime', 'timetimestamp', 'timestamp', 'time', 'datetime', 'eventtime', 'date'],
  enabled: ['enabledtime', 'enabledtimestamp', 'enabled', 'enablement', 'enablementtime', 'timetimestampenabled'],
};

// Words that, contained in a name, hint at a field when no name matches exactly.
const HINTS: Partial<Record<MappedField, string[]>> = {
  case: ['caseid', 'case'],
  activity: ['activity', 'task'],
  resource: ['resource', 'user'],
  start: ['start'],
  end: ['complete', 'end', 'timestamp'],
};

/** A guess of the mapping from the header; fields it cannot place stay undefined. */
export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const taken = new Set<string>();
  const out: Partial<ColumnMapping> = {};
  const order: MappedField[] = ['case', 'activity', 'enabled', 'start', 'end', 'resource', 'role'];
  for (const field of order) {
    const free = header.filter((h) => !taken.has(h));
    let hit: string | undefined;
    for (const name of NAMES[field]) {
      hit = free.find((h) => norm(h) === name);
      if (hit) break;
    }
    if (!hit) for (const word of HINTS[field] ?? []) {
      hit = free.find((h) => norm(h).includes(word) && !(field === 'end' && /start|enabl/.test(norm(h))));
      if (hit) break;
    }
    if (hit) {
      taken.add(hit);
      out[field] = hit;
    }
  }
  return out;
}

/** The columns the mapping uses for the event itself. */
export function mappedColumns(m: Partial<ColumnMapping>): string[] {
  return [m.case, m.activity, m.end, m.resource, m.role, m.start, m.enabled].filter((c): c is string => !!c);
}

/**
 * Columns that keep one value within every case of the sample (empty values aside) and are not
 * part of the event: the candidates for case attributes. `rows` are objects by column name.
 */
export function constantColumns(header: readonly string[], rows: readonly (readonly string[])[], caseColumn: string | undefined, used: readonly string[]): string[] {
  const ci = caseColumn === undefined ? -1 : header.indexOf(caseColumn);
  if (ci < 0) return [];
  return header.filter((h, i) => {
    if (used.includes(h)) return false;
    const seen = new Map<string, string>();
    let values = 0;
    for (const r of rows) {
      const v = (r[i] ?? '').trim();
      if (v === '') continue;
      values++;
      const c = r[ci] ?? '';
      const before = seen.get(c);
      if (before === undefined) seen.set(c, v);
      else if (before !== v) return false;
    }
    return values > 0;
  });
}
