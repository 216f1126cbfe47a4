// Auto-layout: left to right with dagre, then each department's steps moved into a horizontal
// band of its own (in the order departments are listed), so lanes do not overlap.
import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../../model/schema';
import { NODE_H, NODE_W } from './lanes';

const BAND = 190;

export function autoLayout(scenario: Scenario): { id: string; position: Position }[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of scenario.flow.nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  // Backward edges (rework) must not pull the layout: feed dagre only edges it can rank forwards.
  for (const e of scenario.flow.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const bandOf = new Map(scenario.flow.departments.map((d, i) => [d.id, i]));
  const nodeById = new Map(scenario.flow.nodes.map((n) => [n.id, n]));
  const placed = scenario.flow.nodes.map((n) => {
    const p = g.node(n.id) as { x: number; y: number };
    const dept = n.kind === 'step' || n.kind === 'delay' ? n.departmentId : undefined;
    const band = dept !== undefined ? bandOf.get(dept) : undefined;
    // Nodes without a department (arrivals, decisions, exits) sit beside the first band.
    const y = band !== undefined ? band * BAND + 40 : (neighbourBand(n.id, scenario, bandOf, nodeById) ?? 0) * BAND + 40;
    return { id: n.id, position: { x: Math.round(p.x - NODE_W / 2), y } };
  });
  // Two nodes in the same rank and band: push the later one down a little.
  const seen = new Map<string, number>();
  for (const p of placed) {
    const key = `${Math.round(p.position.x / 10)}:${p.position.y}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    p.position.y += k * (NODE_H + 16);
  }
  return placed;
}

/** The band of the first neighbour that has a department. */
function neighbourBand(id: string, s: Scenario, bandOf: Map<string, number>, byId: Map<string, Scenario['flow']['nodes'][number]>): number | undefined {
  for (const e of s.flow.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
    if (!other) continue;
    const n = byId.get(other);
    if (n && (n.kind === 'step' || n.kind === 'delay') && n.departmentId) return bandOf.get(n.departmentId);
  }
  return undefined;
}
