// Where a run's replications are gathered and aggregated (a Web Worker of its own in the app, the
// current thread in tests): the runners' results are added as they arrive, in any order, and kept
// by replication index. Early results documents come from the first replications of every
// scenario; the final one is built from all of them in index order, exactly as the engine's
// sequential runExperiment builds it, so it is byte-identical to the command line's.
import type { Project } from '../model/schema';
import { nextBatchSize } from '../engine/experiment';
import { buildResults, type ResultsDocument } from '../engine/results';
import { SimulationError, type ReplicationResult, type SimulationErrorCode } from '../engine/types';
import { simulateReplication } from '../engine/simulate';
import { arrivalRate } from '../model/moves/routing';

/** A results document, or the error that prevented it. */
export type ResultsAnswer = { ok: true; results: ResultsDocument } | { ok: false; code: SimulationErrorCode; message: string };

/** After a batch: how many replications to add (0 = done), and then the results document. */
export type PlanAnswer = { ok: true; more: number; results: ResultsDocument | undefined } | { ok: false; code: SimulationErrorCode; message: string };

function failure(err: unknown): { ok: false; code: SimulationErrorCode; message: string } {
  if (err instanceof SimulationError) return { ok: false, code: err.code, message: err.message };
  return { ok: false, code: 'worker', message: err instanceof Error ? err.message : String(err) };
}

export class Collection {
  private readonly reps: Map<string, (ReplicationResult | undefined)[]>;

  constructor(
    /** Identifies the run, so that a late result of an earlier run is never mixed in. */
    readonly runId: number,
    readonly project: Project,
    scenarioIds: readonly string[],
  ) {
    this.reps = new Map(scenarioIds.map((id) => [id, []]));
  }

  add(result: ReplicationResult): void {
    const list = this.reps.get(result.scenarioId);
    if (!list) throw new Error(`a replication of scenario "${result.scenarioId}", which is not in this run`);
    list[result.replication] = result;
  }

  /** Replications 0 … count − 1 of every scenario, in index order. */
  private first(count: number): Map<string, ReplicationResult[]> {
    const out = new Map<string, ReplicationResult[]>();
    for (const [id, list] of this.reps) {
      const some = list.slice(0, count);
      if (some.length < count || some.some((r) => r === undefined)) throw new Error(`replication ${some.findIndex((r) => r === undefined) + 1 || some.length + 1} of scenario "${id}" has not arrived`);
      out.set(id, some as ReplicationResult[]);
    }
    return out;
  }

  /** The results document from the first `count` replications of every scenario. */
  partial(count: number): ResultsAnswer {
    try {
      return { ok: true, results: buildResults(this.project, this.first(count)) };
    } catch (err) {
      return failure(err);
    }
  }

  /** After the first `count` replications: more needed (precision rule), or the results document. */
  plan(count: number): PlanAnswer {
    try {
      const reps = this.first(count);
      const more = nextBatchSize(this.project, reps);
      return { ok: true, more, results: more === 0 ? buildResults(this.project, reps) : undefined };
    } catch (err) {
      return failure(err);
    }
  }
}

/** A collector's state: the runs being collected, by id (the most recent few; older ones were cancelled). */
export class Collector {
  private readonly runs = new Map<number, Collection>();

  begin(runId: number, project: Project, scenarioIds: readonly string[]): void {
    this.runs.set(runId, new Collection(runId, project, scenarioIds));
    for (const id of this.runs.keys()) if (this.runs.size > KEPT_RUNS) this.runs.delete(id);
  }

  add(runId: number, result: ReplicationResult): void {
    this.runs.get(runId)?.add(result);
  }

  partial(runId: number, count: number): ResultsAnswer {
    return this.runs.get(runId)?.partial(count) ?? GONE;
  }

  plan(runId: number, count: number): PlanAnswer {
    return this.runs.get(runId)?.plan(count) ?? GONE;
  }

  end(runId: number): void {
    this.runs.delete(runId);
  }
}

/** Runs kept at once: a run and, say, the quick run of the suggestions beside it. */
const KEPT_RUNS = 3;
const GONE = { ok: false, code: 'cancelled', message: 'The run was cancelled.' } as const;

/** Customers per warm-up replication: enough for the JIT to compile the hot paths, short enough to stay quick. */
export const WARM_CUSTOMERS = 2000;

/**
 * A short version of the project for warming up: the run's own kind of horizon and warm-up
 * period (so that the JIT compiles the paths the run takes: the window start, its timeline bins,
 * a customer limit or an end time), scaled down to about WARM_CUSTOMERS customers, with a cap on
 * events. (A warm-up on other paths than the run's was measured to leave the JIT recompiling
 * during the first run: docs/performance.md.)
 */
export function warmUpProject(project: Project): Project {
  const run = project.run;
  const h = run.horizon;
  let f: number;
  if (h.kind === 'customers') f = Math.min(1, WARM_CUSTOMERS / h.count);
  else {
    const flow = project.scenarios[0]?.flow;
    let rate = 0;
    for (const n of flow?.nodes ?? []) if (n.kind === 'arrivals') rate += arrivalRate(n, project.timeUnit);
    const expected = rate * (run.warmup + h.duration);
    f = Number.isFinite(expected) && expected > WARM_CUSTOMERS ? WARM_CUSTOMERS / expected : 1;
  }
  const horizon = h.kind === 'customers' ? { kind: 'customers' as const, count: Math.max(1, Math.round(h.count * f)) } : { kind: 'duration' as const, duration: h.duration * f };
  return { ...project, run: { ...run, horizon, warmup: run.warmup * f, maxEvents: Math.min(run.maxEvents, 200_000) } };
}

/**
 * One warm-up step: a short replication of one scenario, and, for a collector, the results
 * document of two such replications, so that aggregation too is compiled. Never throws: a project
 * that cannot be simulated simply warms nothing.
 */
export function warmStep(project: Project, scenarioId: string, round: number, aggregate: boolean): void {
  try {
    const short = warmUpProject(project);
    const reps = [0, 1].slice(0, aggregate ? 2 : 1).map((k) => simulateReplication(short, scenarioId, 1_000_000 + 2 * round + k));
    if (aggregate) buildResults(short, new Map([[scenarioId, reps]]));
  } catch {
    // Warming is best effort.
  }
}
