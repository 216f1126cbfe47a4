// Candidate single moves at the bottleneck, for "Suggest": add one person there, pool it with its
// busiest neighbouring step, or move one person to it from the least busy step. Running and
// ranking them is src/engine/suggest.ts.
import type { Flow, StepNode } from '../schema';
import { mergeSteps, moveStaff, setStaff, type MoveContext, type MoveResult } from './moves';

export interface Candidate {
  id: 'add-staff' | 'pool-neighbour' | 'move-staff';
  label: string;
  /** Staff added to the flow as a whole (the cost of the move). */
  extraStaff: number;
  apply: (flow: Flow) => MoveResult;
}

/** Steps one hop away from `id` (directly, or through delays and decisions). */
function neighbourSteps(flow: Flow, id: string): StepNode[] {
  const found = new Set<string>();
  const walk = (start: string, dir: 'out' | 'in') => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      const x = queue.shift()!;
      for (const e of flow.edges) {
        const next = dir === 'out' ? (e.source === x ? e.target : undefined) : e.target === x ? e.source : undefined;
        if (!next || seen.has(next)) continue;
        seen.add(next);
        const n = flow.nodes.find((m) => m.id === next);
        if (n?.kind === 'step') found.add(n.id);
        else if (n?.kind === 'delay' || n?.kind === 'decision') queue.push(next);
      }
    }
  };
  walk(id, 'out');
  walk(id, 'in');
  found.delete(id);
  return flow.nodes.filter((n): n is StepNode => n.kind === 'step' && found.has(n.id));
}

export function candidateMoves(flow: Flow, ctx: MoveContext, utilization: Record<string, number>): { bottleneck: StepNode | undefined; candidates: Candidate[] } {
  const steps = flow.nodes.filter((n): n is StepNode => n.kind === 'step' && n.staff > 0);
  const load = (s: StepNode) => utilization[s.id] ?? 0;
  const bottleneck = [...steps].sort((a, b) => load(b) - load(a))[0];
  if (!bottleneck) return { bottleneck, candidates: [] };
  const candidates: Candidate[] = [
    {
      id: 'add-staff',
      label: `Add one person at "${bottleneck.name}"`,
      extraStaff: 1,
      apply: (f) => setStaff(f, [{ stepId: bottleneck.id, staff: bottleneck.staff + 1 }]),
    },
  ];
  const neighbour = neighbourSteps(flow, bottleneck.id).sort((a, b) => load(b) - load(a))[0];
  if (neighbour)
    candidates.push({
      id: 'pool-neighbour',
      label: `Pool "${bottleneck.name}" with "${neighbour.name}" (one step, staff together)`,
      extraStaff: 0,
      apply: (f) => mergeSteps(f, [bottleneck.id, neighbour.id], ctx),
    });
  const donor = steps.filter((s) => s.id !== bottleneck.id && s.staff > 1).sort((a, b) => load(a) - load(b))[0];
  if (donor)
    candidates.push({
      id: 'move-staff',
      label: `Move one person from "${donor.name}" to "${bottleneck.name}"`,
      extraStaff: 0,
      apply: (f) => moveStaff(f, donor.id, bottleneck.id, 1),
    });
  return { bottleneck, candidates };
}
