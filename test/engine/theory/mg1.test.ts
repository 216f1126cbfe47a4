import { describe, it } from 'vitest';
import { mg1PollaczekKhinchine } from '../../../src/engine/analytic';
import { singleStationProject } from '../helpers';
import { expectWithinCI, replicate } from './support';

describe('M/G/1 against Pollaczek–Khinchine', () => {
  it('constant service (M/D/1), ρ = 0.8', () => {
    const lambda = 0.8;
    const project = singleStationProject({ lambda, station: { staff: 1, service: { kind: 'constant', value: 1 } }, customers: 80_000, warmup: 1000, seed: 303 });
    const reps = replicate(project, 12);
    expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), mg1PollaczekKhinchine(lambda, 1, 0).meanWait, 'Wq M/D/1');
  });

  it('lognormal service (mean 1, sd 1.5), ρ = 0.7', () => {
    const lambda = 0.7;
    const project = singleStationProject({
      lambda,
      station: { staff: 1, service: { kind: 'lognormal', mean: 1, sd: 1.5 } },
      customers: 150_000,
      warmup: 1000,
      seed: 304,
    });
    const reps = replicate(project, 14);
    expectWithinCI(reps.map((r) => r.overall.waitingTime.mean), mg1PollaczekKhinchine(lambda, 1, 2.25).meanWait, 'Wq M/LN/1');
  });
});
