// An overloaded system runs, ends, and says how fast its backlog grows.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/engine/experiment';
import { queueSlope } from '../../../src/engine/instability';
import { simulateReplication } from '../../../src/engine/simulate';
import { SimulationError } from '../../../src/engine/types';
import { singleStationProject } from '../helpers';

const NO_BAD_NUMBERS = /NaN|Infinity|undefined/;

describe('an overloaded M/M/1 (ρ = 1.2)', () => {
  it('the measured backlog growth matches (λ − μ) × 1 day = 288 customers a day within its 95 % CI', () => {
    const project = singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 20_000, warmup: 500, replications: 12, seed: 4242 });
    const doc = runExperiment(project);
    const s = doc.scenarios[0]!;
    expect(s.instability).toBeDefined();
    const step = s.instability!.steps[0]!;
    expect(step.stepId).toBe('s');
    expect(step.offeredUtilization).toBeCloseTo(1.2, 9);
    const g = step.backlogGrowthPerDay;
    expect(Math.abs(g.mean - 288), `growth ${g.mean} ± ${g.ci95}`).toBeLessThanOrEqual(g.ci95);
    expect(g.ci95).toBeLessThan(0.1 * 288);
    expect(s.instability!.statement).toMatch(/^The system is unstable\. Service cannot keep up: its queue grows by about \d+ customers a day \(95 % CI \d+ to \d+\)\./);
    expect(s.instability!.statement).toMatch(/depend on the length of the run/);
    expect(JSON.stringify(s.instability)).not.toMatch(NO_BAD_NUMBERS);
    // The warm-up cannot settle a queue that never settles: no warm-up advice.
    expect(s.warnings.map((w) => w.kind)).not.toContain('warm-up');
  });

  it('a stable M/M/1 (ρ = 0.8) has no instability', () => {
    const project = singleStationProject({ lambda: 0.8, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 20_000, warmup: 500, replications: 3, seed: 4242 });
    expect(runExperiment(project).scenarios[0]!.instability).toBeUndefined();
  });

  it('customers who give up keep an overloaded queue in check: not unstable', () => {
    const project = singleStationProject({
      lambda: 1.2,
      station: { staff: 1, service: { kind: 'exponential', mean: 1 }, patience: { kind: 'exponential', mean: 5 } },
      duration: 20_000,
      warmup: 500,
      replications: 3,
      seed: 4242,
    });
    expect(runExperiment(project).scenarios[0]!.instability).toBeUndefined();
  });

  it('with a customers horizon the run ends after that many arrivals, the queue holding the rest', () => {
    const project = singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, customers: 30_000, warmup: 0, seed: 9 });
    const r = simulateReplication(project, 'base', 0);
    expect(r.overall.arrived).toBe(30_000);
    // About a sixth of the arrivals are still inside at the end (0.2 of 1.2 a minute pile up).
    expect(r.overall.inSystemAtEnd / 30_000).toBeGreaterThan(0.12);
    expect(r.overall.inSystemAtEnd / 30_000).toBeLessThan(0.21);
    const doc = runExperiment(project);
    expect(doc.scenarios[0]!.instability!.steps[0]!.backlogGrowthPerDay.mean).toBeGreaterThan(200);
  });

  it('a run that reaches the event limit stops with a clear message', () => {
    const project = singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 1_000_000, seed: 9 });
    project.run.maxEvents = 10_000;
    let error: unknown;
    try {
      simulateReplication(project, 'base', 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).code).toBe('event-limit');
    expect((error as Error).message).toBe('The run stopped after 10,000 events (the limit in the run settings). Shorten the simulated duration, lower the arrival rates, or raise the limit.');
  });
});

describe('queueSlope', () => {
  it('is the least-squares slope against the bins’ middles, a short last bin included', () => {
    // Queue = 2 t sampled at the middles 0.5, 1.5, 2.5 and a last half-width bin at 3.25.
    expect(queueSlope([1, 3, 5, 6.5], 1, 3.5)).toBeCloseTo(2, 12);
    expect(queueSlope([4, 4, 4], 10, 30)).toBe(0);
    expect(queueSlope([7], 10, 10)).toBe(0);
  });
});

describe('comparing with a scenario that cannot keep up', () => {
  it('the comparison carries a caveat naming the unstable scenario; stable pairs carry none', async () => {
    const { comparisonCaveat } = await import('../../../src/engine/instability');
    const over = singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 5_000, replications: 3, seed: 7 });
    const fine = singleStationProject({ lambda: 0.5, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 5_000, replications: 3, seed: 7 });
    const a = { ...runExperiment(over).scenarios[0]!, name: 'Today' };
    const b = { ...runExperiment(fine).scenarios[0]!, name: 'Proposal' };
    const caveat = comparisonCaveat(a, b)!;
    expect(caveat).toMatch(/^“Today” cannot keep up: .*depend on the length of the run/);
    expect(caveat).not.toMatch(/Proposal|NaN|undefined/);
    expect(comparisonCaveat(b, a)).toMatch(/^“Today” cannot keep up/);
    expect(comparisonCaveat(b, { ...b, name: 'Other' })).toBeUndefined();
  });
});
