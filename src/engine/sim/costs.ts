// Money over the observation window from the project's cost assumptions (see Costs in the
// schema): staff-hours on shift, customers lost, and customers at risk of being lost.
import { MINUTES_PER_UNIT } from '../../model/schema';
import type { CostStats } from '../types';
import { available, poolAvailable } from './shifts';
import type { Sim } from './state';

export function costs(s: Sim, windowLength: number, atRisk: number): CostStats {
  const c = s.project.costs;
  const minutesPerUnit = MINUTES_PER_UNIT[s.project.timeUnit];
  const hours = (windowLength * minutesPerUnit) / 60;
  // Staff-hours on shift × cost per hour.
  const toHours = minutesPerUnit / 60;
  let staff = 0;
  s.m.scenario.flow.nodes.forEach((node, i) => {
    if (node.kind === 'step' && node.poolId === undefined) staff += available(s, i, windowLength) * toHours * (node.costPerHour ?? c?.staffPerHour ?? 0);
  });
  (s.m.scenario.flow.pools ?? []).forEach((pool, p) => (staff += poolAvailable(s, p, windowLength) * toHours * (pool.costPerHour ?? c?.staffPerHour ?? 0)));
  const lostCustomers = (s.stats.abandoned + s.stats.turnedAway) * (c?.lostCustomer ?? 0);
  const atRiskLost = atRisk * (c?.shareLostAtRisk ?? 0) * (c?.lostCustomer ?? 0);
  const total = staff + lostCustomers + atRiskLost;
  return {
    staff,
    lostCustomers,
    atRiskLost,
    total,
    perCustomer: s.stats.exited > 0 ? total / s.stats.exited : 0,
    perDay: hours > 0 ? (total / hours) * 24 : 0,
  };
}

/**
 * Money per timeline bin: staff cost spread over the window in proportion to each bin's length
 * (exact for bins of whole weeks, as shift schedules repeat daily or weekly), plus the customers
 * lost and at risk in the bin at the project's prices.
 */
export function binCosts(s: Sim, costs: CostStats, count: number, windowLength: number): number[] {
  const c = s.project.costs;
  const lost = c?.lostCustomer ?? 0;
  const share = c?.shareLostAtRisk ?? 0;
  const binWidth = s.stats.binWidth;
  const out: number[] = [];
  for (let b = 0; b < count; b++) {
    const width = b === count - 1 ? windowLength - b * binWidth : binWidth;
    out.push((windowLength > 0 ? (costs.staff * width) / windowLength : 0) + s.stats.lostBin[b]! * lost + s.stats.atRiskBin[b]! * share * lost);
  }
  return out;
}
