// Department lanes: one rectangle per department around its steps and delays.
import type { Scenario } from '../../model/schema';

export { NODE_W, NODE_H } from '../../model/layout';
import { NODE_W, NODE_H } from '../../model/layout';
const PAD_X = 28;
const PAD_TOP = 34;
const PAD_BOTTOM = 22;

export interface Lane {
  departmentId: string;
  name: string;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Each department is a band across the whole flow, from its highest to its lowest member;
 * a department with no steps gets no band.
 */
export function computeLanes(scenario: Scenario, sizes: Map<string, { w: number; h: number }> = new Map()): Lane[] {
  const lanes: Lane[] = [];
  let left = Infinity;
  let right = -Infinity;
  for (const n of scenario.flow.nodes) {
    const s = sizes.get(n.id) ?? { w: NODE_W, h: NODE_H };
    left = Math.min(left, n.position.x);
    right = Math.max(right, n.position.x + s.w);
  }
  for (const d of scenario.flow.departments) {
    const members = scenario.flow.nodes.filter((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === d.id);
    if (members.length === 0) continue;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const n of members) {
      const s = sizes.get(n.id) ?? { w: NODE_W, h: NODE_H };
      y0 = Math.min(y0, n.position.y);
      y1 = Math.max(y1, n.position.y + s.h);
    }
    lanes.push({ departmentId: d.id, name: d.name, color: d.color, x: left - PAD_X, y: y0 - PAD_TOP, width: right - left + 2 * PAD_X, height: y1 - y0 + PAD_TOP + PAD_BOTTOM });
  }
  return lanes;
}

/** The department whose lane contains a point (the smallest lane wins), if any. */
export function laneAt(lanes: Lane[], x: number, y: number): Lane | undefined {
  return lanes
    .filter((l) => x >= l.x && x <= l.x + l.width && y >= l.y && y <= l.y + l.height)
    .sort((a, b) => a.width * a.height - b.width * b.height)[0];
}
