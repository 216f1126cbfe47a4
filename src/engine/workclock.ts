// Working time: the open time of a calendar between two moments, and the moment a given amount
// of open time has passed. A calendar's plan (calendars.ts) is a run of hourly open flags from the
// Monday 00:00 before the run's start, repeating after its length (a regular week, or the dated
// plan covering the run). Times are in the project's time unit, simulated time 0 being `offset`
// time units after that Monday. Pure: no state changes after construction.
import { SimulationError } from './types';

export class WorkClock {
  /** Open hours before each hour of the plan (length + 1). */
  private readonly cum: Float64Array;
  private readonly len: number;
  /** Open hours in one repetition of the plan. */
  private readonly total: number;
  private readonly base: number;

  constructor(
    private readonly open: Uint8Array,
    /** One hour in the project's time unit. */
    private readonly slot: number,
    /** Time units from the plan's first hour to simulated time 0. */
    private readonly offset: number,
    name = 'the calendar',
  ) {
    this.len = open.length;
    this.cum = new Float64Array(this.len + 1);
    for (let j = 0; j < this.len; j++) this.cum[j + 1] = this.cum[j]! + (open[j] ? 1 : 0);
    this.total = this.cum[this.len]!;
    if (this.total <= 0) throw new SimulationError('invalid-model', `"${name}" is never open during the run, so no working time can pass.`);
    this.base = this.hoursTo(offset);
  }

  /** Open hours from the plan's first hour to `tau` (time units from that hour). */
  private hoursTo(tau: number): number {
    const h = tau / this.slot;
    const reps = Math.floor(h / this.len);
    const r = h - reps * this.len;
    const j = Math.min(this.len - 1, Math.floor(r));
    return reps * this.total + this.cum[j]! + (this.open[j] ? r - j : 0);
  }

  /** Open time (time units) from simulated time 0 to `t`. */
  at(t: number): number {
    return (this.hoursTo(t + this.offset) - this.base) * this.slot;
  }

  /** Open time (time units) between `from` and `to`. */
  between(from: number, to: number): number {
    return to > from ? this.at(to) - this.at(from) : 0;
  }

  /** The earliest moment at which `work` time units of open time have passed since `from`. */
  after(from: number, work: number): number {
    if (!(work > 0)) return from;
    let target = this.hoursTo(from + this.offset) + work / this.slot;
    let reps = Math.floor(target / this.total);
    let rem = target - reps * this.total;
    if (rem <= 0) {
      reps -= 1;
      rem = this.total;
    }
    // The first hour j whose end reaches rem open hours (binary search on the running count).
    let lo = 0;
    let hi = this.len - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid + 1]! >= rem) hi = mid;
      else lo = mid + 1;
    }
    target = (reps * this.len + lo + (rem - this.cum[lo]!)) * this.slot - this.offset;
    return target > from ? target : from;
  }
}
