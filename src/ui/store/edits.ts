// Pure edits of a project: each takes a project and returns a new one (the store records them
// for undo). They keep ids stable and the routing shares summing to 100 %.
import { FORMAT_VERSION, type Department, type FlowEdge, type FlowNode, type NodeKind, type Position, type Project, type Scenario } from '../../model/schema';
import type { MoveResult } from '../../model/moves';
import { routesByProbability } from '../../model/validate';
import { autoLayout } from '../editor/layout';

export function scenarioIndex(project: Project, scenarioId: string): number {
  const i = project.scenarios.findIndex((s) => s.id === scenarioId);
  if (i < 0) throw new Error(`no scenario "${scenarioId}"`);
  return i;
}

function updateScenario(project: Project, scenarioId: string, f: (s: Scenario) => Scenario): Project {
  const i = scenarioIndex(project, scenarioId);
  const scenarios = project.scenarios.slice();
  scenarios[i] = f(scenarios[i]!);
  return { ...project, scenarios };
}

/** A fresh id with the given stem, unused among `taken`. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

const KIND_NAMES: Record<NodeKind, string> = {
  arrivals: 'Arrivals',
  step: 'New step',
  delay: 'Handoff',
  decision: 'Decision',
  exit: 'Exit',
  split: 'Parallel split',
  join: 'Join',
};

export function defaultNode(kind: NodeKind, id: string, position: Position, departmentId: string | undefined, name?: string): FlowNode {
  const base = { id, name: name ?? KIND_NAMES[kind], position };
  switch (kind) {
    case 'arrivals':
      return { ...base, kind, arrivals: { mode: 'rate', rate: 6, per: 'hour' } };
    case 'step':
      return { ...base, kind, departmentId: departmentId ?? 'department', staff: 1, service: { kind: 'lognormal', mean: 10, sd: 5 }, discipline: 'fifo' };
    case 'delay':
      return { ...base, kind, ...(departmentId ? { departmentId } : {}), duration: { kind: 'triangular', min: 15, mode: 30, max: 60 } };
    case 'decision':
      return { ...base, kind, mode: 'probability' };
    case 'exit':
    case 'split':
    case 'join':
      return { ...base, kind };
  }
}

export function addNode(project: Project, scenarioId: string, kind: NodeKind, position: Position, departmentId?: string): { project: Project; id: string } {
  const scenario = project.scenarios[scenarioIndex(project, scenarioId)]!;
  const id = freshId(KIND_NAMES[kind], allNodeIds(project));
  let departments = scenario.flow.departments;
  let dept = departmentId ?? departments[0]?.id;
  if (kind === 'step' && !dept) {
    const d: Department = { id: 'department', name: 'Department', color: '#4e79a7' };
    departments = [...departments, d];
    dept = d.id;
  }
  const sameKind = scenario.flow.nodes.filter((n) => n.kind === kind).length;
  const name = sameKind > 0 ? `${KIND_NAMES[kind]} ${sameKind + 1}` : KIND_NAMES[kind];
  const node = defaultNode(kind, id, freeSpot(scenario, position), kind === 'step' || kind === 'delay' ? dept : undefined, name);
  return {
    id,
    project: updateScenario(project, scenarioId, (s) => ({ ...s, flow: { ...s.flow, departments, nodes: [...s.flow.nodes, node] } })),
  };
}

const SLOT_W = 210;
const SLOT_H = 120;

/** The first position near `at` (spiralling out on a grid) that does not overlap another node. */
export function freeSpot(scenario: Scenario, at: Position): Position {
  const overlaps = (p: Position) => scenario.flow.nodes.some((n) => Math.abs(n.position.x - p.x) < SLOT_W - 10 && Math.abs(n.position.y - p.y) < SLOT_H - 10);
  for (let ring = 0; ring < 8; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: Math.round(at.x + dx * SLOT_W), y: Math.round(at.y + dy * SLOT_H) };
        if (!overlaps(p)) return p;
      }
    }
  }
  return at;
}

/** Node ids across all scenarios: a new node never takes an id that means something else elsewhere. */
function allNodeIds(project: Project): string[] {
  return project.scenarios.flatMap((s) => s.flow.nodes.map((n) => n.id));
}

export function updateNode(project: Project, scenarioId: string, next: FlowNode): Project {
  return updateScenario(project, scenarioId, (s) => {
    const before = s.flow.nodes.find((n) => n.id === next.id);
    let edges = s.flow.edges;
    // A split that becomes inclusive gives each path a chance (kept where there is one); back to
    // "all paths", the chances go.
    if (next.kind === 'split' && before?.kind === 'split' && (next.mode ?? 'all') !== (before.mode ?? 'all')) {
      edges = edges.map((e) => (e.source !== next.id ? e : next.mode === 'inclusive' ? { ...e, probability: e.probability ?? INCLUSIVE_CHANCE } : withoutProbability(e)));
    }
    return { ...s, flow: { ...s.flow, nodes: s.flow.nodes.map((n) => (n.id === next.id ? next : n)), edges } };
  });
}

/** The chance a new path out of an inclusive split starts with. */
export const INCLUSIVE_CHANCE = 0.5;

export function moveNodes(project: Project, scenarioId: string, moves: { id: string; position: Position }[]): Project {
  const at = new Map(moves.map((m) => [m.id, m.position]));
  return updateScenario(project, scenarioId, (s) => ({
    ...s,
    flow: { ...s.flow, nodes: s.flow.nodes.map((n) => (at.has(n.id) ? { ...n, position: { x: Math.round(at.get(n.id)!.x), y: Math.round(at.get(n.id)!.y) } } : n)) },
  }));
}

/** Spreads the shares of a node's outgoing edges so that they sum to 1 (keeping given ones where they fit). */
function rebalance(edges: FlowEdge[], source: string): FlowEdge[] {
  const out = edges.filter((e) => e.source === source);
  if (out.length <= 1) return edges.map((e) => (e.source === source ? withoutProbability(e) : e));
  const even = 1 / out.length;
  const ids = new Set(out.map((e) => e.id));
  return edges.map((e) => (ids.has(e.id) ? { ...e, probability: Math.round(even * 1e6) / 1e6 } : e)).map((e, _i, all) => {
    // Put any rounding remainder on the last edge.
    if (!ids.has(e.id) || e.id !== out[out.length - 1]!.id) return e;
    const others = all.filter((x) => ids.has(x.id) && x.id !== e.id).reduce((s, x) => s + (x.probability ?? 0), 0);
    return { ...e, probability: Math.round((1 - others) * 1e6) / 1e6 };
  });
}

function withoutProbability(e: FlowEdge): FlowEdge {
  const { probability: _p, ...rest } = e;
  return rest;
}

/** The share a new connection from a step back into itself starts with. */
export const SELF_LOOP_SHARE = 0.1;

export function connect(project: Project, scenarioId: string, source: string, target: string): { project: Project; id?: string } {
  const scenario = project.scenarios[scenarioIndex(project, scenarioId)]!;
  if (source === target && scenario.flow.nodes.find((n) => n.id === source)?.kind !== 'step') return { project };
  if (scenario.flow.edges.some((e) => e.source === source && e.target === target)) return { project };
  const id = freshId(`${source}-to-${target}`, scenario.flow.edges.map((e) => e.id));
  const sourceNode = scenario.flow.nodes.find((n) => n.id === source);
  // Connections out of a class decision or a parallel split carry no shares.
  const noShares = sourceNode !== undefined && !routesByProbability(sourceNode);
  const edges = [...scenario.flow.edges, { id, source, target }];
  const inclusive = sourceNode?.kind === 'split' && sourceNode.mode === 'inclusive';
  let next = inclusive ? edges.map((e) => (e.id === id ? { ...e, probability: INCLUSIVE_CHANCE } : e)) : noShares ? edges : rebalance(edges, source);
  // A step back into itself starts as a small share (10 %), not an even split that would silently
  // double its work; the checks name it and its share, and the share is edited on the connection.
  if (source === target && !noShares && next.filter((e) => e.source === source).length > 1) {
    const others = next.filter((e) => e.source === source && e.id !== id);
    const total = others.reduce((t, e) => t + (e.probability ?? 0), 0);
    next = next.map((e) => (e.id === id ? { ...e, probability: SELF_LOOP_SHARE } : e.source === source && total > 0 ? { ...e, probability: Math.round(((e.probability ?? 0) / total) * (1 - SELF_LOOP_SHARE) * 1e6) / 1e6 } : e));
  }
  return {
    id,
    project: updateScenario(project, scenarioId, (s) => ({ ...s, flow: { ...s.flow, edges: next } })),
  };
}

export function updateEdge(project: Project, scenarioId: string, next: FlowEdge): Project {
  return updateScenario(project, scenarioId, (s) => ({ ...s, flow: { ...s.flow, edges: s.flow.edges.map((e) => (e.id === next.id ? next : e)) } }));
}

export function removeElements(project: Project, scenarioId: string, nodeIds: string[], edgeIds: string[]): Project {
  const nodes = new Set(nodeIds);
  const edgesGone = new Set(edgeIds);
  return updateScenario(project, scenarioId, (s) => {
    const removed = s.flow.edges.filter((e) => edgesGone.has(e.id) || nodes.has(e.source) || nodes.has(e.target));
    let edges = s.flow.edges.filter((e) => !removed.includes(e));
    for (const src of new Set(removed.map((e) => e.source))) {
      if (nodes.has(src)) continue;
      const out = edges.filter((e) => e.source === src);
      const total = out.reduce((t, e) => t + (e.probability ?? 0), 0);
      if (out.length === 1) edges = edges.map((e) => (e.source === src ? withoutProbability(e) : e));
      else if (out.length > 1 && total > 0) edges = edges.map((e) => (e.source === src && e.probability !== undefined ? { ...e, probability: Math.round((e.probability / total) * 1e6) / 1e6 } : e));
    }
    return { ...s, flow: { ...s.flow, nodes: s.flow.nodes.filter((n) => !nodes.has(n.id)), edges } };
  });
}

export function setDepartment(project: Project, scenarioId: string, nodeId: string, departmentId: string): Project {
  return updateScenario(project, scenarioId, (s) => ({
    ...s,
    flow: { ...s.flow, nodes: s.flow.nodes.map((n) => (n.id === nodeId && (n.kind === 'step' || n.kind === 'delay') ? { ...n, departmentId } : n)) },
  }));
}

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#e15759', '#76b7b2', '#edc948', '#9c755f'];

export function addDepartment(project: Project, scenarioId: string, name: string): { project: Project; id: string } {
  const scenario = project.scenarios[scenarioIndex(project, scenarioId)]!;
  const id = freshId(name, project.scenarios.flatMap((s) => s.flow.departments.map((d) => d.id)));
  const color = PALETTE[scenario.flow.departments.length % PALETTE.length]!;
  return { id, project: updateScenario(project, scenarioId, (s) => ({ ...s, flow: { ...s.flow, departments: [...s.flow.departments, { id, name, color }] } })) };
}

export function updateDepartment(project: Project, scenarioId: string, next: Department): Project {
  return updateScenario(project, scenarioId, (s) => ({ ...s, flow: { ...s.flow, departments: s.flow.departments.map((d) => (d.id === next.id ? next : d)) } }));
}

/** Removes a department that no step or delay belongs to (otherwise the project is returned unchanged). */
export function removeDepartment(project: Project, scenarioId: string, departmentId: string): Project {
  const s = project.scenarios[scenarioIndex(project, scenarioId)]!;
  if (s.flow.nodes.some((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === departmentId)) return project;
  return updateScenario(project, scenarioId, (x) => ({ ...x, flow: { ...x.flow, departments: x.flow.departments.filter((d) => d.id !== departmentId) } }));
}

/** A copy of a scenario as a new proposal: same node and department ids, so results can be matched. */
export function duplicateAsProposal(project: Project, scenarioId: string): { project: Project; id: string } {
  const source = project.scenarios[scenarioIndex(project, scenarioId)]!;
  const id = freshId(`${source.name} proposal`, project.scenarios.map((s) => s.id));
  const copy: Scenario = {
    ...structuredClone(source),
    id,
    name: `${source.name} (proposal)`,
    kind: 'proposal',
    color: PALETTE[project.scenarios.length % PALETTE.length],
  };
  return { id, project: { ...project, scenarios: [...project.scenarios, copy] } };
}

export function renameScenario(project: Project, scenarioId: string, name: string): Project {
  return updateScenario(project, scenarioId, (s) => ({ ...s, name }));
}

export function deleteScenario(project: Project, scenarioId: string): Project {
  const s = project.scenarios[scenarioIndex(project, scenarioId)]!;
  if (s.kind === 'baseline') throw new Error('the baseline cannot be deleted');
  return { ...project, scenarios: project.scenarios.filter((x) => x.id !== scenarioId) };
}

/** A new project: one department, arrivals → one step → exit. */
export function emptyProject(): Project {
  return {
    formatVersion: FORMAT_VERSION,
    name: 'New project',
    timeUnit: 'minutes',
    classes: [{ id: 'customer', name: 'Customer', share: 1, priority: 0, color: '#4e79a7' }],
    run: { horizon: { kind: 'duration', duration: 4 * 10080 }, warmup: 1440, replications: { kind: 'fixed', count: 10 }, seed: 1, maxEvents: 200_000_000 },
    serviceLevels: [],
    scenarios: [
      {
        id: 'baseline',
        name: 'Today',
        kind: 'baseline',
        color: '#4e79a7',
        flow: {
          departments: [{ id: 'front-office', name: 'Front office', color: '#4e79a7' }],
          nodes: [
            { id: 'arrivals', kind: 'arrivals', name: 'Customers arrive', position: { x: 0, y: 40 }, arrivals: { mode: 'rate', rate: 4, per: 'hour' } },
            { id: 'exit', kind: 'exit', name: 'Done', position: { x: 480, y: 40 } },
          ],
          edges: [],
        },
      },
    ],
  };
}

/**
 * Applies a restructuring move to a scenario as one edit. On the baseline the move goes into a
 * new proposal (named `proposalName`); on a proposal it changes that proposal. The move's
 * sentence is added to the proposal's list of moves ("What changed").
 */
export function applyMove(
  project: Project,
  scenarioId: string,
  move: (flow: Scenario['flow']) => MoveResult,
  proposalName: string,
): { ok: true; project: Project; scenarioId: string } | { ok: false; message: string } {
  const source = project.scenarios[scenarioIndex(project, scenarioId)]!;
  const r = move(source.flow);
  if (!r.ok) return r;
  let target = project;
  let id = scenarioId;
  if (source.kind === 'baseline') {
    const dup = duplicateAsProposal(project, scenarioId);
    target = renameScenario(dup.project, dup.id, proposalName.slice(0, 120));
    id = dup.id;
  }
  const added = r.flow.nodes.some((n) => !source.flow.nodes.some((m) => m.id === n.id));
  let flow = r.flow;
  if (added) {
    const positions = new Map(autoLayout({ ...source, flow }).map((x) => [x.id, x.position]));
    flow = { ...flow, nodes: flow.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
  }
  return { ok: true, scenarioId: id, project: updateScenario(target, id, (s) => ({ ...s, flow, moves: [...(s.moves ?? []), r.description] })) };
}
