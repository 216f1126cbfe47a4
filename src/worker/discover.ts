// The page's handle on the discovery worker. The page hands over the File (a Blob: it is read as a
// stream inside the worker), the column mapping and the discovery options; it gets progress, the
// discovered project with its report, the reading report, the fit and the log itself (its typed
// arrays transferred, for the fit view). Cancel stops the worker at once.
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import type { LogPreview } from '../model/interop/eventlog/read';
import type { DiscoveryOptions } from '../discovery/types';
import type { DiscoveryOutcome, DiscoveryProgress, FitSettings, ReadSettings } from '../discovery/fromLog';
import type { DiscoveryWorkerApi } from './discover.worker';

export { readAndDiscover, fitOf, logBuffers, groupReport, TOPIC_TITLES } from '../discovery/fromLog';
export type { DiscoveryOutcome, DiscoveryProgress, FitSettings, ReadSettings } from '../discovery/fromLog';

export interface DiscoveryJob {
  result: Promise<DiscoveryOutcome>;
  /** Stops the work at once; `result` rejects with a CancelledError-named error. */
  cancel(): void;
}

function startWorker(): { remote: Remote<DiscoveryWorkerApi>; stop: () => void; died: Promise<never> } {
  const worker = new Worker(new URL('./discover.worker.ts', import.meta.url), { type: 'module', name: 'serviceflow-discover' });
  const remote = wrap<DiscoveryWorkerApi>(worker);
  let fail: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined);
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(new Error(e.message || 'The discovery stopped unexpectedly (the page may be short of memory).'));
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const err = new Error('Discovery was cancelled.');
    err.name = 'CancelledError';
    fail(err);
    remote[releaseProxy]();
    worker.terminate();
  };
  return { remote, stop, died };
}

/** Header, first rows and detected mapping of a log file, read in a worker. */
export async function previewInWorker(file: Blob, delimiter?: string): Promise<LogPreview> {
  const w = startWorker();
  try {
    return await Promise.race([w.remote.preview(file, delimiter), w.died]);
  } finally {
    w.stop();
  }
}

/** Reads and discovers in a worker, with progress; cancel() stops it. */
export function discoverInWorker(file: Blob, read: ReadSettings, options: DiscoveryOptions, onProgress: DiscoveryProgress, fit: FitSettings = { runs: 0 }): DiscoveryJob {
  const w = startWorker();
  const result = Promise.race([w.remote.discover(file, read, options, proxy(onProgress), fit), w.died]).finally(() => w.stop());
  return { result, cancel: w.stop };
}

