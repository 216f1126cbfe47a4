// The Web Worker entry (comlink): one replication at a time as a runner, the gathering and
// aggregation of a run's replications as the collector, short warm-up runs, and the trace of a
// watched replication streamed in batches.
import { expose, transfer } from 'comlink';
import type { Project } from '../model';
import type { ReplicationTask, RunnerAnswer } from './pool';
import type { ReplicationResult } from '../engine/types';
import { runTask, watchTask, type WatchEnd } from './task';
import { Collector, warmStep, type PlanAnswer, type ResultsAnswer } from './collect';
import { eventLogTask, type EventLogAnswer } from './eventlogTask';
import type { SimulatedLogOptions } from '../engine/eventlog';

export interface WorkerApi {
  run(project: Project, task: ReplicationTask): RunnerAnswer;
  warm(project: Project, scenarioId: string, round: number, aggregate: boolean): void;
  begin(runId: number, project: Project, scenarioIds: readonly string[]): void;
  add(runId: number, result: ReplicationResult): void;
  partial(runId: number, count: number): ResultsAnswer;
  plan(runId: number, count: number): PlanAnswer;
  end(runId: number): void;
  /** Streams the trace of one replication to `onBatch` (a comlink proxy). */
  watch(project: Project, scenarioId: string, replication: number, onBatch: (batch: Float64Array, end?: WatchEnd) => void): void;
  /** The simulated event log (CSV) of one replication (eventlog.ts). */
  eventLog(project: Project, scenarioId: string, options: Omit<SimulatedLogOptions, 'shouldStop'>): EventLogAnswer;
}

const collector = new Collector();
const api: WorkerApi = {
  run: runTask,
  warm: warmStep,
  begin: (runId, project, ids) => collector.begin(runId, project, ids),
  add: (runId, result) => collector.add(runId, result),
  partial: (runId, count) => collector.partial(runId, count),
  plan: (runId, count) => collector.plan(runId, count),
  end: (runId) => collector.end(runId),
  eventLog: eventLogTask,
  watch: (project, scenarioId, replication, onBatch) => watchTask(project, scenarioId, replication, (batch, end) => void onBatch(transfer(batch, [batch.buffer]), end)),
};
expose(api, self);
