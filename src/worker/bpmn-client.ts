// BPMN import in a Web Worker (a fresh one per file, stopped when done), so that a large file does
// not freeze the page; where workers are not available it runs here instead.
import { wrap, releaseProxy } from 'comlink';
import type { BpmnImport, BpmnImportOptions } from '../engine/bpmnImport';
import type { BpmnWorkerApi } from './bpmn.worker';

export async function importBpmnOffThread(bytes: Uint8Array, options: Omit<BpmnImportOptions, 'traffic'>): Promise<BpmnImport> {
  if (typeof Worker === 'undefined') {
    const { importBpmn } = await import('../engine/bpmnImport');
    return importBpmn(bytes, options);
  }
  const worker = new Worker(new URL('./bpmn.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-bpmn' });
  const remote = wrap<BpmnWorkerApi>(worker);
  try {
    const died = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new Error(e.message || 'the import stopped unexpectedly'));
      }),
    );
    return await Promise.race([remote.importBpmn(bytes, options), died]);
  } catch (err) {
    return { ok: false, error: `The file could not be read (${err instanceof Error ? err.message : String(err)}).`, report: [] };
  } finally {
    remote[releaseProxy]();
    worker.terminate();
  }
}
