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
  /** Share of the step's waiting while it was closed (a calendar or shifts with nobody on duty). */
  waitingWhileClosed?: number;
  openShare?: number;
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
      ...(st.waitingWhileClosed ? { waitingWhileClosed: st.waitingWhileClosed.mean, openShare: st.openShare } : {}),
    }))
    .sort((a, b) => (Math.abs(a.waitingShare - b.waitingShare) > 0.001 ? b.waitingShare - a.waitingShare : b.utilization - a.utilization));
  const top = ranking[0];
  let statement: string | undefined;
  if (top) {
    statement =
      top.waitingShare > 0
        ? `${top.name}: ${formatShare(top.utilization)} busy, ${formatShare(top.waitingShare)} of all waiting${closedWords(top)}`
        : `${top.name}: ${formatShare(top.utilization)} busy; nobody waits anywhere`;
  }
  return { ranking, statement };
}

/**
 * "; most of this waiting is overnight: it is closed 15 of 24 hours" when more than half of the
 * step's waiting fell in hours it was closed (staff cannot fix that; opening hours can).
 */
export function closedWords(e: Pick<BottleneckEntry, 'waitingWhileClosed' | 'openShare'>): string {
  if (e.waitingWhileClosed === undefined || e.openShare === undefined || !(e.waitingWhileClosed > 0.5)) return '';
  const closedHours = Math.round((1 - e.openShare) * 24 * 10) / 10;
  return `; most of this waiting (${formatShare(e.waitingWhileClosed)}) is overnight or at weekends, while it is closed (${closedHours.toLocaleString('en')} of 24 hours on average)`;
}
