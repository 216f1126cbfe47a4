// Positions for a discovered flow: left to right in the order of the flow (dagre), each
// department's steps kept together in a horizontal band, as the editor's own auto-layout does.
import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from '../model/schema';

const NODE_W = 180;
const NODE_H = 100;

/** Above this many nodes dagre takes too long (its ordering step grows fast): layers by distance instead. */
const DAGRE_MAX = 150;

export function layoutFlow(nodes: FlowNode[], edges: FlowEdge[]): void {
  if (nodes.length > DAGRE_MAX) return layerByDistance(nodes, edges);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 90 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of edges) g.setEdge(e.source, e.target, e.probability !== undefined ? { width: 60, height: 22, labelpos: 'c' } : {});
  dagre.layout(g);
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    n.position = p ? { x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) } : { x: 0, y: 0 };
  }
}

/** Columns by shortest distance from the arrivals, rows in flow order within a column. */
function layerByDistance(nodes: FlowNode[], edges: FlowEdge[]): void {
  const next = new Map<string, string[]>();
  for (const e of edges) (next.get(e.source) ?? next.set(e.source, []).get(e.source)!).push(e.target);
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let k = 0; k < queue.length; k++) {
    const id = queue[k]!;
    for (const t of next.get(id) ?? []) if (!depth.has(t)) { depth.set(t, depth.get(id)! + 1); queue.push(t); }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  for (const n of nodes) {
    const d = n.kind === 'exit' ? maxDepth + 1 : (depth.get(n.id) ?? 0);
    const r = rows.get(d) ?? 0;
    rows.set(d, r + 1);
    n.position = { x: d * (NODE_W + 90), y: r * (NODE_H + 50) };
  }
}
