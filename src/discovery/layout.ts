// Positions for a discovered flow, as the editor's own Auto-layout gives them: left to right in
// the order of the flow, each department's steps in a horizontal band of its own (so the
// department lanes drawn around them never overlap).
import type { Department, FlowEdge, FlowNode, Scenario } from '../model/schema';
import { bandLayout, dagreColumns, NODE_H, NODE_W } from '../model/layout';

/** Above this many nodes dagre takes too long (its ordering step grows fast): columns by distance instead. */
const DAGRE_MAX = 150;

export function layoutFlow(nodes: FlowNode[], edges: FlowEdge[], departments: Department[]): void {
  const scenario = { id: 'layout', name: 'layout', kind: 'baseline', flow: { departments, nodes, edges } } as unknown as Scenario;
  const centres = nodes.length > DAGRE_MAX ? columnsByDistance(nodes, edges) : dagreColumns(scenario);
  const at = new Map(bandLayout(scenario, centres).map((p) => [p.id, p.position]));
  for (const n of nodes) n.position = at.get(n.id) ?? { x: 0, y: 0 };
}

/** Node centres: columns by shortest distance from the arrivals, rows in flow order within a column. */
function columnsByDistance(nodes: FlowNode[], edges: FlowEdge[]): Map<string, { x: number; y: number }> {
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
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const d = n.kind === 'exit' ? maxDepth + 1 : (depth.get(n.id) ?? 0);
    const r = rows.get(d) ?? 0;
    rows.set(d, r + 1);
    out.set(n.id, { x: d * (NODE_W + 90) + NODE_W / 2, y: r * (NODE_H + 50) + NODE_H / 2 });
  }
  return out;
}
