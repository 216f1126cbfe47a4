// Positions for a discovered flow: left to right in the order of the flow (dagre), each
// department's steps kept together in a horizontal band, as the editor's own auto-layout does.
import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from '../model/schema';

const NODE_W = 180;
const NODE_H = 100;

export function layoutFlow(nodes: FlowNode[], edges: FlowEdge[]): void {
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
