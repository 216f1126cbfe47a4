// Auto-layout: left to right with dagre for the order along the flow, then each department gets a
// horizontal band of its own (in the order departments are listed); nodes that share a column in
// a band are stacked, and each band is as tall as its tallest stack, so lanes never overlap.
// Pure (no DOM): the editor's Auto-layout, BPMN-free imports and discovery all use it.
import dagre from '@dagrejs/dagre';
import type { Position, Scenario } from './schema';

/** The size a node takes on the canvas (the editor draws lanes around nodes of this size). */
export const NODE_W = 180;
export const NODE_H = 100;

// Room between columns and rows for the labels on the paths ("missing documents · 20 %") so they
// sit on the line between two nodes, not on a node's title.
const ROW = NODE_H + 44;
const BAND_GAP = 80;
const TOP = 40;
const RANK_SEP = 60;
const NODE_SEP = 50;

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
  return bandLayout(scenario, dagreColumns(scenario));
}

/** Where dagre puts each node's centre, left to right along the flow. */
export function dagreColumns(scenario: Scenario): Map<string, { x: number; y: number }> {
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
  return new Map(nodes.map((n) => [n.id, g.node(n.id) as { x: number; y: number }]));
}

/**
 * Positions from node centres (`centres`: x gives the column, y the order within it): each
 * department's steps and delays in a band of their own, nodes of a band sharing a column stacked.
 */
export function bandLayout(scenario: Scenario, centres: ReadonlyMap<string, { x: number; y: number }>): { id: string; position: Position }[] {
  const { nodes, edges } = scenario.flow;
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
    const p = centres.get(n.id) ?? { x: 0, y: 0 };
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
