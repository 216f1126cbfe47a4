// What one replication of one scenario produces. The experiment layer (replications, confidence
// intervals, comparison) and the results format are built on these plain-data records.
// All times are in the project's time unit. Statistics cover the observation window only:
// from the end of the warm-up to the end of the run.
import type { ServiceLog } from './sim/servicelog';

/** Summary of a sample of durations. When `count` is 0 every other field is 0. */
export interface SampleStats {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LevelStats {
  /** Time-average over the observation window (after the warm-up) */
  mean: number;
  max: number;
}

export interface StepStats {
  id: string;
  name: string;
  kind: 'step' | 'delay';
  departmentId: string | undefined;
  /** Staff on the step (0 for a delay). */
  staff: number;
  /** Customers who reached the step during the window (each visit counts). */
  arrivals: number;
  /** Visits that finished service (or the delay) during the window (after the warm-up) */
  completed: number;
  abandoned: number;
  turnedAway: number;
  /** Waiting time before service starts, per visit that started service (abandoners excluded). */
  waitingTime: SampleStats;
  /** Customers waiting (not in service). */
  queueLength: LevelStats;
  /** Busy staff-time / available staff-time (0 for a delay). */
  utilization: number;
  /** Completions per time unit. */
  throughput: number;
  /** Sum of all waiting times at the step in the window, abandoners' waits included. */
  totalWaiting: number;
  /** Visits per customer who entered the system in the window (after the warm-up) */
  visitsPerCustomer: number;
  /** Share of the step's arrivals that were repeat visits by the same customer (rework). */
  reworkShare: number;
  /** Visits reaching the step per time unit (arrivals / window length). */
  arrivalRate: number;
  /** Mean time at the step per visit that finished in the window: waiting + service (a delay: its time). */
  timeAtStep: number;
  /** Share of the visits that started service who had to wait at all (waited longer than 0). */
  waitedShare: number;
  /** Mean waiting of those who gave up at the step (0 when nobody did). */
  abandonedWait: number;
  /** Steps whose hours close (a calendar, or shifts with nobody on duty): share of their waiting while closed, and share of the hours open. */
  waitingWhileClosed?: number;
  openShare?: number;
  /** For those steps: mean customers waiting and busy share in each of the week's 168 hours (Monday 00:00 first). */
  byHour?: { queue: number[]; busy: number[] };
}

export interface DepartmentStats {
  id: string;
  name: string;
  staff: number;
  /** Busy staff-time / available staff-time over all its steps. */
  utilization: number;
  /** Waits at the department's steps, per visit. */
  waitingTime: SampleStats;
  /** Sum of its steps' queues (mean of the sum; max of the sum). */
  queueLength: LevelStats;
  completed: number;
  throughput: number;
  abandoned: number;
  turnedAway: number;
  totalWaiting: number;
}

export interface ClassStats {
  id: string;
  arrived: number;
  exited: number;
  abandoned: number;
  turnedAway: number;
  /** Total waiting per customer who exited. */
  waitingTime: SampleStats;
  /** Arrival to exit, per customer who exited. */
  timeInSystem: SampleStats;
  /** Customers of the class waiting at steps (time-average over the window, and the most). */
  queueLength: LevelStats;
}

export interface PoolStats {
  id: string;
  name: string;
  size: number;
  departmentId: string | undefined;
  /** The steps drawing on the pool, in the order free staff look at them. */
  steps: string[];
  /** Busy staff-time / available staff-time of the pool. */
  utilization: number;
}

/** A join (parallel work meeting again), over the window. */
export interface JoinStats {
  id: string;
  name: string;
  /** Split cases that continued from this join in the window. */
  cases: number;
  /** Per case: from its first part's arrival at the join until the last part's (waiting for the other parts). */
  waitForParts: SampleStats;
  /** Mean time each part waited at the join for the others. */
  partWait: number;
}

/** A system with outages, over the window. */
export interface SystemStats {
  id: string;
  name: string;
  /** Share of the window it was up. */
  availability: number;
  failures: number;
  /**
   * Customer-time spent at its steps while they were stopped by it (customers waiting plus
   * customers whose service was paused), and that as a share of all customer-time spent waiting
   * at steps. Backlog left after a repair is not counted here.
   */
  waitingWhileDown: number;
  waitingWhileDownShare: number;
}

export interface CostStats {
  /** Staff × hours in the window × cost per hour, over all steps. */
  staff: number;
  /** Customers who gave up or were turned away × cost of a lost customer. */
  lostCustomers: number;
  /** Customers at risk × share assumed lost × cost of a lost customer. */
  atRiskLost: number;
  total: number;
  /** total / customers who exited. */
  perCustomer: number;
  /** total per 24 hours of simulated time. */
  perDay: number;
}

export interface OverallStats {
  /** Customers who arrived during the window (after the warm-up) */
  arrived: number;
  /** Customers who left through an exit during the window (after the warm-up) */
  exited: number;
  abandoned: number;
  turnedAway: number;
  /** Customers inside at the end of the run. */
  inSystemAtEnd: number;
  /** Total waiting across all steps, per customer who exited during the window (after the warm-up) */
  waitingTime: SampleStats;
  /** Arrival to exit, per customer who exited during the window (after the warm-up) */
  timeInSystem: SampleStats;
  /** Exits per time unit. */
  throughput: number;
  /** Customers inside (work in progress). */
  workInProgress: LevelStats;
  /** Share of exited customers within each service level's threshold, by service-level id. */
  serviceLevel: Record<string, number>;
  /** abandoned / arrived and turnedAway / arrived. */
  abandonedShare: number;
  turnedAwayShare: number;
  /** Moves between departments per exited customer. */
  handoffsPerCustomer: number;
  /** Distinct departments visited per exited customer. */
  departmentsTouchedPerCustomer: number;
  /** Exited customers whose total waiting exceeded the project's tolerance (0 without one). */
  atRisk: number;
  /** Money over the window, from the project's cost assumptions (all 0 without them). */
  costs: CostStats;
}

export interface Timeline {
  /** Start of the first bin (the end of the warm-up) and the width of each bin. */
  start: number;
  binWidth: number;
  /** Time-average number waiting at each step in each bin, by step id. */
  queueLength: Record<string, number[]>;
  /** Time-average customers inside, per bin. */
  workInProgress: number[];
  /** Customers who left through an exit in each bin, and their mean total waiting (0 when none). */
  exits: number[];
  waitingTime: number[];
  /** Money in each bin from the cost assumptions (staff cost spread by bin length, plus lost and at-risk customers in the bin). */
  costs: number[];
}

export interface WarmupCheck {
  /** Suggested warm-up (time units) by the MSER-5 rule on the batched WIP series. */
  suggested: number;
  configured: number;
  /** True when the configured warm-up looks too short. */
  tooShort: boolean;
}

export interface ReplicationResult {
  scenarioId: string;
  replication: number;
  seed: number;
  /** Window start (= warm-up), end, and length. */
  windowStart: number;
  windowEnd: number;
  events: number;
  /** Customers inside when the window started (conservation: this + arrived = exited + abandoned + turnedAway + inSystemAtEnd). */
  insideAtWindowStart: number;
  overall: OverallStats;
  steps: Record<string, StepStats>;
  departments: Record<string, DepartmentStats>;
  /** Staff pools of the scenario, by id (empty when it has none). */
  pools: Record<string, PoolStats>;
  /** Systems with outages: share of the window they were up, failures, and waiting while down. */
  systems: Record<string, SystemStats>;
  /** Joins of parallel work, by node id (empty when the flow has none). */
  joins: Record<string, JoinStats>;
  classes: Record<string, ClassStats>;
  /**
   * Only when the project has calendars: waiting and time in system in working time of the main
   * calendar per customer who exited, and per step its waiting in the step's calendar (worktime.ts).
   */
  working?: { calendarId: string; waitingTime: SampleStats; timeInSystem: SampleStats; steps: Record<string, SampleStats> };
  /** Percentiles 0..100 of total waiting per exited customer (101 values), for CDF charts. */
  waitingQuantiles: number[];
  timeline: Timeline;
  warmup: WarmupCheck;
}

export type SimulationErrorCode = 'event-limit' | 'zero-time-loop' | 'cancelled' | 'invalid-model' | 'numeric' | 'worker';

/** A run that cannot go on ends with this error, with a message for the user. */
export class SimulationError extends Error {
  constructor(
    readonly code: SimulationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}

/**
 * What a watched replication reports as it goes (for the live animation). Node indices are
 * positions in the scenario's `flow.nodes`; `customer` is an index that is reused after the
 * customer leaves; `cls` the class index. MOVE goes from the node a customer leaves (arrivals,
 * step or delay) to the next step, delay or exit, passing over decisions. At a parallel split the
 * case moves into the split, and each part (a new customer index) moves from the split on; at a
 * join each part moves into the join, and the case moves on from it. A part reaching an exit is
 * PART_DONE, not EXIT (the case is still inside).
 */
export const TRACE = {
  ARRIVE: 1, // a = arrivals node
  MOVE: 2, // a = from, b = to
  QUEUE: 3, // a = step: joins its queue
  START: 4, // a = step: served at once
  START_FROM_QUEUE: 5, // a = step: leaves the queue to be served
  DELAY: 6, // a = delay node
  ABANDON: 7, // a = step: gave up waiting
  TURNED_AWAY: 8, // a = step: queue full
  EXIT: 9, // a = exit node
  PART_DONE: 10, // a = exit node: one part of a split case is done (the case goes on)
  SPLIT: 11, // a = split node, b = number of parts: the case (customer) is now held while its parts move
  JOIN_WAIT: 12, // a = join: a part waits there for the other parts
  JOINED: 13, // a = join (or the exit the last part reached), b = parts released from the join: the case goes on
  HANDED_OVER: 14, // a = step: a customer in service goes back to the head of the queue at the end of a shift
} as const;

export type TraceSink = (kind: number, time: number, customer: number, cls: number, a: number, b: number) => void;

export interface ReplicationOptions {
  /** Checked every few thousand events; returning true ends the run with a 'cancelled' error. */
  shouldStop?: () => boolean;
  /** Receives every movement of every customer (slower; for watching a run). */
  trace?: TraceSink;
  /** Records who serves whom, for a simulated event log (engine/eventlog.ts); absent: nothing is recorded. */
  serviceLog?: ServiceLog;
  /** Number of timeline bins (default 50). */
  timelineBins?: number;
}
