// Steps and delays: a step serves its queue (one ring per priority level) with its own staff or
// a pool's; a delay holds every customer for a drawn time. Who gives up waiting, who is turned
// away at a full queue, who starts next when staff come free.
import { KIND_DELAY, KIND_STEP, type CompiledModel } from '../compile';
import type { Sampler } from '../distributions';
import type { RandomStream, StreamFactory } from '../rng';
import { TRACE } from '../types';
import { changeQueue, integrate, recordAbandon, recordCompleted, recordTurnedAway } from './collect';
import { leave } from './customers';
import { EV_ABANDON, EV_DELAY_END, EV_SERVICE_END } from './kinds';
import { learningFactor } from './learning';
import { poolStaffFree } from './pools';
import { Ring } from './ring';
import { logServiceEnd, logServiceStart } from './servicelog';
import { moveOn } from './routing';
import { staffHome } from './shifts';
import type { Sim } from './state';
import { recordWorkWait } from './working';

export class Stations {
  /** Customers in service (steps) or held (delays). */
  readonly busy: Int32Array;
  readonly qlen: Int32Array;
  readonly queues: Ring[][];
  /** Who is in service, at tracked steps (systems or hand-over). */
  readonly serving: number[][];
  /** A step's own staff present now (changes only with shifts). */
  readonly onShiftNow: Int32Array;
  /** How many of the systems a step depends on are down (0: it works). */
  readonly stepDown: Int32Array;
  /** Where each customer in service at a tracked step is in its `serving` list. */
  servingAt = new Int32Array(256);
  readonly serviceStream: (RandomStream | undefined)[] = [];
  /** The service (or delay) sampler of a node when every class has the same one, else undefined. */
  readonly sampler: (Sampler | undefined)[] = [];
  readonly patienceStream: (RandomStream | undefined)[] = [];

  constructor(m: CompiledModel, streams: StreamFactory) {
    const n = m.nodeIds.length;
    this.busy = new Int32Array(n);
    this.qlen = new Int32Array(n);
    this.queues = [];
    this.serving = Array.from({ length: n }, () => []);
    this.onShiftNow = Int32Array.from(m.staff);
    this.stepDown = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = m.nodeIds[i]!;
      const k = m.kind[i]!;
      const levels = m.priorityQueue[i] ? m.levels : 1;
      this.queues.push(k === KIND_STEP ? Array.from({ length: levels }, () => new Ring()) : []);
      this.serviceStream.push(k === KIND_STEP ? streams.stream(`service:${id}`) : k === KIND_DELAY ? streams.stream(`delay:${id}`) : undefined);
      this.patienceStream.push(m.patience[i] ? streams.stream(`patience:${id}`) : undefined);
      const byClass = m.service[i]!;
      this.sampler.push(byClass.length > 0 && byClass.every((x) => x === byClass[0]) ? byClass[0] : undefined);
    }
  }
}

/** Customer c enters a delay: held for a drawn time. */
export function startDelay(s: Sim, node: number, c: number, now: number): void {
  if (s.trace) s.trace(TRACE.DELAY, now, c, s.cust.cls[c]!, node, -1);
  integrate(s, node, now);
  s.stations.busy[node]!++;
  s.cust.stepEnter[c] = now;
  const st = s.stations;
  const dur = (st.sampler[node] ?? s.m.service[node]![s.cust.cls[c]!]!).sample(st.serviceStream[node]!);
  const working = s.m.work?.delay[node];
  s.cal.schedule(working !== undefined ? working.after(now, dur) : now + dur, EV_DELAY_END, node, c, 0);
}

/** EV_DELAY_END */
export function onDelayEnd(s: Sim, node: number, c: number, now: number): void {
  integrate(s, node, now);
  s.stations.busy[node]!--;
  recordCompleted(s, node);
  if (s.inWindow) s.stats.timeAtStep[node]! += now - s.cust.stepEnter[c]!;
  moveOn(s, node, c, now);
}

/** Customer c arrives at a step: served at once, turned away at a full queue, or queues. */
export function arriveAtStep(s: Sim, node: number, c: number, now: number): void {
  const st = s.stations;
  const cu = s.cust;
  const pool = s.m.pool[node]!;
  if (st.stepDown[node] === 0 && (pool < 0 ? st.busy[node]! < st.onShiftNow[node]! : s.pools.busy[pool]! < s.pools.cap[pool]!)) {
    if (s.trace) s.trace(TRACE.START, now, c, cu.cls[c]!, node, -1);
    cu.qEnter[c] = now;
    cu.stepEnter[c] = now;
    startService(s, node, c, now);
    return;
  }
  const cap = s.m.capacity[node]!;
  if (cap >= 0 && st.qlen[node]! >= cap && cu.parent[c]! < 0) {
    if (s.trace) s.trace(TRACE.TURNED_AWAY, now, c, cu.cls[c]!, node, -1);
    recordTurnedAway(s, node, c, now);
    leave(s, c, now);
    return;
  }
  integrate(s, node, now);
  if (s.trace) s.trace(TRACE.QUEUE, now, c, cu.cls[c]!, node, -1);
  const g = ++cu.gen[c]!;
  cu.qEnter[c] = now;
  cu.stepEnter[c] = now;
  const level = s.m.priorityQueue[node] ? s.m.classLevel[cu.cls[c]!]! : 0;
  st.queues[node]![level]!.push(c, g);
  changeQueue(s, node, 1, now, cu.cls[c]!);
  const patience = s.m.patience[node];
  if (patience && cu.parent[c]! < 0) {
    const p = patience.sample(st.patienceStream[node]!);
    s.cal.schedule(now + p, EV_ABANDON, node, c, g);
  }
}

/** Service of c at a step starts now (a member of staff is free). */
export function startService(s: Sim, node: number, c: number, now: number): void {
  const cu = s.cust;
  const st = s.stations;
  integrate(s, node, now);
  st.busy[node]!++;
  const pool = s.m.pool[node]!;
  if (pool >= 0) s.pools.busy[pool]!++;
  if (s.serviceLog) logServiceStart(s, s.serviceLog, node, c, now);
  const wait = now - cu.qEnter[c]!;
  cu.waitTotal[c]! += wait;
  if (s.m.work !== undefined) recordWorkWait(s, node, c, now);
  if (s.inWindow) {
    s.stats.stepWaits[node]!.push(wait);
    s.stats.totalWait[node]! += wait;
    if (wait > 0) s.stats.waitedCount[node]! += 1;
  }
  let t: number;
  if (s.shifts.hasHandOver && cu.resume[c] === 1) {
    t = cu.svcLeft[c]!; // handed over at the end of a shift: the work that was left
    cu.resume[c] = 0;
  } else {
    t = (st.sampler[node] ?? s.m.service[node]![cu.cls[c]!]!).sample(st.serviceStream[node]!);
    const learning = s.m.learning[node];
    if (learning !== undefined) t *= learningFactor(learning, now);
  }
  if (s.m.tracked[node]) {
    const list = st.serving[node]!;
    if (c >= st.servingAt.length) growServingAt(st, c);
    st.servingAt[c] = list.length;
    list.push(c);
    cu.svcEnd[c] = now + t;
    s.cal.schedule(now + t, EV_SERVICE_END, node, c, ++cu.svcToken[c]!);
    return;
  }
  s.cal.schedule(now + t, EV_SERVICE_END, node, c, 0);
}

function growServingAt(st: Stations, c: number): void {
  let n = st.servingAt.length;
  while (n <= c) n *= 2;
  const a = new Int32Array(n);
  a.set(st.servingAt);
  st.servingAt = a;
}

/** The next waiting customer c leaves the queue of `node` and is served. */
export function startFromQueue(s: Sim, node: number, c: number, now: number): void {
  if (s.trace) s.trace(TRACE.START_FROM_QUEUE, now, c, s.cust.cls[c]!, node, -1);
  startService(s, node, c, now);
}

/** EV_SERVICE_END: c is done at `node`; the member of staff takes the next customer or goes home. */
export function onServiceEnd(s: Sim, node: number, c: number, token: number, now: number): void {
  if (s.m.tracked[node] && token !== s.cust.svcToken[c]) return; // paused by an outage or handed over: stale
  if (s.serviceLog) logServiceEnd(s, s.serviceLog, node, c, now);
  const st = s.stations;
  integrate(s, node, now);
  st.busy[node]!--;
  if (s.m.tracked[node]) {
    const list = st.serving[node]!;
    const k = st.servingAt[c]!;
    const last = list.pop()!;
    if (last !== c) {
      list[k] = last;
      st.servingAt[last] = k;
    }
  }
  recordCompleted(s, node);
  if (s.inWindow) s.stats.timeAtStep[node]! += now - s.cust.stepEnter[c]!;
  const p = s.m.pool[node]!;
  if (p < 0) {
    // Off shift (fewer on duty than were busy): the server goes home instead — unless the shift
    // ends with overtime and customers are still waiting.
    const next = st.busy[node]! < st.onShiftNow[node]! && st.stepDown[node] === 0 ? dequeue(s, node) : -1;
    if (next >= 0) startFromQueue(s, node, next, now);
    else if (s.shifts.overtime[node]! > 0) staffHome(s, node, now);
  } else poolStaffFree(s, p, node, now);
  moveOn(s, node, c, now);
}

/** Own staff free at a step that works start on its queue, as many as can. */
export function fillStep(s: Sim, node: number, now: number): void {
  const st = s.stations;
  while (st.busy[node]! < st.onShiftNow[node]! && st.stepDown[node] === 0) {
    const next = dequeue(s, node);
    if (next < 0) break;
    startFromQueue(s, node, next, now);
  }
}

/** EV_ABANDON: c gives up waiting, unless its service started first (generation g is stale). */
export function onAbandon(s: Sim, node: number, c: number, g: number, now: number): void {
  const cu = s.cust;
  if (cu.gen[c] !== g) return;
  integrate(s, node, now);
  cu.gen[c]!++; // invalidates the queue entry
  changeQueue(s, node, -1, now, cu.cls[c]!);
  if (s.trace) s.trace(TRACE.ABANDON, now, c, cu.cls[c]!, node, -1);
  const waited = now - cu.qEnter[c]!;
  cu.waitTotal[c]! += waited;
  if (s.m.work !== undefined) cu.waitWork[c]! += s.m.work.main.between(cu.qEnter[c]!, now);
  recordAbandon(s, node, c, now);
  leave(s, c, now);
}

/** The customer at the head of a step's queue (dropping entries of those who gave up), or −1. */
export function peek(s: Sim, node: number): number {
  const rings = s.stations.queues[node]!;
  const gen = s.cust.gen;
  for (let l = 0; l < rings.length; l++) {
    const ring = rings[l]!;
    while (ring.count > 0) {
      const i = ring.head;
      const c = ring.cust[i]!;
      if (gen[c] === ring.gen[i]) return c;
      ring.head = (i + 1) & (ring.cust.length - 1);
      ring.count--;
    }
  }
  return -1;
}

/** Next waiting customer at a step (highest priority level first), or −1. */
export function dequeue(s: Sim, node: number): number {
  if (s.stations.qlen[node] === 0) return -1;
  const rings = s.stations.queues[node]!;
  const gen = s.cust.gen;
  for (let l = 0; l < rings.length; l++) {
    const ring = rings[l]!;
    while (ring.count > 0) {
      const i = ring.head;
      const c = ring.cust[i]!;
      const g = ring.gen[i]!;
      ring.head = (i + 1) & (ring.cust.length - 1);
      ring.count--;
      if (gen[c] === g) {
        gen[c]!++; // cancels a pending abandonment
        changeQueue(s, node, -1, s.cal.now, s.cust.cls[c]!);
        return c;
      }
    }
  }
  return -1;
}
