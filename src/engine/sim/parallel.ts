// Parallel work: at a split a case becomes one part per outgoing connection (customer indices of
// their own); at a join the parts wait for each other, and the case goes on when every part is in
// (or leaves when every part has reached an exit). Joins record the cases and their waits.
import { KIND_JOIN, type CompiledModel } from '../compile';
import { summarize, GrowableArray } from '../stats';
import { SimulationError, TRACE, type JoinStats } from '../types';
import { DEPTH_LIMIT } from './kinds';
import { enter, moveOn, moveTo } from './routing';
import type { Sim } from './state';
import { byId } from '../../model/ids';

export class Joins {
  /** Splits and joins passed within one instant, nested. */
  depth = 0;
  // Per join: cases joined, per-case waiting for the other parts, and the parts' total waiting.
  readonly cases: Float64Array;
  readonly waits: (GrowableArray | undefined)[];
  readonly partWait: Float64Array;
  readonly parts: Float64Array;
  constructor(m: CompiledModel) {
    const n = m.nodeIds.length;
    this.cases = new Float64Array(n);
    this.partWait = new Float64Array(n);
    this.parts = new Float64Array(n);
    this.waits = Array.from({ length: n }, (_, i) => (m.kind[i] === KIND_JOIN ? new GrowableArray(256) : undefined));
  }
}

function deeper(s: Sim, node: number): void {
  if (++s.joins.depth > DEPTH_LIMIT) {
    throw new SimulationError('zero-time-loop', `Customers are going round a loop through "${s.m.nodeNames[node]}" that takes no time: give a step or delay on the loop a duration above 0.`);
  }
}

/** The paths an inclusive split's case takes this time: at least one (see `inclusiveRoute`). */
function chosen(s: Sim, node: number): number[] {
  const r = s.m.routes[node]!;
  const chance = r.chance!;
  const stream = s.routes.stream[node]!;
  const u = stream.next();
  const cum = r.cumulative;
  let first = 0;
  while (first < cum.length - 1 && u >= cum[first]!) first++;
  const ks = [first];
  for (let k = first + 1; k < chance.length; k++) if (stream.next() < chance[k]!) ks.push(k);
  return ks;
}

/** The case c splits: one new part per outgoing connection (an inclusive split: per path taken),
 * each moving on at once. */
export function split(s: Sim, node: number, c: number, now: number): void {
  const cu = s.cust;
  deeper(s, node);
  const route = s.m.routes[node]!;
  const targets = route.targets;
  const ks = route.chance && targets.length > 1 ? chosen(s, node) : undefined;
  const count = ks ? ks.length : targets.length;
  if (s.trace) s.trace(TRACE.SPLIT, now, c, cu.cls[c]!, node, count);
  cu.partsOpen[c] = count;
  cu.partsJoined[c] = 0;
  cu.joinSum[c] = 0;
  cu.lastPartWait[c] = 0;
  for (let j = 0; j < count; j++) {
    const k = ks ? ks[j]! : j;
    const p = cu.add();
    cu.parent[p] = c;
    cu.cls[p] = cu.cls[c]!;
    cu.arrT[p] = now;
    cu.lastDept[p] = cu.lastDept[c]!;
    moveTo(s, node, targets[k]!, p, now);
  }
  s.joins.depth--;
}

/** A part (or a whole customer, who passes through) arrives at a join. */
export function arriveAtJoin(s: Sim, node: number, p: number, now: number): void {
  const cu = s.cust;
  const c = cu.parent[p]!;
  if (c < 0) {
    deeper(s, node);
    moveOn(s, node, p, now);
    s.joins.depth--;
    return;
  }
  if (s.trace) s.trace(TRACE.JOIN_WAIT, now, p, cu.cls[p]!, node, -1);
  if (cu.partsJoined[c] === 0) cu.joinFirst[c] = now;
  cu.partsJoined[c]!++;
  cu.joinSum[c]! += now;
  cu.joinAt[c] = node;
  partFinished(s, c, p);
  if (cu.partsOpen[c] === 0) caseComplete(s, c, node, now);
}

/** A part reaches an exit: it is done; the case goes on once no part is out. */
export function partDone(s: Sim, p: number, exitNode: number, now: number): void {
  const c = s.cust.parent[p]!;
  partFinished(s, c, p);
  if (s.cust.partsOpen[c] === 0) caseComplete(s, c, exitNode, now);
}

/** Folds a finished part into its case (waiting, handoffs, departments) and frees its index. */
function partFinished(s: Sim, c: number, p: number): void {
  const cu = s.cust;
  cu.partsOpen[c]!--;
  cu.lastPartWait[c] = cu.waitTotal[p]!;
  cu.lastPartWaitWork[c] = cu.waitWork[p]!;
  cu.handoffs[c]! += cu.handoffs[p]!;
  const nd = s.nDepts;
  for (let d = 0; d < nd; d++) {
    if (cu.hasTouched(p, d) && cu.touchDept(c, d)) cu.touchedCount[c]!++;
  }
  cu.free(p);
}

/** Every part is in or done: the case continues from its join, or leaves if every part exited. */
function caseComplete(s: Sim, c: number, at: number, now: number): void {
  const cu = s.cust;
  cu.waitTotal[c]! += cu.lastPartWait[c]!;
  cu.waitWork[c]! += cu.lastPartWaitWork[c]!;
  const joined = cu.partsJoined[c]!;
  if (s.trace) s.trace(TRACE.JOINED, now, c, cu.cls[c]!, joined === 0 ? at : cu.joinAt[c]!, joined);
  if (joined === 0) {
    enter(s, at, c, now); // every part left through an exit: so does the case
    return;
  }
  const j = cu.joinAt[c]!;
  if (s.inWindow) {
    const joins = s.joins;
    joins.cases[j]! += 1;
    joins.waits[j]!.push(now - cu.joinFirst[c]!);
    joins.partWait[j]! += joined * now - cu.joinSum[c]!;
    joins.parts[j]! += joined;
  }
  deeper(s, j);
  moveOn(s, j, c, now);
  s.joins.depth--;
}

export function joinStats(s: Sim): Record<string, JoinStats> {
  const m = s.m;
  const joins = s.joins;
  const out = byId<JoinStats>();
  for (const j of m.joins) {
    const id = m.nodeIds[j]!;
    out[id] = {
      id,
      name: m.nodeNames[j]!,
      cases: joins.cases[j]!,
      waitForParts: summarize(joins.waits[j]!.view()),
      partWait: joins.parts[j]! > 0 ? joins.partWait[j]! / joins.parts[j]! : 0,
    };
  }
  return out;
}
