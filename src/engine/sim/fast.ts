// The fused event loop: the same run as loop.ts, event for event and draw for draw, with the
// common path written out in a few functions instead of a chain of calls. Per event the general
// path goes arrival → moveOn → moveTo → enter → recordVisit → arriveAtStep → startService →
// integrate (and service end → dequeue → startService → moveOn …): too deep for V8 to inline,
// and each call that is not inlined boxes the time it is passed. Here a customer's move through
// decisions into a *plain* step or delay, service start and end, and the time integrals are one
// function each, and the time is read from the calendar rather than passed.
//
// Chosen per replication by `fastPlan` (simulate.ts): only when nothing is traced and every
// decision routes the standard way. Within a run, a node that is not plain (a staff pool, shifts,
// systems, hand-over, giving up, a queue limit, priorities; splits, joins, exits) is handed to
// the general functions of stations.ts / routing.ts, so every model keeps its exact results.
// A feature that changes what happens at a plain step, a delay, a decision or an arrival must
// either be written here too or make `fastPlan` return undefined for models that use it
// (test/engine/golden.test.ts and test/engine/fast.test.ts compare the two paths).
import { KIND_ARRIVALS, KIND_DECISION, KIND_DELAY, KIND_EXIT, KIND_JOIN, KIND_SPLIT, KIND_STEP } from '../compile';
import { SimulationError } from '../types';
import { eventNode, HANDLERS, startEvents } from './events';
import { EV_ARRIVAL, EV_DELAY_END, EV_SERVICE_END, MOVE_LIMIT, SAME_TIME_LIMIT } from './kinds';
import { learningFactor } from './learning';
import { scheduleArrival } from './arrivals';
import { enter } from './routing';
import { staffHome } from './shifts';
import type { Sim } from './state';
import { onServiceEnd } from './stations';

/** Per node: 1 = a plain step or delay (handled here), 0 = handed to the general functions. */
export interface FastPlan {
  readonly plain: Uint8Array;
}

const ROUTE_KEYS = new Set(['targets', 'cumulative', 'byClass']);
const SOURCE_KEYS = new Set(['node', 'rate', 'interarrival', 'schedule', 'classCumulative']);
/**
 * The compiled model's fields this module knows the meaning of. A model with any other field (a
 * feature added since) takes the general loop until fast.ts is taught about it: results stay right,
 * and test/engine/fast.test.ts says the fused loop went unused.
 */
export const KNOWN_MODEL_KEYS: ReadonlySet<string> = new Set([
  'scenario', 'nodeIds', 'nodeNames', 'kind', 'dept', 'deptIds', 'deptNames', 'staff', 'capacity', 'priorityQueue',
  'service', 'patience', 'routes', 'loopIndex', 'loops', 'sources', 'classIds', 'classLevel', 'levels', 'stations',
  'joins', 'pool', 'poolIds', 'poolNames', 'poolSize', 'poolDept', 'poolSteps', 'poolPriority', 'shifts', 'poolShifts',
  'serveWaiting', 'poolServeWaiting', 'handOver', 'poolHandOver', 'tracked', 'shiftSlot', 'learning', 'systemIds',
  'systemNames', 'systemFailure', 'systemRepair', 'stepSystems', 'systemSteps',
]);

/**
 * Whether this replication can take the fused loop, and which nodes it handles itself: a step
 * with its own staff and no shift plan, systems, tracking, giving up, queue limit or priority
 * levels, or a delay without systems. Undefined: use the general loop (a trace is being
 * recorded, or a node kind or route this module does not know).
 */
export function fastPlan(s: Sim): FastPlan | undefined {
  if (s.trace) return undefined;
  const m = s.m;
  for (const key of Object.keys(m)) if (!KNOWN_MODEL_KEYS.has(key)) return undefined;
  for (const src of m.sources) for (const key of Object.keys(src)) if (!SOURCE_KEYS.has(key)) return undefined;
  const plain = new Uint8Array(s.nNodes);
  for (let i = 0; i < s.nNodes; i++) {
    const k = m.kind[i]!;
    if (k !== KIND_ARRIVALS && k !== KIND_STEP && k !== KIND_DELAY && k !== KIND_DECISION && k !== KIND_EXIT && k !== KIND_SPLIT && k !== KIND_JOIN) return undefined;
    const r = m.routes[i];
    if (r) for (const key of Object.keys(r)) if (!ROUTE_KEYS.has(key)) return undefined;
    const noSystems = m.stepSystems[i] === undefined && m.tracked[i] === 0;
    if (k === KIND_DELAY) plain[i] = noSystems ? 1 : 0;
    else if (k === KIND_STEP) {
      plain[i] =
        noSystems && m.pool[i]! < 0 && m.shifts[i] === undefined && m.serveWaiting[i] === 0 && m.handOver[i] === 0 && m.patience[i] === undefined && m.capacity[i]! < 0 && m.priorityQueue[i] === 0
          ? 1
          : 0;
    }
  }
  return { plain };
}

/** Runs the replication to its end (as `runEvents`); returns the end of the observation window. */
export function runFast(s: Sim, fp: FastPlan): number {
  const cal = s.cal;
  startEvents(s);
  const shouldStop = s.options.shouldStop;
  let lastTime = -1;
  let sameTime = 0;
  while (!s.finished && cal.pop()) {
    const now = cal.now;
    if (++s.events > s.maxEvents) {
      throw new SimulationError(
        'event-limit',
        `The run stopped after ${s.maxEvents.toLocaleString('en')} events (the limit in the run settings). Shorten the simulated duration, lower the arrival rates, or raise the limit.`,
      );
    }
    if (now === lastTime) {
      if (++sameTime > SAME_TIME_LIMIT) {
        const node = eventNode(cal.kind, cal.a);
        throw new SimulationError(
          'zero-time-loop',
          `Customers are going round a loop that takes no time${node >= 0 ? ` (at "${s.m.nodeNames[node]}")` : ''}: give a step or delay on the loop a duration above 0.`,
        );
      }
    } else {
      lastTime = now;
      sameTime = 0;
    }
    if ((s.events & 4095) === 0 && shouldStop?.()) {
      throw new SimulationError('cancelled', 'The run was cancelled.');
    }
    const kind = cal.kind;
    if (kind === EV_SERVICE_END) {
      if (fp.plain[cal.a] === 1) serviceEnd(s, fp, cal.a, cal.b);
      else onServiceEnd(s, cal.a, cal.b, cal.c, now);
    } else if (kind === EV_DELAY_END && fp.plain[cal.a] === 1) delayEnd(s, fp, cal.a, cal.b);
    else if (kind === EV_ARRIVAL) arrival(s, fp, cal.a);
    else HANDLERS[kind]!(s, cal.a, cal.b, cal.c, now);
  }
  return s.finished ? cal.now : Math.max(cal.now, s.ws);
}

/** EV_ARRIVAL (as arrivals.onArrival). */
function arrival(s: Sim, fp: FastPlan, node: number): void {
  const now = s.cal.now;
  const src = s.arrivals.sourceAt[node]!;
  const c = s.cust.add();
  const cum = src.classCumulative;
  let k = 0;
  if (cum.length > 1) {
    const u = s.arrivals.classStream[node]!.next();
    while (k < cum.length - 1 && u >= cum[k]!) k++;
  }
  s.cust.cls[c] = k;
  s.cust.arrT[c] = now;
  // recordArrival (collect.ts)
  changeWipAt(s, now, 1);
  if (s.inWindow) {
    s.stats.arrived++;
    s.stats.classArrived[k]! += 1;
  }
  const limitReached = s.inWindow && s.stats.arrived >= s.customerLimit;
  moveOn(s, fp, node, c);
  if (limitReached) s.finished = true;
  else scheduleArrival(s, node, now); // (arrivals.ts: its rules for arrival times stay in one place)
}

/** EV_DELAY_END at a delay (as stations.onDelayEnd). */
function delayEnd(s: Sim, fp: FastPlan, node: number, c: number): void {
  const now = s.cal.now;
  integrateAt(s, node, now);
  s.stations.busy[node]!--;
  if (s.inWindow) {
    s.stats.completed[node]! += 1;
    s.stats.timeAtStep[node]! += now - s.cust.stepEnter[c]!;
  }
  moveOn(s, fp, node, c);
}

/** EV_SERVICE_END at a plain step (as stations.onServiceEnd). */
function serviceEnd(s: Sim, fp: FastPlan, node: number, c: number): void {
  const now = s.cal.now;
  const st = s.stations;
  integrateAt(s, node, now);
  st.busy[node]!--;
  if (s.inWindow) {
    s.stats.completed[node]! += 1;
    s.stats.timeAtStep[node]! += now - s.cust.stepEnter[c]!;
  }
  const next = st.qlen[node] !== 0 && st.busy[node]! < st.onShiftNow[node]! && st.stepDown[node] === 0 ? dequeueAt(s, node, now) : -1;
  if (next >= 0) startService(s, node, next, now);
  else if (s.shifts.overtime[node]! > 0) staffHome(s, node, now);
  moveOn(s, fp, node, c);
}

/** The next node out of `from` (as routing.route): by class, by a draw over the shares, or the one way on. */
function route(s: Sim, from: number, c: number): number {
  const r = s.m.routes[from]!;
  if (r.byClass) return r.byClass[s.cust.cls[c]!]!;
  const targets = r.targets;
  if (targets.length === 1) return targets[0]!;
  const u = s.routes.stream[from]!.next();
  const cum = r.cumulative;
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]!) k++;
  return targets[k]!;
}

/**
 * Customer c leaves `from`, passes any decisions and enters where it lands (as routing.moveOn):
 * a plain step or delay here, anything else through routing.enter.
 */
function moveOn(s: Sim, fp: FastPlan, from: number, c: number): void {
  const m = s.m;
  let node = route(s, from, c);
  let moves = 0;
  while (m.kind[node] === KIND_DECISION) {
    if (++moves > MOVE_LIMIT) {
      throw new SimulationError('zero-time-loop', `Customers are going round decisions without end at "${m.nodeNames[node]}": the loop needs a way out.`);
    }
    node = route(s, node, c);
  }
  const now = s.cal.now;
  if (fp.plain[node] === 0) {
    if (m.kind[node] === KIND_EXIT && s.cust.parent[c]! < 0) exit(s, c, now);
    else enter(s, node, c, now);
    return;
  }
  // recordVisit (collect.ts)
  const cu = s.cust;
  const d = m.dept[node]!;
  if (d >= 0) {
    const last = cu.lastDept[c]!;
    if (last >= 0 && last !== d) cu.handoffs[c]!++;
    cu.lastDept[c] = d;
    if (cu.touchDept(c, d)) cu.touchedCount[c]!++;
  }
  const inWindow = s.inWindow;
  if (inWindow) s.stats.arrivals[node]! += 1;
  const li = m.loopIndex[node]!;
  if (li >= 0 && cu.visitLoop(c, li) && inWindow) s.stats.repeats[node]! += 1;
  const st = s.stations;
  if (m.kind[node] === KIND_DELAY) {
    // startDelay (stations.ts)
    integrateAt(s, node, now);
    st.busy[node]!++;
    cu.stepEnter[c] = now;
    const dur = (st.sampler[node] ?? m.service[node]![cu.cls[c]!]!).sample(st.serviceStream[node]!);
    s.cal.schedule(now + dur, EV_DELAY_END, node, c, 0);
    return;
  }
  // arriveAtStep (stations.ts) at a plain step: served at once, or queues.
  cu.qEnter[c] = now;
  cu.stepEnter[c] = now;
  if (st.busy[node]! < st.onShiftNow[node]! && st.stepDown[node] === 0) {
    startService(s, node, c, now);
    return;
  }
  integrateAt(s, node, now);
  const g = ++cu.gen[c]!;
  st.queues[node]![0]!.push(c, g);
  changeQueueAt(s, node, 1, now, cu.cls[c]!);
}

/** Service of c starts at a plain step (as stations.startService, untracked, own staff). */
function startService(s: Sim, node: number, c: number, now: number): void {
  const cu = s.cust;
  const st = s.stations;
  integrateAt(s, node, now);
  st.busy[node]!++;
  const wait = now - cu.qEnter[c]!;
  cu.waitTotal[c]! += wait;
  if (s.inWindow) {
    s.stats.stepWaits[node]!.push(wait);
    s.stats.totalWait[node]! += wait;
    if (wait > 0) s.stats.waitedCount[node]! += 1;
  }
  let t: number;
  if (s.shifts.hasHandOver && cu.resume[c] === 1) {
    t = cu.svcLeft[c]!;
    cu.resume[c] = 0;
  } else {
    t = (st.sampler[node] ?? s.m.service[node]![cu.cls[c]!]!).sample(st.serviceStream[node]!);
    const learning = s.m.learning[node];
    if (learning !== undefined) t *= learningFactor(learning, now);
  }
  s.cal.schedule(now + t, EV_SERVICE_END, node, c, 0);
}

/** collect.integrate for a node without systems (plain nodes only). */
function integrateAt(s: Sim, node: number, now: number): void {
  const st = s.stats;
  const last = st.lastT[node]!;
  if (now <= last) return;
  st.lastT[node] = now;
  if (!s.inWindow) return;
  const from = last < s.ws ? s.ws : last;
  if (now <= from) return;
  const q = s.stations.qlen[node]!;
  const bins = st.qBins[node];
  if (bins !== undefined && now > bins.nextBoundary) bins.cross(st.qArea[node]!, from, now, q);
  st.qArea[node]! += q * (now - from);
  st.busyArea[node]! += s.stations.busy[node]! * (now - from);
}

/** The next waiting customer at a plain step, or −1 (as stations.dequeue, one priority level). */
function dequeueAt(s: Sim, node: number, now: number): number {
  const ring = s.stations.queues[node]![0]!;
  const gen = s.cust.gen;
  while (ring.count > 0) {
    const i = ring.head;
    const c = ring.cust[i]!;
    const g = ring.gen[i]!;
    ring.head = (i + 1) & (ring.cust.length - 1);
    ring.count--;
    if (gen[c] === g) {
      gen[c]!++;
      changeQueueAt(s, node, -1, now, s.cust.cls[c]!);
      return c;
    }
  }
  return -1;
}

/** collect.changeQueue (with integrateClassQueue). */
function changeQueueAt(s: Sim, node: number, delta: number, now: number, k: number): void {
  const st = s.stats;
  const inWindow = s.inWindow;
  const lastK = st.classQLast[k]!;
  if (now > lastK) {
    st.classQLast[k] = now;
    if (inWindow) st.classQArea[k]! += st.classQ[k]! * (now - lastK);
  }
  const kq = (st.classQ[k]! += delta);
  if (inWindow && kq > st.classQMax[k]!) st.classQMax[k] = kq;
  const q = (s.stations.qlen[node]! += delta);
  const d = s.m.dept[node]!;
  if (d >= 0) st.deptQ[d]! += delta;
  if (inWindow && now >= s.ws) {
    if (q > st.maxQ[node]!) st.maxQ[node] = q;
    if (d >= 0 && st.deptQ[d]! > st.deptMaxQ[d]!) st.deptMaxQ[d] = st.deptQ[d]!;
  }
}

/** collect.changeWip: the customers inside change by `delta`. */
function changeWipAt(s: Sim, now: number, delta: number): void {
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

/** A whole customer leaves through an exit (as collect.recordExit and customers.leave). */
function exit(s: Sim, c: number, now: number): void {
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
    const b = Math.max(0, Math.min(st.nBins - 1, Math.floor((now - s.ws) / st.binWidth)));
    st.exitBinCount[b]! += 1;
    st.exitBinWait[b]! += wait;
    if (wait > st.tolerance) st.atRiskBin[b]! += 1;
  }
  changeWipAt(s, now, -1);
  cu.free(c);
}
