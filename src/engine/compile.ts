// Turns a checked project and one of its scenarios into compact runtime tables: node indices,
// routing tables, samplers, rates in the project's time unit. Throws SimulationError
// ('invalid-model') when the scenario cannot be simulated.
import { MINUTES_PER_PERIOD, MINUTES_PER_UNIT, type Flow, type LearningCurve, type Project, type Scenario } from '../model/schema';
import { createSampler, type Sampler } from './distributions';
import { SimulationError } from './types';
import { own } from '../model/ids';
import { startOffsetMinutes } from '../model/clock';
import { resolveCalendars } from './calendars';
import { compileWork, type WorkModel } from './worktime';

export const KIND_ARRIVALS = 0;
export const KIND_STEP = 1;
export const KIND_DELAY = 2;
export const KIND_DECISION = 3;
export const KIND_EXIT = 4;
/** Parallel split and join (after the exit, so that one comparison tells moving nodes apart). */
export const KIND_SPLIT = 5;
export const KIND_JOIN = 6;

const KIND_CODE = { arrivals: KIND_ARRIVALS, step: KIND_STEP, delay: KIND_DELAY, decision: KIND_DECISION, exit: KIND_EXIT, split: KIND_SPLIT, join: KIND_JOIN } as const;

export interface CompiledSource {
  node: number;
  /** Poisson rate per time unit (rate mode), or undefined for an interarrival distribution. */
  rate: number | undefined;
  interarrival: Sampler | undefined;
  /** Thinning: multipliers per slot, the slot length in time units, and the largest multiplier. */
  schedule: { multipliers: Float64Array; slot: number; max: number } | undefined;
  /** Cumulative class shares (normalised) over class indices. */
  classCumulative: Float64Array;
}

export interface CompiledRoute {
  /** Target node indices and cumulative probabilities (last = 1). */
  targets: Int32Array;
  cumulative: Float64Array;
  /** For decisions by class: target per class index (−1 = no route). */
  byClass: Int32Array | undefined;
  /** For an inclusive split: each target's own chance of being taken; `cumulative` then holds the
   * distribution of the first target taken given that at least one is. */
  chance?: Float64Array;
}

export interface CompiledModel {
  scenario: Scenario;
  nodeIds: string[];
  nodeNames: string[];
  kind: Int32Array;
  /** Department index per node (−1 = none). */
  dept: Int32Array;
  deptIds: string[];
  deptNames: string[];
  staff: Int32Array;
  /** Waiting places per step (−1 = unlimited). */
  capacity: Int32Array;
  priorityQueue: Uint8Array;
  /** Service sampler per node and class: service[node][class] (steps), duration for delays. */
  service: (Sampler | undefined)[][];
  patience: (Sampler | undefined)[];
  routes: (CompiledRoute | undefined)[];
  /** Steps and delays a customer can come back to (on a cycle of the flow): their index among
   * those (0, 1, …), else −1; and how many there are. Only these need visits remembered. */
  loopIndex: Int32Array;
  loops: number;
  sources: CompiledSource[];
  classIds: string[];
  /** Priority level per class (index into the sorted distinct priorities) and their count. */
  classLevel: Int32Array;
  levels: number;
  /** Step and delay node indices, in file order. */
  stations: number[];
  /** Join node indices, in file order. */
  joins: number[];
  /** Staff pool per node (−1 = the step's own staff), pool sizes, and each pool's steps in serving order. */
  pool: Int32Array;
  poolIds: string[];
  poolNames: string[];
  poolSize: Int32Array;
  poolDept: Int32Array;
  poolSteps: Int32Array[];
  poolPriority: Int32Array;
  /** Staff on shift per hour slot, per node and per pool (undefined: always `staff` / the pool size). */
  shifts: (Int32Array | undefined)[];
  poolShifts: (Int32Array | undefined)[];
  /** Shifts that end with overtime until nobody waits (1), per node and per pool. */
  serveWaiting: Uint8Array;
  poolServeWaiting: Uint8Array;
  /** Shifts that hand customers in service over at their end (1), per node and per pool. */
  handOver: Uint8Array;
  poolHandOver: Uint8Array;
  /** Steps whose customers in service are tracked one by one (systems or hand-over): 1. */
  tracked: Uint8Array;
  /** Length of one shift slot (an hour) in the project's time unit. */
  shiftSlot: number;
  /** Time units from the Monday 00:00 before the run's start to time 0 (0 without `run.start`). */
  clockOffset: number;
  /** Working-time clocks (worktime.ts): only when the project has calendars. */
  work: WorkModel | undefined;
  /** Learning curve per step (its own, else its pool's). */
  learning: (LearningCurve | undefined)[];
  /** Systems with outages, the systems each node depends on, and each system's steps. */
  systemIds: string[];
  systemNames: string[];
  systemFailure: Sampler[];
  systemRepair: Sampler[];
  stepSystems: (Int32Array | undefined)[];
  systemSteps: Int32Array[];
}

export function compileScenario(project: Project, scenarioId: string): CompiledModel {
  const scenario = project.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new SimulationError('invalid-model', `There is no scenario "${scenarioId}" in the project.`);
  // Calendars and volumes per day become hour-by-hour staff and arrival rates (engine/calendars.ts).
  const flow = resolveCalendars(project, scenario.flow);
  const unitMinutes = MINUTES_PER_UNIT[project.timeUnit];
  const nodes = flow.nodes;
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const deptIndex = new Map(flow.departments.map((d, i) => [d.id, i]));
  const classIndex = new Map(project.classes.map((c, i) => [c.id, i]));
  const nClasses = project.classes.length;

  const priorities = [...new Set(project.classes.map((c) => c.priority))].sort((a, b) => a - b);
  const levelOf = new Map(priorities.map((p, k) => [p, k]));
  const classLevel = Int32Array.from(project.classes.map((c) => levelOf.get(c.priority)!));

  const kind = new Int32Array(n);
  const dept = new Int32Array(n).fill(-1);
  const staff = new Int32Array(n);
  const capacity = new Int32Array(n).fill(-1);
  const priorityQueue = new Uint8Array(n);
  const service: (Sampler | undefined)[][] = [];
  const patience: (Sampler | undefined)[] = [];
  const routes: (CompiledRoute | undefined)[] = [];
  const sources: CompiledSource[] = [];
  const stations: number[] = [];
  const pools = flow.pools ?? [];
  const poolIndex = new Map(pools.map((p, i) => [p.id, i]));
  const pool = new Int32Array(n).fill(-1);
  const poolPriority = new Int32Array(n);
  const shifts: (Int32Array | undefined)[] = nodes.map((node) => (node.kind === 'step' && node.shifts && node.poolId === undefined ? Int32Array.from(node.shifts.staff) : undefined));

  const outgoing = nodes.map(() => [] as typeof flow.edges);
  for (const e of flow.edges) {
    const s = index.get(e.source);
    if (s === undefined || !index.has(e.target)) {
      throw new SimulationError('invalid-model', `Connection "${e.id}" joins nodes that do not exist.`);
    }
    outgoing[s]!.push(e);
  }

  const cumulativeShares = (shares: number[], what: string): Float64Array => {
    const total = shares.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new SimulationError('invalid-model', `${what}: the class shares add up to 0.`);
    const cum = new Float64Array(shares.length);
    let acc = 0;
    shares.forEach((s, i) => {
      acc += s / total;
      cum[i] = acc;
    });
    cum[shares.length - 1] = 1;
    return cum;
  };

  nodes.forEach((node, i) => {
    kind[i] = KIND_CODE[node.kind];
    service.push([]);
    patience.push(undefined);
    routes.push(undefined);
    if (node.kind === 'step' || node.kind === 'delay') {
      stations.push(i);
      if (node.departmentId !== undefined) {
        const d = deptIndex.get(node.departmentId);
        if (d === undefined) throw new SimulationError('invalid-model', `"${node.name}" belongs to a department that does not exist.`);
        dept[i] = d;
      }
    }
    if (node.kind === 'step') {
      staff[i] = node.staff;
      if (node.poolId !== undefined) {
        const p = poolIndex.get(node.poolId);
        if (p === undefined) throw new SimulationError('invalid-model', `"${node.name}" uses a staff pool that does not exist.`);
        pool[i] = p;
        staff[i] = pools[p]!.size; // the step can use every member of the pool
        poolPriority[i] = node.poolPriority ?? 0;
      }
      if (node.capacity !== undefined) capacity[i] = node.capacity;
      priorityQueue[i] = node.discipline === 'priority' ? 1 : 0;
      const base = createSampler(node.service);
      service[i] = project.classes.map((c) => {
        const d = own(node.serviceByClass, c.id);
        return d ? createSampler(d) : base;
      });
      if (node.patience) patience[i] = createSampler(node.patience);
    } else if (node.kind === 'delay') {
      const s = createSampler(node.duration);
      service[i] = project.classes.map(() => s);
    } else if (node.kind === 'arrivals') {
      let rate: number | undefined;
      let interarrival: Sampler | undefined;
      if (node.arrivals.mode === 'rate') rate = (node.arrivals.rate * unitMinutes) / MINUTES_PER_PERIOD[node.arrivals.per];
      else interarrival = createSampler(node.arrivals.distribution);
      let schedule: CompiledSource['schedule'];
      if (node.schedule) {
        if (rate === undefined) throw new SimulationError('invalid-model', `"${node.name}": a rate schedule needs arrivals given as a rate.`);
        const multipliers = Float64Array.from(node.schedule.multipliers);
        schedule = { multipliers, slot: 60 / unitMinutes, max: Math.max(...multipliers) };
      }
      const mix = new Map<string, number>();
      for (const m of node.classMix ?? []) mix.set(m.classId, (mix.get(m.classId) ?? 0) + m.share);
      const shares = node.classMix ? project.classes.map((c) => mix.get(c.id) ?? 0) : project.classes.map((c) => c.share);
      sources.push({ node: i, rate, interarrival, schedule, classCumulative: cumulativeShares(shares, `"${node.name}"`) });
    }

    if (node.kind === 'exit') return;
    const out = outgoing[i]!;
    if (out.length === 0) throw new SimulationError('invalid-model', `"${node.name}" has no outgoing connection: customers would be stuck there.`);
    const targets = Int32Array.from(out.map((e) => index.get(e.target)!));
    if (node.kind === 'split' && node.mode === 'inclusive') {
      routes[i] = inclusiveRoute(node.name, targets, out.map((e) => e.probability));
      return;
    }
    if (node.kind === 'split') {
      // Every outgoing connection gets a part; shares do not apply.
      routes[i] = { targets, cumulative: new Float64Array(out.length).fill(1), byClass: undefined };
      return;
    }
    if (node.kind === 'decision' && node.mode === 'class') {
      const byClass = new Int32Array(nClasses).fill(-1);
      const fallback = out.find((e) => !e.classIds || e.classIds.length === 0);
      for (const e of out) {
        for (const cid of e.classIds ?? []) {
          const ci = classIndex.get(cid);
          if (ci !== undefined) byClass[ci] = index.get(e.target)!;
        }
      }
      for (let c = 0; c < nClasses; c++) {
        if (byClass[c] === -1) {
          if (!fallback) throw new SimulationError('invalid-model', `"${node.name}" has no route for customer class "${project.classes[c]!.name}".`);
          byClass[c] = index.get(fallback.target)!;
        }
      }
      routes[i] = { targets, cumulative: new Float64Array([1]), byClass };
      return;
    }
    const cumulative = new Float64Array(out.length);
    if (out.length === 1) cumulative[0] = 1;
    else {
      const probs = out.map((e) => e.probability);
      if (probs.some((p) => p === undefined)) {
        throw new SimulationError('invalid-model', `"${node.name}" has several outgoing connections but not all have a probability.`);
      }
      const total = probs.reduce<number>((a, p) => a + p!, 0);
      if (Math.abs(total - 1) > 1e-6) {
        throw new SimulationError('invalid-model', `The probabilities leaving "${node.name}" add up to ${(total * 100).toFixed(1)} %, not 100 %.`);
      }
      let acc = 0;
      probs.forEach((p, k) => {
        acc += p! / total;
        cumulative[k] = acc;
      });
      cumulative[out.length - 1] = 1;
    }
    routes[i] = { targets, cumulative, byClass: undefined };
  });

  // Each pool's steps in the order free staff look at them: poolPriority, then file order.
  const stepsOfPool: number[][] = pools.map(() => []);
  for (let i = 0; i < n; i++) if (pool[i]! >= 0) stepsOfPool[pool[i]!]!.push(i);
  const poolSteps = stepsOfPool.map((list) => Int32Array.from(list.sort((a, b) => poolPriority[a]! - poolPriority[b]! || a - b)));
  const poolOf = (node: (typeof nodes)[number]) => (node.kind === 'step' && node.poolId !== undefined ? pools[poolIndex.get(node.poolId) ?? -1] : undefined);
  const learning = nodes.map((node) => (node.kind === 'step' ? (node.learning ?? poolOf(node)?.learning) : undefined));
  const systems = flow.systems ?? [];
  const systemIndex = new Map(systems.map((x, i) => [x.id, i]));
  const stepSystems = nodes.map((node) => {
    if (node.kind !== 'step' || !node.systemIds || node.systemIds.length === 0) return undefined;
    return Int32Array.from(
      [...new Set(node.systemIds)].map((sid) => {
        const k = systemIndex.get(sid);
        if (k === undefined) throw new SimulationError('invalid-model', `"${node.name}" depends on a system that does not exist.`);
        return k;
      }),
    );
  });
  const loopIndex = loopSteps(kind, routes);
  return {
    loopIndex,
    loops: loopIndex.reduce((a, x) => Math.max(a, x + 1), 0),
    systemIds: systems.map((x) => x.id),
    systemNames: systems.map((x) => x.name),
    systemFailure: systems.map((x) => createSampler(x.timeBetweenFailures)),
    systemRepair: systems.map((x) => createSampler(x.timeToRepair)),
    stepSystems,
    systemSteps: systemStepLists(systems.length, stepSystems),
    learning,
    shifts,
    poolShifts: pools.map((p) => (p.shifts ? Int32Array.from(p.shifts.staff) : undefined)),
    serveWaiting: Uint8Array.from(nodes.map((node) => (node.kind === 'step' && node.poolId === undefined && node.shifts?.atShiftEnd === 'serve-waiting' ? 1 : 0))),
    poolServeWaiting: Uint8Array.from(pools.map((p) => (p.shifts?.atShiftEnd === 'serve-waiting' ? 1 : 0))),
    handOver: Uint8Array.from(nodes.map((node) => (node.kind === 'step' && node.poolId === undefined && node.shifts?.atShiftEnd === 'hand-over' ? 1 : 0))),
    poolHandOver: Uint8Array.from(pools.map((p) => (p.shifts?.atShiftEnd === 'hand-over' ? 1 : 0))),
    tracked: Uint8Array.from(
      nodes.map((node, i) => {
        if (node.kind !== 'step') return 0;
        const poolHands = poolOf(node)?.shifts?.atShiftEnd === 'hand-over';
        const ownHands = node.poolId === undefined && node.shifts?.atShiftEnd === 'hand-over';
        return stepSystems[i] !== undefined || poolHands || ownHands ? 1 : 0;
      }),
    ),
    shiftSlot: 60 / unitMinutes,
    work: compileWorkChecked(project, scenario.flow),
    clockOffset: startOffsetMinutes(project.run.start) / unitMinutes,
    pool,
    poolIds: pools.map((p) => p.id),
    poolNames: pools.map((p) => p.name),
    poolSize: Int32Array.from(pools.map((p) => p.size)),
    poolDept: Int32Array.from(pools.map((p) => (p.departmentId !== undefined ? (deptIndex.get(p.departmentId) ?? -1) : -1))),
    poolSteps,
    poolPriority,
    scenario,
    nodeIds: nodes.map((x) => x.id),
    nodeNames: nodes.map((x) => x.name),
    kind,
    dept,
    deptIds: flow.departments.map((d) => d.id),
    deptNames: flow.departments.map((d) => d.name),
    staff,
    capacity,
    priorityQueue,
    service,
    patience,
    routes,
    sources,
    classIds: project.classes.map((c) => c.id),
    classLevel,
    levels: priorities.length,
    stations,
    joins: nodes.flatMap((node, i) => (node.kind === 'join' ? [i] : [])),
  };
}

/**
 * An inclusive split's route: each connection's own chance, and the distribution of the first
 * connection taken given that at least one is (P(first = k) ∝ pₖ·Π_{j<k}(1 − pⱼ)); the connections
 * after the first are then taken each with its own chance. Together that is exactly "draw every
 * connection independently, again until at least one is taken", in a bounded number of draws.
 */
export function inclusiveRoute(name: string, targets: Int32Array, probs: readonly (number | undefined)[]): CompiledRoute {
  if (probs.some((p) => p === undefined)) {
    throw new SimulationError('invalid-model', `"${name}" takes one or more of its paths: give each outgoing connection the chance that a case takes it.`);
  }
  const chance = Float64Array.from(probs as number[]);
  const cumulative = new Float64Array(chance.length);
  let none = 1;
  for (let k = 0; k < chance.length; k++) {
    cumulative[k] = (k > 0 ? cumulative[k - 1]! : 0) + chance[k]! * none;
    none *= 1 - chance[k]!;
  }
  const any = 1 - none;
  if (!(any > 0)) throw new SimulationError('invalid-model', `"${name}" takes one or more of its paths, but every path has a chance of 0 %: give at least one a chance above 0.`);
  for (let k = 0; k < cumulative.length; k++) cumulative[k] = cumulative[k]! / any;
  cumulative[cumulative.length - 1] = 1;
  return { targets, cumulative, byClass: undefined, chance };
}

/** Each system's steps, in file order. */
function systemStepLists(count: number, stepSystems: readonly (Int32Array | undefined)[]): Int32Array[] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  stepSystems.forEach((ks, i) => ks?.forEach((k) => lists[k]!.push(i)));
  return lists.map((l) => Int32Array.from(l));
}

/** Steps and delays on a cycle of the flow (reachable again from themselves), numbered 0, 1, …; −1 elsewhere. */
function loopSteps(kind: Int32Array, routes: readonly (CompiledRoute | undefined)[]): Int32Array {
  const n = kind.length;
  const out = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== KIND_STEP && kind[i] !== KIND_DELAY) continue;
    const seen = new Uint8Array(n);
    const stack = [...(routes[i]?.targets ?? [])];
    let back = false;
    while (stack.length > 0 && !back) {
      const j = stack.pop()!;
      if (j === i) back = true;
      else if (!seen[j]) {
        seen[j] = 1;
        for (const t of routes[j]?.targets ?? []) stack.push(t);
      }
    }
    if (back) out[i] = next++;
  }
  return out;
}

/** The working-time clocks; a delay in working time needs a calendar. */
function compileWorkChecked(project: Project, flow: Flow): WorkModel | undefined {
  const work = compileWork(project, flow);
  const delay = flow.nodes.find((n) => n.kind === 'delay' && n.workingTime);
  if (!work && delay) throw new SimulationError('invalid-model', `"${delay.name}" lasts working time, but the project has no calendar: add a calendar (Project settings) or give its duration in ordinary time.`);
  return work;
}
