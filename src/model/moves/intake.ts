// Check documents at intake: a rework decision late in the flow (a decision with a way that
// loops back) is partly moved to the start.
//
// The model. Let r be the share the late decision sends back (its rework share) and s the
// residual share (0…1): the part of that rework that still only shows late.
// - A new intake check step is put right after the arrivals; every arriving customer passes it.
// - After it, a decision sends (1 − s)·r of the customers to a delay "Customer supplies the
//   missing documents" and back into the intake check; the others go on to where the arrivals
//   used to send them, in the same shares. Each pass through the check is an independent look at
//   the file, as the late decision is.
// - The late decision now sends back s·r; its other ways keep their proportions, scaled up to
//   fill the rest: q → q · (1 − s·r) / (1 − r). With s = 0 the late loop goes (and the nodes only
//   it reached).
// - Times: the intake check takes `intakeTime`, by default the time of the step just before the
//   late decision (the same check, done earlier); the customer's time to bring the documents is
//   `customerTime`, by default the first delay on the late rework loop.
// - Staff of the check: `staff`, by default the fewest that keep it at most 80 % busy.
// Every customer still leaves the flow, so the throughput to the exits is unchanged.
import type { Distribution, Flow, FlowEdge, FlowNode, StepNode } from '../schema';
import { clip, cleanShare, fail, formatShare, IdMaker, reachable, tidyEdges, touchedNodes } from './helpers';
import { moments } from './moments';
import { arrivalRate, edgeShares, outgoingEdges } from './routing';
import type { MoveResult, ProjectInfo } from './types';

export interface IntakeOptions {
  /** Share (0…1) of the rework that still happens late. */
  residualShare: number;
  intakeStepName?: string;
  intakeTime?: Distribution;
  /** How long customers take to supply the missing documents. */
  customerTime?: Distribution;
  staff?: number;
  departmentId?: string;
  project?: ProjectInfo;
}

const TARGET_LOAD = 0.8;

export function checkAtIntake(flow: Flow, checkDecisionId: string, opts: IntakeOptions): MoveResult {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const decision = byId.get(checkDecisionId);
  if (decision?.kind !== 'decision' || decision.mode !== 'probability') return fail('Choose a decision that sends a share of customers back (rework).');
  const residual = opts.residualShare;
  if (!(residual >= 0 && residual <= 1)) return fail('The share of rework that still happens late must be between 0 and 100 %.');
  const outs = outgoingEdges(flow);
  const decisionOuts = outs.get(decision.id) ?? [];
  const rework = decisionOuts.filter((e) => reachable(flow, [e.target]).has(decision.id));
  if (rework.length === 0) return fail(`"${decision.name}" sends nobody back: there is no rework loop to move to intake.`);
  const shares = edgeShares(decision, decisionOuts);
  const r = rework.reduce((s, e) => s + (shares.get(e.id) ?? 0), 0);
  if (!(r > 0 && r < 1)) return fail(`"${decision.name}" must send some customers back and some on (its rework share is ${formatShare(r)}).`);

  const arrivals = flow.nodes.filter((n) => n.kind === 'arrivals');
  if (arrivals.length === 0) return fail('The flow has no arrivals to put an intake check after.');
  const routing = (id: string) => {
    const node = byId.get(id)!;
    const m = new Map<string, number>();
    const s = edgeShares(node, outs.get(id) ?? []);
    for (const e of outs.get(id) ?? []) m.set(e.target, (m.get(e.target) ?? 0) + (s.get(e.id) ?? 0));
    return m;
  };
  const startRouting = routing(arrivals[0]!.id);
  if (startRouting.size === 0) return fail(`"${arrivals[0]!.name}" sends customers nowhere yet.`);
  for (const a of arrivals.slice(1)) {
    const m = routing(a.id);
    if (m.size !== startRouting.size || [...m].some(([t, p]) => Math.abs((startRouting.get(t) ?? -1) - p) > 1e-9))
      return fail('The arrivals send customers to different places: put the intake check in by hand.');
  }

  const lateStep = flow.edges
    .filter((e) => e.target === decision.id)
    .map((e) => byId.get(e.source))
    .find((n): n is StepNode => n?.kind === 'step');
  const intakeTime = opts.intakeTime ?? lateStep?.service;
  if (!intakeTime) return fail('Say how long the intake check takes.');
  const loopDelay = (() => {
    const seen = new Set<string>();
    const queue = rework.map((e) => e.target);
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id) || id === decision.id) continue;
      seen.add(id);
      const n = byId.get(id);
      if (n?.kind === 'delay') return n;
      for (const e of outs.get(id) ?? []) queue.push(e.target);
    }
    return undefined;
  })();
  const customerTime = opts.customerTime ?? loopDelay?.duration;
  if (!customerTime) return fail('Say how long customers take to supply the missing documents.');
  const firstStep = [...startRouting.keys()].map((t) => byId.get(t)).find((n): n is StepNode => n?.kind === 'step');
  const departmentId = opts.departmentId ?? firstStep?.departmentId ?? lateStep?.departmentId ?? flow.departments[0]?.id;
  if (departmentId === undefined || !flow.departments.some((d) => d.id === departmentId)) return fail('Choose the department that does the intake check.');

  const early = (1 - residual) * r;
  const late = residual * r;
  let staff = opts.staff;
  if (staff === undefined) {
    const lambda = arrivals.reduce((s, a) => s + (a.kind === 'arrivals' ? arrivalRate(a, opts.project?.timeUnit ?? 'minutes') : 0), 0);
    const load = (lambda / (1 - early)) * moments(intakeTime).mean;
    staff = Math.max(1, Math.ceil(load / TARGET_LOAD - 1e-9));
  }
  if (!(Number.isInteger(staff) && staff >= 1)) return fail('The intake check needs a whole number of staff, at least 1.');

  const idMaker = new IdMaker(flow, opts.project);
  const at = arrivals[0]!.position;
  const checkId = idMaker.node('intake-check');
  const check: StepNode = {
    id: checkId,
    kind: 'step',
    name: clip(opts.intakeStepName?.trim() || 'Intake check'),
    position: { x: at.x + 110, y: at.y },
    departmentId,
    staff,
    service: intakeTime,
    discipline: 'fifo',
  };
  const added: FlowNode[] = [check];
  const edges: FlowEdge[] = [];
  const sources = new Set<string>([checkId, decision.id]);
  for (const e of flow.edges) {
    if (byId.get(e.source)?.kind === 'arrivals') continue;
    if (e.source !== decision.id) edges.push(e);
    else {
      const s = shares.get(e.id) ?? 0;
      edges.push({ ...e, probability: rework.includes(e) ? s * residual : (s * (1 - late)) / (1 - r) });
    }
  }
  for (const a of arrivals) {
    const old = outs.get(a.id)?.[0];
    edges.push({ id: old?.id ?? idMaker.edge(`${a.id}--${checkId}`), source: a.id, target: checkId });
    sources.add(a.id);
  }
  let onward = checkId;
  if (early > 0) {
    const completeId = idMaker.node('intake-documents-complete');
    const supplyId = idMaker.node('intake-missing-documents');
    added.push(
      { id: completeId, kind: 'decision', name: 'Documents complete at intake?', mode: 'probability', position: { x: at.x + 220, y: at.y } },
      { id: supplyId, kind: 'delay', name: 'Customer supplies the missing documents', departmentId, duration: customerTime, position: { x: at.x + 220, y: at.y + 110 } },
    );
    edges.push({ id: idMaker.edge(`${checkId}--${completeId}`), source: checkId, target: completeId });
    edges.push({ id: idMaker.edge(`${completeId}--${supplyId}`), source: completeId, target: supplyId, probability: cleanShare(early), label: 'documents missing' });
    edges.push({ id: idMaker.edge(`${supplyId}--${checkId}`), source: supplyId, target: checkId });
    sources.add(completeId);
    onward = completeId;
  }
  for (const [t, p] of startRouting) edges.push({ id: idMaker.edge(`${onward}--${t}`), source: onward, target: t, probability: (1 - early) * p, ...(onward !== checkId ? { label: 'complete' } : {}) });
  sources.add(onward);

  let nodes: FlowNode[] = [...flow.nodes, ...added];
  let result: Flow = { ...flow, nodes, edges: tidyEdges(edges, nodes, sources) };
  if (late === 0) {
    // The late loop is gone: so are the nodes only it reached.
    const gone = new Set(rework.map((e) => e.id));
    const kept = result.edges.filter((e) => !gone.has(e.id));
    const live = reachable({ ...result, edges: kept }, result.nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id));
    const before = reachable(flow, arrivals.map((n) => n.id));
    nodes = result.nodes.filter((n) => live.has(n.id) || !before.has(n.id) && !added.includes(n));
    const ids = new Set(nodes.map((n) => n.id));
    result = { ...result, nodes, edges: tidyEdges(kept.filter((e) => ids.has(e.source) && ids.has(e.target)), nodes, new Set([decision.id])) };
  }
  const dept = flow.departments.find((d) => d.id === departmentId)!.name;
  return {
    ok: true,
    flow: result,
    description:
      `Documents checked at intake: a new step "${check.name}" (${staff} staff, ${dept}) right after the arrivals` +
      (early > 0 ? ` sends ${formatShare(early)} of customers to supply missing documents at once` : '') +
      `; "${decision.name}" now sends back ${formatShare(late)} instead of ${formatShare(r)}.`,
    touched: touchedNodes(flow, result),
  };
}
