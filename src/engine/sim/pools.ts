// Staff pools: staff shared by several steps. A member of staff who comes free serves the step
// with the lowest pool priority that has someone waiting, longest-waiting first.
import type { CompiledModel } from '../compile';
import { integrate } from './collect';
import { poolStaffHome } from './shifts';
import type { Sim } from './state';
import { dequeue, peek, startFromQueue } from './stations';

export class Pools {
  /** Staff of each pool in service now. */
  readonly busy: Int32Array;
  /** Staff of each pool present now (changes only with shifts). */
  readonly cap: Int32Array;
  constructor(m: CompiledModel) {
    this.busy = new Int32Array(m.poolSize.length);
    this.cap = Int32Array.from(m.poolSize);
  }
}

/**
 * The pool step whose waiting customer gets the next free member of staff: the lowest pool
 * priority first (the steps are listed in that order), then the customer who has waited longest
 * (the earliest queue entry among the heads of the queues); −1 when nobody waits.
 */
export function pickFromPool(s: Sim, p: number): number {
  const steps = s.m.poolSteps[p]!;
  let best = -1;
  let bestPriority = 0;
  let bestSince = Infinity;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    const priority = s.m.poolPriority[step]!;
    if (best >= 0 && priority > bestPriority) break;
    if (s.stations.qlen[step] === 0 || s.stations.stepDown[step] !== 0) continue;
    const c = peek(s, step);
    if (c < 0) continue;
    const since = s.cust.qEnter[c]!;
    if (best < 0 || since < bestSince) {
      best = step;
      bestPriority = priority;
      bestSince = since;
    }
  }
  return best;
}

/** A member of pool p finished at `node`: serves the next customer of the pool, or goes home. */
export function poolStaffFree(s: Sim, p: number, node: number, now: number): void {
  const pools = s.pools;
  pools.busy[p]!--;
  const step = pools.busy[p]! < pools.cap[p]! ? pickFromPool(s, p) : -1;
  if (step >= 0 && step !== node) integrate(s, step, now);
  const next = step >= 0 ? dequeue(s, step) : -1;
  if (next >= 0) startFromQueue(s, step, next, now);
  else if (s.shifts.poolOvertime[p]! > 0) poolStaffHome(s, p, now);
}

/** Free staff of pool p start on the waiting customers of its steps, as many as can. */
export function fillPool(s: Sim, p: number, now: number): void {
  const pools = s.pools;
  while (pools.busy[p]! < pools.cap[p]!) {
    const step = pickFromPool(s, p);
    if (step < 0) break;
    integrate(s, step, now);
    const next = dequeue(s, step);
    if (next < 0) break;
    startFromQueue(s, step, next, now);
  }
}
