// The bounds of the project file (docs/model-format.md, "Limits") and the zod number types that
// enforce them, with their messages in the user's words. Used by schema.ts.
import { z } from 'zod';

/**
 * What the engine can hold and sample (docs/model-format.md, "Limits"). Times are in the project's
 * time unit; a number outside these bounds is refused when the file is loaded, never wrapped or
 * rounded away.
 */
export const LIMITS = {
  /** Longest time anywhere (means, spreads, bounds, run length, thresholds). */
  maxTime: 1e9,
  /** Shortest time above 0 (a mean, or a fixed duration that is not 0). */
  minTime: 1e-9,
  /** A spread (sd) at most this many times its mean (lognormal, gamma, Weibull; a normal truncated at 0 may be wider). */
  maxSpreadRatio: 100,
  /** Arrivals per rate period. */
  minRate: 1e-6,
  maxRate: 1e6,
  /** Relative weights (class shares, class mixes) and hourly rate multipliers. */
  maxShare: 1e6,
  maxMultiplier: 1000,
  /** Money: per staff hour, and per lost customer. */
  maxCostPerHour: 1e6,
  maxCostPerCustomer: 1e9,
  maxStaff: 10_000,
  maxCapacity: 1_000_000,
  /** Size of a model. */
  maxNodes: 5000,
  maxEdges: 20_000,
  maxClasses: 1000,
  maxDepartments: 1000,
  maxScenarios: 100,
  /** Customer classes × steps and delays in one scenario (service times are kept per pair). */
  maxClassSteps: 1_000_000,
  /** Splits and joins one after another with no step or delay between them. */
  maxZeroTimeDepth: 500,
} as const;

/** 10000 → "10,000"; 1e-6 → "0.000001". */
export const formatLimit = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 10 });

export const finite = () => z.number({ error: 'must be a number' });
/** A time: 0, or between LIMITS.minTime and LIMITS.maxTime. */
export const time = finite()
  .min(0, 'must be 0 or more')
  .max(LIMITS.maxTime, `must be at most ${formatLimit(LIMITS.maxTime)}`)
  .refine((v) => v === 0 || v >= LIMITS.minTime, `must be 0, or at least ${formatLimit(LIMITS.minTime)}`);
/** A time above 0. */
export const positiveTime = finite()
  .positive('must be greater than 0')
  .max(LIMITS.maxTime, `must be at most ${formatLimit(LIMITS.maxTime)}`)
  .refine((v) => v <= 0 || v >= LIMITS.minTime, `must be at least ${formatLimit(LIMITS.minTime)}`);
export const positive = positiveTime;
export const nonNegative = time;
export const weight = finite().min(0, 'must be 0 or more').max(LIMITS.maxShare, `must be at most ${formatLimit(LIMITS.maxShare)}`);
export const share = finite().min(0, 'must be between 0 % and 100 %').max(1, 'must be between 0 % and 100 %');
export const money = (max: number) => finite().min(0, 'must be 0 or more').max(max, `must be at most ${formatLimit(max)}`);
/** A whole number from min to max; `unit` words the maximum ("at most 10,000 staff"). */
export const whole = (min: number, max: number, unit = '') =>
  finite()
    .int('must be a whole number')
    .min(min, min === 0 ? 'must be 0 or more' : `must be at least ${formatLimit(min)}${unit}`)
    .max(max, `must be at most ${formatLimit(max)}${unit}`);
export const staffCount = whole(0, LIMITS.maxStaff, ' staff');
export const list = <T extends z.ZodType>(item: T, max: number, what: string) => z.array(item).max(max, `are too many: at most ${formatLimit(max)} ${what}`);
