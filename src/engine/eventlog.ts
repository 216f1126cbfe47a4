// A simulated event log: one replication of a scenario, recorded as the services it performed —
// case (customer, in order of arrival), activity (the step's name), resource (the member of staff:
// "<step or pool name> <number>"), start and end — with simulated times mapped to dates from the
// moment simulated time 0 stands for (`run.start`, or the `start` option).
import type { Project } from '../model/schema';
import { MINUTES_PER_UNIT } from '../model/schema';
import { formatLocalDateTime, parseLocalDateTime } from '../model/clock';
import type { EventLog } from '../model/interop/eventlog/types';
import { compileScenario } from './compile';
import { ServiceLog } from './sim/servicelog';
import { simulateReplication } from './simulate';

export interface SimulatedLogOptions {
  /** Stop arrivals after this many cases and simulate on until they have all left (or the run's end). */
  cases?: number;
  /**
   * The local date and time simulated time 0 stands for (ISO, e.g. "2024-03-04T08:00"); default the
   * project's run start, else Monday 2024-01-01 00:00. With an offset (…+01:00) the offset is kept.
   */
  start?: string;
  /** The zone of `start` when it has no offset, in minutes east of UTC (default 0). */
  utcOffsetMinutes?: number;
  /** Which replication (default 0: the first; the same seed gives the same log). */
  replication?: number;
  shouldStop?: () => boolean;
}

export const DEFAULT_LOG_START = '2024-01-01T00:00:00';

/** Reads an ISO local date-time; returns the instant (ms UTC) and the zone, or throws in the user's words. */
export function parseLogStart(text: string, utcOffsetMinutes = 0): { ms: number; utcOffsetMinutes: number } {
  const m = /^(.*?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim())!;
  const zone = m[2];
  const wall = parseLocalDateTime(m[1]!);
  if (wall === undefined) throw new Error(`The start "${text}" is not a date and time like 2024-03-04T08:00.`);
  let offset = utcOffsetMinutes;
  if (zone !== undefined) {
    if (zone === 'Z') offset = 0;
    else {
      const z = zone.replace(':', '');
      offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
    }
  }
  return { ms: wall - offset * 60_000, utcOffsetMinutes: offset };
}

/** Runs one replication of the scenario and returns what its staff did as an event log. */
export function simulateEventLog(project: Project, scenarioId: string, options: SimulatedLogOptions = {}): EventLog {
  const cases = options.cases;
  if (cases !== undefined && (!Number.isInteger(cases) || cases < 1)) {
    throw new Error(`The number of cases must be a whole number of at least 1 (got ${cases}).`);
  }
  const run = project.run;
  const origin = parseLogStart(options.start ?? run.start ?? DEFAULT_LOG_START, options.utcOffsetMinutes ?? 0);
  // The run starts at that local date and time (weekly shift grids and arrival profiles are read
  // from it). With a number of cases it goes on until they have left: the project's own end counts
  // only when it is a duration.
  const local = formatLocalDateTime(origin.ms + origin.utcOffsetMinutes * 60_000);
  const horizon = cases !== undefined && run.horizon.kind === 'customers' ? { kind: 'duration' as const, duration: 1e9 } : run.horizon;
  const simProject: Project = { ...project, run: { ...run, start: local, horizon } };
  const recorder = new ServiceLog(cases ?? Infinity);
  simulateReplication(simProject, scenarioId, options.replication ?? 0, { serviceLog: recorder, shouldStop: options.shouldStop });
  const m = compileScenario(project, scenarioId);
  const msPerUnit = MINUTES_PER_UNIT[project.timeUnit] * 60_000;

  const n = recorder.rowCase.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => recorder.rowStart[a]! - recorder.rowStart[b]! || recorder.rowEnd[a]! - recorder.rowEnd[b]! || a - b,
  );
  // Dictionaries: cases numbered from 1 in order of arrival; activities and staff by first use.
  const caseIndex = new Int32Array(recorder.cases).fill(-1);
  const caseNames: string[] = [];
  const activityIndex = new Map<string, number>();
  const activities: string[] = [];
  const memberIndex = new Int32Array(recorder.memberGroup.length).fill(-1);
  const resources: string[] = [];
  const log: EventLog = {
    cases: caseNames,
    activities,
    resources,
    caseOf: new Int32Array(n),
    activityOf: new Int32Array(n),
    resourceOf: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    hasStart: true,
    hasResource: n > 0,
    caseAttributes: [],
    utcOffsetMinutes: origin.utcOffsetMinutes,
    source: { name: `${project.name} — ${project.scenarios.find((x) => x.id === scenarioId)?.name ?? scenarioId} (simulated)`, rows: n },
  };
  // Cases in order of arrival, so that case numbers follow the dictionary order.
  const seenCases = Int32Array.from(new Set(recorder.rowCase)).sort();
  for (const c of seenCases) {
    caseIndex[c] = caseNames.length;
    caseNames.push(String(c + 1));
  }
  for (let k = 0; k < n; k++) {
    const r = order[k]!;
    log.caseOf[k] = caseIndex[recorder.rowCase[r]!]!;
    const step = m.nodeNames[recorder.rowStep[r]!]!;
    let a = activityIndex.get(step);
    if (a === undefined) activityIndex.set(step, (a = activities.push(step) - 1));
    log.activityOf[k] = a;
    const member = recorder.rowMember[r]!;
    if (memberIndex[member] === -1) {
      const g = recorder.memberGroup[member]!;
      const group = g >= 0 ? m.nodeNames[g]! : m.poolNames[-1 - g]!;
      memberIndex[member] = resources.push(`${group} ${recorder.memberNumber[member]}`) - 1;
    }
    log.resourceOf[k] = memberIndex[member]!;
    log.start[k] = origin.ms + recorder.rowStart[r]! * msPerUnit;
    log.end[k] = origin.ms + recorder.rowEnd[r]! * msPerUnit;
  }
  return log;
}
