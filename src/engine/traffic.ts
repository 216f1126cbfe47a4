// Traffic equations: the visit rate at every node implied by the arrival rates and the routing,
// solved per customer class (λ = γ + λP, loops included), and from them each step's offered load
// and approximate waiting time. The editor shows these before any run; the load check uses them.
import { MINUTES_PER_PERIOD, MINUTES_PER_UNIT, type FlowEdge, type FlowNode, type Project, type Scenario } from '../model/schema';
import { allenCunneen, mmc } from './analytic';
import { moments } from './distributions';
import { byId, own } from '../model/ids';
import { sparseSolver, type SparseRouting } from './sparse-solve';
import { resolveCalendars } from './calendars';
import { foldWeek, meanOne, weekEstimate, type WeekEstimate } from './openHoursEstimate';
import { propagateShapes } from './stepShapes';


export interface StepLoad {
  nodeId: string;
  /** Visits per time unit, all classes. */
  arrivalRate: number;
  /** Mean service time over the classes that visit. */
  meanService: number;
  serviceScv: number;
  /** Offered load in staff (λ·E[S]) and utilisation (offered load / staff; Infinity with no staff). */
  offeredLoad: number;
  utilization: number;
  staff: number;
  /** M/M/c (Erlang C) and Allen–Cunneen mean waits; Infinity when overloaded. */
  approxWaitMMc: number;
  approxWait: number;
  /** Service times far from exponential (SCV outside [0.5, 2]): the M/M/c figure is rough. */
  farFromExponential: boolean;
  /** Visits per customer who enters the flow. */
  visitsPerCustomer: number;
  /**
   * When staff or arrivals change over the week (a calendar, shifts, an arrival profile): the
   * week hour by hour (openHoursEstimate.ts). The waits above are then that estimate; this keeps
   * the parts and the figure the round-the-clock average would have given.
   */
  week?: {
    openHours: number;
    staffOnDuty: number;
    openArrivalRate: number;
    backlogWait: number;
    roundTheClockWait: number;
  };
}

export interface DepartmentLoad {
  departmentId: string;
  offeredLoad: number;
  staff: number;
  utilization: number;
}

export interface TrafficResult {
  /** False when the equations have no solution (a loop customers never leave). */
  solvable: boolean;
  /** True when the flow's loops are too intertwined to solve within the work limit (rates then 0). */
  tooComplex: boolean;
  /** Visits per time unit at every node, all classes. */
  nodeRates: Record<string, number>;
  steps: Record<string, StepLoad>;
  departments: Record<string, DepartmentLoad>;
  /** External arrivals per time unit. */
  totalArrivalRate: number;
}

/** Arrivals per time unit of a source, averaged over its rate schedule. */
export function sourceRate(project: Project, node: Scenario['flow']['nodes'][number] & { kind: 'arrivals' }): number {
  const unitMinutes = MINUTES_PER_UNIT[project.timeUnit];
  let rate: number;
  if (node.arrivals.mode === 'rate') rate = (node.arrivals.rate * unitMinutes) / MINUTES_PER_PERIOD[node.arrivals.per];
  else {
    const m = moments(node.arrivals.distribution).mean;
    rate = m > 0 ? 1 / m : Infinity;
  }
  if (node.schedule) rate *= node.schedule.multipliers.reduce((s, x) => s + x, 0) / node.schedule.multipliers.length;
  return rate;
}

/** A source's hour-of-week pattern (168, mean 1), or undefined when it is even round the clock. */
function sourceShape(node: FlowNode): number[] | undefined {
  if (node.kind !== 'arrivals' || !node.schedule) return undefined;
  const m = foldWeek(node.schedule.multipliers);
  return m.every((x) => x === m[0]) ? undefined : meanOne(m);
}

/**
 * Parts of a split case expected at each join: the most paths out of one split that can reach it
 * without passing another join (1 where no split leads to it: customers pass through).
 */
function partsPerCase(nodes: readonly FlowNode[], out: readonly FlowEdge[][], index: ReadonlyMap<string, number>): number[] {
  const parts = nodes.map(() => 1);
  // Nested splits deeper than this are not followed (the figure is an approximation for the load
  // check); the walks together stop after WALK_BUDGET visits, so a huge flow cannot hang the check.
  const MAX_DEPTH = 50;
  let budget = WALK_BUDGET;
  const seen = new Set<number>();
  nodes.forEach((node, s) => {
    if (node.kind !== 'split' || budget <= 0) return;
    const reachedBy = new Map<number, number>(); // join index → parts of this split expected there
    const taken = pathShares(node, out[s]!);
    for (const [f, first] of out[s]!.entries()) {
      // Walk the path; a split met on the way opens a level that its own join closes.
      seen.clear();
      const counted = new Set<number>();
      const stack: number[] = [index.get(first.target)! * (MAX_DEPTH + 1)];
      while (stack.length > 0 && budget-- > 0) {
        const key = stack.pop()!;
        if (seen.has(key)) continue;
        seen.add(key);
        const i = Math.floor(key / (MAX_DEPTH + 1));
        const depth = key % (MAX_DEPTH + 1);
        const kind = nodes[i]!.kind;
        if (kind === 'join' && depth === 0) {
          if (!counted.has(i)) reachedBy.set(i, (reachedBy.get(i) ?? 0) + taken[f]!);
          counted.add(i);
          continue;
        }
        const next = kind === 'split' ? depth + 1 : kind === 'join' ? depth - 1 : depth;
        if (next > MAX_DEPTH) continue;
        for (const e of out[i]!) stack.push(index.get(e.target)! * (MAX_DEPTH + 1) + next);
      }
    }
    for (const [j, m] of reachedBy) parts[j] = Math.max(parts[j]!, m);
  });
  return parts;
}

/**
 * The share of a split's cases that take each of its connections: all of them (1 each), or for an
 * inclusive split each connection's chance over the chance that at least one is taken (a draw
 * that takes none is drawn again).
 */
export function pathShares(node: FlowNode, out: readonly FlowEdge[]): number[] {
  if (node.kind !== 'split' || node.mode !== 'inclusive') return out.map(() => 1);
  const p = out.map((e) => Math.min(1, Math.max(0, e.probability ?? 0)));
  const any = 1 - p.reduce((none, x) => none * (1 - x), 1);
  return p.map((x) => (any > 0 ? x / any : 0));
}

/** Visits allowed to the walks that count a split's parts at each join (the whole flow). */
const WALK_BUDGET = 2_000_000;

export function trafficEquations(project: Project, scenario: Scenario): TrafficResult {
  // Calendars and volumes as hour-by-hour staff and rates, averaged below like shifts and profiles.
  const flow = resolveCalendars(project, scenario.flow);
  const { nodes, edges } = flow;
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const out = nodes.map(() => [] as typeof edges);
  for (const e of edges) if (index.has(e.source) && index.has(e.target)) out[index.get(e.source)!]!.push(e);
  const partsAt = partsPerCase(nodes, out, index);
  const classes = project.classes;
  const totalShare = classes.reduce((s, c) => s + c.share, 0) || 1;

  // Classes differ in routing only at decisions by class: one solver per distinct set of routes.
  const classDecisions = nodes.flatMap((node, i) => (node.kind === 'decision' && node.mode === 'class' ? [i] : []));
  const classRoute = (i: number, classId: string) => {
    const o = out[i]!;
    const own = o.find((e) => e.classIds?.includes(classId)) ?? o.find((e) => !e.classIds || e.classIds.length === 0);
    return own ? index.get(own.target)! : -1;
  };
  const routing = (classId: string): SparseRouting => {
    const P: SparseRouting = nodes.map(() => new Map<number, number>());
    const add = (i: number, j: number, p: number) => P[i]!.set(j, (P[i]!.get(j) ?? 0) + p);
    nodes.forEach((node, i) => {
      const o = out[i]!;
      if (node.kind === 'exit' || o.length === 0) return;
      if (node.kind === 'decision' && node.mode === 'class') {
        const j = classRoute(i, classId);
        if (j >= 0) add(i, j, 1);
        return;
      }
      if (node.kind === 'split') {
        // Every part goes along every connection (an inclusive split: along those taken).
        const taken = pathShares(node, o);
        o.forEach((e, k) => add(i, index.get(e.target)!, taken[k]!));
        return;
      }
      // A join lets one case through per set of parts: the rate out is the rate in over the number
      // of a split's paths that lead to it (exact when every part reaches the join; an
      // approximation for the load check when parts may leave before it).
      const scale = node.kind === 'join' ? 1 / partsAt[i]! : 1;
      if (o.length === 1) {
        add(i, index.get(o[0]!.target)!, scale);
        return;
      }
      const total = o.reduce((s, e) => s + (e.probability ?? 0), 0);
      for (const e of o) add(i, index.get(e.target)!, scale * (total > 0 ? (e.probability ?? 0) / total : 1 / o.length));
    });
    return P;
  };
  const solvers = new Map<string, ReturnType<typeof sparseSolver>>();
  const sourceRates = nodes.map((node) => (node.kind === 'arrivals' ? sourceRate(project, node) : 0));
  const mixTotals = nodes.map((node) => (node.kind === 'arrivals' && node.classMix ? node.classMix.reduce((s, m) => s + m.share, 0) || 1 : 1));
  const mixShare = nodes.map((node) => {
    const shares = new Map<string, number>();
    if (node.kind === 'arrivals') for (const m of node.classMix ?? []) shares.set(m.classId, (shares.get(m.classId) ?? 0) + m.share);
    return shares;
  });

  const perClass: Float64Array[] = [];
  let solvable = true;
  let tooComplex = false;
  let totalArrivalRate = 0;
  const sources = nodes.flatMap((node, i) => (node.kind === 'arrivals' ? [i] : []));
  classes.forEach((cls) => {
    const gamma = new Float64Array(n);
    sources.forEach((i) => {
      const node = nodes[i]!;
      if (node.kind !== 'arrivals') return;
      const rate = sourceRates[i]!;
      const share = node.classMix ? (mixShare[i]!.get(cls.id) ?? 0) / mixTotals[i]! : cls.share / totalShare;
      gamma[i] = rate * share;
      totalArrivalRate += rate * share;
    });
    const key = classDecisions.map((i) => classRoute(i, cls.id)).join(',');
    let solver = solvers.get(key);
    if (!solvers.has(key)) {
      solver = sparseSolver(n, routing(cls.id));
      solvers.set(key, solver);
    }
    const x = typeof solver === 'function' ? solver(gamma) : undefined;
    if (solver === 'too-complex') tooComplex = true;
    let ok = x !== undefined;
    if (x) {
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (v < -1e-9 || !Number.isFinite(v)) ok = false;
        else if (v < 0) x[i] = 0;
      }
    }
    if (!ok || !x) {
      if (solver !== 'too-complex') solvable = false;
      perClass.push(new Float64Array(n));
    } else perClass.push(x);
  });

  const nodeRates = byId<number>();
  const totals = new Float64Array(n);
  for (const x of perClass) for (let i = 0; i < n; i++) totals[i]! += x[i]!;
  nodes.forEach((node, i) => (nodeRates[node.id] = totals[i]!));

  const steps = byId<StepLoad>();
  const depts = new Map<string, { load: number; staff: number }>();
  const addDept = (id: string, load: number, staff: number) => {
    const d = depts.get(id) ?? { load: 0, staff: 0 };
    d.load += load;
    d.staff += staff;
    depts.set(id, d);
  };
  // First each step's own traffic; then steps sharing a staff pool are looked at together.
  const raw = new Map<string, { lambda: number; m1: number; m2: number }>();
  nodes.forEach((node, i) => {
    if (node.kind !== 'step') return;
    const lambda = nodeRates[node.id]!;
    let m1 = 0;
    let m2 = 0;
    const base = moments(node.service);
    classes.forEach((cls, k) => {
      const w = lambda > 0 ? perClass[k]![i]! / lambda : classes.length === 1 ? 1 : cls.share / totalShare;
      const own_ = own(node.serviceByClass, cls.id);
      const mo = own_ ? moments(own_) : base;
      m1 += w * mo.mean;
      m2 += w * (mo.variance + mo.mean * mo.mean);
    });
    raw.set(node.id, { lambda, m1, m2 });
  });
  // With shifts, the load check uses the average staff on shift.
  const avgShift = (sh: { staff: number[] } | undefined, fixed: number) => (sh ? sh.staff.reduce((a, b) => a + b, 0) / sh.staff.length : fixed);
  const pools = new Map((flow.pools ?? []).map((p) => [p.id, { size: avgShift(p.shifts, p.size), plan: p.shifts?.staff, lambda: 0, load: 0, m2: 0, dept: p.departmentId }]));
  const hour = 60 / MINUTES_PER_UNIT[project.timeUnit];
  for (const node of nodes) {
    if (node.kind !== 'step' || node.poolId === undefined) continue;
    const p = pools.get(node.poolId);
    const r = raw.get(node.id)!;
    if (!p) continue;
    p.lambda += r.lambda;
    p.load += r.lambda * r.m1;
    p.m2 += r.lambda * r.m2;
    p.dept ??= node.departmentId;
  }
  // Each step's queue: its own, or its pool's (a pool step sees the whole pool: its staff are the
  // pool, its busy share the pool's); staff hour by hour when they change over the week.
  const queues = nodes.map((node) => {
    if (node.kind !== 'step') return undefined;
    const { lambda, m1, m2 } = raw.get(node.id)!;
    const pool = node.poolId !== undefined ? pools.get(node.poolId) : undefined;
    const staff = pool ? pool.size : avgShift(node.shifts, node.staff);
    const load = pool ? pool.load : lambda * m1;
    const qLambda = pool ? pool.lambda : lambda;
    const qMean = qLambda > 0 ? load / qLambda : m1;
    const qM2 = pool ? (pool.lambda > 0 ? pool.m2 / pool.lambda : m2) : m2;
    const scv = qMean > 0 ? (qM2 - qMean * qMean) / (qMean * qMean) : 0;
    const utilization = staff > 0 ? load / staff : load > 0 ? Infinity : 0;
    const plan = pool ? pool.plan : node.shifts?.staff;
    const staffWeek = plan && !plan.every((x) => x === plan[0]) ? foldWeek(plan) : undefined;
    return { lambda, m1, m2, pool, staff, load, qLambda, qMean, scv, utilization, stable: utilization < 1 && staff > 0 && qMean > 0, staffWeek };
  });
  // Staff or arrivals that change over the week: the estimate hour by hour (openHoursEstimate.ts).
  const sourceShapes = nodes.map(sourceShape);
  const varyingFlow = sourceShapes.some((x) => x !== undefined) || queues.some((q) => q?.staffWeek !== undefined);
  const { shapes, estimates } = varyingFlow
    ? propagateShapes({
        nodes,
        out,
        index,
        rates: totals,
        hour,
        sourceShape: (i) => sourceShapes[i],
        step: (i, shape) => {
          const q = queues[i]!;
          if (q.lambda <= 0 || !q.stable || (q.staffWeek === undefined && shape === undefined)) return undefined;
          return weekEstimate(q.qLambda, q.qMean, q.scv, q.staffWeek ?? new Array<number>(168).fill(q.staff), shape ?? new Array<number>(168).fill(1), hour);
        },
      })
    : { shapes: [], estimates: new Map<number, WeekEstimate>() };
  nodes.forEach((node, i) => {
    if (node.kind !== 'step') return;
    const { lambda, m1, m2, pool, staff, qLambda, qMean, scv, utilization, stable, staffWeek } = queues[i]!;
    const offeredLoad = lambda * m1;
    const servers = Math.max(1, Math.round(staff));
    const approxWaitMMc = lambda === 0 ? 0 : stable && qLambda * qMean < servers ? mmc(qLambda, 1 / qMean, servers).meanWait : Infinity;
    const approxWait = lambda === 0 ? 0 : stable && qLambda * qMean < servers ? allenCunneen(qLambda, qMean, 1, scv, servers) : Infinity;
    const varying = lambda > 0 && (staffWeek !== undefined || shapes[i] !== undefined);
    const est = estimates.get(i);
    steps[node.id] = {
      nodeId: node.id,
      arrivalRate: lambda,
      meanService: m1,
      serviceScv: m1 > 0 ? (m2 - m1 * m1) / (m1 * m1) : 0,
      offeredLoad,
      utilization,
      staff,
      approxWaitMMc: varying ? (est ? est.meanWait : Infinity) : approxWaitMMc,
      approxWait: varying ? (est ? est.meanWaitAC : Infinity) : approxWait,
      farFromExponential: scv < 0.5 || scv > 2,
      visitsPerCustomer: totalArrivalRate > 0 ? lambda / totalArrivalRate : 0,
      ...(est
        ? { week: { openHours: est.openHours, staffOnDuty: est.staffOnDuty, openArrivalRate: est.openArrivalRate * (lambda / qLambda), backlogWait: est.backlogWait, roundTheClockWait: approxWaitMMc } }
        : {}),
    };
    if (pool) addDept(pool.dept ?? node.departmentId, offeredLoad, 0);
    else addDept(node.departmentId, offeredLoad, staff);
  });
  for (const p of pools.values()) if (p.dept !== undefined) addDept(p.dept, 0, p.size);
  const departments = byId<DepartmentLoad>();
  for (const [id, d] of depts) {
    departments[id] = { departmentId: id, offeredLoad: d.load, staff: d.staff, utilization: d.staff > 0 ? d.load / d.staff : d.load > 0 ? Infinity : 0 };
  }
  return { solvable, tooComplex, nodeRates, steps, departments, totalArrivalRate };
}
