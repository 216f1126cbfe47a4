// Removing a step or a delay without changing where customers end up: each predecessor is
// connected to each successor with the product of the shares, p(pred → node) · p(node → succ).
// A loop from the node to itself is taken out first by scaling its other shares by 1 / (1 − p):
// a customer who goes round it still leaves along one of them in those proportions. A decision
// by class cannot split its customers by shares, so when one sends customers to a node that
// splits them further, a decision by shares takes the removed node's place for those customers.
// Parallel connections that result are joined (shares added). The traffic reaching every
// successor, class by class, is what it was.
import type { Flow, FlowEdge, FlowNode } from '../schema';
import { clip, cleanShare, fail, IdMaker, quoteList, tidyEdges, touchedNodes } from './helpers';
import { edgeShares, isClassDecision, outgoingEdges } from './routing';
import type { MoveResult, ProjectInfo } from './types';

export function removeStep(flow: Flow, nodeId: string, opts: { project?: ProjectInfo } = {}): MoveResult {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const node = byId.get(nodeId);
  if (!node) return fail(`There is no step "${nodeId}" in this flow.`);
  if (node.kind !== 'step' && node.kind !== 'delay') return fail(`"${node.name}" is not a step or a delay: only those can be removed this way.`);
  const outs = outgoingEdges(flow);
  const shares = edgeShares(node, outs.get(nodeId) ?? []);
  const onward = (outs.get(nodeId) ?? []).filter((e) => e.target !== nodeId);
  const stay = (outs.get(nodeId) ?? []).filter((e) => e.target === nodeId).reduce((s, e) => s + (shares.get(e.id) ?? 0), 0);
  if (onward.length === 0 || stay >= 1 - 1e-12) return fail(`"${node.name}" has no way out to connect its predecessors to.`);
  // Share of the node's customers that go on to each successor, the loop taken out.
  const next = new Map<string, { share: number; edge: FlowEdge }>();
  for (const e of onward) {
    const prev = next.get(e.target);
    next.set(e.target, { share: (prev?.share ?? 0) + (shares.get(e.id) ?? 0) / (1 - stay), edge: prev?.edge ?? e });
  }
  const targets = [...next.keys()];

  const idMaker = new IdMaker(flow, opts.project);
  const ins = flow.edges.filter((e) => e.target === nodeId && e.source !== nodeId);
  const byClass = ins.filter((e) => isClassDecision(byId.get(e.source)));
  const added: FlowNode[] = [];
  const edges: FlowEdge[] = flow.edges.filter((e) => e.source !== nodeId && e.target !== nodeId);
  const sources = new Set(ins.map((e) => e.source));
  let splitId: string | undefined;
  if (byClass.length > 0 && targets.length > 1) {
    splitId = idMaker.node(`${nodeId}-split`);
    added.push({ id: splitId, kind: 'decision', name: clip(`After ${node.name}`), mode: 'probability', position: { ...node.position } });
    sources.add(splitId);
    for (const [t, { share, edge }] of next) edges.push({ id: idMaker.edge(`${splitId}--${t}`), source: splitId, target: t, probability: cleanShare(share), ...(edge.label ? { label: edge.label } : {}) });
  }
  for (const e of ins) {
    const src = byId.get(e.source)!;
    if (isClassDecision(src)) {
      edges.push({ ...e, target: splitId ?? targets[0]! });
      continue;
    }
    const pIn = edgeShares(src, outs.get(src.id) ?? []).get(e.id) ?? 0;
    targets.forEach((t, i) => {
      const { share, edge } = next.get(t)!;
      const label = targets.length === 1 ? (e.label ?? edge.label) : (edge.label ?? e.label);
      edges.push({
        id: i === 0 ? e.id : idMaker.edge(`${e.source}--${t}`),
        source: e.source,
        target: t,
        probability: pIn * share,
        ...(e.classIds ? { classIds: e.classIds } : {}),
        ...(label ? { label } : {}),
      });
    });
  }
  const nodes = [...flow.nodes.filter((n) => n.id !== nodeId), ...added];
  const result: Flow = { ...flow, nodes, edges: tidyEdges(edges, nodes, sources) };
  const targetNames = targets.map((t) => byId.get(t)?.name ?? t);
  return {
    ok: true,
    flow: result,
    description:
      `Removed the ${node.kind} "${node.name}": ` +
      (ins.length > 0 ? `customers who came to it now go straight on to ${quoteList(targetNames)}${targets.length > 1 ? ', in the same shares' : ''}.` : 'no customers came to it.'),
    touched: touchedNodes(flow, result),
  };
}
