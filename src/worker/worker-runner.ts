// Runners backed by real Web Workers (comlink on the wire). A worker that dies or throws outside
// a replication rejects the run with its message; terminate() stops it at once.
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { ReplicationRunner, RunnerFactory } from './pool';
import type { WorkerApi } from './sim.worker';

export const webWorkerRunnerFactory: RunnerFactory = (): ReplicationRunner => {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-sim' });
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  let died: ((err: Error) => void) | undefined;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  death.catch(() => undefined); // observed by the runs that race it
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    died?.(new Error(e.message || 'the worker stopped unexpectedly'));
  });
  worker.addEventListener('messageerror', () => died?.(new Error('a message from the worker could not be read')));
  return {
    run(project, task) {
      return Promise.race([remote.run(project, task), death]);
    },
    plan(project, reps) {
      return Promise.race([remote.plan(project, reps), death]);
    },
    terminate() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
};

/** Workers to use: one per core (at least one), leaving the main thread some room on big machines. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, 8));
}
