// Placing nodes on the canvas: the auto-layout itself is pure and lives in src/model/layout.ts;
// here, how the view fits the flow and where a node added from the palette goes.
import type { NodeKind, Position, Scenario } from '../../model/schema';
import { computeLanes, laneAt, NODE_H, NODE_W } from './lanes';

export { autoLayout, labelChars } from '../../model/layout';

/** How React Flow fits the flow in view: room at the top for the picture and legend bars, at the left for the zoom buttons. */
export const FIT_VIEW = { padding: { top: '56px', left: '60px', right: '24px', bottom: '24px' }, maxZoom: 1 } as const;

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
