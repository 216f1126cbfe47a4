// Work in parallel: steps (or delays) that a case goes through one after the other, with nothing
// else in between but handoff delays, run at the same time instead. A parallel split takes the
// place where the case reached the first of them; each one (with the handoff that led to it) becomes
// a path of its own; a join collects them and sends the case on where the last one sent it. Each
// step still gets every case once, so the traffic at every step is unchanged; only the time a case
// takes changes (the longest path instead of the sum).
import type { Flow, FlowEdge, FlowNode } from '../schema';
import { fail, IdMaker, parallelPathNodes, quoteList, touchedNodes } from './helpers';
import type { MoveResult, ProjectInfo } from './types';

export interface ParallelOptions {
  project?: ProjectInfo;
}

export function runInParallel(flow: Flow, nodeIds: readonly string[], opts: ParallelOptions = {}): MoveResult {
  const ids = [...new Set(nodeIds)];
  if (ids.length < 2) return fail('Choose at least two steps to run at the same time.');
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  for (const id of ids) {
    const n = byId.get(id);
    if (!n) return fail(`There is no step "${id}" in this flow.`);
    if (n.kind !== 'step' && n.kind !== 'delay') return fail(`"${n.name}" is not a step or a delay: only work can run in parallel.`);
  }
  const parallel = parallelPathNodes(flow);
  const inside = ids.find((id) => parallel.has(id));
  if (inside) return fail(`"${byId.get(inside)!.name}" is already part of parallel work.`);
  const picked = new Set(ids);
  const outs = (id: string) => flow.edges.filter((e) => e.source === id);
  const ins = (id: string) => flow.edges.filter((e) => e.target === id);

  // Follow each chosen node to the next chosen one: through handoff delays with one way in and out.
  const link = new Map<string, { to: string; via: string[] }>();
  for (const id of ids) {
    const o = outs(id);
    if (o.length !== 1) continue;
    const via: string[] = [];
    let at = o[0]!.target;
    while (!picked.has(at)) {
      const n = byId.get(at);
      if (n?.kind !== 'delay' || ins(at).length !== 1 || outs(at).length !== 1 || via.length > 20) break;
      via.push(at);
      at = outs(at)[0]!.target;
    }
    if (picked.has(at) && at !== id) link.set(id, { to: at, via });
  }
  const linkedTo = new Set([...link.values()].map((l) => l.to));
  const starts = ids.filter((id) => !linkedTo.has(id));
  const names = quoteList(ids.map((id) => byId.get(id)!.name));
  const notInRow = fail(
    `${names} do not follow each other one after the other with nothing in between (only handoff delays may sit between them): choose steps that a case goes through in a row.`,
  );
  if (starts.length !== 1) return notInRow;
  const chain: string[] = [starts[0]!];
  while (link.has(chain.at(-1)!) && chain.length <= ids.length) chain.push(link.get(chain.at(-1)!)!.to);
  if (chain.length !== ids.length) return notInRow;
  // Inside the row nothing else may come in: each later node (and its handoffs) has one way in.
  for (let k = 1; k < chain.length; k++) {
    const l = link.get(chain[k - 1]!)!;
    const first = l.via[0] ?? chain[k]!;
    if (ins(first).length !== 1 || (l.via.length > 0 && ins(chain[k]!).length !== 1)) return notInRow;
  }
  const first = chain[0]!;
  const last = chain.at(-1)!;
  if (ins(first).length === 0) return fail(`Nothing leads into "${byId.get(first)!.name}".`);

  const idMaker = new IdMaker(flow, opts.project);
  const splitId = idMaker.node(`parallel-${first}`);
  const joinId = idMaker.node(`parallel-${last}-done`);
  const chainNames = chain.map((id) => byId.get(id)!.name);
  const a = byId.get(first)!.position;
  const z = byId.get(last)!.position;
  const added: FlowNode[] = [
    { id: splitId, kind: 'split', name: `Start all ${chain.length} at once`, position: { x: a.x - 170, y: a.y } },
    { id: joinId, kind: 'join', name: `All ${chain.length} done`, position: { x: z.x + 210, y: z.y } },
  ];
  // The row's own links (node → handoff → next node) go; the paths start at the split instead.
  const linkEdges = new Set<string>();
  const pathStarts: string[] = [first];
  for (let k = 0; k < chain.length - 1; k++) {
    const l = link.get(chain[k]!)!;
    linkEdges.add(outs(chain[k]!)[0]!.id);
    pathStarts.push(l.via[0] ?? chain[k + 1]!);
  }
  const edges: FlowEdge[] = [];
  for (const e of flow.edges) {
    if (linkEdges.has(e.id)) continue;
    // Into the row: into the split; out of its last node: out of the join (a loop back does both).
    edges.push({ ...e, ...(e.target === first ? { target: splitId } : {}), ...(e.source === last ? { source: joinId } : {}) });
  }
  for (const start of pathStarts) edges.push({ id: idMaker.edge(`${splitId}--${start}`), source: splitId, target: start });
  for (const id of chain) edges.push({ id: idMaker.edge(`${id}--${joinId}`), source: id, target: joinId });
  const next: Flow = { ...flow, nodes: [...flow.nodes, ...added], edges };
  return {
    ok: true,
    flow: next,
    description: `${quoteList(chainNames)} run at the same time instead of one after the other: a parallel split "${added[0]!.name}" starts them together and the case goes on from "${added[1]!.name}" when all are done.`,
    touched: touchedNodes(flow, next),
  };
}
