import { describe, expect, it } from 'vitest';
import { SimulationPool } from '../../src/worker/pool';
import { inlineRunnerFactory } from '../../src/worker/inline-runner';
import { runExperimentInPool } from '../../src/worker/experiment';
import { runExperiment, withOverrides } from '../../src/engine/experiment';
import { getExample } from '../../src/model/examples';
import { singleStationProject } from '../engine/helpers';

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
});
