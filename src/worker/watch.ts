// A watched run: one dedicated worker simulates one replication of one scenario and streams its
// trace in batches; stop() ends it at once. The animation never simulates on the main thread.
import { proxy, releaseProxy, wrap } from 'comlink';
import type { Project } from '../model';
import type { WorkerApi } from './sim.worker';
import type { WatchEnd } from './task';

export interface WatchHandle {
  stop(): void;
}

export function startWatch(project: Project, scenarioId: string, onBatch: (batch: Float64Array, end?: WatchEnd) => void): WatchHandle {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-watch' });
  const remote = wrap<WorkerApi>(worker);
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onBatch(new Float64Array(0), { ok: false, endTime: 0, events: 0, truncated: false, message: e.message || 'the worker stopped unexpectedly' });
  });
  // Replication 0: the same arrivals as the first replication of a run, in every scenario.
  void remote.watch(project, scenarioId, 0, proxy(onBatch)).catch(() => undefined);
  return {
    stop() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
