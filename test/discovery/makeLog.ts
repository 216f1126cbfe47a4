// Hand-made event logs for the discovery tests: plain events in, a column-oriented log out, and
// a small generator of synthetic logs with known answers (arrivals, durations, routing, hours).
import { readFileSync } from 'node:fs';
import type { EventLog } from '../../src/model/interop/eventlog/types';
import { readLog } from '../../src/model/interop/eventlog/read';

/** Reads one of the shared loan logs with the project's own reader (columns auto-detected). */
export async function loanLog(which: 'train' | 'test'): Promise<EventLog> {
  const path = new URL(`../../../shared/eventlogs/LoanApp_simplified_${which}.csv.gz`, import.meta.url);
  return (await readLog(new Uint8Array(readFileSync(path)))).log;
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

/** A small seeded random source (mulberry32) for synthetic logs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MIN = 60_000;
/** Monday 2024-01-01 00:00 UTC. */
export const MONDAY = Date.UTC(2024, 0, 1);

export interface SynthSpec {
  cases: number;
  /** Minutes between arrivals (exactly). */
  gap: number;
  /** The stages of a case: each a list of activities done at once (parallel when more than one). */
  route: (r: () => number) => string[][];
  /** Working minutes per activity. */
  duration: (activity: string, r: () => number) => number;
  /** Resources per activity (names); the first free one takes the work. */
  resources: (activity: string) => string[];
  seed?: number;
  endOnly?: boolean;
}

/**
 * Synthetic log: cases arrive every `gap` minutes from Monday 00:00, each follows `route`; every
 * activity waits for the first free resource of its list (round the clock, no calendars).
 */
export function synthLog(spec: SynthSpec): EventLog {
  const r = rng(spec.seed ?? 1);
  const free = new Map<string, number>();
  const events: RawEvent[] = [];
  for (let c = 0; c < spec.cases; c++) {
    let ready = MONDAY + c * spec.gap * MIN;
    for (const stage of spec.route(r)) {
      let stageEnd = ready;
      for (const activity of stage) {
        const names = spec.resources(activity);
        let who = names[0]!;
        for (const n of names) if ((free.get(n) ?? 0) < (free.get(who) ?? 0)) who = n;
        const start = Math.max(ready, free.get(who) ?? 0);
        const end = start + spec.duration(activity, r) * MIN;
        free.set(who, end);
        events.push({ caseId: `c${c}`, activity, resource: who, start: spec.endOnly ? undefined : start, end });
        stageEnd = Math.max(stageEnd, end);
      }
      ready = stageEnd;
    }
  }
  return buildLog(events, 'synthetic');
}
