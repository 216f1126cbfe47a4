// Routing: where a customer goes next (by class, by share of a random draw, or the one way on),
// through any decisions, and what happens on entering a node of each kind.
import { KIND_DECISION, KIND_DELAY, KIND_EXIT, KIND_JOIN, KIND_SPLIT, type CompiledModel } from '../compile';
import type { RandomStream, StreamFactory } from '../rng';
import { SimulationError, TRACE } from '../types';
import { recordExit, recordVisit } from './collect';
import { MOVE_LIMIT } from './kinds';
import { arriveAtJoin, partDone, split } from './parallel';
import type { Sim } from './state';
import { arriveAtStep, startDelay } from './stations';

export class Routes {
  /** The random stream of each node that routes by shares. */
  readonly stream: (RandomStream | undefined)[] = [];
  constructor(m: CompiledModel, streams: StreamFactory) {
    for (let i = 0; i < m.nodeIds.length; i++) {
      const route = m.routes[i];
      this.stream.push(route && route.targets.length > 1 && !route.byClass && (m.kind[i] !== KIND_SPLIT || route.chance) ? streams.stream(`route:${m.nodeIds[i]!}`) : undefined);
    }
  }
}

/** Routes customer c out of `from` and into the next node (through any decisions). */
export function moveOn(s: Sim, from: number, c: number, now: number): void {
  moveTo(s, from, route(s, from, c), c, now);
}

/** Customer c leaves `from` for `node`, passing on through any decisions, and enters where it lands. */
export function moveTo(s: Sim, from: number, node: number, c: number, now: number): void {
  let moves = 0;
  while (s.m.kind[node] === KIND_DECISION) {
    if (++moves > MOVE_LIMIT) {
      throw new SimulationError('zero-time-loop', `Customers are going round decisions without end at "${s.m.nodeNames[node]}": the loop needs a way out.`);
    }
    node = route(s, node, c);
  }
  if (s.trace) s.trace(TRACE.MOVE, now, c, s.cust.cls[c]!, from, node);
  enter(s, node, c, now);
}

function route(s: Sim, from: number, c: number): number {
  const r = s.m.routes[from]!;
  if (r.byClass) return r.byClass[s.cust.cls[c]!]!;
  const targets = r.targets;
  if (targets.length === 1) return targets[0]!;
  const u = s.routes.stream[from]!.next();
  const cum = r.cumulative;
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]!) k++;
  return targets[k]!;
}

/** Customer c enters `node`: a split, a join, an exit, a delay or a step. */
export function enter(s: Sim, node: number, c: number, now: number): void {
  const kind = s.m.kind[node]!;
  if (kind >= KIND_EXIT) {
    if (kind === KIND_SPLIT) split(s, node, c, now);
    else if (kind === KIND_JOIN) arriveAtJoin(s, node, c, now);
    else if (s.cust.parent[c]! >= 0) {
      if (s.trace) s.trace(TRACE.PART_DONE, now, c, s.cust.cls[c]!, node, -1);
      partDone(s, c, node, now);
    } else {
      if (s.trace) s.trace(TRACE.EXIT, now, c, s.cust.cls[c]!, node, -1);
      recordExit(s, c, now);
    }
    return;
  }
  recordVisit(s, node, c);
  if (kind === KIND_DELAY) startDelay(s, node, c, now);
  else arriveAtStep(s, node, c, now);
}
