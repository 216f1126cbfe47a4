// Test-only loader for the loan CSV logs (until the log reader exists): comma-separated, header
// case_id,resource,role,activity,…,start_time,end_time,…; ISO local times read as UTC.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { EventLog } from '../../src/model/interop/eventlog/types';

export function loadCsvLog(path: string, opts: { withStart?: boolean } = {}): EventLog {
  let buf = readFileSync(path);
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  const lines = buf.toString('utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const head = lines[0]!.split(',');
  const col = (n: string) => head.indexOf(n);
  const [ci, ri, ai, si, ei] = [col('case_id'), col('resource'), col('activity'), col('start_time'), col('end_time')];
  const rows = lines.slice(1).map((l) => l.split(','));
  return buildLog(
    rows.map((r) => ({ caseId: r[ci]!, activity: r[ai]!, resource: r[ri]!, start: opts.withStart === false ? undefined : Date.parse(r[si]! + 'Z'), end: Date.parse(r[ei]! + 'Z') })),
    path.split('/').pop()!,
  );
}

export interface RawEvent {
  caseId: string;
  activity: string;
  resource?: string;
  start?: number;
  end: number;
}

/** Builds a column-oriented log from plain events (used by tests and the synthetic generator). */
export function buildLog(events: RawEvent[], name = 'test', caseAttr?: { name: string; of: Record<string, string> }): EventLog {
  const dict = () => {
    const names: string[] = [];
    const index = new Map<string, number>();
    return { names, get: (s: string) => index.get(s) ?? (index.set(s, names.length), names.push(s) - 1) };
  };
  const cases = dict(), acts = dict(), res = dict();
  const n = events.length;
  const log: EventLog = {
    cases: cases.names, activities: acts.names, resources: res.names,
    caseOf: new Int32Array(n), activityOf: new Int32Array(n), resourceOf: new Int32Array(n),
    start: new Float64Array(n), end: new Float64Array(n),
    hasStart: events.some((e) => e.start !== undefined), hasResource: events.some((e) => e.resource !== undefined),
    caseAttributes: [], utcOffsetMinutes: 0, source: { name, rows: n },
  };
  events.forEach((e, i) => {
    log.caseOf[i] = cases.get(e.caseId);
    log.activityOf[i] = acts.get(e.activity);
    log.resourceOf[i] = e.resource === undefined ? -1 : res.get(e.resource);
    log.start[i] = e.start ?? e.end;
    log.end[i] = e.end;
  });
  if (caseAttr) {
    const values = dict();
    const valueOf = new Int32Array(cases.names.length).fill(-1);
    cases.names.forEach((c, i) => { const v = caseAttr.of[c]; if (v !== undefined) valueOf[i] = values.get(v); });
    log.caseAttributes.push({ name: caseAttr.name, valueOf, values: values.names });
  }
  return log;
}
