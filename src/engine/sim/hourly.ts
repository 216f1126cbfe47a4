// Hour of the week: for steps whose hours close (a calendar, or shifts with nobody on duty), the
// customers waiting and the staff busy in each of the week's 168 hours (Monday 00:00 first, read
// from run.start), for the heat map in the results. An hourly tick integrates those steps; flows
// without such steps schedule no tick, so their runs are unchanged.
import type { CompiledModel } from '../compile';
import { integrate } from './collect';
import { EV_HOUR } from './kinds';
import type { Sim } from './state';

export class Hourly {
  /** Closable steps (node indices), and per step 168 bins of queue area and busy area. */
  readonly steps: number[] = [];
  readonly queue: Float64Array[] = [];
  readonly busy: Float64Array[] = [];
  /** Staff-time on duty by the plan in each bin, per step. */
  readonly staffTime: Float64Array[] = [];
  /** Window time spent in each hour of the week. */
  readonly time = new Float64Array(168);
  readonly qMark: Float64Array;
  readonly bMark: Float64Array;
  lastT = 0;
  constructor(m: CompiledModel) {
    m.shifts.forEach((sh, i) => {
      if (!sh || !sh.includes(0)) return;
      this.steps.push(i);
      this.queue[i] = new Float64Array(168);
      this.busy[i] = new Float64Array(168);
      this.staffTime[i] = new Float64Array(168);
    });
    this.qMark = new Float64Array(m.nodeIds.length);
    this.bMark = new Float64Array(m.nodeIds.length);
  }
}

/** The first tick: at the first hour boundary after time 0. */
export function startHourly(s: Sim): void {
  if (s.hourly.steps.length === 0) return;
  const first = Math.floor(s.m.clockOffset / s.m.shiftSlot);
  s.cal.schedule((first + 1) * s.m.shiftSlot - s.m.clockOffset, EV_HOUR, first + 1, 0, 0);
}

/** Adds the hour slot that ends at `now` (absolute slot `slot` − 1) to its hour of the week. */
function closeSlot(s: Sim, slot: number, now: number): void {
  const h = s.hourly;
  const bin = (((slot - 1) % 168) + 168) % 168;
  const from = Math.max(h.lastT, s.ws);
  const window = s.inWindow && now > from ? now - from : 0;
  h.lastT = now;
  h.time[bin]! += window;
  const st = s.stats;
  for (const i of h.steps) {
    integrate(s, i, now);
    h.queue[i]![bin]! += st.qArea[i]! - h.qMark[i]!;
    h.busy[i]![bin]! += st.busyArea[i]! - h.bMark[i]!;
    h.qMark[i] = st.qArea[i]!;
    h.bMark[i] = st.busyArea[i]!;
    const sh = s.m.shifts[i]!;
    h.staffTime[i]![bin]! += sh[(slot - 1) % sh.length]! * window;
  }
}

/** EV_HOUR: an hour of the week ends. */
export function onHour(s: Sim, slot: number, now: number): void {
  closeSlot(s, slot, now);
  s.cal.schedule((slot + 1) * s.m.shiftSlot - s.m.clockOffset, EV_HOUR, slot + 1, 0, 0);
}

/** The partial hour at the end of the run. */
export function finishHourly(s: Sim, end: number): void {
  if (s.hourly.steps.length === 0) return;
  closeSlot(s, Math.floor((end + s.m.clockOffset) / s.m.shiftSlot) + 1, end);
}

/** Per closable step: mean customers waiting and busy share (busy staff-time ÷ staff-time on duty; 0 when nobody is) in each hour of the week. */
export function hourlyFigures(s: Sim, i: number): { queue: number[]; busy: number[] } | undefined {
  const h = s.hourly;
  if (!h.queue[i]) return undefined;
  const queue = Array.from(h.queue[i]!, (a, b) => (h.time[b]! > 0 ? a / h.time[b]! : 0));
  const busy = Array.from(h.busy[i]!, (a, b) => (h.staffTime[i]![b]! > 0 ? Math.min(1, a / h.staffTime[i]![b]!) : 0));
  return { queue, busy };
}
