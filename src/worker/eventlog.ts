// A simulated event log computed off the page: one dedicated worker simulates the first
// replication of a scenario, answers with the CSV text and is closed.
import { wrap } from 'comlink';
import type { Project } from '../model';
import type { SimulatedLogOptions } from '../engine/eventlog';
import type { WorkerApi } from './sim.worker';
import type { EventLogAnswer } from './eventlogTask';

export async function simulatedLogCsv(project: Project, scenarioId: string, options: Omit<SimulatedLogOptions, 'shouldStop'> = {}): Promise<EventLogAnswer> {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-eventlog' });
  const failed = new Promise<EventLogAnswer>((resolve) =>
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      resolve({ ok: false, message: e.message || 'the worker stopped unexpectedly' });
    }),
  );
  try {
    return await Promise.race([wrap<WorkerApi>(worker).eventLog(project, scenarioId, options), failed]);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    worker.terminate();
  }
}
