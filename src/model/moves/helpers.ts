// Small pieces the moves share: failures, wording, fresh ids, and tidying edges after a rewrite.
import type { Flow, FlowEdge, FlowNode, TimeUnit } from '../schema';
import { routesByProbability } from '../validate';
import type { MoveResult, ProjectInfo } from './types';

export const fail = (message: string): MoveResult => ({ ok: false, message });

/** "A", "A" and "B", "A", "B" and "C". */
export function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/** Names are limited to 120 characters by the file format. */
export function clip(name: string): string {
  const t = name.trim();
  return t.length <= 120 ? t : `${t.slice(0, 119)}…`;
}

const UNIT_WORD: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' };

export function formatTime(value: number, timeUnit: TimeUnit | undefined): string {
  const v = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${v} ${UNIT_WORD[timeUnit ?? 'minutes']}`;
}

export function formatShare(p: number): string {
  return `${Math.round(p * 1000) / 10} %`;
}

/** Keeps shares tidy in the file (no 0.30000000000000004) and inside [0, 1] for the schema. */
export function cleanShare(p: number): number {
  return Math.min(1, Math.max(0, Number(p.toFixed(12))));
}

/**
 * Fresh ids for new nodes and edges. Node ids also avoid the ids of the other scenarios' nodes,
 * so that a new node is never matched with an unrelated one when results are compared.
 */
export class IdMaker {
  private readonly nodes: Set<string>;
  private readonly edges: Set<string>;
  private readonly departments: Set<string>;

  constructor(flow: Flow, project?: ProjectInfo) {
    this.nodes = new Set([...flow.nodes.map((n) => n.id), ...(project?.scenarios ?? []).flatMap((s) => s.flow.nodes.map((n) => n.id))]);
    this.edges = new Set(flow.edges.map((e) => e.id));
    this.departments = new Set(flow.departments.map((d) => d.id));
  }

  node(stem: string): string {
    return take(this.nodes, stem);
  }

  edge(stem: string): string {
    return take(this.edges, stem);
  }

  department(stem: string): string {
    return take(this.departments, stem);
  }
}

function take(used: Set<string>, stem: string): string {
  const base = stem.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70) || 'item';
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

/**
 * Rewritten edges made consistent again, for the given sources only (other nodes' edges are left
 * exactly as they were): parallel edges joined (shares added; class lists joined, or the default
 * route when either was one); a decision's loop to itself dropped with its other shares scaled up
 * (a decision takes no time, so looping on it changes nothing); no share on a single way out.
 */
export function tidyEdges(edges: readonly FlowEdge[], nodes: readonly FlowNode[], sources: ReadonlySet<string>): FlowEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const result: FlowEdge[] = [];
  const joined = new Map<string, FlowEdge>();
  for (const e of edges) {
    if (!sources.has(e.source)) {
      result.push(e);
      continue;
    }
    const key = `${e.source}\u0000${e.target}`;
    const prev = joined.get(key);
    if (!prev) {
      const copy: FlowEdge = { ...e };
      joined.set(key, copy);
      result.push(copy);
      continue;
    }
    if (prev.probability !== undefined || e.probability !== undefined) prev.probability = (prev.probability ?? 0) + (e.probability ?? 0);
    if (prev.classIds && prev.classIds.length > 0 && e.classIds && e.classIds.length > 0) prev.classIds = [...new Set([...prev.classIds, ...e.classIds])];
    else delete prev.classIds;
  }
  let out = result;
  for (const source of sources) {
    const node = byId.get(source);
    if (!node) continue;
    if (node.kind === 'split' && node.mode === 'inclusive') {
      // Chances of their own, kept (two paths merged into one: taken when either was, at most 1).
      out = out.map((e) => (e.source === source && e.probability !== undefined && e.probability > 1 ? { ...e, probability: 1 } : e));
      continue;
    }
    if (!routesByProbability(node)) {
      // Class decisions and parallel splits route without shares.
      out = out.map((e) => (e.source === source && e.probability !== undefined ? withoutShare(e) : e));
      continue;
    }
    let mine = out.filter((e) => e.source === source);
    const loop = mine.find((e) => e.target === source);
    if (node.kind === 'decision' && loop && mine.length > 1) {
      const stay = loop.probability ?? 0;
      out = out.filter((e) => e !== loop).map((e) => (e.source === source && stay < 1 ? { ...e, probability: (e.probability ?? 0) / (1 - stay) } : e));
      mine = out.filter((e) => e.source === source);
    }
    if (mine.length === 1) out = out.map((e) => (e.source === source ? withoutShare(e) : e));
    else out = out.map((e) => (e.source === source ? { ...e, probability: cleanShare(e.probability ?? 0) } : e));
  }
  return out;
}

/** Nodes on a parallel path: reachable from a split without passing a join. */
export function parallelPathNodes(flow: Flow): Set<string> {
  const kind = new Map(flow.nodes.map((n) => [n.id, n.kind]));
  const seen = new Set<string>();
  const stack = flow.edges.filter((e) => kind.get(e.source) === 'split').map((e) => e.target);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || kind.get(id) === 'join') continue;
    seen.add(id);
    for (const e of flow.edges) if (e.source === id) stack.push(e.target);
  }
  return seen;
}

export function withoutShare(e: FlowEdge): FlowEdge {
  const { probability: _drop, ...rest } = e;
  return rest;
}

/** Nodes of `after` that are new, or whose fields or outgoing connections differ from `before`. */
export function touchedNodes(before: Flow, after: Flow): string[] {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const outsOf = (flow: Flow, id: string) =>
    JSON.stringify(
      flow.edges
        .filter((e) => e.source === id)
        .map((e) => [e.target, e.probability ?? null, e.classIds ?? null, e.label ?? null, e.id])
        .sort((a, b) => String(a[4]).localeCompare(String(b[4]))),
    );
  return after.nodes
    .filter((n) => {
      const o = old.get(n.id);
      return !o || JSON.stringify(o) !== JSON.stringify(n) || outsOf(before, n.id) !== outsOf(after, n.id);
    })
    .map((n) => n.id);
}

/** Node ids reachable from `starts` along edges that can carry customers. */
export function reachable(flow: Flow, starts: readonly string[], live: (e: FlowEdge) => boolean = () => true): Set<string> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of flow.edges) {
      if (e.source !== id || seen.has(e.target) || !live(e)) continue;
      seen.add(e.target);
      stack.push(e.target);
    }
  }
  return seen;
}
