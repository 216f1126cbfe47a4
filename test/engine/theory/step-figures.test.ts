// The figures per step and per class that an outside check against queueing theory asked for:
// time at the step per visit (waiting + service), the share of visits that waited at all,
// arrivals per time unit, the mean waiting of those who gave up, and the mean queue per class.
import { describe, expect, it } from 'vitest';
import { mmc } from '../../../src/engine/analytic';
import { aggregateScenario } from '../../../src/engine/aggregate';
import { simulateReplication } from '../../../src/engine/simulate';
import { singleStationProject } from '../helpers';
import { expectWithinCI, replicate } from './support';

describe('per-step and per-class figures against M/M/c', () => {
  it('M/M/2 at ρ = 0.8 with two classes (30 % / 70 %, one queue in arrival order)', () => {
    const lambda = 1.6;
    const project = singleStationProject({
      lambda,
      station: { staff: 2, service: { kind: 'exponential', mean: 1 } },
      classes: [
        { id: 'a', share: 0.3, priority: 0 },
        { id: 'b', share: 0.7, priority: 0 },
      ],
      customers: 60_000,
      warmup: 500,
      seed: 606,
    });
    const reps = replicate(project, 12);
    const theory = mmc(lambda, 1, 2);
    expectWithinCI(reps.map((r) => r.steps.s!.timeAtStep), theory.meanWait + 1, 'W = Wq + E[S] per visit');
    expectWithinCI(reps.map((r) => r.steps.s!.waitedShare), theory.pWait, 'P(wait > 0)');
    expectWithinCI(reps.map((r) => r.steps.s!.arrivalRate), lambda, 'arrivals per minute');
    // Each class waits like everyone (FIFO): its mean queue is its share of Lq.
    expectWithinCI(reps.map((r) => r.classes.a!.queueLength.mean), 0.3 * theory.meanQueue, 'Lq of class a');
    expectWithinCI(reps.map((r) => r.classes.b!.queueLength.mean), 0.7 * theory.meanQueue, 'Lq of class b');
    // The class queues add up to the step's queue, exactly (same time integral, split by class).
    for (const r of reps) {
      expect(r.classes.a!.queueLength.mean + r.classes.b!.queueLength.mean).toBeCloseTo(r.steps.s!.queueLength.mean, 9);
      expect(r.classes.a!.queueLength.max).toBeLessThanOrEqual(r.steps.s!.queueLength.max);
    }
    // Arrivals per time unit are the step's arrivals over the window.
    const r0 = reps[0]!;
    expect(r0.steps.s!.arrivalRate * (r0.windowEnd - r0.windowStart)).toBeCloseTo(r0.steps.s!.arrivals, 6);
  });

  it('constant patience: everyone who gives up waited exactly that long', () => {
    const project = singleStationProject({
      lambda: 1.2,
      station: { staff: 1, service: { kind: 'exponential', mean: 1 }, patience: { kind: 'constant', value: 3 } },
      duration: 20_000,
      warmup: 100,
      seed: 707,
    });
    const r = simulateReplication(project, 'base', 0);
    expect(r.steps.s!.abandoned).toBeGreaterThan(100);
    expect(r.steps.s!.abandonedWait).toBeCloseTo(3, 9);
    // Nobody who was served waited 3 or more, so the time at the step is below 3 + service.
    expect(r.steps.s!.waitingTime.max).toBeLessThanOrEqual(3 + 1e-9);
    const agg = aggregateScenario(project, project.scenarios[0]!, [r, simulateReplication(project, 'base', 1)]);
    expect(agg.steps.s!.abandonedWait.mean).toBeCloseTo(3, 9);
  });

  it('nobody gives up: the waiting of those who gave up is 0, not a division by zero', () => {
    const project = singleStationProject({ lambda: 0.5, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 2000, seed: 1 });
    const r = simulateReplication(project, 'base', 0);
    expect(r.steps.s!.abandoned).toBe(0);
    expect(r.steps.s!.abandonedWait).toBe(0);
    const agg = aggregateScenario(project, project.scenarios[0]!, [r]);
    expect(Number.isFinite(agg.steps.s!.abandonedWait.mean)).toBe(true);
  });
});
