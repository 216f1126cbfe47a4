// One replication of one scenario: a pure function of (project, scenario, replication index).
//
// Counting rules (the observation window is [warm-up, end of run]):
// - `arrived`, `abandoned`, `turnedAway` count events inside the window; `exited` counts
//   customers who leave through an exit inside the window, and their full waiting and total
//   times (including any part before the window) go into the statistics.
// - Conservation holds exactly: insideAtWindowStart + arrived = exited + abandoned + turnedAway +
//   inSystemAtEnd.
// - A step's waiting time is counted when service starts inside the window; abandoners' waits go
//   into the step's totalWaiting but not into its waitingTime sample.
// - Time averages (queue length, busy staff, customers inside) integrate over the window only.
// - Parallel work: a split case is one customer for every count above; its parts (customer indices
//   of their own) never give up and are never turned away, and count in a step's figures like any
//   visit. The case's waiting time adds the waiting of the part that arrived last.
// - Horizon 'duration': the run ends at warm-up + duration. Horizon 'customers': the run ends at
//   the moment of the count-th arrival after the warm-up.
import { MINUTES_PER_UNIT, type Project } from '../model/schema';
import { learningFactor } from './sim/learning';
import { Ring } from './sim/ring';
import { TimeBins } from './sim/timebins';
import { Calendar } from './calendar';
import { standardExponential } from './exponential';
import { compileScenario, KIND_DECISION, KIND_DELAY, KIND_EXIT, KIND_JOIN, KIND_SPLIT, KIND_STEP, type CompiledModel } from './compile';
import type { RandomStream } from './rng';
import { StreamFactory } from './rng';
import { countAtMost, GroupedSeries, GrowableArray, mser5, summarize, summarizeWithPercentiles } from './stats';
import {
  SimulationError,
  type ClassStats,
  type DepartmentStats,
  type ReplicationOptions,
  type ReplicationResult,
  type CostStats,
  type JoinStats,
  type SystemStats,
  type PoolStats,
  type StepStats,
  type TraceSink,
  TRACE,
} from './types';

const EV_ARRIVAL = 1;
const EV_SERVICE_END = 2;
const EV_DELAY_END = 3;
const EV_ABANDON = 4;
const EV_WINDOW = 5;
const EV_END = 6;
const EV_SHIFT = 7; // a = node, b = absolute hour slot
const EV_POOL_SHIFT = 8; // a = pool, b = absolute hour slot
const EV_SYSTEM_FAIL = 9; // a = system
const EV_SYSTEM_REPAIR = 10; // a = system

/** Events at one instant beyond this mean a loop that takes no time. */
const SAME_TIME_LIMIT = 1_000_000;
/** Zero-time moves of one customer (through decisions) beyond this mean a loop with no time. */
const MOVE_LIMIT = 10_000;
/** Splits and joins passed within one instant, nested, beyond this mean a loop with no time. */
const DEPTH_LIMIT = 500;

export { learningFactor };

export function simulateReplication(
  project: Project,
  scenarioId: string,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const m = compileScenario(project, scenarioId);
  return new Replication(project, m, replication, options).run();
}

class Replication {
  private readonly cal = new Calendar(1024);
  private readonly streams: StreamFactory;
  private readonly nNodes: number;
  private readonly nDepts: number;
  private readonly nClasses: number;
  private readonly ws: number;
  private readonly endTime: number; // Infinity for the customers horizon
  private readonly customerLimit: number; // Infinity for the duration horizon
  private readonly maxEvents: number;

  // Random streams, by node.
  private readonly arrivalStream: RandomStream[] = [];
  private readonly classStream: RandomStream[] = [];
  private readonly serviceStream: (RandomStream | undefined)[] = [];
  private readonly patienceStream: (RandomStream | undefined)[] = [];
  private readonly routeStream: (RandomStream | undefined)[] = [];
  private readonly sourceAt: CompiledModel['sources'][number][] = [];

  // Customers (indices recycled through a free list).
  private cap = 256;
  private cls = new Int32Array(this.cap);
  private arrT = new Float64Array(this.cap);
  private waitTotal = new Float64Array(this.cap);
  private qEnter = new Float64Array(this.cap);
  private gen = new Int32Array(this.cap);
  // Service at steps that depend on systems: a token per customer invalidates the end event of a
  // service paused by an outage; the end time and what remains are kept to resume it.
  private svcToken = new Int32Array(this.cap);
  private svcEnd = new Float64Array(this.cap);
  private svcLeft = new Float64Array(this.cap);
  // Handed over at the end of a shift: the next service resumes with svcLeft.
  private resume = new Uint8Array(this.cap);
  private readonly hasHandOver: boolean;
  private lastDept = new Int32Array(this.cap);
  // Parallel work: the case a part belongs to (−1: a whole customer); for a split case, its parts
  // still out, those arrived at a join, the join, the first arrival and the sum of arrival times
  // there, and the waiting of the part that came last.
  private parent = new Int32Array(this.cap);
  private partsOpen = new Int32Array(this.cap);
  private partsJoined = new Int32Array(this.cap);
  private joinAt = new Int32Array(this.cap);
  private joinFirst = new Float64Array(this.cap);
  private joinSum = new Float64Array(this.cap);
  private lastPartWait = new Float64Array(this.cap);
  private depth = 0;
  /** Customer-time in paused service at stopped steps (window only). */
  private pausedArea = 0;
  private readonly hasSystems: boolean;
  private handoffs = new Int32Array(this.cap);
  private touchedCount = new Int32Array(this.cap);
  // Steps visited and departments touched, marked with the customer's life number (a recycled
  // index gets a new one), so nothing needs clearing when a customer arrives.
  private life = new Int32Array(this.cap);
  private lives = 0;
  private touched: Int32Array;
  private visited: Int32Array;
  private freeList = new Int32Array(this.cap);
  private freeTop = 0;
  private nextNew = 0;

  // Stations.
  private readonly busy: Int32Array;
  private readonly qlen: Int32Array;
  private readonly queues: Ring[][];
  private readonly lastT: Float64Array;
  private readonly qArea: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly maxQ: Int32Array;
  private readonly stArrivals: Float64Array;
  private readonly stRepeats: Float64Array;
  private readonly stCompleted: Float64Array;
  private readonly stAbandoned: Float64Array;
  private readonly stTurnedAway: Float64Array;
  private readonly stTotalWait: Float64Array;
  private readonly stWaits: (GrowableArray | undefined)[];
  private readonly deptQ: Int32Array;
  private readonly poolBusy: Int32Array;
  // Staff on shift now (changes only for steps and pools with shifts), and its integral over the
  // window (available staff-time) for those with shifts.
  private readonly onShiftNow: Int32Array;
  private readonly poolCap: Int32Array;
  private readonly capArea: Float64Array;
  private readonly capLastT: Float64Array;
  private readonly poolCapArea: Float64Array;
  private readonly poolCapLastT: Float64Array;
  // Staff staying after their shift until nobody waits (shifts with 'serve-waiting'); they are
  // counted in `onShiftNow` / `poolCap` (the staff present) while they stay.
  private readonly overtime: Int32Array;
  private readonly poolOvertime: Int32Array;
  // Systems: down or not, how many of its systems are down per step, who is being served at steps
  // with systems, and uptime in the window.
  private readonly sysDown: Uint8Array;
  private readonly stepDown: Int32Array;
  private readonly serving: number[][];
  private readonly sysUp: Float64Array;
  private readonly sysLastT: Float64Array;
  private readonly sysFailures: Float64Array;
  private readonly failureStream: RandomStream[] = [];
  private readonly repairStream: RandomStream[] = [];
  private readonly deptMaxQ: Int32Array;
  // Customer-time at a system's steps while they were stopped (window only).
  private readonly sysDownArea: Float64Array;
  // Joins: cases joined, per-case waiting for the other parts, and the parts' total waiting.
  private readonly joinCases: Float64Array;
  private readonly joinWaits: (GrowableArray | undefined)[];
  private readonly joinPartWait: Float64Array;
  private readonly joinParts: Float64Array;

  // Timeline.
  private readonly binWidth: number;
  private readonly nBins: number;
  private readonly qBins: (TimeBins | undefined)[];
  private readonly wipBins: TimeBins;
  private readonly exitBinCount: Float64Array;
  private readonly exitBinWait: Float64Array;
  // Customers lost (gave up or turned away) and exits at risk (waited beyond the tolerance), per bin.
  private readonly lostBin: Float64Array;
  private readonly atRiskBin: Float64Array;
  private readonly tolerance: number;

  // Whole system.
  private wip = 0;
  private wipLastT = 0;
  private wipArea = 0;
  private wipMax = 0;
  private insideAtWindowStart = 0;
  private arrived = 0;
  private exited = 0;
  private abandoned = 0;
  private turnedAway = 0;
  private handoffSum = 0;
  private touchedSum = 0;
  private readonly waits: GrowableArray;
  private readonly sojourns: GrowableArray;
  private readonly classArrived: Float64Array;
  private readonly classExited: Float64Array;
  private readonly classAbandoned: Float64Array;
  private readonly classTurnedAway: Float64Array;
  private readonly classWaits: GrowableArray[];
  private readonly classSojourns: GrowableArray[];
  // Every exit, warm-up included, for the warm-up check.
  private readonly exitSeries = new GroupedSeries(1000);
  private exitsBeforeWarmup = 0;
  private inWindow = false;
  private readonly trace: TraceSink | undefined;
  private finished = false;
  private events = 0;

  constructor(
    private readonly project: Project,
    private readonly m: CompiledModel,
    private readonly replication: number,
    private readonly options: ReplicationOptions,
  ) {
    const run = project.run;
    this.streams = new StreamFactory(run.seed, replication);
    this.trace = options.trace;
    this.nNodes = m.nodeIds.length;
    this.nDepts = m.deptIds.length;
    this.nClasses = m.classIds.length;
    this.ws = run.warmup;
    this.maxEvents = run.maxEvents;
    const bins = options.timelineBins ?? 50;
    if (run.horizon.kind === 'duration') {
      this.endTime = run.warmup + run.horizon.duration;
      this.customerLimit = Infinity;
      this.binWidth = run.horizon.duration / bins;
    } else {
      this.endTime = Infinity;
      this.customerLimit = run.horizon.count;
      this.binWidth = run.horizon.count / Math.max(1e-12, this.expectedArrivalRate()) / bins;
    }
    this.nBins = bins;
    // Room for the customers expected in the window, so that the buffers rarely grow.
    const expected = Number.isFinite(this.customerLimit) ? this.customerLimit : this.expectedArrivalRate() * (this.endTime - this.ws);
    const room = Math.min(1 << 21, Math.max(4096, Math.ceil(expected * 1.05) || 0));
    this.waits = new GrowableArray(room);
    this.sojourns = new GrowableArray(room);

    const n = this.nNodes;
    this.touched = new Int32Array(this.cap * Math.max(1, this.nDepts));
    this.visited = new Int32Array(this.cap * n);
    this.busy = new Int32Array(n);
    this.qlen = new Int32Array(n);
    this.queues = [];
    this.lastT = new Float64Array(n);
    this.qArea = new Float64Array(n);
    this.busyArea = new Float64Array(n);
    this.maxQ = new Int32Array(n);
    this.stArrivals = new Float64Array(n);
    this.stRepeats = new Float64Array(n);
    this.stCompleted = new Float64Array(n);
    this.stAbandoned = new Float64Array(n);
    this.stTurnedAway = new Float64Array(n);
    this.stTotalWait = new Float64Array(n);
    this.stWaits = [];
    this.qBins = [];
    this.deptQ = new Int32Array(this.nDepts);
    this.poolBusy = new Int32Array(m.poolSize.length);
    this.onShiftNow = Int32Array.from(m.staff);
    this.poolCap = Int32Array.from(m.poolSize);
    this.capArea = new Float64Array(n);
    this.capLastT = new Float64Array(n);
    this.poolCapArea = new Float64Array(m.poolSize.length);
    this.poolCapLastT = new Float64Array(m.poolSize.length);
    this.overtime = new Int32Array(n);
    this.poolOvertime = new Int32Array(m.poolSize.length);
    const ns = m.systemIds.length;
    this.sysDown = new Uint8Array(ns);
    this.stepDown = new Int32Array(n);
    this.serving = Array.from({ length: n }, () => []);
    this.sysUp = new Float64Array(ns);
    this.sysLastT = new Float64Array(ns);
    this.sysFailures = new Float64Array(ns);
    for (const id of m.systemIds) {
      this.failureStream.push(this.streams.stream(`failure:${id}`));
      this.repairStream.push(this.streams.stream(`repair:${id}`));
    }
    this.deptMaxQ = new Int32Array(this.nDepts);
    this.sysDownArea = new Float64Array(ns);
    this.hasSystems = ns > 0;
    this.hasHandOver = m.handOver.includes(1) || m.poolHandOver.includes(1);
    this.joinCases = new Float64Array(n);
    this.joinPartWait = new Float64Array(n);
    this.joinParts = new Float64Array(n);
    this.joinWaits = Array.from({ length: n }, (_, i) => (m.kind[i] === KIND_JOIN ? new GrowableArray(256) : undefined));
    this.wipBins = new TimeBins(this.ws, this.binWidth, bins);
    this.exitBinCount = new Float64Array(bins);
    this.exitBinWait = new Float64Array(bins);
    this.lostBin = new Float64Array(bins);
    this.atRiskBin = new Float64Array(bins);
    this.tolerance = project.costs?.tolerance ?? Infinity;
    for (let i = 0; i < n; i++) {
      const id = m.nodeIds[i]!;
      const k = m.kind[i]!;
      const levels = m.priorityQueue[i] ? m.levels : 1;
      this.queues.push(k === KIND_STEP ? Array.from({ length: levels }, () => new Ring()) : []);
      this.stWaits.push(k === KIND_STEP ? new GrowableArray(1024) : undefined);
      this.qBins.push(k === KIND_STEP ? new TimeBins(this.ws, this.binWidth, bins) : undefined);
      this.serviceStream.push(k === KIND_STEP ? this.streams.stream(`service:${id}`) : k === KIND_DELAY ? this.streams.stream(`delay:${id}`) : undefined);
      this.patienceStream.push(m.patience[i] ? this.streams.stream(`patience:${id}`) : undefined);
      const route = m.routes[i];
      this.routeStream.push(route && route.targets.length > 1 && !route.byClass && k !== KIND_SPLIT ? this.streams.stream(`route:${id}`) : undefined);
    }
    for (const s of m.sources) {
      const id = m.nodeIds[s.node]!;
      this.sourceAt[s.node] = s;
      this.arrivalStream[s.node] = this.streams.stream(`arrivals:${id}`);
      this.classStream[s.node] = this.streams.stream(`class:${id}`);
    }
    const c = this.nClasses;
    this.classArrived = new Float64Array(c);
    this.classExited = new Float64Array(c);
    this.classAbandoned = new Float64Array(c);
    this.classTurnedAway = new Float64Array(c);
    this.classWaits = Array.from({ length: c }, () => new GrowableArray(1024));
    this.classSojourns = Array.from({ length: c }, () => new GrowableArray(1024));
  }

  private expectedArrivalRate(): number {
    let total = 0;
    for (const s of this.m.sources) {
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

  run(): ReplicationResult {
    const cal = this.cal;
    if (this.ws > 0) cal.schedule(this.ws, EV_WINDOW, 0, 0, 0);
    else this.inWindow = true;
    if (Number.isFinite(this.endTime)) cal.schedule(this.endTime, EV_END, 0, 0, 0);
    for (const s of this.m.sources) this.scheduleArrival(s.node, 0);
    this.m.shifts.forEach((sh, i) => {
      if (!sh) return;
      this.onShiftNow[i] = sh[0]!;
      this.scheduleShift(EV_SHIFT, i, sh, 0);
    });
    this.m.poolShifts.forEach((sh, p) => {
      if (!sh) return;
      this.poolCap[p] = sh[0]!;
      this.scheduleShift(EV_POOL_SHIFT, p, sh, 0);
    });
    for (let k = 0; k < this.m.systemIds.length; k++) this.cal.schedule(this.m.systemFailure[k]!.sample(this.failureStream[k]!), EV_SYSTEM_FAIL, k, 0, 0);

    const shouldStop = this.options.shouldStop;
    let lastTime = -1;
    let sameTime = 0;
    while (!this.finished && cal.pop()) {
      const now = cal.now;
      if (++this.events > this.maxEvents) {
        throw new SimulationError(
          'event-limit',
          `The run stopped after ${this.maxEvents.toLocaleString('en')} events (the limit in the run settings). Shorten the simulated duration, lower the arrival rates, or raise the limit.`,
        );
      }
      if (now === lastTime) {
        if (++sameTime > SAME_TIME_LIMIT) {
          const node = cal.kind === EV_END || cal.kind === EV_WINDOW ? -1 : cal.a;
          throw new SimulationError(
            'zero-time-loop',
            `Customers are going round a loop that takes no time${node >= 0 ? ` (at "${this.m.nodeNames[node]}")` : ''}: give a step or delay on the loop a duration above 0.`,
          );
        }
      } else {
        lastTime = now;
        sameTime = 0;
      }
      if ((this.events & 4095) === 0 && shouldStop?.()) {
        throw new SimulationError('cancelled', 'The run was cancelled.');
      }
      switch (cal.kind) {
        case EV_ARRIVAL:
          this.onArrival(cal.a, now);
          break;
        case EV_SERVICE_END:
          // A service paused by an outage left a stale end event behind.
          if (this.m.tracked[cal.a] && cal.c !== this.svcToken[cal.b]) break;
          this.onServiceEnd(cal.a, cal.b, now);
          break;
        case EV_DELAY_END:
          this.onDelayEnd(cal.a, cal.b, now);
          break;
        case EV_ABANDON:
          this.onAbandon(cal.a, cal.b, cal.c, now);
          break;
        case EV_WINDOW:
          this.onWindowStart(now);
          break;
        case EV_END:
          this.finished = true;
          break;
        case EV_SHIFT:
          this.onShift(cal.a, cal.b, now);
          break;
        case EV_POOL_SHIFT:
          this.onPoolShift(cal.a, cal.b, now);
          break;
        case EV_SYSTEM_FAIL:
          this.onSystemFail(cal.a, now);
          break;
        case EV_SYSTEM_REPAIR:
          this.onSystemRepair(cal.a, now);
          break;
      }
    }
    const end = this.finished ? cal.now : Math.max(cal.now, this.ws);
    return this.result(end);
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private scheduleArrival(node: number, now: number): void {
    const src = this.sourceAt[node]!;
    const rng = this.arrivalStream[node]!;
    let t = now;
    if (src.rate !== undefined) {
      if (src.schedule) {
        const { multipliers, slot, max } = src.schedule;
        const majorant = src.rate * max;
        for (let guard = 0; ; guard++) {
          t += standardExponential(rng) / majorant;
          const k = Math.floor(t / slot) % multipliers.length;
          if (rng.next() * max < multipliers[k]!) break;
          if (guard > 10_000_000) throw new SimulationError('numeric', 'Arrivals could not be generated from the rate schedule.');
        }
      } else {
        t += standardExponential(rng) / src.rate;
      }
    } else {
      t += src.interarrival!.sample(rng);
    }
    if (!Number.isFinite(t)) throw new SimulationError('numeric', `Arrival times at "${this.m.nodeNames[node]}" are not finite numbers.`);
    this.cal.schedule(t, EV_ARRIVAL, node, 0, 0);
  }

  private onArrival(node: number, now: number): void {
    const src = this.sourceAt[node]!;
    const c = this.newCustomer();
    const cum = src.classCumulative;
    let k = 0;
    if (cum.length > 1) {
      const u = this.classStream[node]!.next();
      while (k < cum.length - 1 && u >= cum[k]!) k++;
    }
    this.cls[c] = k;
    this.arrT[c] = now;
    if (this.trace) this.trace(TRACE.ARRIVE, now, c, k, node, -1);
    this.changeWip(now, 1);
    if (this.inWindow) {
      this.arrived++;
      this.classArrived[k]! += 1;
    }
    const limitReached = this.inWindow && this.arrived >= this.customerLimit;
    this.moveOn(node, c, now);
    if (limitReached) this.finished = true;
    else this.scheduleArrival(node, now);
  }

  private onServiceEnd(node: number, c: number, now: number): void {
    this.integrate(node, now);
    this.busy[node]!--;
    if (this.m.tracked[node]) {
      const list = this.serving[node]!;
      const k = list.indexOf(c);
      list[k] = list[list.length - 1]!;
      list.pop();
    }
    if (this.inWindow) this.stCompleted[node]! += 1;
    const p = this.m.pool[node]!;
    if (p < 0) {
      // Off shift (fewer on duty than were busy): the server goes home instead — unless the shift
      // ends with overtime and customers are still waiting.
      const next = this.busy[node]! < this.onShiftNow[node]! && this.stepDown[node] === 0 ? this.dequeue(node) : -1;
      if (next >= 0) {
        if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, node, -1);
        this.startService(node, next, now);
      } else if (this.overtime[node]! > 0) {
        this.integrateCap(this.capArea, this.capLastT, node, this.onShiftNow[node]!, now);
        this.overtime[node]!--; // nobody left to serve: home
        this.onShiftNow[node]!--;
      }
    } else {
      this.poolBusy[p]!--;
      const step = this.poolBusy[p]! < this.poolCap[p]! ? this.pickFromPool(p) : -1;
      if (step >= 0 && step !== node) this.integrate(step, now);
      const next = step >= 0 ? this.dequeue(step) : -1;
      if (next >= 0) {
        if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, step, -1);
        this.startService(step, next, now);
      } else if (this.poolOvertime[p]! > 0) {
        this.integrateCap(this.poolCapArea, this.poolCapLastT, p, this.poolCap[p]!, now);
        this.poolOvertime[p]!--;
        this.poolCap[p]!--;
      }
    }
    this.moveOn(node, c, now);
  }

  private onDelayEnd(node: number, c: number, now: number): void {
    this.integrate(node, now);
    this.busy[node]!--;
    if (this.inWindow) this.stCompleted[node]! += 1;
    this.moveOn(node, c, now);
  }

  private onAbandon(node: number, c: number, g: number, now: number): void {
    if (this.gen[c] !== g) return; // service started before patience ran out
    this.integrate(node, now);
    this.gen[c]!++; // invalidates the queue entry
    this.changeQueue(node, -1, now);
    if (this.trace) this.trace(TRACE.ABANDON, now, c, this.cls[c]!, node, -1);
    const waited = now - this.qEnter[c]!;
    this.waitTotal[c]! += waited;
    if (this.inWindow) {
      this.abandoned++;
      this.lostBin[this.binOf(now)]! += 1;
      this.stAbandoned[node]! += 1;
      this.stTotalWait[node]! += waited;
      this.classAbandoned[this.cls[c]!]! += 1;
    }
    this.leave(c, now);
  }

  /** Schedules the next hour slot after `slot` where the staff on shift differ, if any. */
  private scheduleShift(kind: number, who: number, sh: Int32Array, slot: number): void {
    const len = sh.length;
    const current = sh[slot % len]!;
    for (let j = slot + 1; j <= slot + len; j++) {
      if (sh[j % len] !== current) {
        this.cal.schedule(j * this.m.shiftSlot, kind, who, j, 0);
        return;
      }
    }
  }

  /** Integrates the staff on shift at a step (or pool) up to `now`, over the window only. */
  private integrateCap(area: Float64Array, lastT: Float64Array, i: number, value: number, now: number): void {
    const last = lastT[i]!;
    if (now <= last) return;
    lastT[i] = now;
    if (!this.inWindow) return;
    const from = last < this.ws ? this.ws : last;
    if (now > from) area[i]! += value * (now - from);
  }

  /** A step's shift changes: more staff start on waiting customers; fewer finish who they serve. */
  private onShift(node: number, slot: number, now: number): void {
    const sh = this.m.shifts[node]!;
    this.integrateCap(this.capArea, this.capLastT, node, this.onShiftNow[node]!, now);
    const duty = sh[slot % sh.length]!;
    // With overtime, those busy beyond the new shift stay on until nobody waits.
    this.overtime[node] = this.m.serveWaiting[node] ? Math.max(0, this.busy[node]! - duty) : 0;
    this.onShiftNow[node] = duty + this.overtime[node]!;
    if (this.m.handOver[node]) while (this.busy[node]! > duty) this.handOver(node, now);
    while (this.busy[node]! < this.onShiftNow[node]! && this.stepDown[node] === 0) {
      const next = this.dequeue(node);
      if (next < 0) break;
      if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, node, -1);
      this.startService(node, next, now);
    }
    this.scheduleShift(EV_SHIFT, node, sh, slot);
  }

  private onPoolShift(p: number, slot: number, now: number): void {
    const sh = this.m.poolShifts[p]!;
    this.integrateCap(this.poolCapArea, this.poolCapLastT, p, this.poolCap[p]!, now);
    const duty = sh[slot % sh.length]!;
    this.poolOvertime[p] = this.m.poolServeWaiting[p] ? Math.max(0, this.poolBusy[p]! - duty) : 0;
    this.poolCap[p] = duty + this.poolOvertime[p]!;
    if (this.m.poolHandOver[p]) {
      // Hand over from the pool's steps, the last in serving order first.
      const steps = this.m.poolSteps[p]!;
      for (let k = steps.length - 1; k >= 0 && this.poolBusy[p]! > duty; k--) {
        while (this.poolBusy[p]! > duty && this.serving[steps[k]!]!.length > 0) this.handOver(steps[k]!, now);
      }
    }
    while (this.poolBusy[p]! < this.poolCap[p]!) {
      const step = this.pickFromPool(p);
      if (step < 0) break;
      this.integrate(step, now);
      const next = this.dequeue(step);
      if (next < 0) break;
      if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, step, -1);
      this.startService(step, next, now);
    }
    this.scheduleShift(EV_POOL_SHIFT, p, sh, slot);
  }

  /**
   * The end of a shift hands a customer in service over: the member of staff leaves, the work
   * left goes back to the head of the queue (waiting again) and is resumed by whoever serves next.
   */
  private handOver(node: number, now: number): void {
    this.integrate(node, now);
    const c = this.serving[node]!.pop()!;
    if (this.stepDown[node] === 0) this.svcLeft[c] = this.svcEnd[c]! - now; // (while down it was set at the failure)
    this.svcToken[c]!++; // the scheduled end no longer counts
    this.resume[c] = 1;
    this.busy[node]!--;
    const p = this.m.pool[node]!;
    if (p >= 0) this.poolBusy[p]!--;
    const g = ++this.gen[c]!;
    this.qEnter[c] = now;
    const level = this.m.priorityQueue[node] ? this.m.classLevel[this.cls[c]!]! : 0;
    this.queues[node]![level]!.unshift(c, g);
    this.changeQueue(node, 1, now);
    if (this.trace) this.trace(TRACE.HANDED_OVER, now, c, this.cls[c]!, node, -1);
  }

  /** Uptime of a system, integrated over the window. */
  private integrateSystem(k: number, now: number): void {
    const last = this.sysLastT[k]!;
    if (now <= last) return;
    this.sysLastT[k] = now;
    if (!this.inWindow || this.sysDown[k]) return;
    const from = last < this.ws ? this.ws : last;
    if (now > from) this.sysUp[k]! += now - from;
  }

  /** A system fails: its steps stop; service in progress there is paused (preemptive resume). */
  private onSystemFail(k: number, now: number): void {
    this.integrateSystem(k, now);
    const steps = this.m.systemSteps[k]!;
    for (let j = 0; j < steps.length; j++) this.integrate(steps[j]!, now); // up to now, before it counts as down
    this.sysDown[k] = 1;
    if (this.inWindow) this.sysFailures[k]! += 1;
    for (let j = 0; j < steps.length; j++) {
      const node = steps[j]!;
      if (this.stepDown[node]!++ > 0) continue; // already stopped by another system
      const list = this.serving[node]!;
      for (let q = 0; q < list.length; q++) {
        const c = list[q]!;
        this.svcLeft[c] = this.svcEnd[c]! - now;
        this.svcToken[c]!++; // the scheduled end no longer counts
      }
    }
    this.cal.schedule(now + this.m.systemRepair[k]!.sample(this.repairStream[k]!), EV_SYSTEM_REPAIR, k, 0, 0);
  }

  /** A system is repaired: paused services resume with what was left; free staff start again. */
  private onSystemRepair(k: number, now: number): void {
    this.integrateSystem(k, now);
    const steps = this.m.systemSteps[k]!;
    for (let j = 0; j < steps.length; j++) this.integrate(steps[j]!, now); // the outage, up to now
    this.sysDown[k] = 0;
    for (let j = 0; j < steps.length; j++) {
      const node = steps[j]!;
      if (--this.stepDown[node]! > 0) continue; // another system is still down
      const list = this.serving[node]!;
      for (let q = 0; q < list.length; q++) {
        const c = list[q]!;
        this.svcEnd[c] = now + this.svcLeft[c]!;
        this.cal.schedule(this.svcEnd[c]!, EV_SERVICE_END, node, c, ++this.svcToken[c]!);
      }
      const p = this.m.pool[node]!;
      if (p < 0) {
        while (this.busy[node]! < this.onShiftNow[node]!) {
          const next = this.dequeue(node);
          if (next < 0) break;
          if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, node, -1);
          this.startService(node, next, now);
        }
      } else {
        while (this.poolBusy[p]! < this.poolCap[p]!) {
          const step = this.pickFromPool(p);
          if (step < 0) break;
          this.integrate(step, now);
          const next = this.dequeue(step);
          if (next < 0) break;
          if (this.trace) this.trace(TRACE.START_FROM_QUEUE, now, next, this.cls[next]!, step, -1);
          this.startService(step, next, now);
        }
      }
    }
    this.cal.schedule(now + this.m.systemFailure[k]!.sample(this.failureStream[k]!), EV_SYSTEM_FAIL, k, 0, 0);
  }

  private onWindowStart(now: number): void {
    for (let i = 0; i < this.nNodes; i++) {
      this.integrate(i, now);
      this.maxQ[i] = this.qlen[i]!;
    }
    for (let d = 0; d < this.nDepts; d++) this.deptMaxQ[d] = this.deptQ[d]!;
    this.changeWip(now, 0);
    this.wipMax = this.wip;
    this.insideAtWindowStart = this.wip;
    this.inWindow = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Movement

  /** Routes customer c out of `from` and into the next node (through any decisions). */
  private moveOn(from: number, c: number, now: number): void {
    this.moveTo(from, this.route(from, c), c, now);
  }

  /** Customer c leaves `from` for `node`, passing on through any decisions, and enters where it lands. */
  private moveTo(from: number, node: number, c: number, now: number): void {
    let moves = 0;
    while (this.m.kind[node] === KIND_DECISION) {
      if (++moves > MOVE_LIMIT) {
        throw new SimulationError('zero-time-loop', `Customers are going round decisions without end at "${this.m.nodeNames[node]}": the loop needs a way out.`);
      }
      node = this.route(node, c);
    }
    if (this.trace) this.trace(TRACE.MOVE, now, c, this.cls[c]!, from, node);
    this.enter(node, c, now);
  }

  private route(from: number, c: number): number {
    const r = this.m.routes[from]!;
    if (r.byClass) return r.byClass[this.cls[c]!]!;
    const targets = r.targets;
    if (targets.length === 1) return targets[0]!;
    const u = this.routeStream[from]!.next();
    const cum = r.cumulative;
    let k = 0;
    while (k < cum.length - 1 && u >= cum[k]!) k++;
    return targets[k]!;
  }

  private enter(node: number, c: number, now: number): void {
    const kind = this.m.kind[node]!;
    if (kind >= KIND_EXIT) {
      if (kind === KIND_SPLIT) this.split(node, c, now);
      else if (kind === KIND_JOIN) this.arriveAtJoin(node, c, now);
      else if (this.parent[c]! >= 0) {
        if (this.trace) this.trace(TRACE.PART_DONE, now, c, this.cls[c]!, node, -1);
        this.partDone(c, node, now);
      } else {
        if (this.trace) this.trace(TRACE.EXIT, now, c, this.cls[c]!, node, -1);
        this.exit(c, now);
      }
      return;
    }
    // A step or a delay.
    const d = this.m.dept[node]!;
    if (d >= 0) {
      const last = this.lastDept[c]!;
      if (last >= 0 && last !== d) this.handoffs[c]!++;
      this.lastDept[c] = d;
      const t = c * this.nDepts + d;
      if (this.touched[t] !== this.life[c]) {
        this.touched[t] = this.life[c]!;
        this.touchedCount[c]!++;
      }
    }
    const v = c * this.nNodes + node;
    if (this.inWindow) {
      this.stArrivals[node]! += 1;
      if (this.visited[v] === this.life[c]) this.stRepeats[node]! += 1;
    }
    this.visited[v] = this.life[c]!;

    if (kind === KIND_DELAY) {
      if (this.trace) this.trace(TRACE.DELAY, now, c, this.cls[c]!, node, -1);
      this.integrate(node, now);
      this.busy[node]!++;
      const dur = this.m.service[node]![this.cls[c]!]!.sample(this.serviceStream[node]!);
      this.cal.schedule(now + dur, EV_DELAY_END, node, c, 0);
      return;
    }
    // A step.
    const pool = this.m.pool[node]!;
    if (this.stepDown[node] === 0 && (pool < 0 ? this.busy[node]! < this.onShiftNow[node]! : this.poolBusy[pool]! < this.poolCap[pool]!)) {
      if (this.trace) this.trace(TRACE.START, now, c, this.cls[c]!, node, -1);
      this.qEnter[c] = now;
      this.startService(node, c, now);
      return;
    }
    const cap = this.m.capacity[node]!;
    if (cap >= 0 && this.qlen[node]! >= cap && this.parent[c]! < 0) {
      if (this.trace) this.trace(TRACE.TURNED_AWAY, now, c, this.cls[c]!, node, -1);
      if (this.inWindow) {
        this.turnedAway++;
        this.lostBin[this.binOf(now)]! += 1;
        this.stTurnedAway[node]! += 1;
        this.classTurnedAway[this.cls[c]!]! += 1;
      }
      this.leave(c, now);
      return;
    }
    this.integrate(node, now);
    if (this.trace) this.trace(TRACE.QUEUE, now, c, this.cls[c]!, node, -1);
    const g = ++this.gen[c]!;
    this.qEnter[c] = now;
    const level = this.m.priorityQueue[node] ? this.m.classLevel[this.cls[c]!]! : 0;
    this.queues[node]![level]!.push(c, g);
    this.changeQueue(node, 1, now);
    const patience = this.m.patience[node];
    if (patience && this.parent[c]! < 0) {
      const p = patience.sample(this.patienceStream[node]!);
      this.cal.schedule(now + p, EV_ABANDON, node, c, g);
    }
  }

  private startService(node: number, c: number, now: number): void {
    this.integrate(node, now);
    this.busy[node]!++;
    const pool = this.m.pool[node]!;
    if (pool >= 0) this.poolBusy[pool]!++;
    const wait = now - this.qEnter[c]!;
    this.waitTotal[c]! += wait;
    if (this.inWindow) {
      this.stWaits[node]!.push(wait);
      this.stTotalWait[node]! += wait;
    }
    let s: number;
    if (this.hasHandOver && this.resume[c] === 1) {
      s = this.svcLeft[c]!; // handed over at the end of a shift: the work that was left
      this.resume[c] = 0;
    } else {
      s = this.m.service[node]![this.cls[c]!]!.sample(this.serviceStream[node]!);
      const learning = this.m.learning[node];
      if (learning !== undefined) s *= learningFactor(learning, now);
    }
    if (this.m.tracked[node]) {
      this.serving[node]!.push(c);
      this.svcEnd[c] = now + s;
      this.cal.schedule(now + s, EV_SERVICE_END, node, c, ++this.svcToken[c]!);
      return;
    }
    this.cal.schedule(now + s, EV_SERVICE_END, node, c, 0);
  }

  /**
   * The pool step whose waiting customer gets the next free member of staff: the lowest pool
   * priority first (the steps are listed in that order), then the customer who has waited longest
   * (the earliest queue entry among the heads of the queues); −1 when nobody waits.
   */
  private pickFromPool(p: number): number {
    const steps = this.m.poolSteps[p]!;
    let best = -1;
    let bestPriority = 0;
    let bestSince = Infinity;
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k]!;
      const priority = this.m.poolPriority[s]!;
      if (best >= 0 && priority > bestPriority) break;
      if (this.qlen[s] === 0 || this.stepDown[s] !== 0) continue;
      const c = this.peek(s);
      if (c < 0) continue;
      const since = this.qEnter[c]!;
      if (best < 0 || since < bestSince) {
        best = s;
        bestPriority = priority;
        bestSince = since;
      }
    }
    return best;
  }

  /** The customer at the head of a step's queue (dropping entries of those who gave up), or −1. */
  private peek(node: number): number {
    const rings = this.queues[node]!;
    for (let l = 0; l < rings.length; l++) {
      const ring = rings[l]!;
      while (ring.count > 0) {
        const i = ring.head;
        const c = ring.cust[i]!;
        if (this.gen[c] === ring.gen[i]) return c;
        ring.head = (i + 1) & (ring.cust.length - 1);
        ring.count--;
      }
    }
    return -1;
  }

  /** Next waiting customer at a step (highest priority level first), or −1. */
  private dequeue(node: number): number {
    if (this.qlen[node] === 0) return -1;
    const rings = this.queues[node]!;
    for (let l = 0; l < rings.length; l++) {
      const ring = rings[l]!;
      while (ring.count > 0) {
        const i = ring.head;
        const c = ring.cust[i]!;
        const g = ring.gen[i]!;
        ring.head = (i + 1) & (ring.cust.length - 1);
        ring.count--;
        if (this.gen[c] === g) {
          this.gen[c]!++; // cancels a pending abandonment
          this.changeQueue(node, -1, this.cal.now);
          return c;
        }
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Parallel work

  private deeper(node: number): void {
    if (++this.depth > DEPTH_LIMIT) {
      throw new SimulationError('zero-time-loop', `Customers are going round a loop through "${this.m.nodeNames[node]}" that takes no time: give a step or delay on the loop a duration above 0.`);
    }
  }

  /** The case c splits: one new part per outgoing connection, each moving on at once. */
  private split(node: number, c: number, now: number): void {
    this.deeper(node);
    const targets = this.m.routes[node]!.targets;
    if (this.trace) this.trace(TRACE.SPLIT, now, c, this.cls[c]!, node, targets.length);
    this.partsOpen[c] = targets.length;
    this.partsJoined[c] = 0;
    this.joinSum[c] = 0;
    this.lastPartWait[c] = 0;
    for (let k = 0; k < targets.length; k++) {
      const p = this.newCustomer();
      this.parent[p] = c;
      this.cls[p] = this.cls[c]!;
      this.arrT[p] = now;
      this.lastDept[p] = this.lastDept[c]!;
      this.moveTo(node, targets[k]!, p, now);
    }
    this.depth--;
  }

  /** A part (or a whole customer, who passes through) arrives at a join. */
  private arriveAtJoin(node: number, p: number, now: number): void {
    const c = this.parent[p]!;
    if (c < 0) {
      this.deeper(node);
      this.moveOn(node, p, now);
      this.depth--;
      return;
    }
    if (this.trace) this.trace(TRACE.JOIN_WAIT, now, p, this.cls[p]!, node, -1);
    if (this.partsJoined[c] === 0) this.joinFirst[c] = now;
    this.partsJoined[c]!++;
    this.joinSum[c]! += now;
    this.joinAt[c] = node;
    this.partFinished(c, p);
    if (this.partsOpen[c] === 0) this.caseComplete(c, node, now);
  }

  /** A part reaches an exit: it is done; the case goes on once no part is out. */
  private partDone(p: number, exitNode: number, now: number): void {
    const c = this.parent[p]!;
    this.partFinished(c, p);
    if (this.partsOpen[c] === 0) this.caseComplete(c, exitNode, now);
  }

  /** Folds a finished part into its case (waiting, handoffs, departments) and frees its index. */
  private partFinished(c: number, p: number): void {
    this.partsOpen[c]!--;
    this.lastPartWait[c] = this.waitTotal[p]!;
    this.handoffs[c]! += this.handoffs[p]!;
    const nd = this.nDepts;
    for (let d = 0; d < nd; d++) {
      if (this.touched[p * nd + d] === this.life[p] && this.touched[c * nd + d] !== this.life[c]) {
        this.touched[c * nd + d] = this.life[c]!;
        this.touchedCount[c]!++;
      }
    }
    this.freeList[this.freeTop++] = p;
  }

  /** Every part is in or done: the case continues from its join, or leaves if every part exited. */
  private caseComplete(c: number, at: number, now: number): void {
    this.waitTotal[c]! += this.lastPartWait[c]!;
    const joined = this.partsJoined[c]!;
    if (this.trace) this.trace(TRACE.JOINED, now, c, this.cls[c]!, joined === 0 ? at : this.joinAt[c]!, joined);
    if (joined === 0) {
      this.enter(at, c, now); // every part left through an exit: so does the case
      return;
    }
    const j = this.joinAt[c]!;
    if (this.inWindow) {
      this.joinCases[j]! += 1;
      this.joinWaits[j]!.push(now - this.joinFirst[c]!);
      this.joinPartWait[j]! += joined * now - this.joinSum[c]!;
      this.joinParts[j]! += joined;
    }
    this.deeper(j);
    this.moveOn(j, c, now);
    this.depth--;
  }

  private exit(c: number, now: number): void {
    const sojourn = now - this.arrT[c]!;
    this.exitSeries.push(sojourn, now);
    if (now < this.ws) this.exitsBeforeWarmup++;
    if (this.inWindow) {
      const k = this.cls[c]!;
      this.exited++;
      this.waits.push(this.waitTotal[c]!);
      this.sojourns.push(sojourn);
      this.classExited[k]! += 1;
      if (this.nClasses > 1) {
        this.classWaits[k]!.push(this.waitTotal[c]!);
        this.classSojourns[k]!.push(sojourn);
      }
      this.handoffSum += this.handoffs[c]!;
      this.touchedSum += this.touchedCount[c]!;
      const b = this.binOf(now);
      this.exitBinCount[b]! += 1;
      this.exitBinWait[b]! += this.waitTotal[c]!;
      if (this.waitTotal[c]! > this.tolerance) this.atRiskBin[b]! += 1;
    }
    this.leave(c, now);
  }

  // ---------------------------------------------------------------------------------------------
  // Bookkeeping

  private newCustomer(): number {
    let c: number;
    if (this.freeTop > 0) c = this.freeList[--this.freeTop]!;
    else {
      if (this.nextNew === this.cap) this.growCustomers();
      c = this.nextNew++;
    }
    this.waitTotal[c] = 0;
    this.lastDept[c] = -1;
    this.parent[c] = -1;
    this.handoffs[c] = 0;
    this.touchedCount[c] = 0;
    this.lives = (this.lives + 1) | 0 || 1; // 0 marks nothing
    this.life[c] = this.lives;
    return c;
  }

  private leave(c: number, now: number): void {
    this.changeWip(now, -1);
    this.freeList[this.freeTop++] = c;
  }

  private growCustomers(): void {
    const cap = this.cap * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.cls = i32(this.cls);
    this.svcToken = i32(this.svcToken);
    this.svcEnd = f64(this.svcEnd);
    this.svcLeft = f64(this.svcLeft);
    const resume = new Uint8Array(cap);
    resume.set(this.resume);
    this.resume = resume;
    this.arrT = f64(this.arrT);
    this.waitTotal = f64(this.waitTotal);
    this.qEnter = f64(this.qEnter);
    this.gen = i32(this.gen);
    this.lastDept = i32(this.lastDept);
    this.parent = i32(this.parent);
    this.partsOpen = i32(this.partsOpen);
    this.partsJoined = i32(this.partsJoined);
    this.joinAt = i32(this.joinAt);
    this.joinFirst = f64(this.joinFirst);
    this.joinSum = f64(this.joinSum);
    this.lastPartWait = f64(this.lastPartWait);
    this.handoffs = i32(this.handoffs);
    this.touchedCount = i32(this.touchedCount);
    this.freeList = i32(this.freeList);
    this.life = i32(this.life);
    const touched = new Int32Array(cap * Math.max(1, this.nDepts));
    touched.set(this.touched);
    this.touched = touched;
    const visited = new Int32Array(cap * this.nNodes);
    visited.set(this.visited);
    this.visited = visited;
    this.cap = cap;
  }

  /** The timeline bin of a moment in the window. */
  private binOf(now: number): number {
    return Math.max(0, Math.min(this.nBins - 1, Math.floor((now - this.ws) / this.binWidth)));
  }

  private changeQueue(node: number, delta: number, now: number): void {
    const q = (this.qlen[node]! += delta);
    const d = this.m.dept[node]!;
    if (d >= 0) this.deptQ[d]! += delta;
    if (this.inWindow && now >= this.ws) {
      if (q > this.maxQ[node]!) this.maxQ[node] = q;
      if (d >= 0 && this.deptQ[d]! > this.deptMaxQ[d]!) this.deptMaxQ[d] = this.deptQ[d]!;
    }
  }

  /** Integrates a station's queue length and busy count up to `now` (window only). */
  private integrate(node: number, now: number): void {
    const last = this.lastT[node]!;
    if (now <= last) return;
    this.lastT[node] = now;
    if (!this.inWindow) return;
    const from = last < this.ws ? this.ws : last;
    if (now <= from) return;
    const q = this.qlen[node]!;
    const bins = this.qBins[node];
    if (bins !== undefined && now > bins.nextBoundary) bins.cross(this.qArea[node]!, from, now, q);
    this.qArea[node]! += q * (now - from);
    this.busyArea[node]! += this.busy[node]! * (now - from);
    if (this.hasSystems && this.stepDown[node] !== 0) {
      this.pausedArea += this.busy[node]! * (now - from);
      this.integrateDown(node, (q + this.busy[node]!) * (now - from));
    }
  }

  /** Customer-time at a stopped step (waiting, or paused in service), to each system that is down. */
  private integrateDown(node: number, area: number): void {
    const systems = this.m.stepSystems[node]!;
    for (let j = 0; j < systems.length; j++) if (this.sysDown[systems[j]!]) this.sysDownArea[systems[j]!]! += area;
  }

  private changeWip(now: number, delta: number): void {
    const last = this.wipLastT;
    if (now > last) {
      if (this.inWindow) {
        const from = last < this.ws ? this.ws : last;
        if (now > from) {
          if (now > this.wipBins.nextBoundary) this.wipBins.cross(this.wipArea, from, now, this.wip);
          this.wipArea += this.wip * (now - from);
        }
      }
      this.wipLastT = now;
    }
    this.wip += delta;
    if (this.inWindow && this.wip > this.wipMax) this.wipMax = this.wip;
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  private result(end: number): ReplicationResult {
    const m = this.m;
    for (let i = 0; i < this.nNodes; i++) this.integrate(i, end);
    m.shifts.forEach((sh, i) => sh && this.integrateCap(this.capArea, this.capLastT, i, this.onShiftNow[i]!, end));
    m.poolShifts.forEach((sh, p) => sh && this.integrateCap(this.poolCapArea, this.poolCapLastT, p, this.poolCap[p]!, end));
    for (let k = 0; k < m.systemIds.length; k++) this.integrateSystem(k, end);
    this.changeWip(end, 0);
    const windowLength = Math.max(0, end - this.ws);
    const per = (x: number) => (windowLength > 0 ? x / windowLength : 0);

    const steps: Record<string, StepStats> = {};
    const departments: Record<string, DepartmentStats> = {};
    const deptWaits: Float64Array[][] = m.deptIds.map(() => []);
    const deptSummaries: StepStats['waitingTime'][][] = m.deptIds.map(() => []);
    const deptAgg = m.deptIds.map(() => ({ avail: 0, busy: 0, qArea: 0, completed: 0, abandoned: 0, turnedAway: 0, totalWaiting: 0 }));
    for (const i of m.stations) {
      const id = m.nodeIds[i]!;
      const isStep = m.kind[i] === KIND_STEP;
      const waitsArr = this.stWaits[i]?.view() ?? new Float64Array(0);
      const waitingTime = summarize(waitsArr);
      const d = m.dept[i]!;
      if (d >= 0 && isStep) {
        const agg = deptAgg[d]!;
        if (m.pool[i]! < 0) agg.avail += this.available(i, windowLength); // pools are counted once, below
        agg.busy += this.busyArea[i]!;
        agg.qArea += this.qArea[i]!;
        deptWaits[d]!.push(waitsArr);
        deptSummaries[d]!.push(waitingTime);
      }
      if (d >= 0) {
        const agg = deptAgg[d]!;
        agg.completed += isStep ? this.stCompleted[i]! : 0;
        agg.abandoned += this.stAbandoned[i]!;
        agg.turnedAway += this.stTurnedAway[i]!;
        agg.totalWaiting += this.stTotalWait[i]!;
      }
      const pool = m.pool[i]!;
      const avail = !isStep ? 0 : pool < 0 ? this.available(i, windowLength) : this.poolAvailable(pool, windowLength);
      const staff = !isStep ? 0 : windowLength > 0 && (m.shifts[i] || (pool >= 0 && m.poolShifts[pool])) ? avail / windowLength : m.staff[i]!;
      steps[id] = {
        id,
        name: m.nodeNames[i]!,
        kind: isStep ? 'step' : 'delay',
        departmentId: d >= 0 ? m.deptIds[d] : undefined,
        staff,
        arrivals: this.stArrivals[i]!,
        completed: this.stCompleted[i]!,
        abandoned: this.stAbandoned[i]!,
        turnedAway: this.stTurnedAway[i]!,
        waitingTime,
        queueLength: { mean: per(this.qArea[i]!), max: this.maxQ[i]! },
        utilization: isStep && avail > 0 ? this.busyArea[i]! / avail : 0,
        throughput: per(this.stCompleted[i]!),
        totalWaiting: this.stTotalWait[i]!,
        visitsPerCustomer: this.arrived > 0 ? this.stArrivals[i]! / this.arrived : 0,
        reworkShare: this.stArrivals[i]! > 0 ? this.stRepeats[i]! / this.stArrivals[i]! : 0,
      };
    }
    // Staff pools: busy share of the pool. Its staff-time counts in the departments of the steps it
    // worked for, in proportion to that work (so each such department is as busy as the pool);
    // a pool that did no work counts in its own department (else its first step's).
    const pools: Record<string, PoolStats> = {};
    m.poolIds.forEach((id, p) => {
      let busy = 0;
      const steps = m.poolSteps[p]!;
      for (let k = 0; k < steps.length; k++) busy += this.busyArea[steps[k]!]!;
      const size = m.poolSize[p]!;
      const avail = this.poolAvailable(p, windowLength);
      const d = m.poolDept[p]! >= 0 ? m.poolDept[p]! : steps.length > 0 ? m.dept[steps[0]!]! : -1;
      if (busy > 0) {
        for (let k = 0; k < steps.length; k++) {
          const sd = m.dept[steps[k]!]!;
          if (sd >= 0) deptAgg[sd]!.avail += (avail * this.busyArea[steps[k]!]!) / busy;
        }
      } else if (d >= 0) deptAgg[d]!.avail += avail;
      pools[id] = { id, name: m.poolNames[p]!, size, departmentId: d >= 0 ? m.deptIds[d] : undefined, steps: Array.from(steps, (i) => m.nodeIds[i]!), utilization: avail > 0 ? busy / avail : 0 };
    });
    m.deptIds.forEach((id, d) => {
      const agg = deptAgg[d]!;
      departments[id] = {
        id,
        name: m.deptNames[d]!,
        staff: windowLength > 0 ? agg.avail / windowLength : 0,
        utilization: agg.avail > 0 ? agg.busy / agg.avail : 0,
        // One step: its summary again, not a second pass over the same values.
        waitingTime: deptWaits[d]!.length === 1 ? { ...deptSummaries[d]![0]! } : summarizeAll(deptWaits[d]!),
        queueLength: { mean: per(agg.qArea), max: this.deptMaxQ[d]! },
        completed: agg.completed,
        throughput: per(agg.completed),
        abandoned: agg.abandoned,
        turnedAway: agg.turnedAway,
        totalWaiting: agg.totalWaiting,
      };
    });

    const waits = this.waits.view();
    const sojourns = this.sojourns.view();
    const { summary: waitingTime, percentiles: waitingQuantiles } = summarizeWithPercentiles(waits);
    const timeInSystem = summarize(sojourns);
    const single = this.nClasses === 1;
    const classes: Record<string, ClassStats> = {};
    m.classIds.forEach((id, k) => {
      classes[id] = {
        id,
        arrived: this.classArrived[k]!,
        exited: this.classExited[k]!,
        abandoned: this.classAbandoned[k]!,
        turnedAway: this.classTurnedAway[k]!,
        waitingTime: single ? { ...waitingTime } : summarize(this.classWaits[k]!.view()),
        timeInSystem: single ? { ...timeInSystem } : summarize(this.classSojourns[k]!.view()),
      };
    });
    const serviceLevel: Record<string, number> = {};
    for (const sl of this.project.serviceLevels) {
      const sample = sl.measure === 'waitingTime' ? waits : sojourns;
      serviceLevel[sl.id] = sample.length > 0 ? countAtMost(sample, sl.threshold) / sample.length : 0;
    }

    const atRisk = this.project.costs?.tolerance !== undefined ? waits.length - countAtMost(waits, this.project.costs.tolerance) : 0;
    const costs = this.costs(windowLength, atRisk);

    const timelineQueues: Record<string, number[]> = {};
    const binCount = this.timelineBinCount(windowLength);
    for (const i of m.stations) {
      const bins = this.qBins[i];
      if (bins) timelineQueues[m.nodeIds[i]!] = this.binAverages(bins.finish(this.qArea[i]!), binCount, windowLength);
    }

    return {
      scenarioId: m.scenario.id,
      replication: this.replication,
      seed: this.project.run.seed,
      windowStart: this.ws,
      windowEnd: end,
      events: this.events,
      overall: {
        arrived: this.arrived,
        exited: this.exited,
        abandoned: this.abandoned,
        turnedAway: this.turnedAway,
        inSystemAtEnd: this.wip,
        waitingTime,
        timeInSystem,
        throughput: per(this.exited),
        workInProgress: { mean: per(this.wipArea), max: this.wipMax },
        serviceLevel,
        abandonedShare: this.arrived > 0 ? this.abandoned / this.arrived : 0,
        turnedAwayShare: this.arrived > 0 ? this.turnedAway / this.arrived : 0,
        handoffsPerCustomer: this.exited > 0 ? this.handoffSum / this.exited : 0,
        departmentsTouchedPerCustomer: this.exited > 0 ? this.touchedSum / this.exited : 0,
        atRisk,
        costs,
      },
      insideAtWindowStart: this.insideAtWindowStart,
      steps,
      departments,
      pools,
      systems: this.systemStats(windowLength),
      joins: this.joinStats(),
      classes,
      waitingQuantiles,
      timeline: {
        start: this.ws,
        binWidth: this.binWidth,
        queueLength: timelineQueues,
        workInProgress: this.binAverages(this.wipBins.finish(this.wipArea), binCount, windowLength),
        exits: Array.from(this.exitBinCount.subarray(0, binCount)),
        waitingTime: Array.from(this.exitBinCount.subarray(0, binCount), (n, b) => (n > 0 ? this.exitBinWait[b]! / n : 0)),
        costs: this.binCosts(costs, binCount, windowLength),
      },
      warmup: this.warmupCheck(),
    };
  }

  private systemStats(windowLength: number): Record<string, SystemStats> {
    const m = this.m;
    let waitingArea = this.pausedArea;
    for (let i = 0; i < this.nNodes; i++) if (m.kind[i] === KIND_STEP) waitingArea += this.qArea[i]!;
    const out: Record<string, SystemStats> = {};
    m.systemIds.forEach((id, k) => {
      out[id] = {
        id,
        name: m.systemNames[k]!,
        availability: windowLength > 0 ? this.sysUp[k]! / windowLength : 1,
        failures: this.sysFailures[k]!,
        waitingWhileDown: this.sysDownArea[k]!,
        waitingWhileDownShare: waitingArea > 0 ? Math.min(1, this.sysDownArea[k]! / waitingArea) : 0,
      };
    });
    return out;
  }

  private joinStats(): Record<string, JoinStats> {
    const m = this.m;
    const out: Record<string, JoinStats> = {};
    for (const j of m.joins) {
      const id = m.nodeIds[j]!;
      out[id] = {
        id,
        name: m.nodeNames[j]!,
        cases: this.joinCases[j]!,
        waitForParts: summarize(this.joinWaits[j]!.view()),
        partWait: this.joinParts[j]! > 0 ? this.joinPartWait[j]! / this.joinParts[j]! : 0,
      };
    }
    return out;
  }

  /** Staff-time available at a step (its own staff) over the window: on shift, or always there. */
  private available(i: number, windowLength: number): number {
    return this.m.shifts[i] ? this.capArea[i]! : this.m.staff[i]! * windowLength;
  }

  private poolAvailable(p: number, windowLength: number): number {
    return this.m.poolShifts[p] ? this.poolCapArea[p]! : this.m.poolSize[p]! * windowLength;
  }

  /** Money over the window from the project's cost assumptions (see Costs in the schema). */
  private costs(windowLength: number, atRisk: number): CostStats {
    const c = this.project.costs;
    const minutesPerUnit = MINUTES_PER_UNIT[this.project.timeUnit];
    const hours = (windowLength * minutesPerUnit) / 60;
    // Staff-hours on shift × cost per hour.
    const toHours = minutesPerUnit / 60;
    let staff = 0;
    this.m.scenario.flow.nodes.forEach((node, i) => {
      if (node.kind === 'step' && node.poolId === undefined) staff += this.available(i, windowLength) * toHours * (node.costPerHour ?? c?.staffPerHour ?? 0);
    });
    (this.m.scenario.flow.pools ?? []).forEach((pool, p) => (staff += this.poolAvailable(p, windowLength) * toHours * (pool.costPerHour ?? c?.staffPerHour ?? 0)));
    const lostCustomers = (this.abandoned + this.turnedAway) * (c?.lostCustomer ?? 0);
    const atRiskLost = atRisk * (c?.shareLostAtRisk ?? 0) * (c?.lostCustomer ?? 0);
    const total = staff + lostCustomers + atRiskLost;
    return {
      staff,
      lostCustomers,
      atRiskLost,
      total,
      perCustomer: this.exited > 0 ? total / this.exited : 0,
      perDay: hours > 0 ? (total / hours) * 24 : 0,
    };
  }

  /**
   * Money per timeline bin: staff cost spread over the window in proportion to each bin's length
   * (exact for bins of whole weeks, as shift schedules repeat daily or weekly), plus the customers
   * lost and at risk in the bin at the project's prices.
   */
  private binCosts(costs: CostStats, count: number, windowLength: number): number[] {
    const c = this.project.costs;
    const lost = c?.lostCustomer ?? 0;
    const share = c?.shareLostAtRisk ?? 0;
    const out: number[] = [];
    for (let b = 0; b < count; b++) {
      const width = b === count - 1 ? windowLength - b * this.binWidth : this.binWidth;
      out.push((windowLength > 0 ? (costs.staff * width) / windowLength : 0) + this.lostBin[b]! * lost + this.atRiskBin[b]! * share * lost);
    }
    return out;
  }

  /** Bins actually covered by the window (the customers horizon may end early or late). */
  private timelineBinCount(windowLength: number): number {
    if (windowLength <= 0) return 0;
    return Math.max(1, Math.min(this.nBins, Math.ceil(windowLength / this.binWidth - 1e-9)));
  }

  private binAverages(bins: Float64Array, count: number, windowLength: number): number[] {
    const out: number[] = [];
    for (let b = 0; b < count; b++) {
      const start = b * this.binWidth;
      const width = b === count - 1 ? windowLength - start : this.binWidth;
      out.push(width > 0 ? bins[b]! / width : 0);
    }
    return out;
  }

  /**
   * MSER-5 on the times in system of every customer in exit order (warm-up included), first
   * averaged in groups (between 1,000 and 2,000 groups of 2^k customers, see GroupedSeries). The suggested warm-up is the exit time where the MSER-5
   * truncation falls. The configured warm-up is called too short when the suggestion is later
   * AND truncating at the configured warm-up leaves a standard error of the mean at least 10 %
   * above the MSER-5 optimum (statistic ratio ≥ 1.21): on a steady series MSER's choice is
   * noise, and that second condition keeps such noise from raising a warning.
   */
  private warmupCheck(): ReplicationResult['warmup'] {
    const series = this.exitSeries;
    const configured = this.ws;
    if (series.length < 40) return { suggested: 0, configured, tooShort: false };
    const mser = mser5(series.means());
    const suggested = mser.observations > 0 ? series.endTime(mser.observations - 1) : 0;
    const configuredBatch = Math.min(mser.statistics.length - 1, Math.floor(this.exitsBeforeWarmup / series.size / 5));
    const atConfigured = configuredBatch >= 0 ? mser.statistics[configuredBatch]! : 0;
    const best = mser.statistics[mser.batches] ?? 0;
    const tooShort = suggested > configured && atConfigured >= 1.21 * best && best > 0;
    return { suggested, configured, tooShort };
  }
}

/** Summary of several samples taken together (a department's steps). */
function summarizeAll(parts: Float64Array[]): StepStats['waitingTime'] {
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return summarize(all);
}
