// Learning curves: a step's service times start longer and shorten to normal over a period.
import { exp, log } from '../math';
import type { LearningCurve } from '../../model/schema';

/**
 * The service-time multiplier of a learning curve at time t: from `multiplier` at 0 back to 1 at
 * the end of the period, linearly, or exponentially with the extra time down to 5 % at the end
 * (and still falling after it).
 */
export function learningFactor(l: LearningCurve, t: number): number {
  const extra = l.multiplier - 1;
  if (extra <= 0) return 1;
  if (l.shape === 'linear') return t >= l.period ? 1 : 1 + extra * (1 - t / l.period);
  return 1 + extra * exp((-t * LN20) / l.period);
}
const LN20 = log(20);
