// Shifts: the staff on duty at a step or in a pool change by the hour slot. When a shift ends,
// those serving finish their customer, stay on while anybody waits ('serve-waiting': overtime),
// or hand the customer over to the next shift ('hand-over'). Also the staff-time available.
import type { CompiledModel } from '../compile';
import { TRACE } from '../types';
import { changeQueue, integrate } from './collect';
import { EV_POOL_SHIFT, EV_SHIFT } from './kinds';
import { fillPool } from './pools';
import { logHandOver } from './servicelog';
import type { Sim } from './state';
import { fillStep } from './stations';

export class Shifts {
  // Staff present integrated over the window (available staff-time), for steps and pools with shifts.
  readonly capArea: Float64Array;
  readonly capLastT: Float64Array;
  readonly poolCapArea: Float64Array;
  readonly poolCapLastT: Float64Array;
  // Staff staying after their shift until nobody waits (shifts with 'serve-waiting'); they are
  // counted in the staff present (stations.onShiftNow / pools.cap) while they stay.
  readonly overtime: Int32Array;
  readonly poolOvertime: Int32Array;
  readonly hasHandOver: boolean;
  // Steps whose own plan has hours with nobody on duty (closed): the queue area while closed.
  readonly closable: Uint8Array;
  readonly closedQArea: Float64Array;
  readonly qMark: Float64Array;
  constructor(m: CompiledModel) {
    const n = m.nodeIds.length;
    const np = m.poolSize.length;
    this.capArea = new Float64Array(n);
    this.capLastT = new Float64Array(n);
    this.poolCapArea = new Float64Array(np);
    this.poolCapLastT = new Float64Array(np);
    this.overtime = new Int32Array(n);
    this.poolOvertime = new Int32Array(np);
    this.hasHandOver = m.handOver.includes(1) || m.poolHandOver.includes(1);
    this.closable = Uint8Array.from(m.shifts, (sh) => (sh && sh.includes(0) ? 1 : 0));
    this.closedQArea = new Float64Array(n);
    this.qMark = new Float64Array(n);
  }
}

/** Staff on duty in the slot the run starts in, and the first change of every shift plan. */
export function startShifts(s: Sim): void {
  // Slots are counted from the Monday 00:00 before the start (slot 0 when the run starts then).
  const first = Math.floor(s.m.clockOffset / s.m.shiftSlot);
  s.m.shifts.forEach((sh, i) => {
    if (!sh) return;
    s.stations.onShiftNow[i] = sh[first % sh.length]!;
    scheduleShift(s, EV_SHIFT, i, sh, first);
  });
  s.m.poolShifts.forEach((sh, p) => {
    if (!sh) return;
    s.pools.cap[p] = sh[first % sh.length]!;
    scheduleShift(s, EV_POOL_SHIFT, p, sh, first);
  });
}

/** Schedules the next hour slot after `slot` where the staff on shift differ, if any. */
function scheduleShift(s: Sim, kind: number, who: number, sh: Int32Array, slot: number): void {
  const len = sh.length;
  const current = sh[slot % len]!;
  for (let j = slot + 1; j <= slot + len; j++) {
    if (sh[j % len] !== current) {
      s.cal.schedule(j * s.m.shiftSlot - s.m.clockOffset, kind, who, j, 0);
      return;
    }
  }
}

/** Integrates the staff on shift at a step (or pool) up to `now`, over the window only. */
function integrateCap(s: Sim, area: Float64Array, lastT: Float64Array, i: number, value: number, now: number): void {
  const last = lastT[i]!;
  if (now <= last) return;
  lastT[i] = now;
  if (!s.inWindow) return;
  const from = last < s.ws ? s.ws : last;
  if (now > from) area[i]! += value * (now - from);
}

/** EV_SHIFT: a step's shift changes: more staff start on waiting customers; fewer finish who they serve. */
export function onShift(s: Sim, node: number, slot: number, now: number): void {
  const st = s.stations;
  const sh = s.m.shifts[node]!;
  integrateCap(s, s.shifts.capArea, s.shifts.capLastT, node, st.onShiftNow[node]!, now);
  if (s.shifts.closable[node]) markClosed(s, node, now);
  const duty = sh[slot % sh.length]!;
  // With overtime, those busy beyond the new shift stay on until nobody waits.
  s.shifts.overtime[node] = s.m.serveWaiting[node] ? Math.max(0, st.busy[node]! - duty) : 0;
  st.onShiftNow[node] = duty + s.shifts.overtime[node]!;
  if (s.m.handOver[node]) while (st.busy[node]! > duty) handOver(s, node, now);
  fillStep(s, node, now);
  scheduleShift(s, EV_SHIFT, node, sh, slot);
}

/** EV_POOL_SHIFT: the same for a pool, handing over from its steps, the last in serving order first. */
export function onPoolShift(s: Sim, p: number, slot: number, now: number): void {
  const pools = s.pools;
  const sh = s.m.poolShifts[p]!;
  integrateCap(s, s.shifts.poolCapArea, s.shifts.poolCapLastT, p, pools.cap[p]!, now);
  const duty = sh[slot % sh.length]!;
  s.shifts.poolOvertime[p] = s.m.poolServeWaiting[p] ? Math.max(0, pools.busy[p]! - duty) : 0;
  pools.cap[p] = duty + s.shifts.poolOvertime[p]!;
  if (s.m.poolHandOver[p]) {
    const steps = s.m.poolSteps[p]!;
    for (let k = steps.length - 1; k >= 0 && pools.busy[p]! > duty; k--) {
      while (pools.busy[p]! > duty && s.stations.serving[steps[k]!]!.length > 0) handOver(s, steps[k]!, now);
    }
  }
  fillPool(s, p, now);
  scheduleShift(s, EV_POOL_SHIFT, p, sh, slot);
}

/**
 * The end of a shift hands a customer in service over: the member of staff leaves, the work
 * left goes back to the head of the queue (waiting again) and is resumed by whoever serves next.
 */
function handOver(s: Sim, node: number, now: number): void {
  const st = s.stations;
  const cu = s.cust;
  integrate(s, node, now);
  const c = st.serving[node]!.pop()!;
  if (st.stepDown[node] === 0) cu.svcLeft[c] = cu.svcEnd[c]! - now; // (while down it was set at the failure)
  cu.svcToken[c]!++; // the scheduled end no longer counts
  cu.resume[c] = 1;
  st.busy[node]!--;
  const p = s.m.pool[node]!;
  if (p >= 0) s.pools.busy[p]!--;
  const g = ++cu.gen[c]!;
  cu.qEnter[c] = now;
  const level = s.m.priorityQueue[node] ? s.m.classLevel[cu.cls[c]!]! : 0;
  st.queues[node]![level]!.unshift(c, g);
  changeQueue(s, node, 1, now, cu.cls[c]!);
  if (s.trace) s.trace(TRACE.HANDED_OVER, now, c, cu.cls[c]!, node, -1);
  if (s.serviceLog) logHandOver(s, s.serviceLog, node, c, now);
}

/** A member of a step's staff on overtime has nobody left to serve: home. */
export function staffHome(s: Sim, node: number, now: number): void {
  integrateCap(s, s.shifts.capArea, s.shifts.capLastT, node, s.stations.onShiftNow[node]!, now);
  if (s.shifts.closable[node]) markClosed(s, node, now);
  s.shifts.overtime[node]!--;
  s.stations.onShiftNow[node]!--;
}

/** The same for a pool. */
export function poolStaffHome(s: Sim, p: number, now: number): void {
  integrateCap(s, s.shifts.poolCapArea, s.shifts.poolCapLastT, p, s.pools.cap[p]!, now);
  s.shifts.poolOvertime[p]!--;
  s.pools.cap[p]!--;
}

/**
 * Before the staff on duty at a closable step change: the queue area since the last change counts
 * as waiting while closed when nobody was on duty.
 */
function markClosed(s: Sim, node: number, now: number): void {
  integrate(s, node, now);
  const area = s.stats.qArea[node]!;
  if (s.stations.onShiftNow[node] === 0) s.shifts.closedQArea[node]! += area - s.shifts.qMark[node]!;
  s.shifts.qMark[node] = area;
}

/** Share of a closable step's waiting (customer-time in its queue) while nobody was on duty; undefined for other steps. */
export function waitingWhileClosed(s: Sim, i: number): number | undefined {
  if (!s.shifts.closable[i]) return undefined;
  const area = s.stats.qArea[i]!;
  return area > 0 ? s.shifts.closedQArea[i]! / area : 0;
}

/** Share of a step's own plan (hour slots) with somebody on duty; undefined for steps without a plan that closes. */
export function openShare(s: Sim, i: number): number | undefined {
  const sh = s.m.shifts[i];
  if (!sh || !s.shifts.closable[i]) return undefined;
  let open = 0;
  for (let k = 0; k < sh.length; k++) if (sh[k]! > 0) open++;
  return open / sh.length;
}

/** Staff-time on shift integrated up to the end of the run. */
export function finishShifts(s: Sim, end: number): void {
  s.m.shifts.forEach((_, i) => s.shifts.closable[i] && markClosed(s, i, end));
  s.m.shifts.forEach((sh, i) => sh && integrateCap(s, s.shifts.capArea, s.shifts.capLastT, i, s.stations.onShiftNow[i]!, end));
  s.m.poolShifts.forEach((sh, p) => sh && integrateCap(s, s.shifts.poolCapArea, s.shifts.poolCapLastT, p, s.pools.cap[p]!, end));
}

/** Staff-time available at a step (its own staff) over the window: on shift, or always there. */
export function available(s: Sim, i: number, windowLength: number): number {
  return s.m.shifts[i] ? s.shifts.capArea[i]! : s.m.staff[i]! * windowLength;
}

/** Staff-time available in a pool over the window. */
export function poolAvailable(s: Sim, p: number, windowLength: number): number {
  return s.m.poolShifts[p] ? s.shifts.poolCapArea[p]! : s.m.poolSize[p]! * windowLength;
}
