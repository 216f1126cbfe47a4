// Replicate a metric and compare with theory: the theoretical value must lie inside the 99 %
// confidence interval of the replication mean (Student t). Seeds are fixed, so a pass is
// reproducible; the interval is never widened to make a run pass.
import jStat from 'jstat';
import { expect } from 'vitest';
import type { Project } from '../../../src/model/schema';
import { simulateReplication } from '../../../src/engine/simulate';
import type { ReplicationResult } from '../../../src/engine/types';
import { mean, variance } from '../../../src/engine/stats';

export function replicate(project: Project, replications: number, scenarioId = 'base'): ReplicationResult[] {
  return Array.from({ length: replications }, (_, r) => simulateReplication(project, scenarioId, r));
}

export function ci99(values: number[]): { mean: number; half: number } {
  const n = values.length;
  return { mean: mean(values), half: jStat.studentt.inv(0.995, n - 1) * Math.sqrt(variance(values) / n) };
}

/** Asserts that `theory` lies in the 99 % CI of the replication values. */
export function expectWithinCI(values: number[], theory: number, label: string): void {
  const { mean: m, half } = ci99(values);
  const msg = `${label}: simulated ${m.toPrecision(5)} ± ${half.toPrecision(3)} (99 % CI), theory ${theory.toPrecision(5)}`;
  expect(Math.abs(m - theory), msg).toBeLessThanOrEqual(half);
  // The interval must also be informative: not wider than 10 % of the value (or an absolute floor).
  expect(half, `${label}: the CI is too wide to say anything`).toBeLessThan(Math.max(0.1 * Math.abs(theory), 0.005));
}
