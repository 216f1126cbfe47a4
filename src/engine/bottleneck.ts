// Bottleneck ranking. Rule: steps (with staff) are ordered by their share of all customer
// waiting at steps, highest first; ties (within 0.1 percentage point) by utilisation. The top
// bottleneck is the first; when no one waits at all, the busiest step is named instead.
import { formatShare } from './format';
import type { ScenarioResults } from './aggregate';

export interface BottleneckEntry {
  stepId: string;
  name: string;
  departmentId: string | undefined;
  utilization: number;
  waitingShare: number;
}

export interface Bottlenecks {
  ranking: BottleneckEntry[];
  /** "Credit analysis: 94 % busy, 61 % of all waiting" — or undefined when there are no steps. */
  statement: string | undefined;
}

export function rankBottlenecks(s: Pick<ScenarioResults, 'steps'>): Bottlenecks {
  const ranking = Object.values(s.steps)
    .filter((st) => st.kind === 'step')
    .map((st) => ({
      stepId: st.id,
      name: st.name,
      departmentId: st.departmentId,
      utilization: st.utilization.mean,
      waitingShare: st.waitingShare.mean,
    }))
    .sort((a, b) => (Math.abs(a.waitingShare - b.waitingShare) > 0.001 ? b.waitingShare - a.waitingShare : b.utilization - a.utilization));
  const top = ranking[0];
  let statement: string | undefined;
  if (top) {
    statement =
      top.waitingShare > 0
        ? `${top.name}: ${formatShare(top.utilization)} busy, ${formatShare(top.waitingShare)} of all waiting`
        : `${top.name}: ${formatShare(top.utilization)} busy; nobody waits anywhere`;
  }
  return { ranking, statement };
}
