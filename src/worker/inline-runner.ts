// A runner on the current thread, for Node (tests, CLI) — the app always uses Web Workers.
import type { ReplicationRunner, RunnerFactory } from './pool';
import { planTask, runTask } from './task';

export const inlineRunnerFactory: RunnerFactory = (): ReplicationRunner => {
  let terminated = false;
  return {
    run(project, task) {
      return new Promise((resolve) => {
        // Yield first so that cancel() can interleave between replications.
        setTimeout(() => {
          if (!terminated) resolve(runTask(project, task));
        }, 0);
      });
    },
    plan(project, reps) {
      return new Promise((resolve) => {
        setTimeout(() => {
          if (!terminated) resolve(planTask(project, reps));
        }, 0);
      });
    },
    terminate() {
      terminated = true;
    },
  };
};
