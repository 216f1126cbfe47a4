// Running an experiment: every chosen scenario with the same replication indices (so that
// comparisons are paired), a fixed number of replications or "until precise enough".
// The sequential driver here serves the CLI and tests; the app's worker pool uses the same
// planning functions (initialReplications, nextBatchSize) and the same buildResults.
import type { Project } from '../model/schema';
import { aggregateScenario, isPreciseEnough } from './aggregate';
import { buildResults, type ResultsDocument } from './results';
import { simulateReplication } from './simulate';
import type { ReplicationResult } from './types';

export interface ExperimentOptions {
  /** Timeline bins per replication (default 50). */
  timelineBins?: number;
  /** Scenarios to run (default: all). */
  scenarioIds?: readonly string[];
  /** Overrides the project's replication setting with a fixed count. */
  replications?: number;
  /** Overrides the project's seed. */
  seed?: number;
  onProgress?: (done: number, total: number, scenarioId: string) => void;
  shouldStop?: () => boolean;
}

/** The project with the command-line or UI overrides applied. */
export function withOverrides(project: Project, opts: Pick<ExperimentOptions, 'replications' | 'seed'>): Project {
  const run = { ...project.run };
  if (opts.replications !== undefined) run.replications = { kind: 'fixed', count: opts.replications };
  if (opts.seed !== undefined) run.seed = opts.seed;
  return { ...project, run };
}

/** Replications to run first: the fixed count, or the minimum of the precision rule. */
export function initialReplications(project: Project): number {
  const r = project.run.replications;
  return r.kind === 'fixed' ? r.count : r.min;
}

/**
 * How many replications to add after `done` (0 = stop). Fixed: none. Precision: stop when the
 * 95 % half-widths of mean waiting time and mean time in system are within the target share of
 * their means for every scenario, or at the maximum; otherwise add half as many again (at least 2).
 */
export function nextBatchSize(project: Project, repsByScenario: ReadonlyMap<string, readonly ReplicationResult[]>): number {
  const rule = project.run.replications;
  if (rule.kind === 'fixed') return 0;
  const done = Math.min(...[...repsByScenario.values()].map((r) => r.length));
  if (done >= rule.max) return 0;
  const aggregated = project.scenarios.filter((s) => repsByScenario.has(s.id)).map((s) => aggregateScenario(project, s, repsByScenario.get(s.id)!));
  if (isPreciseEnough(aggregated, rule.relativeHalfWidth)) return 0;
  return Math.min(rule.max - done, Math.max(2, Math.ceil(done / 2)));
}

export function runExperiment(input: Project, opts: ExperimentOptions = {}): ResultsDocument {
  const project = withOverrides(input, opts);
  const ids = opts.scenarioIds ?? project.scenarios.map((s) => s.id);
  for (const id of ids) {
    if (!project.scenarios.some((s) => s.id === id)) throw new Error(`There is no scenario "${id}" in the project.`);
  }
  const reps = new Map<string, ReplicationResult[]>(ids.map((id) => [id, []]));
  let target = initialReplications(project);
  let done = 0;
  let completed = 0;
  const rule = project.run.replications;
  const maxTotal = (rule.kind === 'fixed' ? rule.count : rule.max) * ids.length;
  for (;;) {
    for (let r = done; r < target; r++) {
      for (const id of ids) {
        reps.get(id)!.push(simulateReplication(project, id, r, { shouldStop: opts.shouldStop, ...(opts.timelineBins ? { timelineBins: opts.timelineBins } : {}) }));
        opts.onProgress?.(++completed, maxTotal, id);
      }
    }
    done = target;
    const more = nextBatchSize(project, reps);
    if (more === 0) break;
    target += more;
  }
  return buildResults(project, reps);
}
