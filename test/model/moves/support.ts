// Shared checks for the restructuring-move tests: a moved flow must load and validate inside a
// project, and the traffic equations (src/engine/traffic.ts) tell whether routing is preserved.
import { expect } from 'vitest';
import { checkScenario } from '../../../src/engine/check';
import { moments } from '../../../src/engine/distributions';
import { trafficEquations } from '../../../src/engine/traffic';
import { getExample } from '../../../src/model/examples';
import { loadProject } from '../../../src/model/load';
import type { Flow, FlowNode, Project, StepNode } from '../../../src/model/schema';
import { validateProject } from '../../../src/model/validate';
import type { MoveResult } from '../../../src/model/moves';

export function example(id: 'loan' | 'repair' | 'contact-centre'): Project {
  return structuredClone(getExample(id)!.project);
}

export const baseFlow = (p: Project): Flow => p.scenarios[0]!.flow;

/** The project with only its baseline, whose flow is `flow`; it must load and validate cleanly. */
export function withFlow(p: Project, flow: Flow, opts: { loadCheck?: boolean } = {}): Project {
  const q: Project = { ...p, scenarios: [{ ...p.scenarios[0]!, flow }] };
  const loaded = loadProject(JSON.parse(JSON.stringify(q)));
  if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.problems)}`);
  const errors = validateProject(loaded.project).filter((f) => f.severity === 'error');
  expect(errors, JSON.stringify(errors)).toEqual([]);
  if (opts.loadCheck) {
    const all = checkScenario(loaded.project, 0).filter((f) => f.severity === 'error');
    expect(all, JSON.stringify(all)).toEqual([]);
  }
  return loaded.project;
}

export function ok(r: MoveResult): Extract<MoveResult, { ok: true }> {
  if (!r.ok) throw new Error(`move refused: ${r.message}`);
  return r;
}

export const rates = (p: Project): Record<string, number> => {
  const t = trafficEquations(p, p.scenarios[0]!);
  expect(t.solvable).toBe(true);
  return t.nodeRates;
};

/** Visit rates of one class (the project has no class mix at its arrivals). */
export const classRates = (p: Project, classId: string): Record<string, number> => {
  const only: Project = { ...p, classes: p.classes.map((c) => ({ ...c, share: c.id === classId ? c.share : 0 })) };
  const share = (p.classes.find((c) => c.id === classId)?.share ?? 0) / p.classes.reduce((s, c) => s + c.share, 0);
  const r = trafficEquations(only, only.scenarios[0]!).nodeRates;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * share]));
};

export const exitRate = (p: Project): number => {
  const r = rates(p);
  return p.scenarios[0]!.flow.nodes.filter((n) => n.kind === 'exit').reduce((s, n) => s + r[n.id]!, 0);
};

/** Work per time unit at the steps: Σ over classes and steps of visits × mean time. */
export const work = (p: Project): number =>
  p.classes.reduce((total, c) => {
    const r = classRates(p, c.id);
    return total + p.scenarios[0]!.flow.nodes.reduce((s, n) => (n.kind === 'step' ? s + r[n.id]! * moments(n.serviceByClass?.[c.id] ?? n.service).mean : s), 0);
  }, 0);

export function stepOf(flow: Flow, id: string): StepNode {
  const n = flow.nodes.find((x) => x.id === id);
  if (n?.kind !== 'step') throw new Error(`no step ${id}`);
  return n;
}

export const nodeOf = (flow: Flow, id: string): FlowNode | undefined => flow.nodes.find((n) => n.id === id);

const outsOf = (flow: Flow, id: string) =>
  flow.edges
    .filter((e) => e.source === id)
    .map((e) => ({ id: e.id, target: e.target, probability: e.probability, classIds: e.classIds, label: e.label }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** Every node the move did not list as touched is still there unchanged, with the same outgoing edges. */
export function expectUntouchedStable(before: Flow, r: Extract<MoveResult, { ok: true }>): void {
  const touched = new Set(r.touched);
  for (const n of r.flow.nodes) {
    if (touched.has(n.id)) continue;
    const old = before.nodes.find((x) => x.id === n.id);
    expect(old, `"${n.id}" is new but not listed as touched`).toBeDefined();
    expect(n).toEqual(old);
    expect(outsOf(r.flow, n.id)).toEqual(outsOf(before, n.id));
  }
}

/** The rates at the given nodes are the same in both projects (per class when classes route differently). */
export function expectSameRates(before: Project, after: Project, ids: readonly string[], digits = 9): void {
  for (const c of before.classes) {
    const a = classRates(before, c.id);
    const b = classRates(after, c.id);
    for (const id of ids) expect(b[id], `class ${c.id} at ${id}`).toBeCloseTo(a[id]!, digits);
  }
}

/** Nodes present in both flows. */
export const common = (a: Flow, b: Flow, except: readonly string[] = []): string[] =>
  a.nodes.filter((n) => b.nodes.some((m) => m.id === n.id) && !except.includes(n.id)).map((n) => n.id);
