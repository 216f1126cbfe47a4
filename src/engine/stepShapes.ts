// The hour-of-week pattern in which customers reach each node, for the pre-run estimate with
// opening hours (openHoursEstimate.ts): a source's own profile or calendar; after a step whose
// staff change over the week, the hours in which it lets customers go (its fluid outflow: an office
// sends work on only while open); after a delay, the pattern smeared by the delay's spread (two
// days ± one day of waiting for documents brings them back at any hour, night included). Routing
// mixes the patterns in proportion to the flows. Loops are followed for a few passes only.
import type { FlowEdge, FlowNode } from '../model/schema';
import { moments } from './distributions';
import { afterDelay, meanOne, type WeekEstimate } from './openHoursEstimate';

export type Shape = number[] | undefined; // 168 values with mean 1; undefined: evenly round the clock

export interface ShapeInputs {
  nodes: readonly FlowNode[];
  out: readonly FlowEdge[][];
  index: ReadonlyMap<string, number>;
  /** Visits per time unit at every node (by index). */
  rates: ArrayLike<number>;
  /** Time units in an hour. */
  hour: number;
  sourceShape: (i: number) => Shape;
  /** A step's estimate for customers arriving in `shape`, or undefined when the step has nothing varying. */
  step: (i: number, shape: Shape) => WeekEstimate | undefined;
}

const PASSES = 3;

export function propagateShapes(inp: ShapeInputs): { shapes: Shape[]; estimates: Map<number, WeekEstimate> } {
  const { nodes, out, index, rates } = inp;
  const n = nodes.length;
  // Breadth first from the sources, so that a node is mostly seen after the nodes that feed it.
  const order: number[] = [];
  const seen = new Uint8Array(n);
  nodes.forEach((node, i) => {
    if (node.kind === 'arrivals') {
      seen[i] = 1;
      order.push(i);
    }
  });
  for (let k = 0; k < order.length; k++) {
    for (const e of out[order[k]!]!) {
      const j = index.get(e.target);
      if (j !== undefined && !seen[j]) {
        seen[j] = 1;
        order.push(j);
      }
    }
  }
  // Flow along each edge, and into each node.
  const into: { from: number; weight: number }[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    const o = out[i]!;
    const total = o.reduce((s, e) => s + (e.probability ?? 0), 0);
    for (const e of o) {
      const j = index.get(e.target);
      if (j === undefined) continue;
      const share = node.kind === 'split' || o.length === 1 ? 1 : node.kind === 'decision' && node.mode !== 'class' && total > 0 ? (e.probability ?? 0) / total : 1 / o.length;
      if (share > 0 && rates[i]! > 0) into[j]!.push({ from: i, weight: rates[i]! * share });
    }
  });
  const shapes: Shape[] = new Array<Shape>(n).fill(undefined);
  const outShape: Shape[] = new Array<Shape>(n).fill(undefined);
  const estimates = new Map<number, WeekEstimate>();
  const lastIn: Shape[] = new Array<Shape>(n).fill(undefined);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const i of order) {
      const node = nodes[i]!;
      if (node.kind === 'arrivals') {
        outShape[i] = shapes[i] = inp.sourceShape(i);
        continue;
      }
      const shape = mix(into[i]!, outShape);
      shapes[i] = shape;
      if (node.kind === 'step') {
        // A later pass with the same pattern in gives the same estimate: kept from the pass before.
        const same = pass > 0 && sameShape(lastIn[i], shape);
        lastIn[i] = shape;
        const est = same ? estimates.get(i) : inp.step(i, shape);
        if (est) estimates.set(i, est);
        else estimates.delete(i);
        outShape[i] = est ? est.outflow : shape;
      } else if (node.kind === 'delay' && shape) {
        const m = moments(node.duration);
        outShape[i] = meanOne(afterDelay(shape, m.mean / inp.hour, Math.sqrt(Math.max(0, m.variance)) / inp.hour));
      } else outShape[i] = shape;
    }
  }
  return { shapes, estimates };
}

function mix(from: readonly { from: number; weight: number }[], outShape: readonly Shape[]): Shape {
  if (!from.some((f) => outShape[f.from] !== undefined)) return undefined;
  const sum = new Array<number>(168).fill(0);
  for (const f of from) {
    const s = outShape[f.from];
    for (let h = 0; h < 168; h++) sum[h]! += f.weight * (s ? s[h]! : 1);
  }
  return meanOne(sum);
}

function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  for (let h = 0; h < 168; h++) if (Math.abs(a[h]! - b[h]!) > 1e-12) return false;
  return true;
}
