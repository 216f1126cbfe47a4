// The Web Worker entry: exposes one replication at a time through comlink, and the trace of a
// watched replication streamed in batches.
import { expose, transfer } from 'comlink';
import type { Project } from '../model';
import type { PlanAnswer, ReplicationTask, RunnerAnswer } from './pool';
import type { ReplicationResult } from '../engine/types';
import { planTask, runTask, watchTask, type WatchEnd } from './task';

export interface WorkerApi {
  run(project: Project, task: ReplicationTask): RunnerAnswer;
  plan(project: Project, reps: [string, ReplicationResult[]][]): PlanAnswer;
  /** Streams the trace of one replication to `onBatch` (a comlink proxy). */
  watch(project: Project, scenarioId: string, replication: number, onBatch: (batch: Float64Array, end?: WatchEnd) => void): void;
}

const api: WorkerApi = {
  run: runTask,
  plan: planTask,
  watch: (project, scenarioId, replication, onBatch) => watchTask(project, scenarioId, replication, (batch, end) => void onBatch(transfer(batch, [batch.buffer]), end)),
};
expose(api, self);
