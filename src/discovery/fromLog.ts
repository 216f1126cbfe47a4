// From a log file to a discovered baseline: read the log with the user's mapping, discover, and
// (when asked) simulate the baseline beside the log for the fit view. Pure TS: the discovery
// worker (src/worker/discover.worker.ts) and the CLI (npm run discover) both call it.
import { readLog, type LogSource, type ReadOptions, type ReadReport } from '../model/interop/eventlog/read';
import type { EventLog } from '../model/interop/eventlog/types';
import { discover, localIso } from './discover';
import { compareLogs, type FitComparison } from './fit';
import { simulateEventLog } from '../engine/eventlog';
import type { Discovery, DiscoveryOptions, ReportLine, ReportTopic } from './types';

/** Reading options that travel to the worker (no signal or callback). */
export type ReadSettings = Omit<ReadOptions, 'signal' | 'progress'>;

export interface DiscoveryOutcome {
  discovery: Discovery;
  read: ReadReport;
  log: EventLog;
  /** The discovered baseline simulated over a period like the log's, set beside the log (when asked for). */
  fit?: FitComparison;
  /** Why there is no fit, when one was asked for but could not be made. */
  fitProblem?: string;
}

export interface FitSettings {
  /** Simulated runs to compare with the log (0: none). */
  runs: number;
}

/** Overall progress, 0–1, and what is being done (reading takes the first half). */
export type DiscoveryProgress = (fraction: number, what: string) => void;

/** Reads the log and discovers its baseline (runs inside the worker; callable directly in tests). */
export async function readAndDiscover(src: LogSource, read: ReadSettings, options: DiscoveryOptions, progress?: DiscoveryProgress, signal?: AbortSignal, fitSettings: FitSettings = { runs: 0 }): Promise<DiscoveryOutcome> {
  // Shares of the progress bar: reading, discovering, then simulating for the fit.
  const [readShare, discoverShare] = fitSettings.runs > 0 ? [0.35, 0.3] : [0.5, 0.5];
  const r = await readLog(src, {
    ...read,
    ...(signal && { signal }),
    progress: (done, total) => progress?.(total > 0 ? readShare * (done / total) : 0, 'Reading the log'),
  });
  if (options.classAttribute && !r.log.caseAttributes.some((a) => a.name === options.classAttribute)) {
    r.report.notes.push(`Column ${options.classAttribute} could not be used for customer classes (it changes within cases), so the model has one kind of customer.`);
    const { classAttribute: _dropped, ...rest } = options;
    options = rest;
  }
  const name = options.name ?? (read.name ?? 'Discovered').replace(/\.(csv|tsv|txt|xes)(\.gz)?$|\.gz$/i, '');
  const discovery = discover(r.log, { ...options, name }, (done, total, what) => progress?.(readShare + discoverShare * (total > 0 ? done / total : 0), what));
  const out: DiscoveryOutcome = { discovery, read: r.report, log: r.log };
  if (fitSettings.runs > 0) {
    try {
      out.fit = fitOf(discovery, r.log, fitSettings.runs, (k) => progress?.(readShare + discoverShare + (1 - readShare - discoverShare) * (k / fitSettings.runs), 'Simulating the baseline to compare with the log'));
    } catch (err) {
      out.fitProblem = `The baseline could not be simulated to compare with the log: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  progress?.(1, 'Done');
  return out;
}

/** Simulates the baseline `runs` times, as many cases as the log from its first case start, and compares. */
export function fitOf(discovery: Discovery, log: EventLog, runs: number, step?: (done: number) => void): FitComparison {
  const project = discovery.project;
  let first = Infinity;
  for (let i = 0; i < log.start.length; i++) first = Math.min(first, log.start[i]!);
  const start = localIso(first, log.utcOffsetMinutes);
  const sims: EventLog[] = [];
  for (let r = 0; r < runs; r++) {
    sims.push(simulateEventLog(project, project.scenarios[0]!.id, { cases: log.cases.length, start, utcOffsetMinutes: log.utcOffsetMinutes, replication: r }));
    step?.(r + 1);
  }
  return compareLogs(log, sims);
}

/** The typed arrays of a log, for transfer to the page without copying. */
export function logBuffers(log: EventLog): ArrayBuffer[] {
  const arrays = [log.caseOf, log.activityOf, log.resourceOf, log.start, log.end, log.enabled, log.roleOf, ...log.caseAttributes.map((a) => a.valueOf)];
  return arrays.filter((a): a is NonNullable<typeof a> => a !== undefined).map((a) => a.buffer as ArrayBuffer);
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
