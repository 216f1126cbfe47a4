// Merging steps, and merging departments.
//
// Merging steps — the model:
// - The merged step does, per visit, all the work a customer entering the old group of steps got
//   before leaving it. Its mean time is Σ visits × mean time over the old steps, the visits
//   counted per customer entering the group (from the flow's routing: rework inside the group
//   counts, and when customers enter at different steps each entry point is weighted by its
//   traffic). For steps always visited in sequence that is the plain sum of their means.
// - Its variance is that of the same total with the parts independent: for a plain sequence the
//   sum of the variances; with rework loops or several entry points it also carries the spread
//   in how many times, and which, steps are visited (the exact second moment of the work
//   collected in the absorbing chain).
// - The time is written as a gamma distribution with exactly that mean and sd (constant when
//   there is no spread); see moments.ts for why gamma.
// - Per-class times: where a class's total differs from the default (its own times at the old
//   steps, or its own way through them), the merged step gets a time for that class, computed
//   the same way with that class's times and routing.
// - Staff are pooled (added). Queue rules (discipline, waiting places, patience) are the first
//   step's: the merged queue replaces the first one customers meet.
// - Handoffs — delays, and decisions, that only connect the merged steps — disappear with their
//   time, except a delay that only leads from one step back to itself (customers fetching
//   documents is not a handoff). Connections into any merged step go into the merged step.
// - Customers leave the merged step towards where the group sent them, in the shares the
//   absorbing chain gives (exits of the group per customer entering it); so the traffic at every
//   other node is unchanged. If the classes leave in different shares (class decisions inside,
//   or classes entering at different steps), a decision by class after the merged step keeps
//   each class's shares, so each class's traffic is unchanged as well.
// - The first step's id is kept for the merged step, so results stay comparable.
import type { Department, Distribution, Flow, FlowEdge, FlowNode, StepNode } from '../schema';
import { clip, fail, formatTime, IdMaker, parallelPathNodes, quoteList, tidyEdges, touchedNodes } from './helpers';
import { distributionWith, moments, type Moments } from './moments';
import { removeStep } from './remove';
import { ANY_CLASS, classTraffic, outgoingEdges, passage, resolveClasses, routesOf } from './routing';
import type { MoveResult, ProjectInfo } from './types';

export interface MergeOptions {
  /** Name of the merged step; default: the old names joined with " + ". */
  name?: string;
  /** Department of the merged step; default: the first step's. */
  departmentId?: string;
  project?: ProjectInfo;
}

/** Delays and decisions that only connect members (they disappear in a merge). */
export function connectorsOf(flow: Flow, members: ReadonlySet<string>): Set<string> {
  const excluded = new Set<string>();
  for (;;) {
    const inside = new Set(flow.nodes.filter((n) => (n.kind === 'delay' || n.kind === 'decision') && !members.has(n.id) && !excluded.has(n.id)).map((n) => n.id));
    const ok = (id: string) => members.has(id) || inside.has(id);
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of inside) {
        const ins = flow.edges.filter((e) => e.target === id);
        const outs = flow.edges.filter((e) => e.source === id);
        if (ins.length === 0 || outs.length === 0 || !ins.every((e) => ok(e.source)) || !outs.every((e) => ok(e.target))) {
          inside.delete(id);
          changed = true;
        }
      }
    }
    const endpoints = (start: string, forward: boolean) => {
      const found = new Set<string>();
      const seen = new Set([start]);
      const stack = [start];
      while (stack.length) {
        const id = stack.pop()!;
        for (const e of flow.edges) {
          const next = forward ? (e.source === id ? e.target : undefined) : e.target === id ? e.source : undefined;
          if (next === undefined || seen.has(next)) continue;
          seen.add(next);
          if (members.has(next)) found.add(next);
          else if (inside.has(next)) stack.push(next);
        }
      }
      return found;
    };
    let again = false;
    for (const id of inside) {
      if (flow.nodes.find((n) => n.id === id)?.kind !== 'delay') continue;
      const up = endpoints(id, false);
      const down = endpoints(id, true);
      if (up.size === 1 && down.size === 1 && [...up][0] === [...down][0]) {
        excluded.add(id);
        again = true;
      }
    }
    if (!again) return inside;
  }
}

interface ExitGroup {
  /** The classes leaving this way ([] in a flow without class routing). */
  classIds: string[];
  /** Customers per time unit entering the group (ranks the default route). */
  weight: number;
  shares: Map<string, number>;
}

export interface Combination {
  group: string[];
  connectors: string[];
  service: Distribution;
  serviceByClass?: Record<string, Distribution>;
  mean: number;
  variance: number;
  exitGroups: ExitGroup[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const varianceOf = (t: { mean: number; second: number }) => Math.max(0, t.second - t.mean * t.mean);

/** The arithmetic of a merge (see the header): the merged time and where customers go after it. */
export function combineSteps(flow: Flow, memberIds: readonly string[], project: ProjectInfo | undefined): { ok: true; combination: Combination } | { ok: false; message: string } {
  const classes = resolveClasses(flow, project);
  if (!classes) return { ok: false, message: "This flow routes customers by class: the move needs the project's customer classes." };
  const members = new Set(memberIds);
  const connectors = connectorsOf(flow, members);
  const group = [...memberIds, ...connectors];
  const inGroup = new Set(group);
  const traffic = classTraffic(flow, classes, project?.timeUnit ?? 'minutes');
  if (!traffic) return { ok: false, message: 'Some customers would never leave this flow (a loop without a way out): fix the flow before restructuring it.' };
  const outs = outgoingEdges(flow);

  const entries = new Map<string, Map<string, number>>();
  const aggregate = new Map<string, number>();
  let entering = 0;
  for (const cls of classes) {
    const e = new Map<string, number>();
    const rates = traffic.get(cls.id)!;
    for (const node of flow.nodes) {
      if (inGroup.has(node.id)) continue;
      const x = rates.get(node.id) ?? 0;
      if (x === 0) continue;
      for (const { edge, p } of routesOf(node, outs.get(node.id) ?? [], cls.id)) {
        if (!inGroup.has(edge.target)) continue;
        e.set(edge.target, (e.get(edge.target) ?? 0) + x * p);
        aggregate.set(edge.target, (aggregate.get(edge.target) ?? 0) + x * p);
        entering += x * p;
      }
    }
    entries.set(cls.id, e);
  }
  const normalised = (m: Map<string, number>) => {
    const total = [...m.values()].reduce((s, v) => s + v, 0);
    return new Map([...m].map(([k, v]) => [k, v / total]));
  };
  // Nobody enters the group (it is unreachable): take customers as starting at the first step.
  const piAll = entering > 0 ? normalised(aggregate) : new Map([[memberIds[0]!, 1]]);

  const isMember = (n: FlowNode): n is StepNode => n.kind === 'step' && members.has(n.id);
  const defaultTime = (n: FlowNode): Moments | undefined => (isMember(n) ? moments(n.service) : undefined);
  const classTime =
    (classId: string) =>
    (n: FlowNode): Moments | undefined =>
      isMember(n) ? moments(n.serviceByClass?.[classId] ?? n.service) : undefined;

  const memberNodes = flow.nodes.filter(isMember);
  const ownKeys = new Set(memberNodes.flatMap((s) => Object.keys(s.serviceByClass ?? {})));
  const own = new Map<string, { mean: number; second: number }>();
  const mixture = { weight: 0, mean: 0, second: 0 };
  const exitGroups: ExitGroup[] = [];
  for (const cls of classes) {
    const e = entries.get(cls.id)!;
    const size = [...e.values()].reduce((s, v) => s + v, 0);
    const pi = size > 0 ? normalised(e) : piAll;
    const named = cls.id !== ANY_CLASS;
    const pass = passage(flow, group, cls.id, pi, named ? [defaultTime, classTime(cls.id)] : [defaultTime]);
    if (!pass) return { ok: false, message: 'Customers could go round inside these steps for ever: they need a way out.' };
    const weight = entering > 0 ? size : cls.share;
    mixture.weight += weight;
    mixture.mean += weight * pass.totals[0]!.mean;
    mixture.second += weight * pass.totals[0]!.second;
    if (named) own.set(cls.id, pass.totals[1]!);
    if (size <= 0) continue;
    const leaving = [...pass.exits.values()].reduce((s, v) => s + v, 0);
    if (leaving < 1 - 1e-9) return { ok: false, message: 'Some customers would never leave these steps: they need a way out.' };
    const shares = new Map([...pass.exits].filter(([, v]) => v > 1e-12).map(([k, v]) => [k, v / leaving]));
    const same = exitGroups.find((g) => g.shares.size === shares.size && [...shares].every(([k, v]) => close(g.shares.get(k) ?? -1, v)));
    if (same) {
      if (named) same.classIds.push(cls.id);
      same.weight += size;
    } else exitGroups.push({ classIds: named ? [cls.id] : [], weight: size, shares });
  }
  // Class times given for classes the project does not list: routed as "all other classes".
  for (const key of ownKeys) {
    if (own.has(key)) continue;
    const pass = passage(flow, group, key, piAll, [classTime(key)]);
    if (pass) own.set(key, pass.totals[0]!);
  }
  if (exitGroups.length === 0) {
    // Unreachable group: leave the way the first step's customers would.
    const pass = passage(flow, group, classes[0]!.id, piAll, []);
    const leaving = pass ? [...pass.exits.values()].reduce((s, v) => s + v, 0) : 0;
    if (!pass || leaving <= 0) return { ok: false, message: 'These steps have no way out to keep.' };
    exitGroups.push({ classIds: [], weight: 0, shares: new Map([...pass.exits].filter(([, v]) => v > 1e-12).map(([k, v]) => [k, v / leaving])) });
  }

  const mean = mixture.weight > 0 ? mixture.mean / mixture.weight : 0;
  const variance = mixture.weight > 0 ? varianceOf({ mean, second: mixture.second / mixture.weight }) : 0;
  let serviceByClass: Record<string, Distribution> | undefined;
  for (const [key, t] of own) {
    const v = varianceOf(t);
    if (close(t.mean, mean) && close(v, variance)) continue;
    serviceByClass ??= {};
    serviceByClass[key] = distributionWith(t.mean, v);
  }
  return {
    ok: true,
    combination: { group, connectors: [...connectors], service: distributionWith(mean, variance), ...(serviceByClass ? { serviceByClass } : {}), mean, variance, exitGroups },
  };
}

/** Two or more steps become one; see the header for the model. */
export function mergeSteps(flow: Flow, stepIds: readonly string[], opts: MergeOptions = {}): MoveResult {
  const ids = [...new Set(stepIds)];
  if (ids.length < 2) return fail('Choose at least two steps to merge.');
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const members: StepNode[] = [];
  for (const id of ids) {
    const n = byId.get(id);
    if (n?.kind !== 'step') return fail(n ? `"${n.name}" is not a step: only steps (work done by staff) can be merged.` : `There is no step "${id}" in this flow.`);
    members.push(n);
  }
  if (opts.departmentId !== undefined && !flow.departments.some((d) => d.id === opts.departmentId)) return fail(`There is no department "${opts.departmentId}" in this flow.`);
  const parallel = parallelPathNodes(flow);
  const onPath = members.find((m) => parallel.has(m.id));
  if (onPath) return fail(`"${onPath.name}" is part of parallel work (between a parallel split and its join): steps there cannot be merged. Merge steps outside parallel work, or draw the steps one after the other first.`);
  const r = combineSteps(flow, ids, opts.project);
  if (!r.ok) return r;
  const c = r.combination;
  const first = members[0]!;
  const inGroup = new Set(c.group);
  const name = clip(opts.name?.trim() || members.map((s) => s.name).join(' + '));
  const staff = members.reduce((s, m) => s + m.staff, 0);
  const { serviceByClass: _own, costPerHour: _rate, ...firstFields } = first;
  // A staff cost per hour set on every merged step becomes their staff-weighted average; if some
  // steps use the project's default rate, so does the merged step.
  const rates = members.map((m) => m.costPerHour);
  const costPerHour = rates.every((x) => x !== undefined) && staff > 0 ? members.reduce((sum, m) => sum + m.staff * m.costPerHour!, 0) / staff : undefined;
  const merged: StepNode = {
    ...firstFields,
    name,
    departmentId: opts.departmentId ?? first.departmentId,
    staff,
    service: c.service,
    ...(c.serviceByClass ? { serviceByClass: c.serviceByClass } : {}),
    ...(costPerHour !== undefined ? { costPerHour } : {}),
  };

  const idMaker = new IdMaker(flow, opts.project);
  const sources = new Set<string>([first.id]);
  const edges: FlowEdge[] = [];
  for (const e of flow.edges) {
    const fromIn = inGroup.has(e.source);
    const toIn = inGroup.has(e.target);
    if (!fromIn && !toIn) edges.push(e);
    else if (!fromIn) {
      edges.push(e.target === first.id ? e : { ...e, target: first.id });
      sources.add(e.source);
    }
  }
  // The merged step's ways out reuse the ids of the group's old ways out to the same place.
  const reused = new Set<string>();
  const wayOut = (source: string, target: string, probability: number | undefined): FlowEdge => {
    const old =
      source !== first.id
        ? undefined
        : (flow.edges.find((e) => e.source === first.id && e.target === target && !reused.has(e.id)) ?? flow.edges.find((e) => inGroup.has(e.source) && e.target === target && !reused.has(e.id)));
    if (old) reused.add(old.id);
    return {
      id: old?.id ?? idMaker.edge(`${source}--${target}`),
      source,
      target,
      ...(probability !== undefined ? { probability } : {}),
      ...(old?.label ? { label: old.label } : {}),
    };
  };
  const added: FlowNode[] = [];
  const groups = [...c.exitGroups].sort((a, b) => b.weight - a.weight);
  const className = (id: string) => opts.project?.classes?.find((k) => k.id === id)?.name ?? id;
  if (groups.length === 1) {
    for (const [t, p] of groups[0]!.shares) edges.push(wayOut(first.id, t, p));
  } else {
    const splitId = idMaker.node(`${first.id}-by-class`);
    added.push({ id: splitId, kind: 'decision', name: clip(`After ${name}: by class`), mode: 'class', position: { x: first.position.x + 120, y: first.position.y + 90 } });
    edges.push({ id: idMaker.edge(`${first.id}--${splitId}`), source: first.id, target: splitId });
    sources.add(splitId);
    groups.forEach((g, i) => {
      let target: string;
      if (g.shares.size === 1) target = [...g.shares.keys()][0]!;
      else {
        target = idMaker.node(`${first.id}-by-class-${i + 1}`);
        added.push({ id: target, kind: 'decision', name: clip(`After ${name}: ${g.classIds.map(className).join(', ')}`), mode: 'probability', position: { x: first.position.x + 240, y: first.position.y + 90 * (i + 1) } });
        sources.add(target);
        for (const [t, p] of g.shares) edges.push(wayOut(target, t, p));
      }
      edges.push({ id: idMaker.edge(`${splitId}--${target}`), source: splitId, target, ...(i > 0 ? { classIds: g.classIds } : {}) });
    });
  }
  const nodes: FlowNode[] = [...flow.nodes.filter((n) => !inGroup.has(n.id) || n.id === first.id).map((n) => (n.id === first.id ? merged : n)), ...added];
  const next: Flow = { ...flow, nodes, edges: tidyEdges(edges, nodes, sources) };

  const unit = opts.project?.timeUnit;
  const handoffs = flow.nodes.filter((n) => c.connectors.includes(n.id) && n.kind === 'delay').map((n) => n.name);
  const dept = flow.departments.find((d) => d.id === merged.departmentId)?.name;
  const description =
    `Merged ${quoteList(members.map((s) => s.name))} into one step "${name}"${dept ? ` (${dept})` : ''} with ${staff} staff working together: ` +
    `about ${formatTime(c.mean, unit)} per customer (was ${members.map((s) => formatTime(moments(s.service).mean, unit)).join(' + ')})` +
    (handoffs.length > 0 ? `; handoffs removed: ${quoteList(handoffs)}` : '') +
    (groups.length > 1 ? '; a decision by class after it keeps where each class of customers goes next' : '') +
    '.';
  return { ok: true, flow: next, description, touched: touchedNodes(flow, next) };
}

export interface MergeDepartmentsOptions {
  /** Name of the merged department; default: the old names joined with " + ". */
  name?: string;
  /** Also merge steps that then follow each other directly (their staff pooled). */
  poolSteps?: boolean;
  project?: ProjectInfo;
}

/**
 * Departments become one: the first keeps its id and colour, the steps and delays of the others
 * move into it. Steps that now follow each other are not merged (that is mergeSteps). A delay
 * that was a handoff between two of the departments — every step before it (looking back through
 * decisions and delays) and every step after it in the merged departments, at least two of them
 * before the merge, and not a way from one step back to itself — disappears, its predecessors
 * connected straight on in the same shares (removeStep).
 */
export function mergeDepartments(flow: Flow, departmentIds: readonly string[], opts: MergeDepartmentsOptions = {}): MoveResult {
  const ids = [...new Set(departmentIds)];
  if (ids.length < 2) return fail('Choose at least two departments to merge.');
  const depts: Department[] = [];
  for (const id of ids) {
    const d = flow.departments.find((x) => x.id === id);
    if (!d) return fail(`There is no department "${id}" in this flow.`);
    depts.push(d);
  }
  const keep = depts[0]!;
  const set = new Set(ids);
  const name = clip(opts.name?.trim() || depts.map((d) => d.name).join(' + '));
  const handoffs = flow.nodes.filter((n) => n.kind === 'delay' && isHandoffWithin(flow, n.id, set));

  let current: Flow = {
    ...flow,
    departments: flow.departments.filter((d) => !set.has(d.id) || d.id === keep.id).map((d) => (d.id === keep.id ? { ...d, name } : d)),
    nodes: flow.nodes.map((n) => ((n.kind === 'step' || n.kind === 'delay') && n.departmentId !== undefined && set.has(n.departmentId) && n.departmentId !== keep.id ? { ...n, departmentId: keep.id } : n)),
  };
  for (const h of handoffs) {
    const r = removeStep(current, h.id, { project: opts.project });
    if (!r.ok) return fail(`The handoff "${h.name}" could not be removed: ${r.message}`);
    current = r.flow;
  }
  // With `poolSteps`, steps that now follow each other directly inside the merged department
  // (one way out of the first, one way into the second) become one step with their staff together.
  const pooled: string[] = [];
  if (opts.poolSteps) {
    for (let guard = 0; guard < 200; guard++) {
      const pair = nextPair(current, keep.id);
      if (!pair) break;
      const r = mergeSteps(current, pair, { project: opts.project });
      if (!r.ok) break;
      current = r.flow;
      const merged = current.nodes.find((n) => n.id === pair[0]);
      if (merged?.kind === 'step') pooled.push(`"${merged.name}" (${merged.staff} staff)`);
    }
  }
  const moved = flow.nodes.filter((n) => n.kind === 'step' && set.has(n.departmentId) && n.departmentId !== keep.id).length;
  return {
    ok: true,
    flow: current,
    description:
      `Merged the departments ${quoteList(depts.map((d) => d.name))} into one department "${name}" (${moved} step${moved === 1 ? '' : 's'} moved into it)` +
      (handoffs.length > 0 ? `; handoffs between them removed: ${quoteList(handoffs.map((h) => h.name))}` : '; there were no handoffs between them to remove') +
      (opts.poolSteps ? (pooled.length > 0 ? `; steps that follow each other pooled their staff: ${pooled.join(', ')}` : '; no steps follow each other directly, so each keeps its own staff') : '') +
      '.',
    touched: touchedNodes(flow, current),
  };
}

/** Two steps of a department in direct sequence: the first's only way out is the second's only way in. */
function nextPair(flow: Flow, departmentId: string): [string, string] | undefined {
  for (const n of flow.nodes) {
    if (n.kind !== 'step' || n.departmentId !== departmentId) continue;
    const outs = flow.edges.filter((e) => e.source === n.id);
    if (outs.length !== 1) continue;
    const next = flow.nodes.find((m) => m.id === outs[0]!.target);
    if (next?.kind !== 'step' || next.departmentId !== departmentId || next.id === n.id) continue;
    if (flow.edges.filter((e) => e.target === next.id).length !== 1) continue;
    return [n.id, next.id];
  }
  return undefined;
}

/** See mergeDepartments: a delay between steps of the given departments, crossing between them. */
function isHandoffWithin(flow: Flow, delayId: string, depts: ReadonlySet<string>): boolean {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const ends = (forward: boolean): StepNode[] | undefined => {
    const found: StepNode[] = [];
    const seen = new Set([delayId]);
    const stack = [delayId];
    while (stack.length) {
      const id = stack.pop()!;
      for (const e of flow.edges) {
        const next = forward ? (e.source === id ? e.target : undefined) : e.target === id ? e.source : undefined;
        if (next === undefined || seen.has(next)) continue;
        seen.add(next);
        const n = byId.get(next);
        if (n?.kind === 'step') found.push(n);
        else if (n?.kind === 'delay' || n?.kind === 'decision') stack.push(next);
        else return undefined; // arrivals or an exit: not between two steps
      }
    }
    return found;
  };
  const up = ends(false);
  const down = ends(true);
  if (!up || !down || up.length === 0 || down.length === 0) return false;
  const all = [...up, ...down];
  if (!all.every((s) => depts.has(s.departmentId))) return false;
  if (new Set(all.map((s) => s.departmentId)).size < 2) return false;
  return !(up.length === 1 && down.length === 1 && up[0]!.id === down[0]!.id);
}
