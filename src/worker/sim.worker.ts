// The Web Worker entry: exposes one replication at a time through comlink.
import { expose } from 'comlink';
import type { Project } from '../model';
import type { ReplicationTask, RunnerAnswer } from './pool';
import { runTask } from './task';

export interface WorkerApi {
  run(project: Project, task: ReplicationTask): RunnerAnswer;
}

const api: WorkerApi = { run: runTask };
expose(api, self);
