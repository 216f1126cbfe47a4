// Restructuring moves: the changes consultants propose, as pure functions from a flow to a new
// flow plus a sentence saying what was done. None mutates its input; each keeps the ids of the
// steps it does not replace, so results can be matched with the baseline step by step.
//
// Modelling choices (also in docs/model-format.md, "Restructuring moves"):
// - Merging steps: the merged step's time per customer is the sum of the old steps' times,
//   weighted by how often a customer entering the group visited each (so rework inside the group
//   counts), and its spread adds the variances the same way (the parts are taken as
//   independent); it is drawn from a gamma distribution with that mean and sd. Staff are pooled
//   (added). Handoff delays and decisions that only connected the merged steps disappear; where
//   customers go after the merged step is what the old group sent them to, in the same shares.
//   Queue rules (discipline, capacity, patience) are the first step's; per-class times are dropped.
// - Single point of contact: a new front-office step right after the arrivals does the work of
//   the customer-facing steps it takes over (their times summed per customer as above); those
//   steps are removed and their neighbours reconnected, so the rest of the flow is unchanged.
// - Check documents at intake: after the intake step a share (1 − residual) of the late check's
//   rework probability is caught at once and loops back to intake through a "customer completes
//   the documents" delay; the late decision keeps only the residual share of its rework.
import type { Department, Distribution, Flow, FlowEdge, FlowNode, StepNode } from '../schema';
import { MINUTES_PER_UNIT } from '../schema';
import { distributionMean, distributionVariance, edgeShares, groupPassage, nodeRates, timeWith, type MoveContext } from './routing';

export type { MoveContext };

export type MoveResult = { ok: true; flow: Flow; description: string; touched: string[] } | { ok: false; message: string };

const UNIT: Record<MoveContext['timeUnit'], string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' };
const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10);
const quote = (names: string[]) => (names.length <= 1 ? `"${names[0] ?? ''}"` : `${names.slice(0, -1).map((n) => `"${n}"`).join(', ')} and "${names.at(-1)}"`);
const fail = (message: string): MoveResult => ({ ok: false, message });

function uniqueId(flow: Flow, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...flow.nodes.map((n) => n.id), ...flow.edges.map((e) => e.id), ...flow.departments.map((d) => d.id), ...taken]);
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'node';
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

const cut = (name: string) => (name.length <= 120 ? name : name.slice(0, 119) + '…');

/** Edges with the same source and target become one (probabilities added; class lists joined). */
function mergeParallel(edges: FlowEdge[], nodes: FlowNode[]): FlowEdge[] {
  const out: FlowEdge[] = [];
  const key = new Map<string, FlowEdge>();
  for (const e of edges) {
    const k = `${e.source}\u0000${e.target}`;
    const prev = key.get(k);
    if (!prev) {
      const copy = { ...e };
      key.set(k, copy);
      out.push(copy);
      continue;
    }
    if (prev.probability !== undefined || e.probability !== undefined) prev.probability = (prev.probability ?? 0) + (e.probability ?? 0);
    if (prev.classIds && prev.classIds.length > 0 && e.classIds && e.classIds.length > 0) prev.classIds = [...new Set([...prev.classIds, ...e.classIds])];
    else if (prev.classIds || e.classIds) delete prev.classIds; // one of them was the default route
  }
  // A node with a single way out needs no share on it.
  for (const n of nodes) {
    const outs = out.filter((e) => e.source === n.id);
    if (outs.length === 1 && !(n.kind === 'decision' && n.mode === 'class')) delete outs[0]!.probability;
    else for (const e of outs) if (e.probability !== undefined) e.probability = Math.min(1, Math.max(0, Number(e.probability.toFixed(12))));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Remove a step

/** Removes a step or delay and connects each predecessor to each successor (shares multiplied). */
export function removeStep(flow: Flow, nodeId: string, ctx: MoveContext): MoveResult {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (!node || (node.kind !== 'step' && node.kind !== 'delay')) return fail('Choose a step or a delay to remove.');
  const ins = flow.edges.filter((e) => e.target === nodeId && e.source !== nodeId);
  const outs = edgeShares(flow, node, ctx).filter((x) => x.edge.target !== nodeId);
  const stay = outs.reduce((s, x) => s + x.share, 0);
  if (outs.length === 0 || stay <= 0) return fail(`"${node.name}" has no way out to reconnect to.`);
  for (const e of ins) {
    const src = flow.nodes.find((n) => n.id === e.source);
    if (src?.kind === 'decision' && src.mode === 'class' && outs.length > 1)
      return fail(`"${src.name}" routes customers to "${node.name}" by class and "${node.name}" splits them further: remove it by hand.`);
  }
  const taken = new Set<string>();
  const edges: FlowEdge[] = flow.edges.filter((e) => e.source !== nodeId && e.target !== nodeId);
  for (const e of ins) {
    for (const { edge: o, share } of outs) {
      const id = uniqueId(flow, `${e.source}-${o.target}`, taken);
      taken.add(id);
      const p = (e.probability ?? 1) * (share / stay);
      edges.push({ id, source: e.source, target: o.target, ...(e.probability !== undefined || outs.length > 1 ? { probability: p } : {}), ...(e.classIds ? { classIds: e.classIds } : {}), ...(e.label ? { label: e.label } : {}) });
    }
  }
  const nodes = flow.nodes.filter((n) => n.id !== nodeId);
  return {
    ok: true,
    flow: { ...flow, nodes, edges: mergeParallel(edges, nodes) },
    description: `Removed ${node.kind} "${node.name}"; what came into it now goes straight on, with the same shares.`,
    touched: [...new Set(ins.map((e) => e.source))],
  };
}

// ---------------------------------------------------------------------------------------------
// Merge steps

/** Delays and decisions that only connect members of `steps` (they disappear in a merge). */
function connectors(flow: Flow, steps: Set<string>): Set<string> {
  const inside = new Set(flow.nodes.filter((n) => (n.kind === 'delay' || n.kind === 'decision') && !steps.has(n.id)).map((n) => n.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of inside) {
      const ins = flow.edges.filter((e) => e.target === id);
      const outs = flow.edges.filter((e) => e.source === id);
      const ok = (x: string) => steps.has(x) || inside.has(x);
      if (ins.length === 0 || outs.length === 0 || !ins.every((e) => ok(e.source)) || !outs.every((e) => ok(e.target))) {
        inside.delete(id);
        changed = true;
      }
    }
  }
  return inside;
}

export interface MergeOptions {
  name?: string;
  departmentId?: string;
}

export function mergeSteps(flow: Flow, stepIds: string[], ctx: MoveContext, opts: MergeOptions = {}): MoveResult {
  const ids = [...new Set(stepIds)];
  if (ids.length < 2) return fail('Choose at least two steps to merge.');
  const steps = ids.map((id) => flow.nodes.find((n) => n.id === id));
  if (steps.some((s) => s?.kind !== 'step')) return fail('Only steps (with staff) can be merged.');
  const members = steps as StepNode[];
  const first = members[0]!;
  const stepSet = new Set(ids);
  const links = connectors(flow, stepSet);
  const group = [...ids, ...links];
  const inGroup = new Set(group);

  // Where customers enter the group, in proportion to the traffic on each entry edge.
  const rates = nodeRates(flow, ctx);
  const entry = new Map<string, number>();
  let entering = 0;
  for (const n of flow.nodes) {
    if (inGroup.has(n.id)) continue;
    for (const { edge, share } of edgeShares(flow, n, ctx)) {
      if (!inGroup.has(edge.target)) continue;
      const w = (rates.get(n.id) ?? 0) * share;
      entry.set(edge.target, (entry.get(edge.target) ?? 0) + w);
      entering += w;
    }
  }
  if (entering <= 0) {
    entry.clear();
    entry.set(first.id, 1);
  } else for (const [k, v] of entry) entry.set(k, v / entering);
  const { visits, exits } = groupPassage(flow, group, entry, ctx);

  let mean = 0;
  let variance = 0;
  for (const s of members) {
    const v = visits.get(s.id) ?? 0;
    mean += v * distributionMean(s.service);
    variance += v * distributionVariance(s.service);
  }
  const staff = members.reduce((sum, s) => sum + s.staff, 0);
  const name = cut(opts.name?.trim() || members.map((s) => s.name).join(' + '));
  const departmentId = opts.departmentId ?? first.departmentId;
  const merged: StepNode = {
    ...first,
    name,
    departmentId,
    staff,
    service: timeWith(mean, variance),
    serviceByClass: undefined,
  };
  delete merged.serviceByClass;

  const taken = new Set<string>();
  const edges: FlowEdge[] = [];
  for (const e of flow.edges) {
    const fromIn = inGroup.has(e.source);
    const toIn = inGroup.has(e.target);
    if (!fromIn && !toIn) edges.push(e);
    else if (!fromIn && toIn) edges.push({ ...e, target: first.id });
  }
  const exitList = [...exits].filter(([, p]) => p > 1e-12);
  const exitTotal = exitList.reduce((s, [, p]) => s + p, 0) || 1;
  for (const [target, p] of exitList) {
    const id = uniqueId(flow, `${first.id}-${target}`, taken);
    taken.add(id);
    edges.push({ id, source: first.id, target, ...(exitList.length > 1 ? { probability: p / exitTotal } : {}) });
  }
  const nodes = flow.nodes.filter((n) => !inGroup.has(n.id) || n.id === first.id).map((n) => (n.id === first.id ? merged : n));
  const removedLinks = flow.nodes.filter((n) => links.has(n.id) && n.kind === 'delay').map((n) => n.name);
  const oldMeans = members.map((s) => round(distributionMean(s.service))).join(' + ');
  return {
    ok: true,
    flow: { ...flow, nodes, edges: mergeParallel(edges, nodes) },
    description:
      `Merged ${quote(members.map((s) => s.name))} into one step "${name}" with ${staff} staff (pooled); time per customer about ${round(mean)} ${UNIT[ctx.timeUnit]} on average (was ${oldMeans})` +
      (removedLinks.length > 0 ? `; handoffs removed: ${quote(removedLinks)}` : '') +
      '.',
    touched: [first.id],
  };
}

// ---------------------------------------------------------------------------------------------
// Merge departments

/** The step that follows `step` directly (through handoff delays in `depts` only), if unique. */
function nextStepInDepartments(flow: Flow, step: StepNode, depts: Set<string>): StepNode | undefined {
  const seen = new Set<string>([step.id]);
  let current: FlowNode = step;
  for (;;) {
    const outs = flow.edges.filter((e) => e.source === current.id);
    if (outs.length !== 1) return undefined;
    const next = flow.nodes.find((n) => n.id === outs[0]!.target);
    if (!next || seen.has(next.id)) return undefined;
    if (flow.edges.filter((e) => e.target === next.id).length !== 1) return undefined;
    seen.add(next.id);
    if (next.kind === 'step') return depts.has(next.departmentId) ? next : undefined;
    if (next.kind !== 'delay' || !next.departmentId || !depts.has(next.departmentId)) return undefined;
    current = next;
  }
}

export function mergeDepartments(flow: Flow, departmentIds: string[], ctx: MoveContext, opts: { name?: string } = {}): MoveResult {
  const ids = [...new Set(departmentIds)];
  if (ids.length < 2) return fail('Choose at least two departments to merge.');
  const depts = ids.map((id) => flow.departments.find((d) => d.id === id));
  if (depts.some((d) => !d)) return fail('One of the departments does not exist in this scenario.');
  const keep = depts[0]!;
  const name = cut(opts.name?.trim() || depts.map((d) => d!.name).join(' + '));
  const set = new Set(ids);
  const departments: Department[] = flow.departments.filter((d) => !set.has(d.id) || d.id === keep.id).map((d) => (d.id === keep.id ? { ...d, name } : d));
  let current: Flow = {
    ...flow,
    departments,
    nodes: flow.nodes.map((n) => ((n.kind === 'step' || n.kind === 'delay') && n.departmentId && set.has(n.departmentId) ? { ...n, departmentId: keep.id } : n)),
  };
  // Steps that now follow each other inside the one department are pooled into one step.
  const pooled: string[] = [];
  const only = new Set([keep.id]);
  for (let guard = 0; guard < 100; guard++) {
    let done = true;
    for (const n of current.nodes) {
      if (n.kind !== 'step' || n.departmentId !== keep.id) continue;
      const next = nextStepInDepartments(current, n, only);
      if (!next) continue;
      const r = mergeSteps(current, [n.id, next.id], ctx);
      if (!r.ok) continue;
      current = r.flow;
      pooled.push(r.description.replace(/^Merged /, '').replace(/ into one step .*$/, '') + ` → "${current.nodes.find((x) => x.id === n.id)!.name}"`);
      done = false;
      break;
    }
    if (done) break;
  }
  return {
    ok: true,
    flow: current,
    description: `Merged departments ${quote(depts.map((d) => d!.name))} into "${name}"` + (pooled.length > 0 ? `; steps that follow each other pooled their staff: ${pooled.join('; ')}` : '; no steps followed each other directly, so every step keeps its own staff') + '.',
    touched: current.nodes.filter((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === keep.id).map((n) => n.id),
  };
}

// ---------------------------------------------------------------------------------------------
// Single point of contact

export function singlePointOfContact(flow: Flow, stepIds: string[], ctx: MoveContext, opts: { name?: string; staff?: number; departmentName?: string } = {}): MoveResult {
  const ids = [...new Set(stepIds)];
  const steps = ids.map((id) => flow.nodes.find((n) => n.id === id));
  if (ids.length === 0 || steps.some((s) => s?.kind !== 'step')) return fail('Choose the customer-facing steps the front office takes over.');
  const arrivals = flow.nodes.filter((n) => n.kind === 'arrivals');
  if (arrivals.length === 0) return fail('The flow has no arrivals.');
  const rates = nodeRates(flow, ctx);
  const total = arrivals.reduce((s, a) => s + (rates.get(a.id) ?? 0), 0) || 1;
  let mean = 0;
  let variance = 0;
  for (const s of steps as StepNode[]) {
    const v = (rates.get(s.id) ?? 0) / total; // visits per customer
    mean += v * distributionMean(s.service);
    variance += v * distributionVariance(s.service);
  }
  const staff = opts.staff ?? (steps as StepNode[]).reduce((s, x) => s + x.staff, 0);
  const deptName = opts.departmentName?.trim() || 'Front office';
  const existing = flow.departments.find((d) => d.name.toLowerCase() === deptName.toLowerCase());
  const deptId = existing?.id ?? uniqueId(flow, 'front-office');
  const frontId = uniqueId(flow, 'front-desk');
  const firstArrivals = arrivals[0]!;
  const front: StepNode = {
    id: frontId,
    kind: 'step',
    name: cut(opts.name?.trim() || 'Front desk (single point of contact)'),
    position: { x: firstArrivals.position.x + 220, y: firstArrivals.position.y },
    departmentId: deptId,
    staff,
    service: timeWith(mean, variance),
    discipline: 'fifo',
  };
  // Arrivals → front desk → wherever the arrivals used to send customers.
  const edges: FlowEdge[] = [];
  const taken = new Set<string>();
  for (const e of flow.edges) {
    if (arrivals.some((a) => a.id === e.source)) {
      edges.push({ ...e, source: frontId, id: uniqueId(flow, `${frontId}-${e.target}`, taken) });
      taken.add(edges.at(-1)!.id);
    } else edges.push(e);
  }
  for (const a of arrivals) {
    const id = uniqueId(flow, `${a.id}-${frontId}`, taken);
    taken.add(id);
    edges.push({ id, source: a.id, target: frontId });
  }
  const departments = existing ? flow.departments : [...flow.departments, { id: deptId, name: deptName, color: '#76b7b2' }];
  let current: Flow = { departments, nodes: [...flow.nodes, front], edges: mergeParallel(edges, [...flow.nodes, front]) };
  for (const id of ids) {
    const r = removeStep(current, id, ctx);
    if (!r.ok) return r;
    current = r.flow;
  }
  const names = (steps as StepNode[]).map((s) => s.name);
  return {
    ok: true,
    flow: current,
    description: `Single point of contact: a new step "${front.name}" (${staff} staff, department "${deptName}") right after the arrivals does the customer-facing work of ${quote(names)}, about ${round(mean)} ${UNIT[ctx.timeUnit]} per customer; those steps are gone and the back office is unchanged.`,
    touched: [frontId],
  };
}

// ---------------------------------------------------------------------------------------------
// Check documents at intake

export function checkAtIntake(
  flow: Flow,
  decisionId: string,
  ctx: MoveContext,
  opts: { residualShare: number; intakeStepId?: string; reworkEdgeId?: string },
): MoveResult {
  const decision = flow.nodes.find((n) => n.id === decisionId);
  if (!decision || decision.kind !== 'decision' || decision.mode !== 'probability') return fail('Choose a decision that sends a share of customers back (rework).');
  const residual = Math.min(1, Math.max(0, opts.residualShare));
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const x = stack.pop()!;
      if (x === to) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const e of flow.edges) if (e.source === x) stack.push(e.target);
    }
    return false;
  };
  const outs = flow.edges.filter((e) => e.source === decisionId);
  const rework = opts.reworkEdgeId ? outs.find((e) => e.id === opts.reworkEdgeId) : outs.find((e) => reaches(e.target, decisionId));
  if (!rework) return fail(`"${decision.name}" sends nobody back: there is no rework loop to move.`);
  const shares = new Map(edgeShares(flow, decision, ctx).map((x) => [x.edge.id, x.share]));
  const r = shares.get(rework.id) ?? 0;
  if (!(r > 0 && r < 1)) return fail(`The rework share at "${decision.name}" must be between 0 and 100 %.`);
  // Intake: the given step, else the first step after the arrivals.
  let intake = opts.intakeStepId ? flow.nodes.find((n) => n.id === opts.intakeStepId) : undefined;
  if (!intake) {
    const start = flow.nodes.find((n) => n.kind === 'arrivals');
    const queue = start ? [start.id] : [];
    const seen = new Set<string>();
    while (queue.length && !intake) {
      const x = queue.shift()!;
      if (seen.has(x)) continue;
      seen.add(x);
      const n = flow.nodes.find((y) => y.id === x);
      if (n?.kind === 'step') intake = n;
      else for (const e of flow.edges) if (e.source === x) queue.push(e.target);
    }
  }
  if (!intake || intake.kind !== 'step') return fail('There is no intake step to move the check to.');
  // The time the customer takes to complete the documents: the delay on the late rework loop.
  const loopDelay = flow.nodes.find((n) => n.id === rework.target && n.kind === 'delay');
  const fixTime: Distribution = loopDelay && loopDelay.kind === 'delay' ? loopDelay.duration : { kind: 'exponential', mean: 1440 / MINUTES_PER_UNIT[ctx.timeUnit] };
  const early = (1 - residual) * r;
  const late = residual * r;
  const taken = new Set<string>();
  const id = (base: string) => {
    const x = uniqueId(flow, base, taken);
    taken.add(x);
    return x;
  };
  const checkId = id(`${intake.id}-check`);
  const fixId = id(`${intake.id}-documents`);
  const intakeDept = intake.departmentId;
  const nodes: FlowNode[] = [
    ...flow.nodes,
    { id: checkId, kind: 'decision', name: 'Documents complete at intake?', mode: 'probability', position: { x: intake.position.x + 200, y: intake.position.y } },
    { id: fixId, kind: 'delay', name: 'Customer completes the documents', departmentId: intakeDept, duration: fixTime, position: { x: intake.position.x + 200, y: intake.position.y + 130 } },
  ];
  const intakeOuts = edgeShares(flow, intake, ctx);
  const edges: FlowEdge[] = flow.edges
    .filter((e) => e.source !== intake!.id)
    .map((e) => {
      if (e.source !== decisionId) return e;
      const s = shares.get(e.id) ?? 0;
      return { ...e, probability: e.id === rework.id ? late : (s * (1 - late)) / (1 - r) };
    });
  edges.push({ id: id(`${intake.id}-to-check`), source: intake.id, target: checkId });
  edges.push({ id: id(`${checkId}-missing`), source: checkId, target: fixId, probability: early, label: 'documents missing' });
  edges.push({ id: id(`${fixId}-back`), source: fixId, target: intake.id });
  for (const { edge, share } of intakeOuts) edges.push({ ...edge, id: id(`${checkId}-${edge.target}`), source: checkId, probability: (1 - early) * share, label: edge.label ?? 'complete' });
  return {
    ok: true,
    flow: { ...flow, nodes, edges: mergeParallel(edges, nodes) },
    description: `Documents checked at intake: after "${intake.name}", ${round(early * 100)} % of customers are sent to complete their documents at once; the late check "${decision.name}" now sends back ${round(late * 100)} % instead of ${round(r * 100)} %.`,
    touched: [checkId, fixId, decisionId],
  };
}

// ---------------------------------------------------------------------------------------------
// Automate a step

export function automateStep(flow: Flow, stepId: string, ctx: MoveContext, opts: { automatedTime: Distribution; manualShare: number; staffLeft?: number }): MoveResult {
  const step = flow.nodes.find((n) => n.id === stepId);
  if (!step || step.kind !== 'step') return fail('Choose a step to automate.');
  const manual = Math.min(1, Math.max(0, opts.manualShare));
  const taken = new Set<string>();
  const id = (base: string) => {
    const x = uniqueId(flow, base, taken);
    taken.add(x);
    return x;
  };
  const autoId = id(`${stepId}-automated`);
  const auto: FlowNode = { id: autoId, kind: 'delay', name: cut(`${step.name} (automated)`), departmentId: step.departmentId, duration: opts.automatedTime, position: { ...step.position } };
  const redirected = flow.edges.map((e) => (e.target === stepId ? { ...e, target: autoId } : e));
  const outs = edgeShares(flow, step, ctx);
  let nodes: FlowNode[];
  let edges: FlowEdge[];
  const staffLeft = Math.max(1, opts.staffLeft ?? 1);
  if (manual > 0) {
    const fallbackId = id(`${stepId}-fallback`);
    nodes = [
      ...flow.nodes.map((n) => (n.id === stepId && n.kind === 'step' ? { ...n, staff: staffLeft, position: { x: n.position.x + 200, y: n.position.y + 130 } } : n)),
      auto,
      { id: fallbackId, kind: 'decision', name: 'Needs a person?', mode: 'probability', position: { x: step.position.x + 200, y: step.position.y } },
    ];
    edges = [...redirected, { id: id(`${autoId}-next`), source: autoId, target: fallbackId }, { id: id(`${fallbackId}-manual`), source: fallbackId, target: stepId, probability: manual, label: 'manual' }];
    for (const { edge, share } of outs) edges.push({ ...edge, id: id(`${fallbackId}-${edge.target}`), source: fallbackId, probability: (1 - manual) * share });
  } else {
    nodes = [...flow.nodes.filter((n) => n.id !== stepId), auto];
    edges = redirected.filter((e) => e.source !== stepId);
    for (const { edge } of outs) edges.push({ ...edge, id: id(`${autoId}-${edge.target}`), source: autoId });
  }
  return {
    ok: true,
    flow: { ...flow, nodes, edges: mergeParallel(edges, nodes) },
    description:
      `Automated "${step.name}": it now takes about ${round(distributionMean(opts.automatedTime))} ${UNIT[ctx.timeUnit]} without staff` +
      (manual > 0 ? `; ${round(manual * 100)} % of cases still need a person (${staffLeft} staff left on the step).` : '; no staff are left on it.'),
    touched: [autoId, stepId],
  };
}

// ---------------------------------------------------------------------------------------------
// Staff

export function setStaff(flow: Flow, changes: { stepId: string; staff: number }[]): MoveResult {
  const parts: string[] = [];
  const byId = new Map(changes.map((c) => [c.stepId, Math.max(0, Math.round(c.staff))]));
  for (const id of byId.keys()) if (flow.nodes.find((n) => n.id === id)?.kind !== 'step') return fail('Staff can only be set on steps.');
  const nodes = flow.nodes.map((n) => {
    const to = byId.get(n.id);
    if (n.kind !== 'step' || to === undefined || to === n.staff) return n;
    parts.push(`"${n.name}" ${n.staff} → ${to}`);
    return { ...n, staff: to };
  });
  if (parts.length === 0) return fail('No staff numbers changed.');
  return { ok: true, flow: { ...flow, nodes }, description: `Staff changed: ${parts.join(', ')}.`, touched: [...byId.keys()] };
}

export function moveStaff(flow: Flow, fromStepId: string, toStepId: string, count: number): MoveResult {
  const from = flow.nodes.find((n) => n.id === fromStepId);
  const to = flow.nodes.find((n) => n.id === toStepId);
  if (from?.kind !== 'step' || to?.kind !== 'step') return fail('Staff move between steps.');
  const k = Math.max(1, Math.round(count));
  if (from.staff - k < 1) return fail(`"${from.name}" has ${from.staff} staff: it must keep at least one.`);
  const r = setStaff(flow, [
    { stepId: fromStepId, staff: from.staff - k },
    { stepId: toStepId, staff: to.staff + k },
  ]);
  return r.ok ? { ...r, description: `Moved ${k} staff from "${from.name}" to "${to.name}" (${from.staff - k} and ${to.staff + k} now).` } : r;
}

export interface StaffBudget {
  departments: { id: string; name: string; staff: number }[];
  total: number;
}

export function staffBudget(flow: Flow): StaffBudget {
  const departments = flow.departments.map((d) => ({
    id: d.id,
    name: d.name,
    staff: flow.nodes.reduce((s, n) => s + (n.kind === 'step' && n.departmentId === d.id ? n.staff : 0), 0),
  }));
  return { departments, total: departments.reduce((s, d) => s + d.staff, 0) };
}

// ---------------------------------------------------------------------------------------------
// Triage / fast lane

export function fastLane(flow: Flow, stepId: string, ctx: MoveContext, opts: { classIds?: string[]; share?: number; staff: number; service?: Distribution; name?: string }): MoveResult {
  const step = flow.nodes.find((n) => n.id === stepId);
  if (!step || step.kind !== 'step') return fail('Choose the step that gets a fast lane.');
  const byClass = opts.classIds && opts.classIds.length > 0;
  const share = Math.min(1, Math.max(0, opts.share ?? 0));
  if (!byClass && !(share > 0 && share < 1)) return fail('Say which customers take the fast lane: some classes, or a share between 0 and 100 %.');
  if (byClass && opts.classIds!.length >= ctx.classes.length) return fail('Leave at least one class in the normal lane.');
  const taken = new Set<string>();
  const id = (base: string) => {
    const x = uniqueId(flow, base, taken);
    taken.add(x);
    return x;
  };
  const triageId = id(`${stepId}-triage`);
  const fastId = id(`${stepId}-fast`);
  const fast: StepNode = {
    ...step,
    id: fastId,
    name: cut(opts.name?.trim() || `${step.name} — fast lane`),
    staff: Math.max(1, Math.round(opts.staff)),
    service: opts.service ?? step.service,
    discipline: 'fifo',
    position: { x: step.position.x, y: step.position.y + 130 },
  };
  const triage: FlowNode = { id: triageId, kind: 'decision', name: `Triage for "${cut(step.name).slice(0, 90)}"`, mode: byClass ? 'class' : 'probability', position: { x: step.position.x - 200, y: step.position.y } };
  const edges: FlowEdge[] = flow.edges.map((e) => (e.target === stepId ? { ...e, target: triageId } : e));
  if (byClass) {
    edges.push({ id: id(`${triageId}-fast`), source: triageId, target: fastId, classIds: opts.classIds!, label: 'fast lane' });
    edges.push({ id: id(`${triageId}-normal`), source: triageId, target: stepId });
  } else {
    edges.push({ id: id(`${triageId}-fast`), source: triageId, target: fastId, probability: share, label: 'fast lane' });
    edges.push({ id: id(`${triageId}-normal`), source: triageId, target: stepId, probability: 1 - share });
  }
  for (const e of flow.edges.filter((x) => x.source === stepId)) edges.push({ ...e, id: id(`${fastId}-${e.target}`), source: fastId, target: e.target === stepId ? fastId : e.target });
  const nodes = [...flow.nodes, triage, fast];
  const who = byClass ? ctx.classes.filter((c) => opts.classIds!.includes(c.id)).map((c) => c.name) : [];
  return {
    ok: true,
    flow: { ...flow, nodes, edges: mergeParallel(edges, nodes) },
    description: `Fast lane for "${step.name}": ${byClass ? `${quote(who)} customers` : `${round(share * 100)} % of customers`} go to "${fast.name}" with ${fast.staff} staff of its own.`,
    touched: [triageId, fastId],
  };
}
