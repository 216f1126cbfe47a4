// Routing: each case becomes a path of tokens — an activity, or a visit to a parallel block (its
// activities that happen one after another in the case) — from START to END. Counting which token
// follows which (the directly-follows graph) gives the routing shares: the share of the way out
// of each token. A repeated activity is a loop back (rework). Rare paths are left out: from each
// token, its least-followed ways out that together carry at most `rarePaths` of its transitions
// (relative to the token, so that a model of hundreds of activities, each seen in few cases,
// keeps its ordinary paths; a token's most frequent way out is always kept,
// and ways out are added back where needed so every kept token can still reach the end); a case
// is covered when every transition of its path is kept.
import type { EventLog } from '../model/interop/eventlog/types';
import type { CaseIndex } from './cases';
import type { Concurrency } from './concurrency';

export interface Routing {
  /** Tokens: activities 0…A−1, blocks A…A+B−1, then START and END. */
  tokenCount: number;
  START: number;
  END: number;
  /** Kept transitions with their counts: from → (to → count). */
  edges: Map<number, Map<number, number>>;
  /** Visits per token (all cases). */
  visits: Float64Array;
  /** Per block: per activity (index in log.activities) the share of the block's visits that include it. */
  memberShare: Map<number, number>[];
  /** Share of cases whose whole path is kept. */
  coverage: number;
  /** Transitions left out, with the share of all cases that follow them. */
  dropped: { from: number; to: number; cases: number }[];
  /** Tokens no kept path reaches (left out). */
  unreachable: number[];
}

export function discoverRouting(log: EventLog, cases: CaseIndex, conc: Concurrency, rarePaths: number): Routing {
  const A = log.activities.length;
  const B = conc.blocks.length;
  const START = A + B, END = A + B + 1, T = A + B + 2;
  const count = new Map<number, number>(); // key from*T+to: transitions
  const caseCount = new Map<number, number>(); // cases following it
  const visits = new Float64Array(T);
  const blockVisitsWith: Map<number, number>[] = conc.blocks.map(() => new Map());
  const nCases = log.cases.length;
  const paths: Int32Array[] = new Array(nCases);
  const tokens: number[] = [];
  const lastCase = new Map<number, number>();

  for (let c = 0; c < nCases; c++) {
    tokens.length = 0;
    tokens.push(START);
    let inBlock = -1;
    let members = new Set<number>();
    const closeBlock = () => {
      if (inBlock < 0) return;
      const m = blockVisitsWith[inBlock]!;
      for (const a of members) m.set(a, (m.get(a) ?? 0) + 1);
      inBlock = -1;
      members = new Set();
    };
    for (let k = cases.first[c]!; k < cases.first[c + 1]!; k++) {
      const a = log.activityOf[cases.order[k]!]!;
      const b = conc.blockOf[a]!;
      if (b >= 0) {
        if (inBlock === b && !members.has(a)) { members.add(a); continue; }
        closeBlock();
        inBlock = b;
        members.add(a);
        tokens.push(A + b);
      } else {
        closeBlock();
        tokens.push(a);
      }
    }
    closeBlock();
    tokens.push(END);
    paths[c] = Int32Array.from(tokens);
    for (let x = 0; x < tokens.length; x++) {
      visits[tokens[x]!]! += 1;
      if (x === 0) continue;
      const key = tokens[x - 1]! * T + tokens[x]!;
      count.set(key, (count.get(key) ?? 0) + 1);
      if (lastCase.get(key) !== c) {
        lastCase.set(key, c);
        caseCount.set(key, (caseCount.get(key) ?? 0) + 1);
      }
    }
  }
  const memberShare = blockVisitsWith.map((m, b) => {
    const out = new Map<number, number>();
    for (const [a, v] of m) out.set(a, v / Math.max(1, visits[A + b]!));
    return out;
  });

  // Keep frequent transitions and each token's most frequent way out.
  const outs = new Map<number, [number, number][]>();
  for (const [key, v] of count) {
    const from = Math.floor(key / T);
    (outs.get(from) ?? outs.set(from, []).get(from)!).push([key % T, v]);
  }
  for (const list of outs.values()) list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const kept = new Set<number>();
  for (const [from, list] of outs) {
    // The least-followed ways out that together carry at most `rarePaths` of the token's
    // transitions are rare; the others are kept.
    const total = list.reduce((sum, [, v]) => sum + v, 0);
    let tail = 0;
    const rare = new Set<number>();
    for (let i = list.length - 1; i > 0; i--) {
      tail += list[i]![1];
      if (tail > rarePaths * total) break;
      rare.add(list[i]![0]);
    }
    for (const [to] of list) if (!rare.has(to)) kept.add(from * T + to);
  }
  // Tokens reached from START over kept transitions; every reached token must reach END.
  const reach = (): Set<number> => {
    const seen = new Set([START]);
    const stack = [START];
    while (stack.length) {
      const x = stack.pop()!;
      for (const [to] of outs.get(x) ?? []) if (kept.has(x * T + to) && !seen.has(to)) { seen.add(to); stack.push(to); }
    }
    return seen;
  };
  for (let guard = 0; guard < T + 1; guard++) {
    const reached = reach();
    // Backwards from END over kept transitions.
    const toEnd = new Set([END]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const key of kept) {
        const from = Math.floor(key / T), to = key % T;
        if (toEnd.has(to) && !toEnd.has(from)) { toEnd.add(from); grew = true; }
      }
    }
    const stuck = [...reached].filter((x) => !toEnd.has(x));
    if (stuck.length === 0) break;
    // Add back, for each stuck token, its most frequent way out that leads towards the end.
    let added = false;
    for (const x of stuck)
      for (const [to] of outs.get(x) ?? [])
        if (!kept.has(x * T + to) && toEnd.has(to)) { kept.add(x * T + to); added = true; break; }
    if (!added) for (const x of stuck) for (const [to] of outs.get(x) ?? []) kept.add(x * T + to);
  }
  const reached = reach();
  const edges = new Map<number, Map<number, number>>();
  const dropped: Routing['dropped'] = [];
  for (const [from, list] of outs) {
    for (const [to, v] of list) {
      const key = from * T + to;
      if (kept.has(key) && reached.has(from)) (edges.get(from) ?? edges.set(from, new Map()).get(from)!).set(to, v);
      else if (reached.has(from)) dropped.push({ from, to, cases: (caseCount.get(key) ?? 0) / nCases });
    }
  }
  let covered = 0;
  for (const p of paths) {
    let ok = true;
    for (let x = 1; x < p.length && ok; x++) ok = edges.get(p[x - 1]!)?.has(p[x]!) === true;
    if (ok) covered++;
  }
  const unreachable: number[] = [];
  for (let t = 0; t < A + B; t++) if (visits[t]! > 0 && !reached.has(t)) unreachable.push(t);
  return { tokenCount: T, START, END, edges, visits, memberShare, coverage: nCases ? covered / nCases : 1, dropped, unreachable };
}
