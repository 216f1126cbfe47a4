import { describe, it } from 'vitest';
import { mmc } from '../../../src/engine/analytic';
import { singleStationProject } from '../helpers';
import { expectWithinCI, replicate } from './support';

describe('M/M/1 against theory', () => {
  for (const rho of [0.5, 0.8, 0.9]) {
    it(`ρ = ${rho}: mean wait, mean queue, utilisation`, () => {
      const mu = 1;
      const lambda = rho * mu;
      const customers = rho === 0.9 ? 200_000 : 60_000;
      const project = singleStationProject({
        lambda,
        station: { staff: 1, service: { kind: 'exponential', mean: 1 / mu } },
        customers,
        warmup: 2000,
        seed: 101,
      });
      const reps = replicate(project, 12);
      const theory = mmc(lambda, mu, 1);
      expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), theory.meanWait, 'Wq');
      expectWithinCI(reps.map((r) => r.steps.s!.queueLength.mean), theory.meanQueue, 'Lq');
      expectWithinCI(reps.map((r) => r.steps.s!.utilization), rho, 'utilisation');
    });
  }
});

describe('M/M/c (Erlang C) against theory', () => {
  it('c = 4, ρ = 0.85: probability of waiting, mean wait, P(wait > t)', () => {
    const c = 4;
    const mu = 1 / 10; // mean service 10 min
    const lambda = 0.85 * c * mu;
    const project = singleStationProject({
      lambda,
      station: { staff: c, service: { kind: 'exponential', mean: 10 } },
      customers: 200_000,
      warmup: 2000,
      seed: 202,
      serviceLevels: [
        { id: 'w0', name: 'no wait', measure: 'waitingTime', threshold: 0 },
        { id: 'w10', name: 'within 10', measure: 'waitingTime', threshold: 10 },
        { id: 'w30', name: 'within 30', measure: 'waitingTime', threshold: 30 },
      ],
    });
    const reps = replicate(project, 12);
    const theory = mmc(lambda, mu, c);
    expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), theory.meanWait, 'Wq');
    expectWithinCI(reps.map((r) => 1 - r.overall.serviceLevel.w0!), theory.pWait, 'P(wait)');
    expectWithinCI(reps.map((r) => 1 - r.overall.serviceLevel.w10!), theory.pWaitExceeds(10), 'P(wait > 10)');
    expectWithinCI(reps.map((r) => 1 - r.overall.serviceLevel.w30!), theory.pWaitExceeds(30), 'P(wait > 30)');
  });
});
