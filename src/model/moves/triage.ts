// A triage fast lane: a decision just before a step sends some customers — chosen classes (a
// decision by class) or a share of all (a decision by shares) — to a new step next to it with
// its own staff. The fast lane routes on exactly like the original step (its loop back to
// itself, if any, becomes the fast lane's own loop), so where customers end up is unchanged.
// The step's own loop back to itself does not pass the triage again: customers in rework stay in
// their lane.
import type { Distribution, Flow, FlowEdge, FlowNode, StepNode } from '../schema';
import { clip, fail, formatShare, IdMaker, quoteList, tidyEdges, touchedNodes } from './helpers';
import type { MoveResult, ProjectInfo } from './types';

export interface FastLaneOptions {
  /** The classes that take the fast lane (a decision by class)… */
  byClassIds?: string[];
  /** …or the share (between 0 and 1) of all customers that take it. */
  share?: number;
  staff: number;
  /** Time per customer in the fast lane; default: the step's own times. */
  service?: Distribution;
  name?: string;
  project?: ProjectInfo;
}

export function fastLane(flow: Flow, stepId: string, opts: FastLaneOptions): MoveResult {
  const step = flow.nodes.find((n) => n.id === stepId);
  if (step?.kind !== 'step') return fail('Choose the step that gets a fast lane.');
  const byClass = (opts.byClassIds?.length ?? 0) > 0;
  const classIds = [...new Set(opts.byClassIds ?? [])];
  const classes = opts.project?.classes;
  if (byClass && opts.share !== undefined) return fail('Send customers to the fast lane by class or by share, not both.');
  if (byClass && classes) {
    const unknown = classIds.filter((c) => !classes.some((k) => k.id === c));
    if (unknown.length > 0) return fail(`There is no customer class ${quoteList(unknown)}.`);
    if (classes.every((k) => classIds.includes(k.id))) return fail('Leave at least one class of customers in the normal lane.');
  }
  const share = opts.share ?? 0;
  if (!byClass && !(share > 0 && share < 1)) return fail('Say who takes the fast lane: some classes of customers, or a share between 0 and 100 %.');
  if (!(Number.isInteger(opts.staff) && opts.staff >= 1)) return fail('The fast lane needs a whole number of staff, at least 1.');

  const idMaker = new IdMaker(flow, opts.project);
  const triageId = idMaker.node(`${stepId}-triage`);
  const fastId = idMaker.node(`${stepId}-fast-lane`);
  const { serviceByClass, ...stepFields } = step;
  const fast: StepNode = {
    ...stepFields,
    id: fastId,
    name: clip(opts.name?.trim() || `${step.name} (fast lane)`),
    staff: opts.staff,
    service: opts.service ?? step.service,
    ...(opts.service === undefined && serviceByClass ? { serviceByClass } : {}),
    position: { x: step.position.x, y: step.position.y + 110 },
  };
  const triage: FlowNode = { id: triageId, kind: 'decision', name: clip(`Triage before ${step.name}`), mode: byClass ? 'class' : 'probability', position: { x: step.position.x - 110, y: step.position.y } };
  const sources = new Set<string>([triageId, fastId]);
  const edges: FlowEdge[] = [];
  for (const e of flow.edges) {
    if (e.target === stepId && e.source !== stepId) {
      edges.push({ ...e, target: triageId });
      sources.add(e.source);
    } else edges.push(e);
  }
  const className = (id: string) => classes?.find((k) => k.id === id)?.name ?? id;
  if (byClass) {
    edges.push({ id: idMaker.edge(`${triageId}--${fastId}`), source: triageId, target: fastId, classIds, label: 'fast lane' });
    edges.push({ id: idMaker.edge(`${triageId}--${stepId}`), source: triageId, target: stepId });
  } else {
    edges.push({ id: idMaker.edge(`${triageId}--${fastId}`), source: triageId, target: fastId, probability: share, label: 'fast lane' });
    edges.push({ id: idMaker.edge(`${triageId}--${stepId}`), source: triageId, target: stepId, probability: 1 - share });
  }
  for (const e of flow.edges.filter((x) => x.source === stepId)) {
    const target = e.target === stepId ? fastId : e.target;
    edges.push({ ...e, id: idMaker.edge(`${fastId}--${target}`), source: fastId, target });
  }
  const nodes = [...flow.nodes, triage, fast];
  const result: Flow = { ...flow, nodes, edges: tidyEdges(edges, nodes, sources) };
  return {
    ok: true,
    flow: result,
    description:
      `Fast lane at "${step.name}": ${byClass ? `${quoteList(classIds.map(className))} customers go` : `${formatShare(share)} of customers go`} ` +
      `to a new step "${fast.name}" with ${fast.staff} staff of its own, and on from there as before.`,
    touched: touchedNodes(flow, result),
  };
}
