// A runner on the current thread, for Node (tests, CLI) — the app always uses Web Workers.
// Every call yields first (so that cancel() can interleave), and rejects once terminated.
import type { ReplicationRunner, RunnerFactory } from './pool';
import { runTask } from './task';
import { Collector, warmStep } from './collect';

export const inlineRunnerFactory: RunnerFactory = (): ReplicationRunner => {
  let terminated = false;
  const collector = new Collector();
  const later = <T>(f: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      setTimeout(() => (terminated ? reject(new Error('the runner was stopped')) : resolve(f())), 0);
    });
  return {
    run: (project, task) => later(() => runTask(project, task)),
    warm: (project, scenarioId, round, aggregate) => later(() => warmStep(project, scenarioId, round, aggregate)),
    begin: (runId, project, ids) => later(() => collector.begin(runId, project, ids)),
    add: (runId, result) => later(() => collector.add(runId, result)),
    partial: (runId, count) => later(() => collector.partial(runId, count)),
    plan: (runId, count) => later(() => collector.plan(runId, count)),
    end: (runId) => later(() => collector.end(runId)),
    terminate() {
      terminated = true;
    },
  };
};
