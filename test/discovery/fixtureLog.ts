// Reads the small CSV logs of ../shared/eventlogs/measure-fixtures into an EventLog, the way the
// package's tests read them (pd.to_datetime(..., utc=True): times with an offset become UTC
// instants, times without one are taken as UTC). Test-only: the app's reader is the logread work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventLog } from '../../src/model/interop/eventlog/types';

export const FIXTURES = fileURLToPath(new URL('../../../shared/eventlogs/measure-fixtures/', import.meta.url));

function parseTime(text: string): number {
  let t = text.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(t)) t += 'Z';
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) throw new Error(`Unreadable time "${text}"`);
  return ms;
}

/** Builds a log from rows given as [case, activity, resource, start, end] (times in ms UTC). */
export function logFromRows(rows: [string, string, string, number, number][], name = 'rows'): EventLog {
  const dict = () => {
    const names: string[] = [];
    const index = new Map<string, number>();
    return {
      names,
      id(x: string): number {
        let i = index.get(x);
        if (i === undefined) index.set(x, (i = names.push(x) - 1));
        return i;
      },
    };
  };
  const cases = dict();
  const acts = dict();
  const res = dict();
  const n = rows.length;
  const log: EventLog = {
    cases: cases.names,
    activities: acts.names,
    resources: res.names,
    caseOf: new Int32Array(n),
    activityOf: new Int32Array(n),
    resourceOf: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    hasStart: true,
    hasResource: true,
    caseAttributes: [],
    utcOffsetMinutes: 0,
    source: { name, rows: n },
  };
  rows.forEach(([c, a, r, s, e], i) => {
    log.caseOf[i] = cases.id(c);
    log.activityOf[i] = acts.id(a);
    log.resourceOf[i] = res.id(r);
    log.start[i] = s;
    log.end[i] = e;
  });
  return log;
}

export function readFixture(file: string): EventLog {
  const lines = readFileSync(FIXTURES + file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [ci, ai, ri, si, ei] = [col('case_id'), col('Activity'), col('Resource'), col('start_time'), col('end_time')];
  const rows = lines.slice(1).map((line) => {
    const f = line.split(',');
    return [f[ci]!, f[ai]!, f[ri]!, parseTime(f[si]!), parseTime(f[ei]!)] as [string, string, string, number, number];
  });
  return logFromRows(rows, file);
}
