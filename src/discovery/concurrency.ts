// Which activities are done in parallel. Rule: for every case, the first time each activity occurs
// is compared with the first times of the (up to) ten activities around it. Two activities are
// parallel when, over the cases that have both, their work overlaps in time or happens in both
// orders: (overlapping cases + 2 × the rarer order's cases) ≥ PARALLEL_SCORE × cases with both,
// seen in at least MIN_PAIR_CASES cases. Groups of activities linked by this relation become
// parallel blocks; inside a block, activities that are not parallel to each other form one
// branch, in the order they usually happen.
import type { EventLog } from '../model/interop/eventlog/types';
import type { CaseIndex } from './cases';

export const PARALLEL_SCORE = 0.5;
export const MIN_PAIR_CASES = 5;
const NEAR = 10;

export interface ParallelBlock {
  /** Branches, each a list of activities in their usual order. */
  branches: number[][];
}

export interface Concurrency {
  blocks: ParallelBlock[];
  /** Per activity: its block, or -1. */
  blockOf: Int32Array;
  /** Pairs found parallel (for the report). */
  pairs: [number, number][];
}

export function findConcurrency(log: EventLog, cases: CaseIndex, start: Float64Array): Concurrency {
  const A = log.activities.length;
  const both = new Map<number, number>();
  const overlap = new Map<number, number>();
  const before = new Map<number, number>(); // key a*A+b: a's first occurrence entirely before b's
  const rank = new Float64Array(A);
  const rankN = new Float64Array(A);
  const seen = new Int32Array(A).fill(-1);
  const firsts: number[] = [];
  const add = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  for (let c = 0; c < log.cases.length; c++) {
    firsts.length = 0;
    for (let k = cases.first[c]!; k < cases.first[c + 1]!; k++) {
      const i = cases.order[k]!;
      const a = log.activityOf[i]!;
      if (seen[a] === c) continue;
      seen[a] = c;
      firsts.push(i);
    }
    for (let x = 0; x < firsts.length; x++) {
      const i = firsts[x]!;
      const a = log.activityOf[i]!;
      rank[a]! += x / Math.max(1, firsts.length - 1);
      rankN[a]! += 1;
      for (let y = x + 1; y < Math.min(firsts.length, x + 1 + NEAR); y++) {
        const j = firsts[y]!;
        const b = log.activityOf[j]!;
        const key = Math.min(a, b) * A + Math.max(a, b);
        add(both, key);
        const si = start[i]!, ei = log.end[i]!, sj = start[j]!, ej = log.end[j]!;
        if (sj < ei && si < ej) add(overlap, key);
        else if (ei <= sj && !(ei === sj && si === ej)) add(before, a * A + b);
        else add(before, b * A + a);
      }
    }
  }
  const parallel = (a: number, b: number): boolean => {
    const key = Math.min(a, b) * A + Math.max(a, b);
    const n = both.get(key) ?? 0;
    if (n < MIN_PAIR_CASES) return false;
    const ab = before.get(a * A + b) ?? 0, ba = before.get(b * A + a) ?? 0;
    return (overlap.get(key) ?? 0) + 2 * Math.min(ab, ba) >= PARALLEL_SCORE * n;
  };
  const pairs: [number, number][] = [];
  const adj: number[][] = Array.from({ length: A }, () => []);
  for (const key of both.keys()) {
    const a = Math.floor(key / A), b = key % A;
    if (a !== b && parallel(a, b)) {
      pairs.push([a, b]);
      adj[a]!.push(b);
      adj[b]!.push(a);
    }
  }
  // Connected groups of parallel activities.
  const blockOf = new Int32Array(A).fill(-1);
  const blocks: ParallelBlock[] = [];
  for (let a = 0; a < A; a++) {
    if (blockOf[a] !== -1 || adj[a]!.length === 0) continue;
    const members: number[] = [];
    const stack = [a];
    blockOf[a] = blocks.length;
    while (stack.length) {
      const x = stack.pop()!;
      members.push(x);
      for (const y of adj[x]!) if (blockOf[y] === -1) { blockOf[y] = blocks.length; stack.push(y); }
    }
    // Branches: members not parallel to each other share a branch.
    const isPar = new Set(adj.flatMap((ys, x) => ys.map((y) => x * A + y)));
    const branchOf = new Map<number, number>();
    const branches: number[][] = [];
    const avgRank = (x: number) => (rankN[x]! > 0 ? rank[x]! / rankN[x]! : 0);
    members.sort((x, y) => avgRank(x) - avgRank(y) || x - y);
    for (const x of members) {
      let placed = -1;
      for (let bIdx = 0; bIdx < branches.length && placed < 0; bIdx++)
        if (branches[bIdx]!.every((y) => !isPar.has(x * A + y))) placed = bIdx;
      if (placed < 0) { placed = branches.length; branches.push([]); }
      branches[placed]!.push(x);
      branchOf.set(x, placed);
    }
    blocks.push({ branches });
  }
  return { blocks, blockOf, pairs };
}
