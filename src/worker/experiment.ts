// An experiment on a pool of runners: the same plan as the engine's sequential runExperiment
// (initial replications, then batches until precise enough) and the same buildResults, so the
// app's results are identical to the command line's for the same project and seed.
// While it runs, early results documents from the first replications of every scenario let the
// page show figures with wide confidence intervals that tighten as more replications arrive.
import type { Project } from '../model/schema';
import { initialReplications } from '../engine/experiment';
import type { ResultsDocument } from '../engine/results';
import { SimulationError } from '../engine/types';
import { replicationTasks, type PoolProgress, type SimulationPool } from './pool';

export interface PoolRunOptions {
  scenarioIds?: readonly string[];
  onProgress?: (p: PoolProgress) => void;
  /**
   * Early results: the document built from the first `replications` of every scenario (at least
   * two, so that there is a confidence interval), while more are still running.
   */
  onPartial?: (results: ResultsDocument, replications: number) => void;
  /** Milliseconds at least between two early documents (default 400; more as the run goes on). */
  partialEveryMs?: number;
  /** Timeline bins per replication (default 50). */
  timelineBins?: number;
}

/** Fewest replications per scenario for an early document. */
export const FIRST_PARTIAL = 2;

let lastRunId = 0;

export async function runExperimentInPool(pool: SimulationPool, project: Project, opts: PoolRunOptions = {}): Promise<ResultsDocument> {
  const ids = opts.scenarioIds ?? project.scenarios.map((s) => s.id);
  for (const id of ids) {
    if (!project.scenarios.some((s) => s.id === id)) throw new Error(`There is no scenario "${id}" in the project.`);
  }
  const runId = ++lastRunId;
  const rule = project.run.replications;
  const maxTotal = (rule.kind === 'fixed' ? rule.count : rule.max) * ids.length;
  // Each early document costs the collector an aggregation and the page a render, on a machine
  // whose cores the runners want: a few, spaced out (docs/performance.md, long tasks during Run all).
  const every = opts.partialEveryMs ?? 400;
  const arrived = new Map(ids.map((id) => [id, [] as boolean[]]));
  /** Replications 0 … prefix − 1 have arrived for every scenario. */
  let prefix = 0;
  let target = initialReplications(project);
  let shown = 0;
  let inFlight = false;
  let lastPartialAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const started = performance.now();
  /** Estimated milliseconds left in the current batch. */
  let etaMs: number | undefined;

  const maybePartial = () => {
    // No early document once a batch is complete: the plan or the final document comes next.
    if (!opts.onPartial || over || inFlight || prefix < FIRST_PARTIAL || prefix <= shown || prefix >= target) return;
    // Drawing early figures costs the page time: not worth it when the final ones are due anyway.
    if (shown > 0 && etaMs !== undefined && etaMs < every) return;
    // Fewer early documents the longer the run: about five in all, at least `every` ms apart.
    const now = performance.now();
    const wait = lastPartialAt + Math.max(every, (now - started) / 5) - now;
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        maybePartial();
      }, wait);
      return;
    }
    inFlight = true;
    lastPartialAt = performance.now();
    const count = prefix;
    pool
      .collect((c) => c.partial(runId, count))
      .then(
        (answer) => {
          inFlight = false;
          // A fixed number of replications that are all in: the final document is on its way.
          if (over || !answer.ok || (rule.kind === 'fixed' && prefix >= target)) return;
          shown = count;
          opts.onPartial?.(answer.results, count);
          maybePartial();
        },
        () => {
          inFlight = false;
        },
      );
  };

  const release = pool.reserve();
  // Not awaited: the collector takes messages in order, so it has begun before any result comes.
  const begun = pool.collect((c) => c.begin(runId, project, ids));
  begun.catch(() => undefined);
  try {
    let done = 0;
    let finished = 0;
    for (;;) {
      const tasks = replicationTasks(ids, done, target, opts.timelineBins);
      await pool.run(project, tasks, {
        onProgress: (p) => {
          etaMs = p.etaMs;
          opts.onProgress?.({ done: finished + p.done, total: rule.kind === 'fixed' ? tasks.length : maxTotal, etaMs: p.etaMs });
        },
        onResult: (r) => {
          // Forwarded to the collector as it arrives; a failure there surfaces at the plan.
          pool.collect((c) => c.add(runId, r)).catch(() => undefined);
          arrived.get(r.scenarioId)![r.replication] = true;
          while (ids.every((id) => arrived.get(id)![prefix])) prefix++;
          maybePartial();
        },
      });
      finished += tasks.length;
      done = target;
      await begun;
      // Deciding on more replications and aggregating happen in the collector.
      const plan = await pool.collect((c) => c.plan(runId, done));
      if (!plan.ok) throw new SimulationError(plan.code, plan.message);
      if (plan.more === 0) {
        over = true;
        pool.collect((c) => c.end(runId)).catch(() => undefined);
        return plan.results!;
      }
      target += plan.more;
    }
  } finally {
    over = true;
    clearTimeout(timer);
    release();
  }
}
