// A pool of replication runners (Web Workers in the app, in-process runners in tests), plus one
// more runner that collects a run's replications and aggregates them (the collector).
// A replication's result depends only on (project, scenario, replication index), never on the
// runner that computed it, so results are identical whatever the pool size. Results come back in
// task order.
import type { Project } from '../model';
import { SimulationError, type ReplicationResult, type SimulationErrorCode } from '../engine/types';
import type { PlanAnswer, ResultsAnswer } from './collect';

export interface ReplicationTask {
  scenarioId: string;
  replication: number;
  /** Number of timeline bins (default 50; the transition view asks for one per week). */
  timelineBins?: number;
}

/** What a runner answers: a result, or the error that ended the replication. */
export type RunnerAnswer =
  | { ok: true; result: ReplicationResult }
  | { ok: false; code: SimulationErrorCode; message: string };

/**
 * One place replications run: a Web Worker, or the current thread in tests. The same kind of
 * runner serves as the collector (begin, add, partial, plan, end), which holds one run at a time.
 */
export interface ReplicationRunner {
  run(project: Project, task: ReplicationTask): Promise<RunnerAnswer>;
  /** A short replication (and for a collector an aggregation) so that the JIT has compiled the engine. */
  warm(project: Project, scenarioId: string, round: number, aggregate: boolean): Promise<void>;
  begin(runId: number, project: Project, scenarioIds: readonly string[]): Promise<void>;
  add(runId: number, result: ReplicationResult): Promise<void>;
  /** The results document from the first `count` replications of every scenario. */
  partial(runId: number, count: number): Promise<ResultsAnswer>;
  /** After the first `count` replications: how many more (precision rule), or the results document. */
  plan(runId: number, count: number): Promise<PlanAnswer>;
  end(runId: number): Promise<void>;
  /** Stops the runner at once; a call in progress rejects or never answers. */
  terminate(): void;
}

export type RunnerFactory = () => ReplicationRunner;

export interface PoolProgress {
  done: number;
  total: number;
  /** Estimated milliseconds left, from the average time per replication so far; undefined at first. */
  etaMs: number | undefined;
}

export interface RunOptions {
  onProgress?: (p: PoolProgress) => void;
  /** Each result as it arrives (in any order), before the run resolves. */
  onResult?: (result: ReplicationResult) => void;
  /** Milliseconds since some origin; injectable for tests. */
  now?: () => number;
}

/** Tasks handed to a runner at once: the one it runs and the next, waiting in its queue. */
export const QUEUED_PER_RUNNER = 2;

/**
 * Warm-up rounds per runner: each round simulates every scenario once, shortened to about
 * WARM_CUSTOMERS customers but on the run's own paths (collect.ts warmUpProject). Measured in
 * Chromium on the loan example (docs/performance.md, session 15): first run after the warm-up
 * 1.09–1.15 s with 8 rounds, 0.92–0.95 s with 20; but 20 rounds keep a core busy for 2 s or more
 * after the page appears, and the e2e tests that edit straight away became flaky on 2 cores. The
 * workers take turns (warm()), and a run interrupts the warm-up at once.
 */
export const WARM_ROUNDS = 8;

const workerFailure = (err: unknown) => new SimulationError('worker', `A simulation worker failed: ${err instanceof Error ? err.message : String(err)}`);

export class SimulationPool {
  private runners: (ReplicationRunner | undefined)[];
  private collector: ReplicationRunner | undefined;
  private cancelRun: ((err: SimulationError) => void) | undefined;
  /** Collector calls waiting for their answer, each with its way to reject on cancel. */
  private readonly pendingCollect = new Set<(err: SimulationError) => void>();
  private running = false;
  private reserved = 0;
  private warming: Promise<void> | undefined;

  constructor(
    private readonly factory: RunnerFactory,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`pool size must be a whole number ≥ 1 (got ${size})`);
    this.runners = new Array<ReplicationRunner | undefined>(size).fill(undefined);
  }

  get busy(): boolean {
    return this.running || this.reserved > 0;
  }

  /** Marks the pool as in use between runs (an experiment between its batches); returns the release. */
  reserve(): () => void {
    this.reserved++;
    let released = false;
    return () => {
      if (!released) this.reserved--;
      released = true;
    };
  }

  /**
   * Runs the tasks on the pool and resolves with their results in task order. Rejects with a
   * SimulationError on the first failed replication ('worker' failures carry the worker's
   * message), or with code 'cancelled' after cancel(). One run at a time.
   */
  async run(project: Project, tasks: readonly ReplicationTask[], options: RunOptions = {}): Promise<ReplicationResult[]> {
    if (this.running) throw new Error('the pool is already running');
    this.running = true;
    const now = options.now ?? (() => performance.now());
    const started = now();
    const results = new Array<ReplicationResult | undefined>(tasks.length);
    let next = 0;
    let done = 0;

    try {
      return await new Promise<ReplicationResult[]>((resolve, reject) => {
        let settled = false;
        const fail = (err: SimulationError) => {
          if (settled) return;
          settled = true;
          this.terminateRunners();
          reject(err);
        };
        this.cancelRun = fail;
        if (tasks.length === 0) {
          settled = true;
          resolve([]);
          return;
        }

        // Each runner gets its next task queued behind the one it is running, so that it never
        // waits for the page to hand it one; near the end, one at a time, so that no runner sits
        // idle while another still has a queue.
        const inFlight = new Array<number>(this.size).fill(0);
        const startNext = (slot: number) => {
          if (settled || next >= tasks.length) return;
          if (inFlight[slot]! >= (tasks.length - next > this.size ? QUEUED_PER_RUNNER : 1)) return;
          inFlight[slot]!++;
          const index = next++;
          const task = tasks[index]!;
          const runner = this.runnerAt(slot);
          runner.run(project, task).then(
            (answer) => {
              if (settled) return;
              inFlight[slot]!--;
              if (!answer.ok) {
                fail(new SimulationError(answer.code, answer.message));
                return;
              }
              results[index] = answer.result;
              done++;
              // The next task first, so that the runner never waits for the page.
              if (done < tasks.length) startNext(slot);
              const elapsed = now() - started;
              options.onProgress?.({ done, total: tasks.length, etaMs: (elapsed / done) * (tasks.length - done) });
              options.onResult?.(answer.result);
              if (done === tasks.length) {
                settled = true;
                resolve(results as ReplicationResult[]);
              }
            },
            (err: unknown) => {
              // The runner itself broke (e.g. the worker died): replace it on the next run.
              if (this.runners[slot] === runner) {
                runner.terminate();
                this.runners[slot] = undefined;
              }
              fail(workerFailure(err));
            },
          );
        };

        options.onProgress?.({ done: 0, total: tasks.length, etaMs: undefined });
        const slots = Math.min(this.size, tasks.length);
        for (let k = 0; k < QUEUED_PER_RUNNER; k++) for (let slot = 0; slot < slots; slot++) startNext(slot);
      });
    } finally {
      this.running = false;
      this.cancelRun = undefined;
    }
  }

  /**
   * One call to the collector. Rejects with 'cancelled' after cancel(), with a 'worker' error when
   * the collector broke, and with the answer's own error when it is not ok.
   */
  collect<T>(call: (collector: ReplicationRunner) => Promise<T>): Promise<T> {
    const collector = this.collectorRunner();
    return new Promise<T>((resolve, reject) => {
      const cancel = (err: SimulationError) => {
        this.pendingCollect.delete(cancel);
        reject(err);
      };
      this.pendingCollect.add(cancel);
      call(collector).then(
        (value) => {
          if (this.pendingCollect.delete(cancel)) resolve(value);
        },
        (err: unknown) => {
          if (!this.pendingCollect.delete(cancel)) return;
          if (this.collector === collector) {
            collector.terminate();
            this.collector = undefined;
          }
          reject(workerFailure(err));
        },
      );
    });
  }

  /**
   * Starts every runner and the collector and warms them up with short replications of the
   * project, so that the first run does not pay for loading and compiling the engine. Gives way
   * at once (between two short replications) when a run starts. At most size − 1 of them warm at
   * once (at least one), taking turns.
   */
  warm(project: Project): Promise<void> {
    if (this.warming) return this.warming;
    const ids = project.scenarios.map((s) => s.id);
    const warmers: { get: () => ReplicationRunner; aggregate: boolean }[] = [
      ...this.runners.map((_, slot) => ({ get: () => this.runnerAt(slot), aggregate: false })),
      { get: () => this.collectorRunner(), aggregate: true },
    ];
    // Fewer warmers at once than cores (one on 2 cores), taking turns step by step: the page's own
    // thread keeps a core to itself while the user starts working (docs/performance.md).
    const lanes = Math.max(1, Math.min(warmers.length, this.size - 1));
    const lane = async (mine: typeof warmers) => {
      for (let round = 0; round < WARM_ROUNDS; round++) {
        for (const id of ids) {
          for (const w of mine) {
            if (this.busy) return;
            await w.get().warm(project, id, round, w.aggregate);
          }
        }
      }
    };
    const all = Array.from({ length: lanes }, (_, k) => lane(warmers.filter((_, i) => i % lanes === k)));
    this.warming = Promise.all(all).then(
      () => undefined,
      () => undefined,
    );
    void this.warming.then(() => (this.warming = undefined));
    return this.warming;
  }

  /** Stops every runner at once; the current run and collector calls reject with code 'cancelled'. */
  cancel(): void {
    const err = new SimulationError('cancelled', 'The run was cancelled.');
    this.cancelRun?.(err);
    if (this.pendingCollect.size > 0) {
      // The collector may be deep in an aggregation nobody needs any more.
      this.collector?.terminate();
      this.collector = undefined;
      for (const reject of [...this.pendingCollect]) reject(err);
    }
  }

  /** Terminates all runners and the collector for good (the pool can still be used: runners are recreated). */
  dispose(): void {
    this.cancel();
    this.terminateRunners();
    this.collector?.terminate();
    this.collector = undefined;
  }

  private runnerAt(slot: number): ReplicationRunner {
    let r = this.runners[slot];
    if (!r) {
      r = this.factory();
      this.runners[slot] = r;
    }
    return r;
  }

  private collectorRunner(): ReplicationRunner {
    this.collector ??= this.factory();
    return this.collector;
  }

  private terminateRunners(): void {
    for (let i = 0; i < this.runners.length; i++) {
      this.runners[i]?.terminate();
      this.runners[i] = undefined;
    }
  }
}

/** Tasks for every scenario × replication index in [from, to): the same indices for every scenario. */
export function replicationTasks(scenarioIds: readonly string[], from: number, to: number, timelineBins?: number): ReplicationTask[] {
  const tasks: ReplicationTask[] = [];
  for (let r = from; r < to; r++) for (const scenarioId of scenarioIds) tasks.push({ scenarioId, replication: r, ...(timelineBins ? { timelineBins } : {}) });
  return tasks;
}
