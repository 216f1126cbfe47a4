// Single point of contact: one front-office step takes over the customer-facing steps (typically
// the first step of each department a customer meets). It is modelled as merging those steps
// (mergeSteps: the same time per customer, pooled staff, handoffs between them gone, routing
// after them kept) into one step placed in a front-office department; the back-office steps stay
// behind it as they were.
import type { Department, Flow, StepNode } from '../schema';
import { clip, fail, formatTime, IdMaker, quoteList, touchedNodes } from './helpers';
import { mergeSteps } from './merge';
import { moments } from './moments';
import type { MoveResult, ProjectInfo } from './types';

export interface SpocOptions {
  /** Name of the front-office step; default "Single point of contact". */
  name?: string;
  /** Department to put it in; default: a department named "Front office", created if missing. */
  departmentId?: string;
  /** Staff of the front-office step; default: the staff of the steps it takes over, added. */
  staff?: number;
  project?: ProjectInfo;
}

const FRONT_OFFICE = 'Front office';

/** The first step of each department that customers meet, in the order they meet them. */
export function customerFacingSteps(flow: Flow): string[] {
  const starts = flow.nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id);
  const seen = new Set(starts);
  const queue = [...starts];
  const firstOf = new Map<string, string>();
  while (queue.length) {
    const id = queue.shift()!;
    const n = flow.nodes.find((x) => x.id === id);
    if (n?.kind === 'step' && !firstOf.has(n.departmentId)) firstOf.set(n.departmentId, n.id);
    for (const e of flow.edges) {
      if (e.source !== id || seen.has(e.target)) continue;
      seen.add(e.target);
      queue.push(e.target);
    }
  }
  return [...firstOf.values()];
}

export function singlePointOfContact(flow: Flow, frontStepIds: readonly string[], opts: SpocOptions = {}): MoveResult {
  const ids = [...new Set(frontStepIds)];
  if (ids.length === 0) return fail('Choose the customer-facing steps the single point of contact takes over.');
  const steps: StepNode[] = [];
  for (const id of ids) {
    const n = flow.nodes.find((x) => x.id === id);
    if (n?.kind !== 'step') return fail(n ? `"${n.name}" is not a step.` : `There is no step "${id}" in this flow.`);
    steps.push(n);
  }
  if (opts.staff !== undefined && !(Number.isInteger(opts.staff) && opts.staff >= 1)) return fail('The single point of contact needs a whole number of staff, at least 1.');
  let department: Department | undefined;
  let departments = flow.departments;
  if (opts.departmentId !== undefined) {
    department = flow.departments.find((d) => d.id === opts.departmentId);
    if (!department) return fail(`There is no department "${opts.departmentId}" in this flow.`);
  } else {
    department = flow.departments.find((d) => d.name.trim().toLowerCase() === FRONT_OFFICE.toLowerCase());
    if (!department) {
      department = { id: new IdMaker(flow).department('front-office'), name: FRONT_OFFICE, color: '#76b7b2' };
      departments = [...departments, department];
    }
  }
  const name = clip(opts.name?.trim() || 'Single point of contact');
  const withDept: Flow = { ...flow, departments };
  let after: Flow;
  let mean: number;
  if (steps.length === 1) {
    after = withDept;
    mean = moments(steps[0]!.service).mean;
  } else {
    const r = mergeSteps(withDept, ids, { name, departmentId: department.id, project: opts.project });
    if (!r.ok) return r;
    after = r.flow;
    const merged = after.nodes.find((n) => n.id === ids[0]);
    mean = merged?.kind === 'step' ? moments(merged.service).mean : 0;
  }
  const staff = opts.staff ?? steps.reduce((s, x) => s + x.staff, 0);
  after = { ...after, nodes: after.nodes.map((n) => (n.id === ids[0] && n.kind === 'step' ? { ...n, name, departmentId: department.id, staff } : n)) };
  return {
    ok: true,
    flow: after,
    description:
      `Single point of contact: one step "${name}" in "${department.name}" with ${staff} staff takes over ${quoteList(steps.map((s) => s.name))} ` +
      `(about ${formatTime(mean, opts.project?.timeUnit)} per customer); the steps behind it are unchanged.`,
    touched: touchedNodes(flow, after),
  };
}
