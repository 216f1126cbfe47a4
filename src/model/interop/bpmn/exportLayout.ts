// What the BPMN export needs besides the semantics: ids that are XML names (NCName: a letter or _
// first, no colon) and unique; a lane for every node (events and gateways too); lanes stacked as
// bands that do not overlap, each holding its nodes; and sequence-flow waypoints that leave and
// enter shapes at their sides and go around them (below) when a connection runs backwards.
import type { Department, FlowEdge, FlowNode } from '../../schema';
import { DI_SCALE } from './read';

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Unique XML names: `take` returns the wanted name when it is free and valid, else a close one. */
export class XmlIds {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    let base = NCNAME.test(wanted) ? wanted : `_${wanted.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    if (!NCNAME.test(base)) base = `_${base}`;
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}_${k}`;
    this.used.add(id);
    return id;
  }
}

export const SIZE: Record<FlowNode['kind'], { w: number; h: number }> = { arrivals: { w: 36, h: 36 }, step: { w: 100, h: 80 }, delay: { w: 36, h: 36 }, decision: { w: 50, h: 50 }, exit: { w: 36, h: 36 }, split: { w: 50, h: 50 }, join: { w: 50, h: 50 } };

/**
 * The department lane of every node: its own for steps and delays that have one; else that of the
 * nearest connected node that has one (breadth first, both directions); else the first lane.
 */
export function laneOfNodes(nodes: readonly FlowNode[], edges: readonly FlowEdge[], departments: readonly Department[]): Map<string, string> {
  const lane = new Map<string, string>();
  if (departments.length === 0) return lane;
  const known = new Set(departments.map((d) => d.id));
  const next = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    next.get(e.source)?.push(e.target);
    next.get(e.target)?.push(e.source);
  }
  let frontier: string[] = [];
  for (const n of nodes) {
    const d = (n.kind === 'step' || n.kind === 'delay') && n.departmentId !== undefined && known.has(n.departmentId) ? n.departmentId : undefined;
    if (d) {
      lane.set(n.id, d);
      frontier.push(n.id);
    }
  }
  while (frontier.length > 0) {
    const after: string[] = [];
    for (const id of frontier)
      for (const m of next.get(id) ?? [])
        if (!lane.has(m)) {
          lane.set(m, lane.get(id)!);
          after.push(m);
        }
    frontier = after;
  }
  for (const n of nodes) if (!lane.has(n.id)) lane.set(n.id, departments[0]!.id);
  return lane;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Shapes and lane bands: lanes ordered by where their nodes sit on the canvas, stacked top to
 * bottom without overlap; within a lane each node keeps its x and its height relative to the
 * lane's other nodes. An empty lane gets a normal height.
 */
export function diagramBoxes(nodes: readonly FlowNode[], departments: readonly Department[], laneOf: ReadonlyMap<string, string>) {
  const raw = new Map<string, Box>(nodes.map((n) => [n.id, { x: Math.round(n.position.x / DI_SCALE.x), y: Math.round(n.position.y / DI_SCALE.y), ...SIZE[n.kind] }]));
  const members = new Map<string, Box[]>(departments.map((d) => [d.id, []]));
  const memberIds = new Map<string, string[]>(departments.map((d) => [d.id, []]));
  for (const n of nodes) {
    const d = laneOf.get(n.id);
    if (d !== undefined && members.has(d)) {
      members.get(d)!.push(raw.get(n.id)!);
      memberIds.get(d)!.push(n.id);
    }
  }
  const meanY = (d: Department) => {
    const bs = members.get(d.id)!;
    return bs.length ? bs.reduce((s, b) => s + b.y, 0) / bs.length : Infinity;
  };
  const order = departments.map((d, i) => ({ d, i, y: meanY(d) })).sort((a, b) => a.y - b.y || a.i - b.i);
  const boxes = new Map<string, Box>(raw);
  const lanes: { d: Department; top: number; bottom: number }[] = [];
  const PAD = 30;
  let cursor = order.length ? Math.min(0, ...[...raw.values()].map((b) => b.y)) : 0;
  for (const { d } of order) {
    const bs = members.get(d.id)!;
    if (bs.length === 0) {
      lanes.push({ d, top: cursor, bottom: cursor + 120 });
      cursor += 120;
      continue;
    }
    const lo = Math.min(...bs.map((b) => b.y));
    const hi = Math.max(...bs.map((b) => b.y + b.h));
    const shift = cursor + PAD - lo;
    for (const id of memberIds.get(d.id)!) {
      const b = raw.get(id)!;
      boxes.set(id, { ...b, y: b.y + shift });
    }
    const height = Math.max(120, hi - lo + 2 * PAD);
    lanes.push({ d, top: cursor, bottom: cursor + height });
    cursor += height;
  }
  return { boxes, lanes };
}

/** Waypoints from the source's right side to the target's left side; backwards or onto itself, around below. */
export function waypoints(a: Box, b: Box, self: boolean): { x: number; y: number }[] {
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  if (self) {
    const low = a.y + a.h + 20;
    return [
      { x: a.x + a.w * 0.75, y: a.y + a.h },
      { x: a.x + a.w * 0.75, y: low },
      { x: a.x + a.w * 0.25, y: low },
      { x: a.x + a.w * 0.25, y: a.y + a.h },
    ];
  }
  if (b.x >= a.x + a.w + 20) {
    if (ay === by) return [{ x: a.x + a.w, y: ay }, { x: b.x, y: by }];
    const mid = Math.round((a.x + a.w + b.x) / 2);
    return [
      { x: a.x + a.w, y: ay },
      { x: mid, y: ay },
      { x: mid, y: by },
      { x: b.x, y: by },
    ];
  }
  const low = Math.max(a.y + a.h, b.y + b.h) + 20;
  const ax = a.x + a.w / 2;
  const bx = b.x + b.w / 2;
  return [
    { x: ax, y: a.y + a.h },
    { x: ax, y: low },
    { x: bx, y: low },
    { x: bx, y: b.y + b.h },
  ];
}
