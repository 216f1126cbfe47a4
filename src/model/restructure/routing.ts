// Routing arithmetic on a flow, for the restructuring moves: where customers go from each node
// (as shares), how many pass through each node (the traffic equations), and what happens to
// customers once they enter a group of nodes (an absorbing Markov chain). Class decisions are
// turned into shares using the project's class mix; that is exact for the flow as a whole and
// is what the moves need.
import type { CustomerClass, Distribution, Flow, FlowEdge, FlowNode, TimeUnit } from '../schema';
import { MINUTES_PER_PERIOD, MINUTES_PER_UNIT } from '../schema';

export interface MoveContext {
  classes: CustomerClass[];
  timeUnit: TimeUnit;
}

/** Share of customers leaving `node` along each of its edges (same order as `edges`). */
export function edgeShares(flow: Flow, node: FlowNode, ctx: MoveContext): { edge: FlowEdge; share: number }[] {
  const out = flow.edges.filter((e) => e.source === node.id);
  if (out.length === 0) return [];
  if (node.kind === 'decision' && node.mode === 'class') {
    const total = ctx.classes.reduce((s, c) => s + c.share, 0) || 1;
    const named = new Set(out.flatMap((e) => e.classIds ?? []));
    const rest = ctx.classes.filter((c) => !named.has(c.id)).reduce((s, c) => s + c.share, 0) / total;
    const defaults = out.filter((e) => !e.classIds || e.classIds.length === 0);
    return out.map((edge) => ({
      edge,
      share:
        edge.classIds && edge.classIds.length > 0
          ? ctx.classes.filter((c) => edge.classIds!.includes(c.id)).reduce((s, c) => s + c.share, 0) / total
          : rest / defaults.length,
    }));
  }
  if (out.length === 1) return [{ edge: out[0]!, share: 1 }];
  const given = out.reduce((s, e) => s + (e.probability ?? 0), 0);
  return out.map((edge) => ({ edge, share: given > 0 ? (edge.probability ?? 0) / given : 1 / out.length }));
}

/** Customers per minute arriving at an arrivals node (its mean rate). */
export function arrivalRatePerMinute(node: FlowNode, timeUnit: TimeUnit): number {
  if (node.kind !== 'arrivals') return 0;
  const a = node.arrivals;
  let rate = a.mode === 'rate' ? a.rate / MINUTES_PER_PERIOD[a.per] : 1 / Math.max(1e-12, distributionMean(a.distribution) * MINUTES_PER_UNIT[timeUnit]);
  if (node.schedule) rate *= node.schedule.multipliers.reduce((s, m) => s + m, 0) / node.schedule.multipliers.length;
  return rate;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const pivot = M[c]![c]!;
    if (Math.abs(pivot) < 1e-14) continue; // a node nobody reaches
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-14 ? 0 : row[n]! / row[i]!));
}

/** Customers per minute passing through each node (traffic equations λ = a + λP). */
export function nodeRates(flow: Flow, ctx: MoveContext): Map<string, number> {
  const nodes = flow.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const n = nodes.length;
  // (I − Pᵀ) λ = a
  const A = nodes.map((_, i) => nodes.map((__, j) => (i === j ? 1 : 0)));
  const a = nodes.map((node) => arrivalRatePerMinute(node, ctx.timeUnit));
  nodes.forEach((node, i) => {
    if (node.kind === 'exit') return;
    for (const { edge, share } of edgeShares(flow, node, ctx)) {
      const j = index.get(edge.target);
      if (j !== undefined) A[j]![i]! -= share;
    }
  });
  const x = n > 0 ? solve(A, a) : [];
  return new Map(nodes.map((node, i) => [node.id, Math.max(0, x[i]!)]));
}

/**
 * Customers entering a group of nodes with the given entry shares: expected visits to each group
 * node per entry, and the share leaving the group towards each outside node.
 */
export function groupPassage(flow: Flow, group: string[], entry: Map<string, number>, ctx: MoveContext): { visits: Map<string, number>; exits: Map<string, number> } {
  const index = new Map(group.map((id, i) => [id, i]));
  const n = group.length;
  // Vᵀ (I − Q) = eᵀ  ⇔  (I − Q)ᵀ V = e
  const A = group.map((_, i) => group.map((__, j) => (i === j ? 1 : 0)));
  const R = new Map<string, number[]>();
  group.forEach((id, i) => {
    const node = flow.nodes.find((x) => x.id === id)!;
    for (const { edge, share } of edgeShares(flow, node, ctx)) {
      const j = index.get(edge.target);
      if (j !== undefined) A[j]![i]! -= share;
      else {
        const row = R.get(edge.target) ?? new Array<number>(n).fill(0);
        row[i]! += share;
        R.set(edge.target, row);
      }
    }
  });
  const V = solve(
    A,
    group.map((id) => entry.get(id) ?? 0),
  );
  const visits = new Map(group.map((id, i) => [id, V[i]!]));
  const exits = new Map<string, number>();
  for (const [target, row] of R) exits.set(target, row.reduce((s, r, i) => s + r * V[i]!, 0));
  return { visits, exits };
}

export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    default:
      return d.mean;
  }
}

/** Variance (the normal kind is taken as untruncated: its sd is what the user entered). */
export function distributionVariance(d: Distribution): number {
  switch (d.kind) {
    case 'exponential':
      return d.mean * d.mean;
    case 'constant':
      return 0;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular':
      return (d.min ** 2 + d.mode ** 2 + d.max ** 2 - d.min * d.mode - d.min * d.max - d.mode * d.max) / 18;
    case 'erlang':
      return (d.mean * d.mean) / d.k;
    case 'empirical': {
      const m = distributionMean(d);
      return d.values.reduce((s, v) => s + (v - m) ** 2, 0) / d.values.length;
    }
    default:
      return d.sd * d.sd;
  }
}

/** A service time with this mean and variance: gamma, or constant when there is no spread. */
export function timeWith(mean: number, variance: number): Distribution {
  if (!(mean > 0)) return { kind: 'constant', value: Math.max(0, mean) };
  if (variance <= 1e-12 * mean * mean) return { kind: 'constant', value: mean };
  return { kind: 'gamma', mean, sd: Math.sqrt(variance) };
}
