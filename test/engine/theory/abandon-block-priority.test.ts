import { describe, it } from 'vitest';
import { cobhamMMc, erlangA, mmcK } from '../../../src/engine/analytic';
import { singleStationProject } from '../helpers';
import { expectWithinCI, replicate } from './support';

describe('Erlang-A (M/M/c+M): customers who give up', () => {
  it('c = 3, offered load 3.3 staff, mean patience 5 min', () => {
    const mu = 1 / 2;
    const lambda = 1.65;
    const theta = 1 / 5;
    const project = singleStationProject({
      lambda,
      station: { staff: 3, service: { kind: 'exponential', mean: 2 }, patience: { kind: 'exponential', mean: 5 } },
      customers: 60_000,
      warmup: 500,
      seed: 404,
    });
    const reps = replicate(project, 12);
    const theory = erlangA(lambda, mu, 3, theta);
    expectWithinCI(reps.map((r) => r.overall.abandonedShare), theory.pAbandon, 'P(abandon)');
    expectWithinCI(reps.map((r) => r.steps.s!.queueLength.mean), theory.meanQueue, 'Lq');
  });
});

describe('M/M/c/K: customers turned away', () => {
  it('c = 2, 3 waiting places, ρ = 0.9', () => {
    const lambda = 1.8;
    const project = singleStationProject({
      lambda,
      station: { staff: 2, service: { kind: 'exponential', mean: 1 }, capacity: 3 },
      customers: 60_000,
      warmup: 200,
      seed: 505,
    });
    const reps = replicate(project, 12);
    const theory = mmcK(lambda, 1, 2, 5);
    expectWithinCI(reps.map((r) => r.overall.turnedAwayShare), theory.pBlock, 'P(turned away)');
    expectWithinCI(reps.map((r) => r.steps.s!.waitingTime.mean), theory.meanWait, 'Wq of admitted');
  });
});

describe('Non-preemptive priority (Cobham)', () => {
  it('two classes, M/M/2, ρ = 0.85', () => {
    const mu = 1;
    const lambdas = [0.6, 1.1];
    const project = singleStationProject({
      lambda: lambdas[0]! + lambdas[1]!,
      classes: [
        { id: 'urgent', share: lambdas[0]!, priority: 0 },
        { id: 'normal', share: lambdas[1]!, priority: 1 },
      ],
      station: { staff: 2, service: { kind: 'exponential', mean: 1 / mu }, discipline: 'priority' },
      customers: 100_000,
      warmup: 1000,
      seed: 606,
    });
    const reps = replicate(project, 12);
    const theory = cobhamMMc(lambdas, mu, 2);
    expectWithinCI(reps.map((r) => r.classes.urgent!.waitingTime.mean), theory[0]!, 'W urgent');
    expectWithinCI(reps.map((r) => r.classes.normal!.waitingTime.mean), theory[1]!, 'W normal');
  });
});
