// Staff moves, and the staff budget (totals per department and overall, with a cost per hour
// when rates are given) that the restructuring view shows next to them.
import type { Flow } from '../schema';
import { fail, quoteList, touchedNodes } from './helpers';
import type { MoveResult } from './types';

const MAX_STAFF = 10_000;

/**
 * What really sets a step's capacity: its own staff, its shift plan (staff on duty hour by hour),
 * or the staff pool it draws on (the pool's size, or the pool's shift plan). Staff moves change
 * these — never the `staff` number of a step on shifts or in a pool, which the engine ignores.
 */
export interface StaffUnit {
  /** A step's id, or `pool:` + the pool's id. */
  key: string;
  kind: 'own' | 'shifts' | 'pool';
  name: string;
  departmentId: string | undefined;
  /** Staff now: a step's staff, the most on duty in any hour of a shift plan, or a pool's size. */
  level: number;
  /** The steps it serves. */
  stepIds: string[];
  /** Hour by hour, when on shifts (the pool's, for a pool on shifts). */
  shifts?: readonly number[];
}

export const poolKey = (poolId: string) => `pool:${poolId}`;

/** Every unit that sets capacity in the flow, in the order of the steps. */
export function staffUnits(flow: Flow): StaffUnit[] {
  const units: StaffUnit[] = [];
  const pools = new Map<string, StaffUnit>();
  for (const n of flow.nodes) {
    if (n.kind !== 'step') continue;
    if (n.poolId !== undefined) {
      const pool = flow.pools?.find((x) => x.id === n.poolId);
      if (!pool) continue;
      let u = pools.get(pool.id);
      if (!u) {
        u = { key: poolKey(pool.id), kind: 'pool', name: pool.name, departmentId: pool.departmentId ?? n.departmentId, level: pool.shifts ? peak(pool.shifts.staff) : pool.size, stepIds: [], ...(pool.shifts ? { shifts: pool.shifts.staff } : {}) };
        pools.set(pool.id, u);
        units.push(u);
      }
      u.stepIds.push(n.id);
    } else if (n.shifts) units.push({ key: n.id, kind: 'shifts', name: n.name, departmentId: n.departmentId, level: peak(n.shifts.staff), stepIds: [n.id], shifts: n.shifts.staff });
    else units.push({ key: n.id, kind: 'own', name: n.name, departmentId: n.departmentId, level: n.staff, stepIds: [n.id] });
  }
  return units;
}

/** The unit that sets the capacity of a step (its pool's when it draws on one). */
export function unitOfStep(flow: Flow, stepId: string): StaffUnit | undefined {
  return staffUnits(flow).find((u) => u.stepIds.includes(stepId));
}

const peak = (hours: readonly number[]) => hours.reduce((m, x) => Math.max(m, x), 0);

/** `by` more (or fewer) on duty in every hour that has staff; hours with nobody stay closed. */
function shiftHours(name: string, hours: readonly number[], by: number): number[] | string {
  if (!hours.some((h) => h > 0)) return `"${name}" has nobody on duty in any hour: set its shifts in the inspector first.`;
  const fewest = Math.min(...hours.filter((h) => h > 0));
  if (fewest + by < 1) return `"${name}" has only ${fewest} on duty in some hours: it can lose at most ${fewest - 1} there.`;
  if (peak(hours) + by > MAX_STAFF) return `"${name}": at most ${MAX_STAFF} staff in an hour.`;
  return hours.map((h) => (h > 0 ? h + by : 0));
}

function unitWords(u: StaffUnit, to: number): string {
  const by = to - u.level;
  if (u.kind === 'own') return `"${u.name}" ${u.level} → ${to}`;
  const more = `${Math.abs(by)} ${by > 0 ? 'more' : 'fewer'}`;
  if (u.kind === 'pool' && !u.shifts) return `staff pool "${u.name}" ${u.level} → ${to} people`;
  return `${u.kind === 'pool' ? `staff pool "${u.name}"` : `"${u.name}"`}: ${more} on duty in every hour with staff (up to ${u.level} → ${to})`;
}

/**
 * Sets the staff of units by key (a step's id, or `pool:` + a pool's id) to new levels: a step's
 * own staff; for a shift plan, the difference is added in every hour that has staff; for a pool,
 * to its size (and its shift plan).
 */
export function setStaffing(flow: Flow, changes: readonly { key: string; level: number }[]): MoveResult {
  const units = new Map(staffUnits(flow).map((u) => [u.key, u]));
  const parts: string[] = [];
  let nodes = flow.nodes;
  let pools = flow.pools;
  for (const c of changes) {
    const u = units.get(c.key);
    if (!u) {
      const n = flow.nodes.find((x) => x.id === c.key);
      return fail(n ? `"${n.name}" is not a step: only steps have staff.` : `There is no step or staff pool "${c.key}" in this flow.`);
    }
    if (!(Number.isInteger(c.level) && c.level >= 0 && c.level <= MAX_STAFF)) return fail(`"${u.name}": staff must be a whole number from 0 to ${MAX_STAFF}.`);
    if (c.level === u.level) continue;
    const by = c.level - u.level;
    if (u.shifts) {
      const hours = shiftHours(u.name, u.shifts, by);
      if (typeof hours === 'string') return fail(hours);
      if (u.kind === 'pool') pools = pools?.map((p) => (poolKey(p.id) === u.key && p.shifts ? { ...p, size: Math.max(0, p.size + by), shifts: { ...p.shifts, staff: hours } } : p));
      else nodes = nodes.map((n) => (n.id === u.key && n.kind === 'step' && n.shifts ? { ...n, shifts: { ...n.shifts, staff: hours } } : n));
    } else if (u.kind === 'pool') pools = pools?.map((p) => (poolKey(p.id) === u.key ? { ...p, size: c.level } : p));
    else nodes = nodes.map((n) => (n.id === u.key && n.kind === 'step' ? { ...n, staff: c.level } : n));
    parts.push(unitWords(u, c.level));
  }
  if (parts.length === 0) return fail('No staff numbers changed.');
  const result: Flow = { ...flow, nodes, ...(pools ? { pools } : {}) };
  return { ok: true, flow: result, description: `Staff changed: ${parts.join(', ')}.`, touched: touchedNodes(flow, result) };
}

/** Sets the staff of steps: each step's own staff, shift plan or pool (see setStaffing). */
export function setStaff(flow: Flow, changes: readonly { stepId: string; staff: number }[]): MoveResult {
  const keyed: { key: string; level: number }[] = [];
  for (const c of changes) {
    const n = flow.nodes.find((x) => x.id === c.stepId);
    if (n?.kind !== 'step') return fail(n ? `"${n.name}" is not a step: only steps have staff.` : `There is no step "${c.stepId}" in this flow.`);
    const u = unitOfStep(flow, c.stepId);
    if (!u) return fail(`"${n.name}" draws on a staff pool that does not exist.`);
    keyed.push({ key: u.key, level: c.staff });
  }
  return setStaffing(flow, keyed);
}

/** Moves `count` staff from one step to another (their shift plans or pools); the one they leave keeps at least one. */
export function moveStaff(flow: Flow, fromStepId: string, toStepId: string, count: number): MoveResult {
  const from = flow.nodes.find((n) => n.id === fromStepId);
  const to = flow.nodes.find((n) => n.id === toStepId);
  if (from?.kind !== 'step' || to?.kind !== 'step') return fail('Staff can only be moved from one step to another.');
  if (fromStepId === toStepId) return fail('Choose two different steps.');
  if (!(Number.isInteger(count) && count >= 1)) return fail('Move a whole number of staff, at least 1.');
  const a = unitOfStep(flow, fromStepId);
  const b = unitOfStep(flow, toStepId);
  if (!a || !b) return fail('Staff can only be moved between steps with staff.');
  if (a.key === b.key) return fail(`"${from.name}" and "${to.name}" share the staff pool "${a.name}": moving staff between them changes nothing.`);
  if (a.level - count < 1) return fail(`"${a.name}" has ${a.level} staff: it must keep at least one.`);
  const r = setStaffing(flow, [
    { key: a.key, level: a.level - count },
    { key: b.key, level: b.level + count },
  ]);
  if (!r.ok) return r;
  return { ...r, description: `Moved ${count} staff from ${quoteList([a.name])} to ${quoteList([b.name])} (${r.description.replace(/^Staff changed: /, '').replace(/\.$/, '')}).` };
}

export interface StaffBudget {
  departments: {
    departmentId: string;
    name: string;
    staff: number;
    /** What sets capacity there: steps with their own staff or shifts, and pools (`stepId` is the unit's key). */
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
  const units = staffUnits(flow);
  const deptIds = [...flow.departments.map((d) => d.id)];
  for (const u of units) if (u.departmentId !== undefined && !deptIds.includes(u.departmentId)) deptIds.push(u.departmentId);
  const departments = deptIds.map((id) => {
    // A step's own staff, the most on duty in its shift plan, or a pool's size (counted once, in its department).
    const steps = units.flatMap((u) => (u.departmentId === id ? [{ stepId: u.key, name: u.name, staff: u.level }] : []));
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
