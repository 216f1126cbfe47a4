// The Serviceflow project file format, version 2: one zod schema shared by the UI, the worker,
// the CLI and the tests. Documented in docs/model-format.md.
//
// Times are in the project's time unit (minutes unless stated otherwise). Distributions are given
// the way users think of them: mean and spread (standard deviation) wherever possible.
import { parseLocalDateTime } from './clock';
import { z } from 'zod';
import { byId } from './ids';
import { Calendar } from './calendar';
import { LIMITS, formatLimit, finite, list, money, nonNegative, positive, share, staffCount, weight, whole } from './limits';

export { LIMITS, formatLimit };

export const FORMAT_VERSION = 4 as const;
/**
 * History of the format. Older files are upgraded when loaded (src/model/load.ts, `migrate`).
 * 1 → 2: cost assumptions (`costs`, a step's `costPerHour`) and staff pools (`flow.pools`, a
 *        step's `poolId`); nothing in a version-1 file changes meaning.
 * 3 → 4: calendars (`calendars`, `calendarId` on steps, pools and arrivals); an arrival rate per
 *        day or week with an hourly profile is the volume of that day or week (the profile only
 *        distributes it): older files are rewritten to keep their meaning (migrate, load.ts).
 */
export const FORMAT_HISTORY = { 1: 'flows, classes, run settings, service levels', 2: 'cost assumptions, customers at risk, staff pools, shifts, learning curves, system outages', 3: 'parallel split and join', 4: 'calendars; volumes per day or week' } as const;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may only contain letters, digits and _ . : -');
const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4');
/** A spread (sd) at most LIMITS.maxSpreadRatio times the mean (lognormal, gamma, weibull). */
const spreadOk = (d: { mean: number; sd: number }) => d.sd <= LIMITS.maxSpreadRatio * d.mean;
const spreadRule = { message: `must be at most ${LIMITS.maxSpreadRatio} times the mean`, path: ['sd'] };

export const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export const TimeUnit = z.enum(TIME_UNITS);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** Length of one time unit in minutes. */
export const MINUTES_PER_UNIT: Record<TimeUnit, number> = {
  seconds: 1 / 60,
  minutes: 1,
  hours: 60,
  days: 1440,
};

// ---------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------
export const Distribution = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exponential'), mean: positive }),
  z.object({ kind: z.literal('constant'), value: nonNegative }),
  z
    .object({ kind: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
  z
    .object({ kind: z.literal('triangular'), min: nonNegative, mode: nonNegative, max: nonNegative })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.max > d.min, {
      message: 'needs min ≤ mode ≤ max and min < max',
      path: ['mode'],
    }),
  /** Normal with the given mean and sd, truncated at 0 (negative draws are redrawn). */
  z.object({ kind: z.literal('normal'), mean: positive, sd: nonNegative }),
  z.object({ kind: z.literal('lognormal'), mean: positive, sd: positive }).refine(spreadOk, spreadRule),
  z.object({ kind: z.literal('gamma'), mean: positive, sd: positive }).refine(spreadOk, spreadRule),
  /** Erlang-k: sum of k exponential phases, total mean `mean`. */
  z.object({ kind: z.literal('erlang'), mean: positive, k: whole(1, 1000) }),
  /** Weibull given by mean and sd; the shape is solved from the coefficient of variation. */
  z.object({ kind: z.literal('weibull'), mean: positive, sd: positive }).refine(spreadOk, spreadRule),
  /** Observed durations, resampled with equal probability. */
  z.object({
    kind: z.literal('empirical'),
    values: list(nonNegative, 100_000, 'observed values').min(1, 'needs at least one observed value'),
  }),
]);
export type Distribution = z.infer<typeof Distribution>;

/**
 * Service times by customer class id. Kept in an object without a prototype, so that any class id
 * (even "__proto__" or "constructor") is an ordinary key; zod's record would drop "__proto__".
 */
const DistributionByClass = z
  .custom<Record<string, z.input<typeof Distribution>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'must be an object of service times by customer class id' })
  .transform((value, ctx) => {
    const out = byId<Distribution>();
    for (const key of Object.keys(value)) {
      const idCheck = id.safeParse(key);
      if (!idCheck.success) ctx.issues.push({ code: 'custom', message: `the class id ${idCheck.error.issues[0]!.message}`, path: [key], input: key });
      const parsed = Distribution.safeParse(value[key]);
      if (parsed.success) out[key] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, path: [key, ...issue.path], input: value[key] } as (typeof ctx.issues)[number]);
    }
    return out;
  });
export type DistributionKind = Distribution['kind'];
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'exponential',
  'constant',
  'uniform',
  'triangular',
  'normal',
  'lognormal',
  'gamma',
  'erlang',
  'weibull',
  'empirical',
];

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------
export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;

const nodeBase = {
  id,
  name,
  position: Position.default({ x: 0, y: 0 }),
  description: z.string().max(2000).optional(),
};

export const RATE_PERIODS = ['minute', 'hour', 'day', 'week'] as const;
/** Minutes per rate period. */
export const MINUTES_PER_PERIOD: Record<(typeof RATE_PERIODS)[number], number> = {
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
};

/** How customers arrive: a Poisson rate, or a distribution of the time between arrivals. */
export const ArrivalPattern = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('rate'),
    rate: finite()
      .positive('must be greater than 0')
      .max(LIMITS.maxRate, `must be at most ${formatLimit(LIMITS.maxRate)}`)
      .refine((v) => v <= 0 || v >= LIMITS.minRate, `must be at least ${formatLimit(LIMITS.minRate)}`),
    per: z.enum(RATE_PERIODS).default('hour'),
  }),
  z.object({ mode: z.literal('interarrival'), distribution: Distribution }),
]);
export type ArrivalPattern = z.infer<typeof ArrivalPattern>;

/**
 * Piecewise-constant multipliers of the base rate, one per hour, repeating every day (24 values)
 * or every week (168 values, Monday 00:00 first). Simulated time 0 is `run.start` (a Monday 00:00 without one).
 * Only allowed with a Poisson rate (arrivals are generated by thinning).
 */
export const RateSchedule = z
  .object({
    repeat: z.enum(['day', 'week']),
    multipliers: z.array(finite().min(0, 'must be 0 or more').max(LIMITS.maxMultiplier, `must be at most ${formatLimit(LIMITS.maxMultiplier)}`)),
  })
  .refine((s) => s.multipliers.length === (s.repeat === 'day' ? 24 : 168), {
    message: 'needs one multiplier per hour: 24 for a day, 168 for a week',
    path: ['multipliers'],
  })
  .refine((s) => s.multipliers.some((m) => m > 0), {
    message: 'at least one hour must have arrivals',
    path: ['multipliers'],
  });
export type RateSchedule = z.infer<typeof RateSchedule>;

export const ClassShare = z.object({ classId: id, share: weight });

export const ArrivalsNode = z.object({
  ...nodeBase,
  kind: z.literal('arrivals'),
  arrivals: ArrivalPattern,
  schedule: RateSchedule.optional(),
  /** Customers arrive only while this calendar is open (format 4); a volume per day or week is spread over its open hours. */
  calendarId: id.optional(),
  /** Customer class mix of this source; defaults to the project's class shares. */
  classMix: list(ClassShare, LIMITS.maxClasses, 'class shares').optional(),
});

/**
 * Staff on shift hour by hour, repeating every day (24 numbers) or every week (168, Monday 00:00
 * first; read from `run.start`, a Monday 00:00 without one). When staff go off shift, customers in service are
 * finished; nobody new is started until fewer are busy than are on shift. `atShiftEnd` says what
 * happens at the end of a shift: `carry-over` (default) — customers still waiting wait for the next
 * shift; `serve-waiting` — staff going off shift stay (overtime) until nobody is waiting, then go
 * home; overtime counts as staff-time and staff cost; `hand-over` — staff leave on time and the
 * customers they were serving are handed over: they go back to the head of the queue and a
 * colleague (or the next shift) carries on with the work that was left.
 */
export const StaffShifts = z
  .object({
    repeat: z.enum(['day', 'week']),
    staff: z.array(staffCount),
    atShiftEnd: z.enum(['carry-over', 'serve-waiting', 'hand-over']).optional(),
  })
  .refine((s) => s.staff.length === (s.repeat === 'day' ? 24 : 168), { message: 'needs one number per hour: 24 for a day, 168 for a week', path: ['staff'] });
export type StaffShifts = z.infer<typeof StaffShifts>;
/** What happens when a calendar closes (as `atShiftEnd`); a shift grid's own `atShiftEnd` wins. */
const AtClose = z.enum(['carry-over', 'serve-waiting', 'hand-over']);

/**
 * Staff slower while they learn a new process: service times start at `multiplier` × normal and
 * return to normal over `period` (time units from the start of the run): linearly, or
 * exponentially (the extra time falls to 5 % of its start at the end of the period).
 */
export const LearningCurve = z.object({
  multiplier: finite().min(1, 'must be at least 1').max(10, 'must be at most 10'),
  period: positive,
  shape: z.enum(['linear', 'exponential']).default('linear'),
});
export type LearningCurve = z.infer<typeof LearningCurve>;

export const QUEUE_DISCIPLINES = ['fifo', 'priority'] as const;

export const StepNode = z.object({
  ...nodeBase,
  kind: z.literal('step'),
  departmentId: id,
  /** Number of staff working in parallel (servers). */
  staff: staffCount,
  service: Distribution,
  /** Service time per customer class, overriding `service` for the classes listed. */
  serviceByClass: DistributionByClass.optional(),
  /** fifo, or non-preemptive priority by class (lower priority number served first, FIFO within). */
  discipline: z.enum(QUEUE_DISCIPLINES).default('fifo'),
  /** Waiting places; a customer who finds them all taken is turned away. Absent: unlimited. */
  capacity: whole(0, LIMITS.maxCapacity, ' waiting places').optional(),
  /** How long a customer is willing to wait before giving up. Absent: waits forever. */
  patience: Distribution.optional(),
  /** Cost per staff member per hour at this step; absent: the project's `costs.staffPerHour`. */
  costPerHour: money(LIMITS.maxCostPerHour).optional(),
  /** Served by this staff pool instead of its own `staff` (which is then ignored). */
  poolId: id.optional(),
  /** Among the pool's steps with customers waiting, lower numbers are served first. */
  poolPriority: whole(0, 100).optional(),
  /** Staff on shift hour by hour, instead of `staff` all the time. */
  shifts: StaffShifts.optional(),
  /** Staff work only while this calendar is open (format 4): `staff` (or the shift grid) when open, nobody when closed. */
  calendarId: id.optional(),
  atClose: AtClose.optional(),
  /** Slower service while staff learn (a proposal's first weeks); overrides the pool's. */
  learning: LearningCurve.optional(),
  /** Systems this step needs: it stops while any of them is down. */
  systemIds: list(id, 1000, 'systems').optional(),
});

export const DelayNode = z.object({
  ...nodeBase,
  kind: z.literal('delay'),
  /** A delay may sit in a department's lane (e.g. a handoff inside it); it uses no staff. */
  departmentId: id.optional(),
  duration: Distribution,
  /**
   * The duration is working time ("2 working days"): the customer leaves once that much open time
   * of the delay's calendar (`calendarId`, else the flow's main calendar) has passed.
   */
  workingTime: z.boolean().optional(),
  calendarId: id.optional(),
});

export const DecisionNode = z.object({
  ...nodeBase,
  kind: z.literal('decision'),
  /** probability: edges carry probabilities; class: edges carry class ids (one edge may be the default). */
  mode: z.enum(['probability', 'class']).default('probability'),
});

export const ExitNode = z.object({ ...nodeBase, kind: z.literal('exit') });

/**
 * Parallel split (fork, format 3): a customer's case splits into one part per outgoing connection,
 * all at once (connections carry no shares). Parts move independently; a part waits as long as it
 * takes (patience and waiting places apply to whole customers only). A part that reaches an exit is
 * done. The case continues from a join once all its parts have arrived there or are done.
 */
export const SplitNode = z.object({
  ...nodeBase,
  kind: z.literal('split'),
  /**
   * all (absent): every connection gets a part. inclusive (an OR split): each connection is taken
   * with its own `probability`, independently, and at least one: a draw that takes none is drawn
   * again (sampled exactly as such), so a connection of probability p is taken by a share
   * p / (1 − Π(1 − pᵢ)) of the cases. A join then waits for exactly the parts that were started.
   */
  mode: z.enum(['all', 'inclusive']).optional(),
});

/**
 * Join (format 3): parts of a split case wait here until every part still open has arrived; the
 * case then continues as one customer (its waiting time includes the waiting of the last part to
 * arrive). A customer who is not split passes straight through.
 */
export const JoinNode = z.object({ ...nodeBase, kind: z.literal('join') });

export const FlowNode = z.discriminatedUnion('kind', [ArrivalsNode, StepNode, DelayNode, DecisionNode, ExitNode, SplitNode, JoinNode]);
export type FlowNode = z.infer<typeof FlowNode>;
export type ArrivalsNode = z.infer<typeof ArrivalsNode>;
export type StepNode = z.infer<typeof StepNode>;
export type DelayNode = z.infer<typeof DelayNode>;
export type DecisionNode = z.infer<typeof DecisionNode>;
export type ExitNode = z.infer<typeof ExitNode>;
export type SplitNode = z.infer<typeof SplitNode>;
export type JoinNode = z.infer<typeof JoinNode>;
export type NodeKind = FlowNode['kind'];
export const NODE_KINDS: readonly NodeKind[] = ['arrivals', 'step', 'delay', 'decision', 'split', 'join', 'exit'];

export const FlowEdge = z.object({
  id,
  source: id,
  target: id,
  /** Share of customers leaving the source along this edge, where the source has several exits
   * (out of an inclusive split: the chance that a case takes this path, on its own). */
  probability: share.optional(),
  /** For a decision in class mode: the classes routed along this edge; absent or empty = all others. */
  classIds: list(id, LIMITS.maxClasses, 'classes').optional(),
  label: z.string().max(120).optional(),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

export const Department = z.object({ id, name, color: color.default('#4e79a7') });
export type Department = z.infer<typeof Department>;


/**
 * A pool of cross-trained staff that several steps draw from (instead of their own staff). When
 * staff become free and several of the pool's steps have customers waiting, the step with the
 * lowest `poolPriority` is served first, and among equals the customer who has waited longest.
 */
export const StaffPool = z.object({
  id,
  name,
  size: staffCount,
  /** The department the pool's staff belong to (for department figures and costs). */
  departmentId: id.optional(),
  /** Cost per member per hour; absent: the project's `costs.staffPerHour`. */
  costPerHour: money(LIMITS.maxCostPerHour).optional(),
  /** People on shift hour by hour (then `size` is only the headcount shown). */
  shifts: StaffShifts.optional(),
  /** The pool's staff work only while this calendar is open (format 4). */
  calendarId: id.optional(),
  atClose: AtClose.optional(),
  /** Slower service while the pool's staff learn, for every step drawing on it. */
  learning: LearningCurve.optional(),
});
export type StaffPool = z.infer<typeof StaffPool>;

/**
 * A system the work depends on (e.g. core banking) that fails now and then: time between failures
 * (while it runs) and time to repair. Steps that depend on it stop while it is down; service in
 * progress is paused and resumed after the repair (preemptive resume).
 */
export const System = z.object({
  id,
  name,
  timeBetweenFailures: Distribution,
  timeToRepair: Distribution,
});
export type System = z.infer<typeof System>;

export const Flow = z.object({
  departments: list(Department, LIMITS.maxDepartments, 'departments'),
  /** Staff pools shared by several steps (format 2). */
  pools: list(StaffPool, 1000, 'staff pools').optional(),
  /** Systems with outages (format 2). */
  systems: list(System, 1000, 'systems').optional(),
  nodes: list(FlowNode, LIMITS.maxNodes, 'nodes (steps, delays, decisions, splits, joins, arrivals and exits)'),
  edges: list(FlowEdge, LIMITS.maxEdges, 'connections'),
});
export type Flow = z.infer<typeof Flow>;

export const Scenario = z.object({
  id,
  name,
  kind: z.enum(['baseline', 'proposal']),
  description: z.string().max(4000).optional(),
  color: color.optional(),
  /** Restructuring moves applied to this proposal, in plain words, oldest first. */
  moves: z.array(z.string().max(1000)).max(200).optional(),
  flow: Flow,
});
export type Scenario = z.infer<typeof Scenario>;

// ---------------------------------------------------------------------------------------------
// Project-level settings
// ---------------------------------------------------------------------------------------------
export const CustomerClass = z.object({
  id,
  name,
  /** Share of arrivals (relative weight; shares are normalised). */
  share: weight,
  /** Lower number = served first under priority queues. */
  priority: whole(0, 100).default(0),
  color: color.default('#4e79a7'),
});
export type CustomerClass = z.infer<typeof CustomerClass>;

export const Horizon = z.discriminatedUnion('kind', [
  /** Simulate this long after the warm-up. */
  z.object({ kind: z.literal('duration'), duration: positive }),
  /** Simulate until this many customers have arrived after the warm-up. */
  z.object({ kind: z.literal('customers'), count: whole(1, 100_000_000, ' customers') }),
]);
export type Horizon = z.infer<typeof Horizon>;

export const Replications = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), count: whole(1, 10_000, ' replications') }),
  /**
   * Keep adding replications until the 95 % half-width of mean waiting time and mean time in
   * system are each within `relativeHalfWidth` of their mean, between `min` and `max` replications.
   */
  z
    .object({
      kind: z.literal('precision'),
      relativeHalfWidth: finite().positive('must be between 0 % and 100 %').max(1, 'must be between 0 % and 100 %'),
      min: whole(2, 10_000, ' replications').default(5),
      max: whole(2, 10_000, ' replications').default(100),
    })
    .refine((r) => r.max >= r.min, { message: 'max must be at least min', path: ['max'] }),
]);
export type Replications = z.infer<typeof Replications>;

export const RunSettings = z.object({
  horizon: Horizon,
  warmup: nonNegative.default(0),
  replications: Replications,
  seed: whole(0, 2 ** 31 - 1),
  /**
   * The local date and time simulated time 0 stands for ("2023-02-09T08:00"). Weekly shift grids
   * and arrival profiles are then read from that weekday and hour; without it, time 0 is a
   * Monday 00:00.
   */
  start: z
    .string()
    .trim()
    .refine((v) => parseLocalDateTime(v) !== undefined, 'must be a date and time like 2024-03-04T08:00')
    .optional(),
  /** Safety limit: a replication that processes more events than this stops with a message. */
  maxEvents: whole(1000, 2_000_000_000, ' events').default(200_000_000),
});
export type RunSettings = z.infer<typeof RunSettings>;

export const ServiceLevel = z.object({
  id,
  name,
  /** waitingTime: total time waiting in queues; timeInSystem: from arrival to exit. */
  measure: z.enum(['waitingTime', 'timeInSystem']),
  /** Within this many time units. */
  threshold: nonNegative,
  /**
   * elapsed (default): the threshold is clock time; working: it is working time of the project's
   * main calendar ("within 5 working days" = 5 × the open hours of its average open day).
   */
  clock: z.enum(['elapsed', 'working']).optional(),
  /** The share the organisation aims for, e.g. 0.9 for "90 % within 24 h". */
  target: share.default(0.8),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/**
 * Money and customers: assumptions the user enters (all neutral by default). Staff cost is staff ×
 * hours simulated × cost per hour; each customer lost (gave up or turned away) costs
 * `lostCustomer`; a customer who waited longer than `tolerance` in total is "at risk", and
 * `shareLostAtRisk` of them are assumed lost to competitors (costing `lostCustomer` each).
 */
export const Costs = z.object({
  currency: z.string().trim().max(8).default(''),
  staffPerHour: money(LIMITS.maxCostPerHour).default(0),
  lostCustomer: money(LIMITS.maxCostPerCustomer).default(0),
  /** Total waiting (time units) beyond which a customer is at risk; absent: nobody is counted. */
  tolerance: positive.optional(),
  shareLostAtRisk: share.default(0),
});
export type Costs = z.infer<typeof Costs>;

export const Project = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  name,
  description: z.string().max(10_000).optional(),
  timeUnit: TimeUnit.default('minutes'),
  classes: list(CustomerClass, LIMITS.maxClasses, 'customer classes').min(1, 'needs at least one customer class'),
  run: RunSettings,
  serviceLevels: list(ServiceLevel, 1000, 'service levels').default([]),
  /** Named opening hours that steps, pools and arrivals refer to (format 4). */
  calendars: list(Calendar, 1000, 'calendars').optional(),
  costs: Costs.optional(),
  scenarios: list(Scenario, LIMITS.maxScenarios, 'scenarios').min(1, 'needs at least one scenario'),
});
export type Project = z.infer<typeof Project>;
/** A project as written in a file, before defaults are filled in. */
export type ProjectInput = z.input<typeof Project>;
