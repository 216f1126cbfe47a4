// Auto-layout: left to right with dagre for the order along the flow, then each department gets a
// horizontal band of its own (in the order departments are listed); nodes that share a column in
// a band are stacked, and each band is as tall as its tallest stack, so lanes never overlap.
import dagre from '@dagrejs/dagre';
import type { NodeKind, Position, Scenario } from '../../model/schema';
import { computeLanes, laneAt, NODE_H, NODE_W } from './lanes';

// Room between columns and rows for the labels on the paths ("missing documents · 20 %") so they
// sit on the line between two nodes, not on a node's title.
const ROW = NODE_H + 44;
const BAND_GAP = 80;
const TOP = 40;
const RANK_SEP = 60;
const NODE_SEP = 50;

/** How React Flow fits the flow in view: room at the top for the picture and legend bars, at the left for the zoom buttons. */
export const FIT_VIEW = { padding: { top: '56px', left: '60px', right: '24px', bottom: '24px' }, maxZoom: 1 } as const;

/** Width of a character of a path label on the canvas (11 px, semi-bold), generously. */
const LABEL_CHAR_W = 6.8;

/** About how many characters the canvas shows on the path's label (0: no label). */
export function labelChars(scenario: Scenario, e: Scenario['flow']['edges'][number]): number {
  const src = scenario.flow.nodes.find((n) => n.id === e.source);
  const outs = scenario.flow.edges.filter((x) => x.source === e.source).length;
  if (src?.kind === 'decision' && src.mode === 'class') return e.label?.length ?? (e.classIds?.length ? e.classIds.join(', ').length + 6 : 13);
  if (src?.kind === 'split') return (e.label ? e.label.length + 3 : 0) + 11;
  return (outs > 1 ? 7 : 0) + (e.label ? e.label.length + (outs > 1 ? 3 : 0) : 0);
}

export function autoLayout(scenario: Scenario): { id: string; position: Position }[] {
  const { nodes, edges } = scenario.flow;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  // A path with a label gets a gap as wide as its label (dagre makes room for edge labels).
  for (const e of edges) {
    const chars = labelChars(scenario, e);
    g.setEdge(e.source, e.target, chars > 0 ? { width: chars * LABEL_CHAR_W + 40, height: 22, labelpos: 'c' } : {});
  }
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

const GAP = 30;

/**
 * Where a node added at `at` goes: a step or delay of a department that already has a band goes in
 * that band (in the first free place to the right of `at`), so it never lands on another
 * department's band; other nodes go to the nearest free place that is not inside a band unless `at` is.
 * Returns the position and the department a step or delay should belong to.
 */
export function placeNewNode(scenario: Scenario, kind: NodeKind, at: Position, departmentId?: string): { position: Position; departmentId?: string } {
  const lanes = computeLanes(scenario);
  const centre = { x: at.x + NODE_W / 2, y: at.y + NODE_H / 2 };
  const inDept = kind === 'step' || kind === 'delay';
  const dept = inDept ? (departmentId ?? laneAt(lanes, centre.x, centre.y)?.departmentId ?? scenario.flow.departments[0]?.id) : undefined;
  const free = (p: Position) => scenario.flow.nodes.every((n) => Math.abs(n.position.x - p.x) >= NODE_W + GAP || Math.abs(n.position.y - p.y) >= NODE_H + GAP);
  const inOtherBand = (p: Position) => lanes.some((l) => l.departmentId !== dept && laneAt([l], p.x + NODE_W / 2, p.y + NODE_H / 2) !== undefined);
  const lane = lanes.find((l) => l.departmentId === dept);
  if (inDept && lane) {
    // Rows of the band (members sit from lane.y + 34 down), then to the right until free.
    const top = lane.y + 34;
    const rows = Math.max(1, Math.round((lane.height - 56) / (NODE_H + GAP)));
    const row = Math.min(rows - 1, Math.max(0, Math.round((at.y - top) / (NODE_H + GAP))));
    const order = [row, ...Array.from({ length: rows }, (_, i) => i).filter((i) => i !== row)];
    for (let step = 0; step < 60; step++) {
      for (const r of order) {
        const p = { x: Math.round(at.x + step * 40), y: Math.round(top + r * (NODE_H + GAP)) };
        if (free(p)) return { position: p, departmentId: dept };
      }
    }
    return { position: { x: Math.round(lane.x + lane.width + GAP), y: Math.round(top) }, departmentId: dept };
  }
  const startsInBand = lanes.some((l) => laneAt([l], centre.x, centre.y) !== undefined);
  for (let ring = 0; ring < 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: Math.round(at.x + dx * (NODE_W + GAP)), y: Math.round(at.y + dy * (NODE_H / 2)) };
        if (free(p) && (!inDept || !inOtherBand(p)) && (startsInBand || !inOtherBand(p))) return { position: p, departmentId: dept };
      }
    }
  }
  return { position: at, departmentId: dept };
}
