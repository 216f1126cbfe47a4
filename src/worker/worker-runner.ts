// Runners backed by real Web Workers (comlink on the wire). A worker that dies or throws outside
// a replication rejects the call in progress with its message; terminate() stops it at once and
// rejects whatever was still waiting for it.
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { ReplicationRunner, RunnerAnswer, RunnerFactory } from './pool';
import type { PlanAnswer, ResultsAnswer } from './collect';
import type { WorkerApi } from './sim.worker';

export const webWorkerRunnerFactory: RunnerFactory = (): ReplicationRunner => {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-sim' });
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  let died: ((err: Error) => void) | undefined;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  death.catch(() => undefined); // observed by the calls that race it
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    died?.(new Error(e.message || 'the worker stopped unexpectedly'));
  });
  worker.addEventListener('messageerror', () => died?.(new Error('a message from the worker could not be read')));
  const race = <T>(p: Promise<T>) => Promise.race([p, death]);
  return {
    run: (project, task) => race(remote.run(project, task) as Promise<RunnerAnswer>),
    warm: (project, scenarioId, round, aggregate) => race(remote.warm(project, scenarioId, round, aggregate)),
    begin: (runId, project, ids) => race(remote.begin(runId, project, ids)),
    add: (runId, result) => race(remote.add(runId, result)),
    partial: (runId, count) => race(remote.partial(runId, count) as Promise<ResultsAnswer>),
    plan: (runId, count) => race(remote.plan(runId, count) as Promise<PlanAnswer>),
    end: (runId) => race(remote.end(runId)),
    terminate() {
      died?.(new Error('the worker was stopped'));
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
