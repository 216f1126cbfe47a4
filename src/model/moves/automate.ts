// Automating a step. Automated work takes time but no staff, which in this file format is a
// delay, so the step's customers now pass a delay "… (automated)" with the automated time. If a
// share of the cases still needs a person (manualShare > 0), a decision after the automated part
// sends that share to the old step (kept, with `staffLeft` staff; by default its staff times the
// manual share, rounded up); the other cases go where the step used to send its customers, in
// the same shares (a step's loop back to itself — rework by a person — is not copied: automated
// work is not redone). With manualShare = 0 the step is gone; with 1 every case still goes on to
// it after the automated part.
import type { Distribution, Flow, FlowEdge, FlowNode } from '../schema';
import { clip, fail, formatShare, formatTime, IdMaker, tidyEdges, touchedNodes } from './helpers';
import { moments } from './moments';
import { edgeShares, outgoingEdges } from './routing';
import type { MoveResult, ProjectInfo } from './types';

export interface AutomateOptions {
  automatedTime: Distribution;
  /** Share (0…1) of cases that still need a person at the step. */
  manualShare: number;
  staffLeft?: number;
  project?: ProjectInfo;
}

export function automateStep(flow: Flow, stepId: string, opts: AutomateOptions): MoveResult {
  const step = flow.nodes.find((n) => n.id === stepId);
  if (step?.kind !== 'step') return fail('Choose a step to automate.');
  const manual = opts.manualShare;
  if (!(manual >= 0 && manual <= 1)) return fail('The share of cases that still need a person must be between 0 and 100 %.');
  const staffLeft = opts.staffLeft ?? Math.max(1, Math.ceil(step.staff * manual - 1e-9));
  if (manual > 0 && !(Number.isInteger(staffLeft) && staffLeft >= 1)) return fail('The cases that still need a person need at least one member of staff.');
  const outs = outgoingEdges(flow).get(stepId) ?? [];
  const shares = edgeShares(step, outs);
  const onward = outs.filter((e) => e.target !== stepId);
  const stay = outs.filter((e) => e.target === stepId).reduce((s, e) => s + (shares.get(e.id) ?? 0), 0);
  if (onward.length === 0 || stay >= 1 - 1e-12) return fail(`"${step.name}" has no way out to send automated cases along.`);

  const idMaker = new IdMaker(flow, opts.project);
  const autoId = idMaker.node(`${stepId}-automated`);
  const auto: FlowNode = { id: autoId, kind: 'delay', name: clip(`${step.name} (automated)`), departmentId: step.departmentId, duration: opts.automatedTime, position: { ...step.position } };
  const sources = new Set<string>([autoId]);
  const edges: FlowEdge[] = [];
  for (const e of flow.edges) {
    if (e.target === stepId && e.source !== stepId) {
      edges.push({ ...e, target: autoId });
      sources.add(e.source);
    } else if (e.source !== stepId || manual > 0) edges.push(e);
  }
  const added: FlowNode[] = [auto];
  let nodes: FlowNode[];
  const goOn = (from: string, scale: number, reuseIds: boolean) =>
    onward.map((e) => ({ ...e, id: reuseIds ? e.id : idMaker.edge(`${from}--${e.target}`), source: from, probability: (scale * (shares.get(e.id) ?? 0)) / (1 - stay) }));
  if (manual === 0) {
    nodes = [...flow.nodes.filter((n) => n.id !== stepId), ...added];
    edges.push(...goOn(autoId, 1, true));
  } else {
    const moved = flow.nodes.map((n) => (n.id === stepId && n.kind === 'step' ? { ...n, staff: staffLeft, position: { x: n.position.x + 110, y: n.position.y + 110 } } : n));
    if (manual === 1) {
      edges.push({ id: idMaker.edge(`${autoId}--${stepId}`), source: autoId, target: stepId });
    } else {
      const needsId = idMaker.node(`${stepId}-needs-person`);
      added.push({ id: needsId, kind: 'decision', name: clip(`${step.name}: needs a person?`), mode: 'probability', position: { x: step.position.x + 110, y: step.position.y } });
      edges.push({ id: idMaker.edge(`${autoId}--${needsId}`), source: autoId, target: needsId });
      edges.push({ id: idMaker.edge(`${needsId}--${stepId}`), source: needsId, target: stepId, probability: manual, label: 'needs a person' });
      edges.push(...goOn(needsId, 1 - manual, false));
      sources.add(needsId);
    }
    nodes = [...moved, ...added];
  }
  const result: Flow = { ...flow, nodes, edges: tidyEdges(edges, nodes, sources) };
  const unit = opts.project?.timeUnit;
  return {
    ok: true,
    flow: result,
    description:
      `Automated "${step.name}": its customers now pass an automated step taking about ${formatTime(moments(opts.automatedTime).mean, unit)} without staff` +
      (manual === 0
        ? `; the step and its ${step.staff} staff are no longer needed.`
        : `; ${formatShare(manual)} of the cases still need a person at "${step.name}" (${staffLeft} staff, was ${step.staff}).`),
    touched: touchedNodes(flow, result),
  };
}
