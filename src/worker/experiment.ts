// An experiment on a pool of runners: the same plan as the engine's sequential runExperiment
// (initial replications, then batches until precise enough) and the same buildResults, so the
// app's results are identical to the command line's for the same project and seed.
import type { Project } from '../model/schema';
import { initialReplications } from '../engine/experiment';
import type { ResultsDocument } from '../engine/results';
import type { ReplicationResult } from '../engine/types';
import { replicationTasks, type PoolProgress, type SimulationPool } from './pool';

export interface PoolRunOptions {
  scenarioIds?: readonly string[];
  onProgress?: (p: PoolProgress) => void;
  /** Timeline bins per replication (default 50). */
  timelineBins?: number;
}

export async function runExperimentInPool(pool: SimulationPool, project: Project, opts: PoolRunOptions = {}): Promise<ResultsDocument> {
  const ids = opts.scenarioIds ?? project.scenarios.map((s) => s.id);
  const reps = new Map<string, ReplicationResult[]>(ids.map((id) => [id, []]));
  const rule = project.run.replications;
  const maxTotal = (rule.kind === 'fixed' ? rule.count : rule.max) * ids.length;
  let done = 0;
  let target = initialReplications(project);
  let finished = 0;
  for (;;) {
    const tasks = replicationTasks(ids, done, target, opts.timelineBins);
    const results = await pool.run(project, tasks, {
      onProgress: (p) => opts.onProgress?.({ done: finished + p.done, total: rule.kind === 'fixed' ? tasks.length : maxTotal, etaMs: p.etaMs }),
    });
    results.forEach((r) => reps.get(r.scenarioId)!.push(r));
    finished += results.length;
    done = target;
    // Deciding on more replications and aggregating happen in a worker too.
    const plan = await pool.plan(project, reps);
    if (plan.more === 0) return plan.results!;
    target += plan.more;
  }
}
