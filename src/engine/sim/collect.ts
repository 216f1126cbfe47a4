// Statistics collection, as the run goes: counts inside the observation window, time integrals
// (queue lengths, busy staff, customers inside) over the window only, samples of waiting and
// times in system, and their split into timeline bins. Nothing here changes what happens.
import type { Project } from '../../model/schema';
import { KIND_STEP, type CompiledModel } from '../compile';
import { GroupedSeries, GrowableArray } from '../stats';
import { leave } from './customers';
import type { Sim } from './state';
import { integrateDown } from './systems';
import { TimeBins } from './timebins';
import { recordWorkExit } from './working';

export class Stats {
  // Per node: time integrals of queue length and busy count (lastT: integrated up to), maxima,
  // counts and waiting.
  readonly lastT: Float64Array;
  readonly qArea: Float64Array;
  readonly busyArea: Float64Array;
  readonly maxQ: Int32Array;
  readonly arrivals: Float64Array;
  readonly repeats: Float64Array;
  readonly completed: Float64Array;
  readonly abandonedAt: Float64Array;
  readonly turnedAwayAt: Float64Array;
  readonly totalWait: Float64Array;
  /** Per node: time at the step (waiting + service) summed over visits that finished, visits that
   * waited at all before service, and the waiting of those who gave up. */
  readonly timeAtStep: Float64Array;
  readonly waitedCount: Float64Array;
  readonly abandonWait: Float64Array;
  readonly stepWaits: (GrowableArray | undefined)[];
  // Per department: customers waiting now and the most in the window.
  readonly deptQ: Int32Array;
  readonly deptMaxQ: Int32Array;
  // Timeline: bins of the window; queue and customers-inside integrals per bin; exits and their
  // waiting, customers lost (gave up or turned away) and exits at risk (waited beyond the tolerance).
  readonly binWidth: number;
  readonly nBins: number;
  readonly qBins: (TimeBins | undefined)[];
  readonly wipBins: TimeBins;
  readonly exitBinCount: Float64Array;
  readonly exitBinWait: Float64Array;
  readonly lostBin: Float64Array;
  readonly atRiskBin: Float64Array;
  readonly tolerance: number;
  // Whole system.
  wip = 0;
  wipLastT = 0;
  wipArea = 0;
  wipMax = 0;
  insideAtWindowStart = 0;
  arrived = 0;
  exited = 0;
  abandoned = 0;
  turnedAway = 0;
  handoffSum = 0;
  touchedSum = 0;
  readonly waits: GrowableArray;
  readonly sojourns: GrowableArray;
  readonly classArrived: Float64Array;
  readonly classExited: Float64Array;
  readonly classAbandoned: Float64Array;
  readonly classTurnedAway: Float64Array;
  readonly classWaits: GrowableArray[];
  readonly classSojourns: GrowableArray[];
  /** Per class: customers waiting at steps now, its time integral over the window and maximum. */
  readonly classQ: Int32Array;
  readonly classQArea: Float64Array;
  readonly classQLast: Float64Array;
  readonly classQMax: Int32Array;
  /** Every exit, warm-up included, for the warm-up check. */
  readonly exitSeries = new GroupedSeries(1000);
  exitsBeforeWarmup = 0;

  constructor(project: Project, m: CompiledModel, ws: number, endTime: number, customerLimit: number, bins: number) {
    const horizon = project.run.horizon;
    this.binWidth = horizon.kind === 'duration' ? horizon.duration / bins : horizon.count / Math.max(1e-12, expectedArrivalRate(m)) / bins;
    this.nBins = bins;
    // Room for the customers expected in the window, so that the buffers rarely grow.
    const expected = Number.isFinite(customerLimit) ? customerLimit : expectedArrivalRate(m) * (endTime - ws);
    const room = Math.min(1 << 21, Math.max(4096, Math.ceil(expected * 1.05) || 0));
    this.waits = new GrowableArray(room);
    this.sojourns = new GrowableArray(room);
    const n = m.nodeIds.length;
    this.lastT = new Float64Array(n);
    this.qArea = new Float64Array(n);
    this.busyArea = new Float64Array(n);
    this.maxQ = new Int32Array(n);
    this.arrivals = new Float64Array(n);
    this.repeats = new Float64Array(n);
    this.completed = new Float64Array(n);
    this.abandonedAt = new Float64Array(n);
    this.turnedAwayAt = new Float64Array(n);
    this.totalWait = new Float64Array(n);
    this.timeAtStep = new Float64Array(n);
    this.waitedCount = new Float64Array(n);
    this.abandonWait = new Float64Array(n);
    this.stepWaits = [];
    this.qBins = [];
    // Per step and per class, room for the expected count up to 8,192 values each (then they
    // double): 64 KiB; larger blocks come as fresh pages from the system every replication, and
    // first touching them cost more than the doubling saves (measured: loan example).
    const perStep = Math.min(room, 1 << 13);
    for (let i = 0; i < n; i++) {
      const isStep = m.kind[i] === KIND_STEP;
      this.stepWaits.push(isStep ? new GrowableArray(perStep) : undefined);
      this.qBins.push(isStep ? new TimeBins(ws, this.binWidth, bins) : undefined);
    }
    this.deptQ = new Int32Array(m.deptIds.length);
    this.deptMaxQ = new Int32Array(m.deptIds.length);
    this.wipBins = new TimeBins(ws, this.binWidth, bins);
    this.exitBinCount = new Float64Array(bins);
    this.exitBinWait = new Float64Array(bins);
    this.lostBin = new Float64Array(bins);
    this.atRiskBin = new Float64Array(bins);
    this.tolerance = project.costs?.tolerance ?? Infinity;
    const c = m.classIds.length;
    this.classArrived = new Float64Array(c);
    this.classExited = new Float64Array(c);
    this.classAbandoned = new Float64Array(c);
    this.classTurnedAway = new Float64Array(c);
    const perClass = c > 1 ? perStep : 16; // (kept for more than one class only)
    this.classWaits = Array.from({ length: c }, () => new GrowableArray(perClass));
    this.classSojourns = Array.from({ length: c }, () => new GrowableArray(perClass));
    this.classQ = new Int32Array(c);
    this.classQArea = new Float64Array(c);
    this.classQLast = new Float64Array(c);
    this.classQMax = new Int32Array(c);
  }
}

function expectedArrivalRate(m: CompiledModel): number {
  let total = 0;
  for (const s of m.sources) {
    let r = s.rate ?? 1 / Math.max(1e-12, s.interarrival!.mean);
    if (s.schedule) {
      let sum = 0;
      for (const x of s.schedule.multipliers) sum += x;
      r *= sum / s.schedule.multipliers.length;
    }
    total += r;
  }
  return total;
}

/** EV_WINDOW: the warm-up ends; integrals and maxima start from here. */
export function onWindowStart(s: Sim, now: number): void {
  const st = s.stats;
  for (let i = 0; i < s.nNodes; i++) {
    integrate(s, i, now);
    st.maxQ[i] = s.stations.qlen[i]!;
  }
  for (let d = 0; d < s.nDepts; d++) st.deptMaxQ[d] = st.deptQ[d]!;
  for (let k = 0; k < s.nClasses; k++) {
    st.classQLast[k] = now;
    st.classQMax[k] = st.classQ[k]!;
  }
  changeWip(s, now, 0);
  st.wipMax = st.wip;
  st.insideAtWindowStart = st.wip;
  s.inWindow = true;
}

/** The timeline bin of a moment in the window. */
export function binOf(s: Sim, now: number): number {
  const st = s.stats;
  return Math.max(0, Math.min(st.nBins - 1, Math.floor((now - s.ws) / st.binWidth)));
}

/** Integrates a station's queue length and busy count up to `now` (window only). */
export function integrate(s: Sim, node: number, now: number): void {
  const st = s.stats;
  const last = st.lastT[node]!;
  if (now <= last) return;
  st.lastT[node] = now;
  if (!s.inWindow) return;
  const from = last < s.ws ? s.ws : last;
  if (now <= from) return;
  const q = s.stations.qlen[node]!;
  const busy = s.stations.busy[node]!;
  const bins = st.qBins[node];
  if (bins !== undefined && now > bins.nextBoundary) bins.cross(st.qArea[node]!, from, now, q);
  st.qArea[node]! += q * (now - from);
  st.busyArea[node]! += busy * (now - from);
  if (s.systems.has && s.stations.stepDown[node] !== 0) {
    s.systems.pausedArea += busy * (now - from);
    integrateDown(s, node, (q + busy) * (now - from));
  }
}

/** A step's queue grows or shrinks by `delta` customers of class k (call integrate first). */
export function changeQueue(s: Sim, node: number, delta: number, now: number, k: number): void {
  const st = s.stats;
  integrateClassQueue(s, k, now);
  const kq = (st.classQ[k]! += delta);
  if (s.inWindow && kq > st.classQMax[k]!) st.classQMax[k] = kq;
  const q = (s.stations.qlen[node]! += delta);
  const d = s.m.dept[node]!;
  if (d >= 0) st.deptQ[d]! += delta;
  if (s.inWindow && now >= s.ws) {
    if (q > st.maxQ[node]!) st.maxQ[node] = q;
    if (d >= 0 && st.deptQ[d]! > st.deptMaxQ[d]!) st.deptMaxQ[d] = st.deptQ[d]!;
  }
}

/** Integrates the customers of class k waiting at steps up to `now` (window only). */
export function integrateClassQueue(s: Sim, k: number, now: number): void {
  const st = s.stats;
  const last = st.classQLast[k]!;
  if (now <= last) return;
  st.classQLast[k] = now;
  if (s.inWindow) st.classQArea[k]! += st.classQ[k]! * (now - last);
}

/** The customers inside change by `delta` at `now`. */
export function changeWip(s: Sim, now: number, delta: number): void {
  const st = s.stats;
  const last = st.wipLastT;
  if (now > last) {
    if (s.inWindow) {
      const from = last < s.ws ? s.ws : last;
      if (now > from) {
        if (now > st.wipBins.nextBoundary) st.wipBins.cross(st.wipArea, from, now, st.wip);
        st.wipArea += st.wip * (now - from);
      }
    }
    st.wipLastT = now;
  }
  st.wip += delta;
  if (s.inWindow && st.wip > st.wipMax) st.wipMax = st.wip;
}

/** A customer of class k arrives. */
export function recordArrival(s: Sim, k: number, now: number): void {
  changeWip(s, now, 1);
  if (s.inWindow) {
    s.stats.arrived++;
    s.stats.classArrived[k]! += 1;
  }
}

/** Customer c enters a step or delay: department handoffs and touches, visits and repeats. */
export function recordVisit(s: Sim, node: number, c: number): void {
  const cu = s.cust;
  const d = s.m.dept[node]!;
  if (d >= 0) {
    const last = cu.lastDept[c]!;
    if (last >= 0 && last !== d) cu.handoffs[c]!++;
    cu.lastDept[c] = d;
    if (cu.touchDept(c, d)) cu.touchedCount[c]!++;
  }
  if (s.inWindow) s.stats.arrivals[node]! += 1;
  const li = s.m.loopIndex[node]!;
  if (li >= 0 && cu.visitLoop(c, li) && s.inWindow) s.stats.repeats[node]! += 1;
}

/** Service starts at a step after `wait`. */
export function recordWait(s: Sim, node: number, wait: number): void {
  if (s.inWindow) {
    s.stats.stepWaits[node]!.push(wait);
    s.stats.totalWait[node]! += wait;
  }
}

/** Service (or a delay) ends at `node`. */
export function recordCompleted(s: Sim, node: number): void {
  if (s.inWindow) s.stats.completed[node]! += 1;
}

/** Customer c gave up waiting at `node`. (Doubles passed to a call are boxed: recomputed here.) */
export function recordAbandon(s: Sim, node: number, c: number, now: number): void {
  if (!s.inWindow) return;
  const st = s.stats;
  const waited = now - s.cust.qEnter[c]!;
  st.abandoned++;
  st.lostBin[binOf(s, now)]! += 1;
  st.abandonedAt[node]! += 1;
  st.totalWait[node]! += waited;
  st.abandonWait[node]! += waited;
  st.classAbandoned[s.cust.cls[c]!]! += 1;
}

/** Customer c found the queue at `node` full. */
export function recordTurnedAway(s: Sim, node: number, c: number, now: number): void {
  if (!s.inWindow) return;
  const st = s.stats;
  st.turnedAway++;
  st.lostBin[binOf(s, now)]! += 1;
  st.turnedAwayAt[node]! += 1;
  st.classTurnedAway[s.cust.cls[c]!]! += 1;
}

/** Customer c leaves through an exit: its waiting and time in system are recorded; it leaves. */
export function recordExit(s: Sim, c: number, now: number): void {
  const st = s.stats;
  const cu = s.cust;
  const sojourn = now - cu.arrT[c]!;
  st.exitSeries.push(sojourn, now);
  if (now < s.ws) st.exitsBeforeWarmup++;
  if (s.inWindow) {
    const k = cu.cls[c]!;
    const wait = cu.waitTotal[c]!;
    st.exited++;
    st.waits.push(wait);
    st.sojourns.push(sojourn);
    st.classExited[k]! += 1;
    if (s.nClasses > 1) {
      st.classWaits[k]!.push(wait);
      st.classSojourns[k]!.push(sojourn);
    }
    st.handoffSum += cu.handoffs[c]!;
    st.touchedSum += cu.touchedCount[c]!;
    const b = binOf(s, now);
    st.exitBinCount[b]! += 1;
    st.exitBinWait[b]! += wait;
    if (wait > st.tolerance) st.atRiskBin[b]! += 1;
    if (s.work !== undefined) recordWorkExit(s, c, now);
  }
  leave(s, c, now);
}
