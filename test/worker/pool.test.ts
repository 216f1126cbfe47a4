import { describe, expect, it } from 'vitest';
import { SimulationPool, replicationTasks, type ReplicationRunner, type RunnerFactory } from '../../src/worker/pool';
import { SimulationError, type ReplicationResult } from '../../src/engine/types';
import type { Project } from '../../src/model';

const project = {} as Project; // the fake runners below never look at it

/** A fake runner whose answer depends only on the task, finishing after a task-dependent delay. */
function fakeFactory(opts: { failAt?: number; dieAt?: number; delay?: (r: number) => number } = {}) {
  const made: { terminated: boolean }[] = [];
  const factory: RunnerFactory = (): ReplicationRunner => {
    const state = { terminated: false };
    made.push(state);
    return {
      run(_p, task) {
        return new Promise((resolve, reject) => {
          setTimeout(() => {
            if (state.terminated) return;
            if (task.replication === opts.dieAt) reject(new Error('worker crashed: out of memory'));
            else if (task.replication === opts.failAt) resolve({ ok: false, code: 'event-limit', message: 'too many events' });
            else
              resolve({
                ok: true,
                result: { scenarioId: task.scenarioId, replication: task.replication, events: task.replication * 7 + task.scenarioId.length } as ReplicationResult,
              });
          }, opts.delay?.(task.replication) ?? (task.replication * 37) % 11);
        });
      },
      warm: () => Promise.resolve(),
      begin: () => Promise.resolve(),
      add: () => Promise.resolve(),
      partial: () => Promise.resolve({ ok: false as const, code: 'worker' as const, message: 'not used' }),
      plan: () => Promise.resolve({ ok: true as const, more: 0, results: undefined }),
      end: () => Promise.resolve(),
      terminate() {
        state.terminated = true;
      },
    };
  };
  return { factory, made };
}

describe('SimulationPool', () => {
  const tasks = replicationTasks(['base', 'prop'], 0, 12);

  it('returns results in task order whatever the pool size', async () => {
    const outputs: string[] = [];
    for (const size of [1, 2, 3, 5]) {
      const pool = new SimulationPool(fakeFactory().factory, size);
      const results = await pool.run(project, tasks);
      outputs.push(JSON.stringify(results.map((r) => [r.scenarioId, r.replication, r.events])));
    }
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]!)[1]).toEqual(['prop', 0, 4]);
  });

  it('reports progress with done, total and an estimate of time left', async () => {
    const seen: [number, number, number | undefined][] = [];
    let t = 0;
    const pool = new SimulationPool(fakeFactory().factory, 2);
    await pool.run(project, tasks, { onProgress: (p) => seen.push([p.done, p.total, p.etaMs]), now: () => (t += 10) });
    expect(seen[0]).toEqual([0, 24, undefined]);
    expect(seen.at(-1)![0]).toBe(24);
    expect(seen.at(-1)![2]).toBe(0);
    expect(seen.map((s) => s[0])).toEqual([...Array(25).keys()]);
  });

  it('cancel rejects the run and terminates every runner', async () => {
    const { factory, made } = fakeFactory({ delay: () => 50 });
    const pool = new SimulationPool(factory, 3);
    const run = pool.run(project, tasks);
    setTimeout(() => pool.cancel(), 10);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(made.length).toBe(3);
    expect(made.every((m) => m.terminated)).toBe(true);
    expect(pool.busy).toBe(false);
  });

  it('a replication error rejects the run with its code and message', async () => {
    const pool = new SimulationPool(fakeFactory({ failAt: 3 }).factory, 2);
    const err = await pool.run(project, tasks).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulationError);
    expect(err).toMatchObject({ code: 'event-limit', message: 'too many events' });
  });

  it('a dying worker is reported with its message and the pool keeps working', async () => {
    const { factory, made } = fakeFactory({ dieAt: 2 });
    const pool = new SimulationPool(factory, 2);
    await expect(pool.run(project, tasks)).rejects.toMatchObject({ code: 'worker', message: expect.stringContaining('out of memory') });
    const results = await pool.run(project, replicationTasks(['base'], 5, 8));
    expect(results.map((r) => r.replication)).toEqual([5, 6, 7]);
    expect(made.length).toBeGreaterThan(2); // broken runners were replaced
  });

  it('refuses a second run while one is going', async () => {
    const pool = new SimulationPool(fakeFactory().factory, 1);
    const first = pool.run(project, tasks);
    await expect(pool.run(project, tasks)).rejects.toThrow(/already running/);
    await first;
  });

  it('hands each runner its next task while it runs one (never more than two at once)', async () => {
    const running = new Map<number, number>();
    const most = new Map<number, number>();
    let id = 0;
    const factory: RunnerFactory = () => {
      const me = id++;
      const inner = fakeFactory({ delay: () => 5 }).factory();
      return {
        ...inner,
        run: async (p, task) => {
          running.set(me, (running.get(me) ?? 0) + 1);
          most.set(me, Math.max(most.get(me) ?? 0, running.get(me)!));
          const answer = await inner.run(p, task);
          running.set(me, running.get(me)! - 1);
          return answer;
        },
      };
    };
    const pool = new SimulationPool(factory, 2);
    const results = await pool.run(project, tasks);
    expect(results.map((r) => r.replication)).toEqual(tasks.map((t) => t.replication));
    expect([...most.values()]).toEqual([2, 2]);
  });

  it('replicationTasks uses the same indices for every scenario', () => {
    expect(replicationTasks(['a', 'b'], 2, 4)).toEqual([
      { scenarioId: 'a', replication: 2 },
      { scenarioId: 'b', replication: 2 },
      { scenarioId: 'a', replication: 3 },
      { scenarioId: 'b', replication: 3 },
    ]);
  });
});

describe('SimulationPool warm-up', () => {
  /** Runners whose warm steps take a little time, counting how many are in flight at once. */
  function warmCounting() {
    let inFlight = 0;
    let most = 0;
    const steps = new Map<number, number>();
    let made = 0;
    const base = fakeFactory().factory;
    const factory: RunnerFactory = () => {
      const id = made++;
      const r = base();
      return {
        ...r,
        warm: () =>
          new Promise<void>((resolve) => {
            inFlight++;
            most = Math.max(most, inFlight);
            steps.set(id, (steps.get(id) ?? 0) + 1);
            setTimeout(() => {
              inFlight--;
              resolve();
            }, 1);
          }),
      };
    };
    return { factory, most: () => most, steps };
  }
  const twoScenarios = { scenarios: [{ id: 'a' }, { id: 'b' }] } as unknown as Project;

  it('warms every runner and the collector, with fewer at once than the pool has runners', async () => {
    for (const size of [1, 2, 4]) {
      const w = warmCounting();
      await new SimulationPool(w.factory, size).warm(twoScenarios);
      expect(w.steps.size).toBe(size + 1); // the runners and the collector
      for (const n of w.steps.values()) expect(n).toBeGreaterThan(2);
      expect(w.most()).toBe(Math.max(1, size - 1)); // one at a time on 2 cores: the page keeps one
    }
  });

  it('stops warming when a run starts', async () => {
    const w = warmCounting();
    const pool = new SimulationPool(w.factory, 2);
    const warming = pool.warm(twoScenarios);
    const release = pool.reserve();
    await warming;
    release();
    const total = [...w.steps.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(1);
  });
});
