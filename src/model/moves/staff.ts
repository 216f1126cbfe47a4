// Staff moves, and the staff budget (totals per department and overall, with a cost per hour
// when rates are given) that the restructuring view shows next to them.
import type { Flow } from '../schema';
import { fail, quoteList, touchedNodes } from './helpers';
import type { MoveResult } from './types';

const MAX_STAFF = 10_000;

export function setStaff(flow: Flow, changes: readonly { stepId: string; staff: number }[]): MoveResult {
  const wanted = new Map<string, number>();
  for (const c of changes) {
    const n = flow.nodes.find((x) => x.id === c.stepId);
    if (n?.kind !== 'step') return fail(n ? `"${n.name}" is not a step: only steps have staff.` : `There is no step "${c.stepId}" in this flow.`);
    if (!(Number.isInteger(c.staff) && c.staff >= 0 && c.staff <= MAX_STAFF)) return fail(`"${n.name}": staff must be a whole number from 0 to ${MAX_STAFF}.`);
    wanted.set(c.stepId, c.staff);
  }
  const parts: string[] = [];
  const nodes = flow.nodes.map((n) => {
    const to = wanted.get(n.id);
    if (n.kind !== 'step' || to === undefined || to === n.staff) return n;
    parts.push(`"${n.name}" ${n.staff} → ${to}`);
    return { ...n, staff: to };
  });
  if (parts.length === 0) return fail('No staff numbers changed.');
  const result: Flow = { ...flow, nodes };
  return { ok: true, flow: result, description: `Staff changed: ${parts.join(', ')}.`, touched: touchedNodes(flow, result) };
}

/** Moves `count` staff from one step to another; the step they leave keeps at least one. */
export function moveStaff(flow: Flow, fromStepId: string, toStepId: string, count: number): MoveResult {
  const from = flow.nodes.find((n) => n.id === fromStepId);
  const to = flow.nodes.find((n) => n.id === toStepId);
  if (from?.kind !== 'step' || to?.kind !== 'step') return fail('Staff can only be moved from one step to another.');
  if (fromStepId === toStepId) return fail('Choose two different steps.');
  if (!(Number.isInteger(count) && count >= 1)) return fail('Move a whole number of staff, at least 1.');
  if (from.staff - count < 1) return fail(`"${from.name}" has ${from.staff} staff: it must keep at least one.`);
  const r = setStaff(flow, [
    { stepId: fromStepId, staff: from.staff - count },
    { stepId: toStepId, staff: to.staff + count },
  ]);
  if (!r.ok) return r;
  return { ...r, description: `Moved ${count} staff from ${quoteList([from.name])} to ${quoteList([to.name])} (now ${from.staff - count} and ${to.staff + count}).` };
}

export interface StaffBudget {
  departments: {
    departmentId: string;
    name: string;
    staff: number;
    steps: { stepId: string; name: string; staff: number }[];
    /** Staff cost per hour, when every step of the department has a rate. */
    costPerHour?: number;
  }[];
  total: number;
  /** When every department has a cost. */
  totalCostPerHour?: number;
}

/**
 * Staff per department and overall. `costPerStaffHour` gives the cost of one member of staff for
 * an hour, by department id; a step id in it overrides its department's rate for that step.
 */
export function staffBudget(flow: Flow, costPerStaffHour?: Readonly<Record<string, number>>): StaffBudget {
  const rate = (key: string) => (costPerStaffHour && Object.hasOwn(costPerStaffHour, key) ? costPerStaffHour[key] : undefined);
  const deptIds = [...flow.departments.map((d) => d.id)];
  for (const n of flow.nodes) if (n.kind === 'step' && !deptIds.includes(n.departmentId)) deptIds.push(n.departmentId);
  const departments = deptIds.map((id) => {
    const steps = flow.nodes.flatMap((n) => (n.kind === 'step' && n.departmentId === id ? [{ stepId: n.id, name: n.name, staff: n.staff }] : []));
    const staff = steps.reduce((s, x) => s + x.staff, 0);
    let cost: number | undefined = costPerStaffHour ? 0 : undefined;
    for (const s of steps) {
      const r = rate(s.stepId) ?? rate(id);
      cost = r === undefined || cost === undefined ? undefined : cost + r * s.staff;
    }
    return { departmentId: id, name: flow.departments.find((d) => d.id === id)?.name ?? id, staff, steps, ...(cost !== undefined ? { costPerHour: cost } : {}) };
  });
  const total = departments.reduce((s, d) => s + d.staff, 0);
  const costs = departments.map((d) => d.costPerHour);
  const complete = costPerStaffHour !== undefined && costs.every((c) => c !== undefined);
  return { departments, total, ...(complete ? { totalCostPerHour: costs.reduce<number>((s, c) => s + (c ?? 0), 0) } : {}) };
}
