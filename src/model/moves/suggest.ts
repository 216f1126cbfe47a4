// Single-move candidates at the bottleneck, for "Suggest" (running and ranking the experiments
// is done elsewhere): one more member of staff there; pooling it with its busiest neighbouring
// step (the two merged, staff together); one member of staff moved to it from the least busy
// step that can spare one.
import type { Flow, StepNode } from '../schema';
import { mergeSteps } from './merge';
import { moveStaff, setStaffing, staffUnits, unitOfStep, type StaffUnit } from './staff';
import type { ProjectInfo } from './types';

export interface MoveCandidate {
  id: 'add-staff' | 'pool-neighbour' | 'move-staff';
  label: string;
  flow: Flow;
  /** Staff added to the flow as a whole (what the move costs). */
  extraStaff: number;
  /** The move in words, for "What changed" if it is applied. */
  description: string;
}

/** Steps one hop away from `id`, before or after it, directly or through delays and decisions. */
export function neighbourSteps(flow: Flow, id: string): StepNode[] {
  const found = new Set<string>();
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  for (const forward of [true, false]) {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      for (const e of flow.edges) {
        const next = forward ? (e.source === x ? e.target : undefined) : e.target === x ? e.source : undefined;
        if (next === undefined || seen.has(next)) continue;
        seen.add(next);
        const n = byId.get(next);
        if (n?.kind === 'step') found.add(n.id);
        else if (n?.kind === 'delay' || n?.kind === 'decision') stack.push(next);
      }
    }
  }
  found.delete(id);
  return flow.nodes.filter((n): n is StepNode => n.kind === 'step' && found.has(n.id));
}

/**
 * `loads`: utilisation per step id (busy share of its staff). A step without a load is not
 * considered as a neighbour or a donor. A donor must stay below 100 % busy with one fewer.
 */
export function candidateMoves(flow: Flow, bottleneckStepId: string, loads: Readonly<Record<string, number>>, opts: { project?: ProjectInfo } = {}): MoveCandidate[] {
  const bottleneck = flow.nodes.find((n) => n.id === bottleneckStepId);
  if (bottleneck?.kind !== 'step') return [];
  const load = (s: StepNode) => loads[s.id];
  const candidates: MoveCandidate[] = [];

  // What sets the bottleneck's capacity: its own staff, its shift plan, or its pool.
  const unit = unitOfStep(flow, bottleneck.id);
  if (!unit) return [];
  const add = setStaffing(flow, [{ key: unit.key, level: unit.level + 1 }]);
  if (add.ok) candidates.push({ id: 'add-staff', label: addLabel(unit, bottleneck), flow: add.flow, extraStaff: 1, description: add.description });

  const neighbour = neighbourSteps(flow, bottleneck.id)
    .filter((s) => load(s) !== undefined)
    .sort((a, b) => load(b)! - load(a)!)[0];
  if (neighbour) {
    const merged = mergeSteps(flow, [bottleneck.id, neighbour.id], { project: opts.project });
    if (merged.ok)
      candidates.push({ id: 'pool-neighbour', label: `Pool "${bottleneck.name}" with "${neighbour.name}" (one step, staff working together)`, flow: merged.flow, extraStaff: 0, description: merged.description });
  }

  // A unit (step, shift plan or pool) whose steps are all loaded, that stays below 100 % busy with one fewer.
  const unitLoad = (u: StaffUnit) => (u.stepIds.every((id) => loads[id] !== undefined) ? Math.max(...u.stepIds.map((id) => loads[id]!)) : undefined);
  const donors = staffUnits(flow)
    .filter((u) => u.key !== unit.key && u.level > 1 && unitLoad(u) !== undefined && (unitLoad(u)! * u.level) / (u.level - 1) < 1)
    .sort((a, b) => unitLoad(a)! - unitLoad(b)!);
  for (const donor of donors) {
    const moved = moveStaff(flow, donor.stepIds[0]!, bottleneck.id, 1);
    if (!moved.ok) continue; // e.g. a shift plan with an hour of one person only
    candidates.push({ id: 'move-staff', label: `Move one member of staff from ${donor.kind === 'pool' ? `the pool "${donor.name}"` : `"${donor.name}"`} to ${unit.kind === 'pool' ? `the pool "${unit.name}"` : `"${bottleneck.name}"`}`, flow: moved.flow, extraStaff: 0, description: moved.description });
    break;
  }
  return candidates;
}

function addLabel(unit: StaffUnit, step: StepNode): string {
  if (unit.kind === 'pool') return `One more member of staff in the pool "${unit.name}" (which serves "${step.name}")${unit.shifts ? ', in every hour with staff' : ''}`;
  if (unit.kind === 'shifts') return `One more member of staff at "${step.name}" in every hour with staff on duty`;
  return `One more member of staff at "${step.name}"`;
}
