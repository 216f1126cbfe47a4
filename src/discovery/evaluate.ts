// How the literature scores a discovered model (Simod, AgentSimulator): discover on a training
// log, simulate as many cases as a test log from its first case start, several times, and compare
// each simulated log with the test log by the six log-distance measures; report the mean.
import type { EventLog } from '../model/interop/eventlog/types';
import type { Project } from '../model/schema';
import { simulateEventLog } from '../engine/eventlog';
import { localIso } from './discover';
import { logDistances, type LogDistances } from './measures';

export interface Evaluation {
  /** Per replication. */
  runs: LogDistances[];
  mean: LogDistances;
}

export function evaluateAgainst(project: Project, test: EventLog, replications = 10): Evaluation {
  let first = Infinity;
  for (let i = 0; i < test.start.length; i++) first = Math.min(first, test.start[i]!);
  const start = localIso(first, test.utcOffsetMinutes);
  const cases = test.cases.length;
  const runs: LogDistances[] = [];
  for (let r = 0; r < replications; r++) {
    const sim = simulateEventLog(project, project.scenarios[0]!.id, { cases, start, utcOffsetMinutes: test.utcOffsetMinutes, replication: r });
    runs.push(logDistances(test, sim));
  }
  const keys = Object.keys(runs[0]!) as (keyof LogDistances)[];
  const mean = Object.fromEntries(keys.map((k) => [k, runs.reduce((s, x) => s + x[k], 0) / runs.length])) as unknown as LogDistances;
  return { runs, mean };
}
