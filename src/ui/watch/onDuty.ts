// Staff on duty at a step at a moment of a run, as the engine counts them: a step's own staff,
// the hour's number from its shift plan, or its pool's (shared with the pool's other steps).
// Simulated time 0 is the run's start (a Monday 00:00 without one); a plan repeats daily (24
// numbers) or weekly (168), counted from the Monday 00:00 before the start.
import { startOffsetMinutes } from '../../model/clock';
import { MINUTES_PER_UNIT, type Flow, type StepNode, type TimeUnit } from '../../model/schema';

export interface OnDuty {
  /** People on duty now (for a pool: the whole pool's). */
  count: number;
  /** The pool the step draws on, if any. */
  pool?: { id: string; name: string };
}

export function staffOnDuty(flow: Flow, step: StepNode, time: number, unit: TimeUnit, start?: string): OnDuty {
  const hour = Math.max(0, Math.floor((time * MINUTES_PER_UNIT[unit] + startOffsetMinutes(start)) / 60));
  const at = (hours: readonly number[]) => hours[hour % hours.length] ?? 0;
  if (step.poolId !== undefined) {
    const pool = flow.pools?.find((p) => p.id === step.poolId);
    if (!pool) return { count: 0 };
    return { count: pool.shifts ? at(pool.shifts.staff) : pool.size, pool: { id: pool.id, name: pool.name } };
  }
  return { count: step.shifts ? at(step.shifts.staff) : step.staff };
}
