// The work one runner does for one task, shared by the Web Worker and the in-process runner:
// simulate one replication and turn any failure into an answer (errors never escape).
import type { Project } from '../model';
import { simulateReplication } from '../engine/simulate';
import { SimulationError } from '../engine/types';
import type { PlanAnswer, ReplicationTask, RunnerAnswer } from './pool';
import type { ReplicationResult } from '../engine/types';
import { nextBatchSize } from '../engine/experiment';
import { buildResults } from '../engine/results';

export function runTask(project: Project, task: ReplicationTask): RunnerAnswer {
  try {
    return { ok: true, result: simulateReplication(project, task.scenarioId, task.replication) };
  } catch (err) {
    if (err instanceof SimulationError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'worker', message: err instanceof Error ? err.message : String(err) };
  }
}

/** After a batch: more replications needed (precision rule), or the results document. */
export function planTask(project: Project, reps: [string, ReplicationResult[]][]): PlanAnswer {
  try {
    const byScenario = new Map(reps);
    const more = nextBatchSize(project, byScenario);
    return { ok: true, more, results: more === 0 ? buildResults(project, byScenario) : undefined };
  } catch (err) {
    if (err instanceof SimulationError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'worker', message: err instanceof Error ? err.message : String(err) };
  }
}
