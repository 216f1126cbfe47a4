import { describe, expect, it } from 'vitest';
import { SimulationPool } from '../../src/worker/pool';
import { inlineRunnerFactory } from '../../src/worker/inline-runner';
import { runExperimentInPool } from '../../src/worker/experiment';
import { runExperiment, withOverrides } from '../../src/engine/experiment';
import { getExample } from '../../src/model/examples';
import { singleStationProject } from '../engine/helpers';
import type { ReplicationRunner, RunnerFactory } from '../../src/worker/pool';
import { Collector } from '../../src/worker/collect';
import type { ResultsDocument } from '../../src/engine/results';

/** In-process runners whose answers come back after uneven delays, so out of task order. */
const shuffledFactory: RunnerFactory = () => {
  const inner: ReplicationRunner = inlineRunnerFactory();
  return {
    ...inner,
    run: (p, task) => new Promise((resolve, reject) => setTimeout(() => inner.run(p, task).then(resolve, reject), ((task.replication * 7 + task.scenarioId.length) % 5) * 3)),
  };
};

const loan = withOverrides(getExample('loan')!.project, { replications: 4 });
const short = { ...loan, run: { ...loan.run, horizon: { kind: 'duration' as const, duration: 20_000 } } };

describe('runExperimentInPool', () => {
  it('gives exactly the results of the sequential engine, whatever the number of runners', async () => {
    const expected = JSON.stringify(runExperiment(short));
    for (const size of [1, 2, 3]) {
      const doc = await runExperimentInPool(new SimulationPool(inlineRunnerFactory, size), short);
      expect(JSON.stringify(doc)).toBe(expected);
    }
  });

  it('runs only the scenarios asked for', async () => {
    const doc = await runExperimentInPool(new SimulationPool(inlineRunnerFactory, 2), short, { scenarioIds: ['single-point-of-contact'] });
    expect(doc.scenarios.map((s) => s.id)).toEqual(['single-point-of-contact']);
    expect(doc.comparisons).toEqual([]);
  });

  it('"until precise enough" adds batches like the sequential engine', async () => {
    const base = singleStationProject({ lambda: 0.5, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 2000, warmup: 100 });
    const p = { ...base, run: { ...base.run, replications: { kind: 'precision' as const, relativeHalfWidth: 0.1, min: 3, max: 60 } } };
    const seen: number[] = [];
    const doc = await runExperimentInPool(new SimulationPool(inlineRunnerFactory, 2), p, { onProgress: (x) => seen.push(x.done) });
    expect(JSON.stringify(doc)).toBe(JSON.stringify(runExperiment(p)));
    expect(doc.settings.replications).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(doc.settings.replications);
  });

  it('can be cancelled', async () => {
    const pool = new SimulationPool(inlineRunnerFactory, 2);
    const run = runExperimentInPool(pool, withOverrides(loan, { replications: 500 }));
    setTimeout(() => pool.cancel(), 30);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('gives the same final document when replications arrive out of order', async () => {
    const expected = JSON.stringify(runExperiment(short));
    const doc = await runExperimentInPool(new SimulationPool(shuffledFactory, 3), short);
    expect(JSON.stringify(doc)).toBe(expected);
  });

  it('shows early results from the first replications of every scenario, each the results of that many replications', async () => {
    const p = withOverrides(short, { replications: 8 });
    const early: [number, ResultsDocument][] = [];
    const doc = await runExperimentInPool(new SimulationPool(shuffledFactory, 2), p, { partialEveryMs: 0, onPartial: (d, k) => early.push([k, d]) });
    expect(JSON.stringify(doc)).toBe(JSON.stringify(runExperiment(p)));
    expect(early.length).toBeGreaterThan(1);
    const counts = early.map(([k]) => k);
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    expect(counts.every((k, i) => i === 0 || k > counts[i - 1]!)).toBe(true);
    expect(counts.at(-1)).toBeLessThan(8);
    for (const [k, d] of early) {
      const withK = runExperiment(withOverrides(short, { replications: k }));
      expect(d.settings.replications).toBe(k);
      expect(JSON.stringify(d.scenarios)).toBe(JSON.stringify(withK.scenarios));
      expect(JSON.stringify(d.comparisons)).toBe(JSON.stringify(withK.comparisons));
    }
    // Wider intervals with fewer replications (on average over the key figures).
    const width = (d: ResultsDocument) => d.scenarios.reduce((s, x) => s + x.overall.waitingTime.ci95 / x.overall.waitingTime.mean, 0);
    expect(width(early[0]![1])).toBeGreaterThan(width(doc));
  });

  it('spaces early results out in time', async () => {
    const p = withOverrides(short, { replications: 8 });
    const counts: number[] = [];
    await runExperimentInPool(new SimulationPool(shuffledFactory, 2), p, { partialEveryMs: 60_000, onPartial: (_d, k) => counts.push(k) });
    expect(counts).toEqual([2]);
  });

  it('warms every runner and the collector up, and a run started meanwhile gives the same results', async () => {
    const made: ReplicationRunner[] = [];
    const calls: string[] = [];
    const factory: RunnerFactory = () => {
      const inner = inlineRunnerFactory();
      made.push(inner);
      return { ...inner, warm: (...a) => (calls.push(`${made.indexOf(inner)}:${a[3]}`), inner.warm(...a)) };
    };
    const pool = new SimulationPool(factory, 2);
    await pool.warm(short);
    expect(made.length).toBe(3);
    expect(calls.filter((c) => c.endsWith(':true')).length).toBeGreaterThan(0); // the collector aggregates too
    calls.length = 0;
    const warming = pool.warm(short);
    const doc = await runExperimentInPool(pool, short);
    await warming;
    expect(JSON.stringify(doc)).toBe(JSON.stringify(runExperiment(short)));
    expect(calls.length).toBeLessThan(3 * 2 * 3); // it gave way to the run
  });

  it('a cancelled run leaves the pool ready, and nothing of it reaches the next run', async () => {
    const pool = new SimulationPool(shuffledFactory, 2);
    const long = runExperimentInPool(pool, withOverrides(short, { replications: 50 }), { partialEveryMs: 0, onPartial: () => undefined });
    setTimeout(() => pool.cancel(), 40);
    await expect(long).rejects.toMatchObject({ code: 'cancelled' });
    const doc = await runExperimentInPool(pool, short);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(runExperiment(short)));
  });
});

describe('Collector', () => {
  it('keeps each run apart: a late replication of another run is never mixed in', async () => {
    const c = new Collector();
    const p = withOverrides(short, { replications: 2 });
    const reps = await Promise.all(
      [0, 1].flatMap((r) => p.scenarios.map((s) => inlineRunnerFactory().run(p, { scenarioId: s.id, replication: r }))),
    );
    c.begin(1, p, p.scenarios.map((s) => s.id));
    c.begin(2, p, p.scenarios.map((s) => s.id));
    for (const a of reps) if (a.ok) c.add(2, a.result);
    if (reps[0]!.ok) c.add(1, { ...reps[0]!.result, events: -1 });
    const two = c.plan(2, 2);
    expect(two.ok && JSON.stringify(two.results)).toBe(JSON.stringify(runExperiment(p)));
    expect(c.plan(1, 2)).toMatchObject({ ok: false, message: expect.stringMatching(/has not arrived/) });
    c.end(2);
    expect(c.plan(2, 2)).toMatchObject({ ok: false, code: 'cancelled' });
  });
});
