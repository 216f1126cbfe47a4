// A pool of replication runners (Web Workers in the app, in-process runners in tests).
// A replication's result depends only on (project, scenario, replication index), never on the
// runner that computed it, so results are identical whatever the pool size. Results come back in
// task order.
import type { Project } from '../model';
import { SimulationError, type ReplicationResult, type SimulationErrorCode } from '../engine/types';
import type { ResultsDocument } from '../engine/results';

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

/** After a batch: how many replications to add (0 = done), and then the results document. */
export type PlanAnswer = { ok: true; more: number; results: ResultsDocument | undefined } | { ok: false; code: SimulationErrorCode; message: string };

/** One place replications run: a Web Worker, or the current thread in tests. */
export interface ReplicationRunner {
  run(project: Project, task: ReplicationTask): Promise<RunnerAnswer>;
  /** Aggregation too runs off the main thread: decides on more replications, or builds the results. */
  plan(project: Project, reps: [string, ReplicationResult[]][]): Promise<PlanAnswer>;
  /** Stops the runner at once; a run in progress never answers. */
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
  /** Milliseconds since some origin; injectable for tests. */
  now?: () => number;
}

export class SimulationPool {
  private runners: (ReplicationRunner | undefined)[];
  private cancelRun: ((err: SimulationError) => void) | undefined;
  private running = false;

  constructor(
    private readonly factory: RunnerFactory,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`pool size must be a whole number ≥ 1 (got ${size})`);
    this.runners = new Array<ReplicationRunner | undefined>(size).fill(undefined);
  }

  get busy(): boolean {
    return this.running;
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
          this.terminateAll();
          reject(err);
        };
        this.cancelRun = fail;
        if (tasks.length === 0) {
          settled = true;
          resolve([]);
          return;
        }

        const startNext = (slot: number) => {
          if (settled || next >= tasks.length) return;
          const index = next++;
          const task = tasks[index]!;
          const runner = this.runnerAt(slot);
          runner.run(project, task).then(
            (answer) => {
              if (settled) return;
              if (!answer.ok) {
                fail(new SimulationError(answer.code, answer.message));
                return;
              }
              results[index] = answer.result;
              done++;
              const elapsed = now() - started;
              options.onProgress?.({
                done,
                total: tasks.length,
                etaMs: (elapsed / done) * (tasks.length - done),
              });
              if (done === tasks.length) {
                settled = true;
                resolve(results as ReplicationResult[]);
              } else {
                startNext(slot);
              }
            },
            (err: unknown) => {
              // The runner itself broke (e.g. the worker died): replace it on the next run.
              this.runners[slot]?.terminate();
              this.runners[slot] = undefined;
              fail(new SimulationError('worker', `A simulation worker failed: ${err instanceof Error ? err.message : String(err)}`));
            },
          );
        };

        options.onProgress?.({ done: 0, total: tasks.length, etaMs: undefined });
        const slots = Math.min(this.size, tasks.length);
        for (let slot = 0; slot < slots; slot++) startNext(slot);
      });
    } finally {
      this.running = false;
      this.cancelRun = undefined;
    }
  }

  /**
   * Asks one runner whether more replications are needed and, if not, for the results document.
   * Cancellable like a run.
   */
  async plan(project: Project, reps: ReadonlyMap<string, ReplicationResult[]>): Promise<{ more: number; results: ResultsDocument | undefined }> {
    if (this.running) throw new Error('the pool is already running');
    this.running = true;
    try {
      return await new Promise((resolve, reject) => {
        this.cancelRun = (err) => {
          this.terminateAll();
          reject(err);
        };
        this.runnerAt(0)
          .plan(project, [...reps.entries()])
          .then(
            (answer) => (answer.ok ? resolve({ more: answer.more, results: answer.results }) : reject(new SimulationError(answer.code, answer.message))),
            (err: unknown) => {
              this.runners[0]?.terminate();
              this.runners[0] = undefined;
              reject(new SimulationError('worker', `A simulation worker failed: ${err instanceof Error ? err.message : String(err)}`));
            },
          );
      });
    } finally {
      this.running = false;
      this.cancelRun = undefined;
    }
  }

  /** Stops every runner at once; the current run rejects with code 'cancelled'. */
  cancel(): void {
    this.cancelRun?.(new SimulationError('cancelled', 'The run was cancelled.'));
  }

  /** Terminates all runners for good (the pool can still be used: runners are recreated). */
  dispose(): void {
    this.cancel();
    this.terminateAll();
  }

  private runnerAt(slot: number): ReplicationRunner {
    let r = this.runners[slot];
    if (!r) {
      r = this.factory();
      this.runners[slot] = r;
    }
    return r;
  }

  private terminateAll(): void {
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
