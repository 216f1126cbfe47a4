// The pre-run estimate for a step whose staff or arrivals change over the week (a calendar, shifts,
// an arrival profile). Averaging the week and applying Erlang C as if work went on round the clock
// misses the main waiting of an office: customers who arrive while it is closed. Instead, hour by
// hour over a regular week (168 hours, Monday 00:00 first):
// - a fluid queue: customers who arrive while there is not enough staff (closed: nobody) pile up,
//   and are worked off when staff come on duty at the rate c·μ − λ (staff on duty × service rate,
//   less the customers still arriving); their waiting is the area under that queue (Little's law);
// - within open hours with no backlog left, Erlang C with that hour's arrival rate and staff on
//   duty (a pointwise-stationary approximation: each hour as if it lasted); at closing time (or
//   when fewer staff come on) the customers then queueing by chance (Erlang C's mean queue) are
//   left over and join the backlog — in an office they wait the night.
// The week is repeated until the backlog carried from one week into the next settles (the weekend's
// backlog reaches Monday). Customers reach a step in the hour pattern in which they enter the flow
// (time spent upstream does not shift it). An approximation: the fluid queue ignores chance, so the
// morning backlog is cleared a little faster than in reality; tests hold it within a stated factor.
import { allenCunneen, mmc } from './analytic';

export interface WeekEstimate {
  /** Mean wait per customer (Erlang C within open hours + the fluid backlog). */
  meanWait: number;
  /** The same with Allen–Cunneen instead of Erlang C in open hours. */
  meanWaitAC: number;
  /** The fluid part: waiting for staff to come on duty and work off what piled up. */
  backlogWait: number;
  /** Hours a week with staff on duty, and their mean number then. */
  openHours: number;
  staffOnDuty: number;
  /** Customers per time unit while staff are on duty (arrivals of open hours only). */
  openArrivalRate: number;
  /** When customers leave, hour by hour over the week (168, mean 1): the next step's arrival pattern. */
  outflow: number[];
}

const HOURS = 168;

/** A plan (24 hours, 168 or a whole dated run from a Monday) folded onto one week: the mean per hour of the week. */
export function foldWeek(values: readonly number[]): number[] {
  const sum = new Array<number>(HOURS).fill(0);
  const count = new Array<number>(HOURS).fill(0);
  const len = values.length;
  if (len === 0) return sum;
  const span = Math.max(HOURS, len);
  for (let j = 0; j < span; j++) {
    sum[j % HOURS]! += values[j % len]!;
    count[j % HOURS]!++;
  }
  return sum.map((s, h) => s / count[h]!);
}

/**
 * The week's estimate for a step (or a staff pool) with mean arrival rate `lambda` and mean service
 * time `meanService` (both in time units), service SCV `scv`, staff on duty hour by hour `staff`
 * (168) and the arrivals' shape `shape` (168, mean 1). `hour` is an hour in time units.
 * Call only when the week's work fits into the staff hours (utilisation < 1).
 */
export function weekEstimate(lambda: number, meanService: number, scv: number, staff: readonly number[], shape: readonly number[], hour: number): WeekEstimate {
  const mu = 1 / meanService;
  const lam = shape.map((x) => lambda * x);
  const cap = staff.map((s) => s * mu);
  // Erlang C hour by hour, as if each hour with staff lasted (none where the hour is overloaded).
  const servers = staff.map((s) => Math.max(1, Math.round(s)));
  const steady = (h: number) => lam[h]! > 0 && staff[h]! > 0 && lam[h]! < servers[h]! * mu;
  // Near full load an hour's steady state is never reached: the queue of a random walk started
  // empty t ago averages about √(4λt/π) (reflected Brownian motion, variance 2λ per time unit), t
  // the time since staff came on duty. The steady-state wait is held to that (else a step fed at
  // exactly its own capacity by the step before it would be given an unbounded queue).
  const onDuty = new Array<number>(HOURS).fill(0);
  for (let k = 0; k < 2 * HOURS; k++) {
    const h = k % HOURS;
    onDuty[h] = staff[h]! > 0 ? onDuty[(h + HOURS - 1) % HOURS]! + 1 : 0;
  }
  const cap_ = (l: number, h: number, w: number) => Math.min(w, Math.sqrt((4 * l * Math.min(onDuty[h]!, HOURS) * hour) / Math.PI) / l);
  const wq = lam.map((l, h) => (steady(h) ? cap_(l, h, mmc(l, mu, servers[h]!).meanWait) : 0));
  const wqAC = lam.map((l, h) => (steady(h) ? cap_(l, h, allenCunneen(l, meanService, 1, scv, servers[h]!)) : 0));
  // Fluid queue over the week, repeated until the queue at Monday 00:00 settles.
  let q = 0;
  let area = 0;
  const emptyShare = new Array<number>(HOURS).fill(0);
  const outflow = new Array<number>(HOURS).fill(0);
  for (let week = 0; week < 500; week++) {
    const startQ = q;
    area = 0;
    for (let h = 0; h < HOURS; h++) {
      const before = q + lam[h]! * hour;
      const d = (lam[h]! - cap[h]!) * hour; // queue change over the hour
      if (q + d >= 0 && !(q === 0 && d <= 0)) {
        area += (q + q + d) * 0.5 * hour;
        q += d;
        emptyShare[h] = 0;
      } else {
        // The backlog (if any) is gone after q / −d of the hour; the rest of the hour it is empty.
        const tau = q > 0 ? q / -d : 0;
        area += q * tau * 0.5 * hour;
        q = 0;
        emptyShare[h] = 1 - tau;
      }
      // Fewer staff next hour (closing time, lunch, a shift ending): the customers queueing by
      // chance (Erlang C's mean queue λ·Wq) are left waiting and join the backlog.
      outflow[h] = before - q;
      if (q === 0 && staff[(h + 1) % HOURS]! < staff[h]!) {
        q = lam[h]! * wq[h]!;
        outflow[h] = Math.max(0, outflow[h]! - q);
      }
    }
    if (Math.abs(q - startQ) <= 1e-9 * (1 + q)) break;
  }
  let arrivals = 0;
  let ec = 0;
  let ac = 0;
  let openHours = 0;
  let staffHours = 0;
  let openArrivals = 0;
  for (let h = 0; h < HOURS; h++) {
    const n = lam[h]! * hour;
    arrivals += n;
    if (staff[h]! > 0) {
      openHours++;
      staffHours += staff[h]!;
      openArrivals += n;
    }
    ec += n * emptyShare[h]! * wq[h]!;
    ac += n * emptyShare[h]! * wqAC[h]!;
  }
  const per = (x: number) => (arrivals > 0 ? x / arrivals : 0);
  const backlogWait = per(area);
  return {
    meanWait: backlogWait + per(ec),
    meanWaitAC: backlogWait + per(ac),
    backlogWait,
    openHours,
    staffOnDuty: openHours > 0 ? staffHours / openHours : 0,
    openArrivalRate: openHours > 0 ? openArrivals / (openHours * hour) : 0,
    outflow: meanOne(outflow) ?? new Array<number>(HOURS).fill(1),
  };
}

/** Values scaled to mean 1, or undefined when they are all 0. */
export function meanOne(values: readonly number[]): number[] | undefined {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return mean > 0 ? values.map((x) => x / mean) : undefined;
}

/**
 * The hour pattern after a delay of mean `mean` and spread `sd` (hours): the pattern smeared by a
 * normal curve wrapped around the week (a delay of 2 days ± 1 day spreads documents over the day
 * and night; an exact 2 days keeps the hour of day).
 */
export function afterDelay(shape: readonly number[], mean: number, sd: number): number[] {
  const kernel = new Array<number>(HOURS).fill(0);
  if (sd < 0.3) kernel[((Math.round(mean) % HOURS) + HOURS) % HOURS] = 1;
  else {
    for (let d = 0; d < HOURS; d++) {
      const base = d - (mean % HOURS);
      for (let n = -3; n <= 3; n++) {
        const z = (base + n * HOURS) / sd;
        if (Math.abs(z) < 8) kernel[d]! += Math.exp(-0.5 * z * z);
      }
    }
    const total = kernel.reduce((a, b) => a + b, 0);
    for (let d = 0; d < HOURS; d++) kernel[d]! /= total;
  }
  const out = new Array<number>(HOURS).fill(0);
  for (let h = 0; h < HOURS; h++) {
    const x = shape[h]!;
    if (x === 0) continue;
    for (let d = 0; d < HOURS; d++) if (kernel[d]! > 0) out[(h + d) % HOURS]! += x * kernel[d]!;
  }
  return out;
}
