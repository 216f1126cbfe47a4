// The simulated event log of one replication as CSV text, for the worker (and tests): errors
// become an answer in the user's words, never an exception.
import type { Project } from '../model';
import { simulateEventLog, type SimulatedLogOptions } from '../engine/eventlog';
import { writeEventLogCsv } from '../model/interop/eventlog/write';

export type EventLogAnswer = { ok: true; csv: string; events: number; cases: number } | { ok: false; message: string };

export function eventLogTask(project: Project, scenarioId: string, options: Omit<SimulatedLogOptions, 'shouldStop'> = {}): EventLogAnswer {
  try {
    const log = simulateEventLog(project, scenarioId, options);
    return { ok: true, csv: writeEventLogCsv(log), events: log.caseOf.length, cases: log.cases.length };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
