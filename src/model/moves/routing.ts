// Routing arithmetic for the moves: where a customer of a given class goes from each node, how
// many customers of each class pass each node (the traffic equations λ = γ + λP, solved per
// class as src/engine/traffic.ts does), and what happens to customers once they enter a group of
// nodes (an absorbing Markov chain: visits, where they leave to, and the first two moments of the
// work they collect on the way).
import type { ArrivalsNode, Flow, FlowEdge, FlowNode, TimeUnit } from '../schema';
import { MINUTES_PER_PERIOD, MINUTES_PER_UNIT } from '../schema';
import { moments, type Moments } from './moments';
import type { ClassInfo, ProjectInfo } from './types';

/** Stands for "every customer" in flows whose routing does not depend on the class. */
export const ANY_CLASS = '';

/** A class decision or a class mix at the arrivals makes the routing depend on the class. */
export function needsClasses(flow: Flow): boolean {
  return flow.nodes.some((n) => (n.kind === 'decision' && n.mode === 'class') || (n.kind === 'arrivals' && n.classMix !== undefined));
}

/** The classes to compute with, or undefined when the flow needs the project's classes and has none. */
export function resolveClasses(flow: Flow, project: ProjectInfo | undefined): ClassInfo[] | undefined {
  if (project?.classes && project.classes.length > 0) return [...project.classes];
  return needsClasses(flow) ? undefined : [{ id: ANY_CLASS, share: 1 }];
}

export function outgoingEdges(flow: Flow): Map<string, FlowEdge[]> {
  const out = new Map<string, FlowEdge[]>(flow.nodes.map((n) => [n.id, []]));
  for (const e of flow.edges) out.get(e.source)?.push(e);
  return out;
}

export interface Route {
  edge: FlowEdge;
  p: number;
}

export function isClassDecision(node: FlowNode | undefined): boolean {
  return node?.kind === 'decision' && node.mode === 'class';
}

/** Share of `node`'s customers of class `classId` along each outgoing edge (the engine's rule). */
export function routesOf(node: FlowNode, outs: readonly FlowEdge[], classId: string): Route[] {
  if (node.kind === 'exit' || outs.length === 0) return [];
  if (isClassDecision(node)) {
    const own = outs.find((e) => e.classIds?.includes(classId)) ?? outs.find((e) => !e.classIds || e.classIds.length === 0);
    return own ? [{ edge: own, p: 1 }] : [];
  }
  if (outs.length === 1) return [{ edge: outs[0]!, p: 1 }];
  if (node.kind === 'split') return outs.map((edge) => ({ edge, p: 1 })); // a part along every path
  const total = outs.reduce((s, e) => s + (e.probability ?? 0), 0);
  return outs.map((edge) => ({ edge, p: total > 0 ? (edge.probability ?? 0) / total : 1 / outs.length }));
}

/** Share of customers leaving `node` along each edge, ignoring classes (probability routing only). */
export function edgeShares(node: FlowNode, outs: readonly FlowEdge[]): Map<string, number> {
  return new Map(routesOf(node, outs, ANY_CLASS).map((r) => [r.edge.id, r.p]));
}

/** Mean arrivals per time unit of an arrivals node (averaged over its rate schedule). */
export function arrivalRate(node: ArrivalsNode, timeUnit: TimeUnit): number {
  let rate: number;
  if (node.arrivals.mode === 'rate') rate = (node.arrivals.rate * MINUTES_PER_UNIT[timeUnit]) / MINUTES_PER_PERIOD[node.arrivals.per];
  else {
    const m = moments(node.arrivals.distribution).mean;
    rate = m > 0 ? 1 / m : 0;
  }
  if (node.schedule) rate *= node.schedule.multipliers.reduce((s, x) => s + x, 0) / node.schedule.multipliers.length;
  return rate;
}

function classShareAt(node: ArrivalsNode, cls: ClassInfo, classes: readonly ClassInfo[]): number {
  if (cls.id === ANY_CLASS) return 1;
  if (node.classMix) {
    const total = node.classMix.reduce((s, m) => s + m.share, 0) || 1;
    return node.classMix.filter((m) => m.classId === cls.id).reduce((s, m) => s + m.share, 0) / total;
  }
  const total = classes.reduce((s, c) => s + c.share, 0) || 1;
  return cls.share / total;
}

/** Solves A x = b (Gaussian elimination, partial pivoting); undefined when A is singular. */
export function solveLinear(A: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[pivot]![col]!)) pivot = r;
    if (Math.abs(M[pivot]![col]!) < 1e-12) return undefined;
    [M[col], M[pivot]] = [M[pivot]!, M[col]!];
    const p = M[col]![col]!;
    for (let r = col + 1; r < n; r++) {
      const f = M[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) M[r]![c]! -= f * M[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= M[r]![c]! * x[c]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/** Customers of each class passing each node per time unit; undefined when some never leave. */
export function classTraffic(flow: Flow, classes: readonly ClassInfo[], timeUnit: TimeUnit): Map<string, Map<string, number>> | undefined {
  const nodes = flow.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const outs = outgoingEdges(flow);
  const result = new Map<string, Map<string, number>>();
  for (const cls of classes) {
    // (I − P)ᵀ x = γ
    const A = nodes.map((_, i) => nodes.map((__, j) => (i === j ? 1 : 0)));
    const gamma = nodes.map((n) => (n.kind === 'arrivals' ? arrivalRate(n, timeUnit) * classShareAt(n, cls, classes) : 0));
    nodes.forEach((node, i) => {
      for (const { edge, p } of routesOf(node, outs.get(node.id) ?? [], cls.id)) {
        const j = index.get(edge.target);
        if (j !== undefined) A[j]![i]! -= p;
      }
    });
    const x = solveLinear(A, gamma);
    if (!x || x.some((v) => !Number.isFinite(v) || v < -1e-9)) return undefined;
    result.set(cls.id, new Map(nodes.map((n, i) => [n.id, Math.max(0, x[i]!)])));
  }
  return result;
}

export interface Passage {
  /** Expected visits to each group node per customer entering the group. */
  visits: Map<string, number>;
  /** Share of entering customers that leave the group towards each outside node. */
  exits: Map<string, number>;
  /** Per reward: mean and second moment of the total collected between entering and leaving. */
  totals: { mean: number; second: number }[];
}

/**
 * Customers of class `classId` entering `group` with the entry distribution `entry`. A reward
 * gives the time spent at a node per visit (undefined: none). The total T over the passage obeys,
 * from each start node i, w = m + Q w and E[T²]: q = s₂ + 2 m∘(Q w) + Q q, with Q the routing
 * inside the group (times at different visits independent).
 */
export function passage(
  flow: Flow,
  group: readonly string[],
  classId: string,
  entry: ReadonlyMap<string, number>,
  rewards: readonly ((node: FlowNode) => Moments | undefined)[],
): Passage | undefined {
  const n = group.length;
  const index = new Map(group.map((id, i) => [id, i]));
  const byId = new Map(flow.nodes.map((x) => [x.id, x]));
  const outs = outgoingEdges(flow);
  const Q = group.map(() => new Array<number>(n).fill(0));
  const R = new Map<string, number[]>();
  group.forEach((id, i) => {
    const node = byId.get(id)!;
    for (const { edge, p } of routesOf(node, outs.get(id) ?? [], classId)) {
      const j = index.get(edge.target);
      if (j !== undefined) Q[i]![j]! += p;
      else {
        const row = R.get(edge.target) ?? new Array<number>(n).fill(0);
        row[i]! += p;
        R.set(edge.target, row);
      }
    }
  });
  const IminusQ = Q.map((row, i) => row.map((q, j) => (i === j ? 1 : 0) - q));
  const transposed = group.map((_, i) => group.map((__, j) => IminusQ[j]![i]!));
  const pi = group.map((id) => entry.get(id) ?? 0);
  const y = solveLinear(transposed, pi);
  if (!y) return undefined;
  const exits = new Map<string, number>();
  for (const [target, row] of R) exits.set(target, row.reduce((s, r, i) => s + r * y[i]!, 0));
  const totals: { mean: number; second: number }[] = [];
  for (const reward of rewards) {
    const mo = group.map((id) => reward(byId.get(id)!) ?? { mean: 0, variance: 0 });
    const m = mo.map((x) => x.mean);
    const w = solveLinear(IminusQ, m);
    if (!w) return undefined;
    const rhs = mo.map((x, i) => x.variance + x.mean * x.mean + 2 * x.mean * Q[i]!.reduce((s, q, j) => s + q * w[j]!, 0));
    const q = solveLinear(IminusQ, rhs);
    if (!q) return undefined;
    totals.push({ mean: pi.reduce((s, p, i) => s + p * w[i]!, 0), second: pi.reduce((s, p, i) => s + p * q[i]!, 0) });
  }
  return { visits: new Map(group.map((id, i) => [id, y[i]!])), exits, totals };
}
