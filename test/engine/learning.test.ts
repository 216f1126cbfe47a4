// Learning curve: every service time drawn is the normal time × the documented multiplier at the
// moment service starts (checked exactly with a constant service time, customer by customer).
import { describe, expect, it } from 'vitest';
import { learningFactor, simulateReplication } from '../../src/engine/simulate';
import { TRACE } from '../../src/engine/types';
import { Project, type LearningCurve } from '../../src/model/schema';
import { edge, flowProject, poisson } from './helpers';

function run(learning: LearningCurve, viaPool: boolean) {
  const p = flowProject({
    nodes: [
      poisson('in', 0.05),
      { id: 's', kind: 'step', name: 'New process', departmentId: 'd', staff: 3, service: { kind: 'constant', value: 10 }, ...(viaPool ? { poolId: 'team' } : { learning }) },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: 3000,
  });
  if (viaPool) p.scenarios[0]!.flow.pools = [{ id: 'team', name: 'Team', size: 3, learning }];
  const started = new Map<number, number>();
  const durations: { start: number; duration: number }[] = [];
  simulateReplication(Project.parse(p), 'base', 0, {
    trace: (kind, t, c, _k, a) => {
      if ((kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) && a === 1) started.set(c, t);
      if (kind === TRACE.MOVE && a === 1) {
        durations.push({ start: started.get(c)!, duration: t - started.get(c)! });
        started.delete(c);
      }
    },
  });
  return durations;
}

describe('learning curve', () => {
  it('the multiplier falls linearly to 1 over the period, or exponentially to 5 % of the extra', () => {
    const linear: LearningCurve = { multiplier: 1.4, period: 1000, shape: 'linear' };
    expect(learningFactor(linear, 0)).toBe(1.4);
    expect(learningFactor(linear, 500)).toBeCloseTo(1.2, 12);
    expect(learningFactor(linear, 1000)).toBe(1);
    expect(learningFactor(linear, 5000)).toBe(1);
    const expo: LearningCurve = { multiplier: 1.4, period: 1000, shape: 'exponential' };
    expect(learningFactor(expo, 0)).toBeCloseTo(1.4, 12);
    expect(learningFactor(expo, 1000)).toBeCloseTo(1 + 0.4 * 0.05, 12);
    expect(learningFactor({ ...expo, multiplier: 1 }, 10)).toBe(1);
  });

  for (const viaPool of [false, true]) {
    for (const shape of ['linear', 'exponential'] as const) {
      it(`every service time is 10 × the factor at its start (${shape}${viaPool ? ', set on the pool' : ''})`, () => {
        const curve: LearningCurve = { multiplier: 1.5, period: 2000, shape };
        const d = run(curve, viaPool);
        expect(d.length).toBeGreaterThan(100);
        for (const x of d) expect(x.duration).toBeCloseTo(10 * learningFactor(curve, x.start), 9);
        expect(d.some((x) => x.duration > 14)).toBe(true); // early customers took longer
      });
    }
  }
});
