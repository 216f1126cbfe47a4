// The work one runner does for one task, shared by the Web Worker and the in-process runner:
// simulate one replication and turn any failure into an answer (errors never escape).
import type { Project } from '../model';
import { simulateReplication } from '../engine/simulate';
import { SimulationError, type TraceSink } from '../engine/types';
import type { ReplicationTask, RunnerAnswer } from './pool';

export function runTask(project: Project, task: ReplicationTask): RunnerAnswer {
  try {
    return { ok: true, result: simulateReplication(project, task.scenarioId, task.replication, task.timelineBins ? { timelineBins: task.timelineBins } : {}) };
  } catch (err) {
    if (err instanceof SimulationError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'worker', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Events per streamed batch of a watched run, and the most a watched run streams. */
export const WATCH_BATCH = 4096;
export const WATCH_MAX_EVENTS = 3_000_000;

export interface WatchEnd {
  ok: boolean;
  /** End of the simulated run (or of what was streamed). */
  endTime: number;
  events: number;
  /** True when the run was longer than WATCH_MAX_EVENTS and only its start was streamed. */
  truncated: boolean;
  message?: string;
}

/**
 * Simulates one replication and streams its trace in batches of six numbers per event (see
 * TRACE). The last call of `send` carries `end`. Errors never escape.
 */
export function watchTask(
  project: Project,
  scenarioId: string,
  replication: number,
  send: (batch: Float64Array, end?: WatchEnd) => void,
  maxEvents = WATCH_MAX_EVENTS,
): void {
  let buf = new Float64Array(WATCH_BATCH * 6);
  let n = 0;
  let total = 0;
  let last = 0;
  const flush = (end?: WatchEnd) => {
    const batch = buf.slice(0, n * 6);
    n = 0;
    buf = new Float64Array(WATCH_BATCH * 6);
    send(batch, end);
  };
  const trace: TraceSink = (kind, time, customer, cls, a, b) => {
    const o = n * 6;
    buf[o] = kind;
    buf[o + 1] = time;
    buf[o + 2] = customer;
    buf[o + 3] = cls;
    buf[o + 4] = a;
    buf[o + 5] = b;
    n++;
    total++;
    last = time;
    if (n === WATCH_BATCH) flush();
  };
  try {
    const r = simulateReplication(project, scenarioId, replication, { trace, shouldStop: () => total >= maxEvents });
    flush({ ok: true, endTime: r.windowEnd, events: total, truncated: false });
  } catch (err) {
    if (err instanceof SimulationError && err.code === 'cancelled') flush({ ok: true, endTime: last, events: total, truncated: true });
    else flush({ ok: false, endTime: last, events: total, truncated: false, message: err instanceof Error ? err.message : String(err) });
  }
}
