// The work one runner does for one task, shared by the Web Worker and the in-process runner:
// simulate one replication and turn any failure into an answer (errors never escape).
import type { Project } from '../model';
import { simulateReplication } from '../engine/simulate';
import { SimulationError } from '../engine/types';
import type { ReplicationTask, RunnerAnswer } from './pool';

export function runTask(project: Project, task: ReplicationTask): RunnerAnswer {
  try {
    return { ok: true, result: simulateReplication(project, task.scenarioId, task.replication) };
  } catch (err) {
    if (err instanceof SimulationError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'worker', message: err instanceof Error ? err.message : String(err) };
  }
}
