// The discovery worker's entry (comlink): a preview of a log file for the column-mapping step,
// and the reading and discovery of the whole log. Nothing here touches the page.
import { expose, transfer } from 'comlink';
import { previewLog, type LogPreview } from '../model/interop/eventlog/read';
import type { DiscoveryOptions } from '../discovery/types';
import { logBuffers, readAndDiscover, type DiscoveryOutcome, type DiscoveryProgress, type ReadSettings } from './discover';

export interface DiscoveryWorkerApi {
  preview(file: Blob, delimiter?: string): Promise<LogPreview>;
  discover(file: Blob, read: ReadSettings, options: DiscoveryOptions, progress: DiscoveryProgress): Promise<DiscoveryOutcome>;
}

const api: DiscoveryWorkerApi = {
  preview: (file, delimiter) => previewLog(file, delimiter),
  async discover(file, read, options, progress) {
    const out = await readAndDiscover(file, read, options, (f, what) => void progress(f, what));
    return transfer(out, logBuffers(out.log));
  },
};
expose(api, self);
