// Auto-layout: left to right with dagre for the order along the flow, then each department gets a
// horizontal band of its own (in the order departments are listed); nodes that share a column in
// a band are stacked, and each band is as tall as its tallest stack, so lanes never overlap.
import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from '../../model/schema';
import { NODE_H, NODE_W } from './lanes';

const ROW = NODE_H + 26;
const BAND_GAP = 70;
const TOP = 40;

export function autoLayout(scenario: Scenario): { id: string; position: Position }[] {
  const { nodes, edges } = scenario.flow;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of edges) g.setEdge(e.source, e.target);
  // Nodes not yet connected still go in flow order: after the arrivals, before the exit.
  const firstArrivals = nodes.find((n) => n.kind === 'arrivals');
  const firstExit = nodes.find((n) => n.kind === 'exit');
  for (const n of nodes) {
    const hasIn = edges.some((e) => e.target === n.id);
    const hasOut = edges.some((e) => e.source === n.id);
    if (!hasIn && n.kind !== 'arrivals' && firstArrivals && firstArrivals.id !== n.id) g.setEdge(firstArrivals.id, n.id);
    if (!hasOut && n.kind !== 'exit' && firstExit && firstExit.id !== n.id) g.setEdge(n.id, firstExit.id);
  }
  dagre.layout(g);

  const bandIndex = new Map(scenario.flow.departments.map((d, i) => [d.id, i]));
  const ownBand = (id: string): number | undefined => {
    const n = nodes.find((x) => x.id === id);
    return n && (n.kind === 'step' || n.kind === 'delay') && n.departmentId !== undefined ? bandIndex.get(n.departmentId) : undefined;
  };
  // Nodes without a department sit in the band of a neighbour that has one (else the first band).
  const bandOf = (id: string): number => {
    const own = ownBand(id);
    if (own !== undefined) return own;
    for (const e of edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
      const b = other !== undefined ? ownBand(other) : undefined;
      if (b !== undefined) return b;
    }
    return 0;
  };

  const placed = nodes.map((n) => {
    const p = g.node(n.id) as { x: number; y: number };
    return { id: n.id, x: Math.round(p.x - NODE_W / 2), dagreY: p.y, band: bandOf(n.id), stack: 0 };
  });
  // Stack nodes that share a band and a column, in dagre's vertical order.
  const columns = new Map<string, typeof placed>();
  for (const p of placed) {
    const key = `${p.band}:${Math.round(p.x / 20)}`;
    columns.set(key, [...(columns.get(key) ?? []), p]);
  }
  const bandRows = new Map<number, number>();
  for (const col of columns.values()) {
    col.sort((a, b) => a.dagreY - b.dagreY).forEach((p, i) => (p.stack = i));
    const band = col[0]!.band;
    bandRows.set(band, Math.max(bandRows.get(band) ?? 1, col.length));
  }
  const bands = Math.max(scenario.flow.departments.length, ...placed.map((p) => p.band + 1));
  const bandTop: number[] = [];
  let y = TOP;
  for (let b = 0; b < bands; b++) {
    bandTop.push(y);
    y += (bandRows.get(b) ?? 1) * ROW + BAND_GAP;
  }
  return placed.map((p) => ({ id: p.id, position: { x: p.x, y: bandTop[p.band]! + p.stack * ROW } }));
}
