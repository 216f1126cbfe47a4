// Reading a log and discovering its baseline, off the page: the work a discovery worker does
// (pure TS, testable in Node) and the page's handle on it. The page hands over the File (a Blob:
// it is read as a stream inside the worker), the column mapping and the discovery options; it
// gets progress, the discovered project with its report, the reading report and the log itself
// (its typed arrays transferred, for the fit view). Cancel stops the worker at once.
import { wrap, proxy, releaseProxy, type Remote } from 'comlink';
import { readLog, type LogPreview, type LogSource, type ReadOptions, type ReadReport } from '../model/interop/eventlog/read';
import type { EventLog } from '../model/interop/eventlog/types';
import { discover } from '../discovery/discover';
import type { Discovery, DiscoveryOptions, ReportLine, ReportTopic } from '../discovery/types';
import type { DiscoveryWorkerApi } from './discover.worker';

/** Reading options that travel to the worker (no signal or callback). */
export type ReadSettings = Omit<ReadOptions, 'signal' | 'progress'>;

export interface DiscoveryOutcome {
  discovery: Discovery;
  read: ReadReport;
  log: EventLog;
}

/** Overall progress, 0–1, and what is being done (reading takes the first half). */
export type DiscoveryProgress = (fraction: number, what: string) => void;

/** Reads the log and discovers its baseline (runs inside the worker; callable directly in tests). */
export async function readAndDiscover(src: LogSource, read: ReadSettings, options: DiscoveryOptions, progress?: DiscoveryProgress, signal?: AbortSignal): Promise<DiscoveryOutcome> {
  const r = await readLog(src, {
    ...read,
    ...(signal && { signal }),
    progress: (done, total) => progress?.(total > 0 ? 0.5 * (done / total) : 0, 'Reading the log'),
  });
  if (options.classAttribute && !r.log.caseAttributes.some((a) => a.name === options.classAttribute)) {
    r.report.notes.push(`Column ${options.classAttribute} could not be used for customer classes (it changes within cases), so the model has one kind of customer.`);
    const { classAttribute: _dropped, ...rest } = options;
    options = rest;
  }
  const name = options.name ?? (read.name ?? 'Discovered').replace(/\.(csv|tsv|txt|xes)(\.gz)?$|\.gz$/i, '');
  const discovery = discover(r.log, { ...options, name }, (done, total, what) => progress?.(0.5 + 0.5 * (total > 0 ? done / total : 0), what));
  return { discovery, read: r.report, log: r.log };
}

/** The typed arrays of a log, for transfer to the page without copying. */
export function logBuffers(log: EventLog): ArrayBuffer[] {
  const arrays = [log.caseOf, log.activityOf, log.resourceOf, log.start, log.end, log.enabled, log.roleOf, ...log.caseAttributes.map((a) => a.valueOf)];
  return arrays.filter((a): a is NonNullable<typeof a> => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}

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
export function discoverInWorker(file: Blob, read: ReadSettings, options: DiscoveryOptions, onProgress: DiscoveryProgress): DiscoveryJob {
  const w = startWorker();
  const result = Promise.race([w.remote.discover(file, read, options, proxy(onProgress)), w.died]).finally(() => w.stop());
  return { result, cancel: w.stop };
}

/** Report topics as headings, in the order a reader takes them. */
export const TOPIC_TITLES: Record<ReportTopic, string> = {
  log: 'The log',
  steps: 'Steps',
  departments: 'Departments',
  staff: 'Staff',
  'working-time': 'Working time',
  arrivals: 'Arrivals',
  'service-times': 'Service times',
  routing: 'Routing',
  classes: 'Customer classes',
  coverage: 'Coverage',
};

/** Discovery's report lines grouped by topic, topics in reading order. */
export function groupReport(lines: readonly ReportLine[]): { topic: ReportTopic; title: string; lines: ReportLine[] }[] {
  const order = Object.keys(TOPIC_TITLES) as ReportTopic[];
  const present = [...new Set(lines.map((l) => l.topic))].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return present.map((topic) => ({ topic, title: TOPIC_TITLES[topic] ?? topic, lines: lines.filter((l) => l.topic === topic) }));
}
