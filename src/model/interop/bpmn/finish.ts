// Finishing the imported flow: the ends BPMN leaves implicit made explicit, what cannot be reached
// left out, shares on every way out, and a left-to-right layout when the file had none.
import type { FlowEdge, FlowNode } from '../../schema';
import type { Note } from './read';
import { FlowDraft, beside, percent } from './graph';

/**
 * BPMN ends a path where a node has no way out, and starts one at a node with no way in when the
 * process has no start event: both made explicit (new exits; one arrivals with a split when
 * several nodes start). Whatever then cannot be reached from any arrivals is left out, reported.
 */
export function completeEnds(draft: FlowDraft, note: Note): void {
  const names = (ns: FlowNode[]) => ns.slice(0, 5).map((n) => `"${n.name}"`).join(', ') + (ns.length > 5 ? ` and ${ns.length - 5} more` : '');
  const idle = draft.nodes.filter((n) => n.kind === 'arrivals' && draft.out(n.id).length === 0);
  if (idle.length) {
    draft.remove(new Set(idle.map((n) => n.id)));
    note('warning', `${names(idle)}: a start event that leads nowhere; left out.`);
  }
  const dangling = draft.nodes.filter((n) => n.kind !== 'exit' && n.kind !== 'arrivals' && draft.out(n.id).length === 0);
  for (const n of dangling) {
    const end = draft.add({ id: `${n.id.slice(0, 72)}-end`, name: `End after ${n.name}`, kind: 'exit', position: beside(n, 230) });
    draft.connect(n.id, end.id);
  }
  if (dangling.length) note('info', `${names(dangling)} had no way out; in BPMN the path ends there, so an exit was added after ${dangling.length === 1 ? 'it' : 'each'}.`);
  if (!draft.nodes.some((n) => n.kind === 'arrivals')) {
    const starts = draft.nodes.filter((n) => n.kind !== 'exit' && draft.in(n.id).length === 0);
    if (starts.length > 0) {
      const first = starts[0]!;
      const start = draft.add({ id: 'implied-start', name: 'Start', kind: 'arrivals', arrivals: { mode: 'rate', rate: 4, per: 'hour' }, position: beside(first, -230) });
      const into = starts.length === 1 ? start.id : draft.add({ id: 'implied-start-split', name: 'Start (all at once)', kind: 'split', position: beside(first, -120) }).id;
      if (into !== start.id) draft.connect(start.id, into);
      for (const s of starts) draft.connect(into, s.id);
      note('warning', `The process has no start event: customers start at ${names(starts)} (where nothing leads in, as in BPMN)${starts.length > 1 ? ', all at once' : ''}.`);
    }
  }
  const seen = new Set(draft.nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id));
  const stack = [...seen];
  while (stack.length) for (const e of draft.out(stack.pop()!)) if (!seen.has(e.target)) seen.add(e.target), stack.push(e.target);
  const unreachable = draft.nodes.filter((n) => !seen.has(n.id));
  if (seen.size > 0 && unreachable.length > 0) {
    draft.remove(new Set(unreachable.map((n) => n.id)));
    note('warning', `${names(unreachable)} cannot be reached from any start event; left out (${unreachable.length} element${unreachable.length === 1 ? '' : 's'}).`);
  }
}

/** Shares on the ways out of decisions (and steps with several ways out): given, or equal. */
export function normaliseShares(draft: FlowDraft, note: Note): void {
  for (const n of draft.nodes) {
    const outs = draft.out(n.id);
    if (n.kind === 'split' && n.mode === 'inclusive') {
      inclusiveChances(n, outs, note);
      continue;
    }
    if ((n.kind === 'decision' && n.mode === 'class') || n.kind === 'split') {
      if (n.kind === 'split') for (const e of outs) delete e.probability;
      continue;
    }
    if (outs.length <= 1) {
      for (const e of outs) delete e.probability;
      continue;
    }
    const given = outs.filter((e) => e.probability !== undefined);
    const sum = given.reduce((s, e) => s + e.probability!, 0);
    if (given.length === outs.length && Math.abs(sum - 1) < 1e-6) continue;
    if (given.length > 0) note('warning', `The shares on the paths out of ${n.name} did not add up to 100 %: equal shares used.`, n.id);
    else note('info', `No shares on the paths out of "${n.name}": ${outs.length} equal shares of ${percent(1 / outs.length)} used.`, n.id);
    for (const e of outs) e.probability = 1 / outs.length;
  }
}

/** The share of cases an inclusive split sends along a path where the file gives none. */
export const INCLUSIVE_DEFAULT_CHANCE = 0.5;

/** Chances on an inclusive split's paths: each between 0 and 1 as given, else ½; at least one above 0. */
function inclusiveChances(n: FlowNode, outs: FlowEdge[], note: Note): void {
  const missing = outs.filter((e) => e.probability === undefined || !(e.probability >= 0 && e.probability <= 1));
  for (const e of missing) e.probability = INCLUSIVE_DEFAULT_CHANCE;
  if (outs.length > 0 && outs.every((e) => e.probability === 0)) {
    for (const e of outs) e.probability = INCLUSIVE_DEFAULT_CHANCE;
    note('warning', `Every path out of "${n.name}" had a chance of 0 %: ${percent(INCLUSIVE_DEFAULT_CHANCE)} each used.`, n.id);
  } else if (missing.length > 0) {
    note('info', `No chance on ${missing.length === outs.length ? 'the' : `${missing.length} of the`} paths out of "${n.name}": each taken by ${percent(INCLUSIVE_DEFAULT_CHANCE)} of the cases on its own (at least one is always taken).`, n.id);
  }
}

/** Lays nodes out left to right by their distance from the arrivals when the file had no layout. */
export function layoutIfNeeded(nodes: FlowNode[], edges: FlowEdge[], needed: boolean): void {
  if (!needed) return;
  const depth = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const ts = next.get(e.source);
    if (ts) ts.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const queue = nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id);
  queue.forEach((id) => depth.set(id, 0));
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const t of next.get(id) ?? [])
      if (!depth.has(t)) {
        depth.set(t, depth.get(id)! + 1);
        queue.push(t);
      }
  }
  const row = new Map<number, number>();
  for (const n of nodes) {
    const d = depth.get(n.id) ?? 0;
    const r = row.get(d) ?? 0;
    row.set(d, r + 1);
    n.position = { x: d * 230, y: r * 130 };
  }
}
