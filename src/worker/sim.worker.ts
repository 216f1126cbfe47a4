// The Web Worker entry: exposes one replication at a time through comlink.
import { expose } from 'comlink';
import type { Project } from '../model';
import type { PlanAnswer, ReplicationTask, RunnerAnswer } from './pool';
import type { ReplicationResult } from '../engine/types';
import { planTask, runTask } from './task';

export interface WorkerApi {
  run(project: Project, task: ReplicationTask): RunnerAnswer;
  plan(project: Project, reps: [string, ReplicationResult[]][]): PlanAnswer;
}

const api: WorkerApi = { run: runTask, plan: planTask };
expose(api, self);
