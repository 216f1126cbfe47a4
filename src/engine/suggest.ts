// "Suggest": quick experiments on single moves at the bottleneck, ranked by how much they cut the
// mean waiting time per person they cost. The candidates run as proposals against the scenario
// on screen (same seeds, so the differences are paired), with few replications: quick
// estimates, labelled as such.
//
// Ranking rule: by the reduction in mean wait divided by the extra staff, where a move that adds
// nobody counts as costing one person (so it is compared with adding one); moves that do not
// reduce the wait significantly come last.
import type { Project } from '../model/schema';
import type { MoveCandidate } from '../model/moves';
import type { ResultsDocument } from './results';

export const QUICK_REPLICATIONS = 5;

/** The project to simulate: the scenario on screen as baseline, each candidate as a proposal. */
export function suggestionProject(project: Project, scenarioId: string, candidates: MoveCandidate[]): { project: Project; applied: MoveCandidate[] } {
  const source = project.scenarios.find((s) => s.id === scenarioId)!;
  const applied = [...candidates];
  const proposals = candidates.map((c) => ({ id: `suggest-${c.id}`, name: c.label.slice(0, 120), kind: 'proposal' as const, flow: c.flow }));
  return {
    applied,
    project: {
      ...project,
      run: { ...project.run, replications: { kind: 'fixed', count: QUICK_REPLICATIONS } },
      scenarios: [{ ...source, id: 'suggest-current', kind: 'baseline' }, ...proposals],
    },
  };
}

export interface RankedSuggestion {
  candidate: MoveCandidate;
  /** Change in mean wait (proposal − current), with its 95 % half-width. */
  change: { mean: number; ci95: number };
  significant: boolean;
  /** Reduction in mean wait per person of cost (see the rule above). */
  perPerson: number;
}

export function rankSuggestions(results: ResultsDocument, applied: MoveCandidate[]): RankedSuggestion[] {
  const ranked = applied.flatMap((candidate) => {
    const c = results.comparisons.find((x) => x.proposalId === `suggest-${candidate.id}`);
    const m = c?.overall.find((x) => x.metric === 'waitingTime.mean');
    if (!m) return [];
    const reduction = -m.difference.mean;
    return [{ candidate, change: m.difference, significant: m.significant, perPerson: reduction / Math.max(1, candidate.extraStaff) }];
  });
  const useful = (r: RankedSuggestion) => r.significant && r.change.mean < 0;
  return ranked.sort((a, b) => Number(useful(b)) - Number(useful(a)) || b.perPerson - a.perPerson);
}
