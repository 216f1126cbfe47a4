// "Suggest": quick experiments on single moves at the bottleneck, ranked by how much they cut the
// mean waiting time per person they cost. The candidates run as proposals against the scenario
// on screen (same seeds, so the differences are paired), with few replications: quick
// estimates, labelled as such.
//
// Ranking rule: significant improvements first, then moves with no clear difference, then moves
// that make the wait significantly longer; within each group by the reduction in mean wait divided
// by the extra staff, where a move that adds nobody counts as costing one person (so it is
// compared with adding one).
//
// The step to work on is the simulated bottleneck when the scenario has up-to-date results (the
// step with the largest share of all waiting), else the busiest step by the arrival rates.
import type { Project, Scenario } from '../model/schema';
import type { MoveCandidate } from '../model/moves';
import type { ResultsDocument, ScenarioResultsWithBottlenecks } from './results';
import { trafficEquations } from './traffic';

export interface SuggestTarget {
  stepId: string;
  /** Busy share of its staff at that step (simulated, or estimated). */
  utilization: number;
  /** Simulated share of all waiting, when from results. */
  waitingShare?: number;
  source: 'simulation' | 'estimate';
  /** Busy share per step id, for choosing neighbours and donors. */
  loads: Record<string, number>;
}

/**
 * The step Suggest works on: the simulated bottleneck when `results` (of this scenario, up to
 * date) are given, else the busiest step with staff by the arrival rates (Erlang C estimate).
 */
export function suggestTarget(project: Project, scenario: Scenario, results?: ScenarioResultsWithBottlenecks): SuggestTarget | undefined {
  const hasStaff = (id: string) => scenario.flow.nodes.some((n) => n.id === id && n.kind === 'step' && (n.poolId !== undefined || n.shifts !== undefined || n.staff > 0));
  if (results) {
    const loads: Record<string, number> = {};
    for (const st of Object.values(results.steps)) if (st.kind === 'step') loads[st.id] = st.utilization.mean;
    const top = results.bottlenecks.ranking.find((b) => hasStaff(b.stepId));
    if (top) return { stepId: top.stepId, utilization: top.utilization, waitingShare: top.waitingShare, source: 'simulation', loads };
  }
  const traffic = trafficEquations(project, scenario);
  const loads = Object.fromEntries(Object.values(traffic.steps).map((s) => [s.nodeId, s.utilization]));
  const busiest = Object.keys(loads)
    .filter((id) => hasStaff(id) && !Number.isNaN(loads[id]!))
    .sort((a, b) => loads[b]! - loads[a]!)[0];
  return busiest === undefined ? undefined : { stepId: busiest, utilization: loads[busiest]!, source: 'estimate', loads };
}

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
  /** Significantly shorter waits, no clear difference, or significantly longer waits. */
  verdict: 'better' | 'no clear difference' | 'worse';
  /** Reduction in mean wait per person of cost (see the rule above). */
  perPerson: number;
}

export function rankSuggestions(results: ResultsDocument, applied: MoveCandidate[]): RankedSuggestion[] {
  const ranked = applied.flatMap((candidate) => {
    const c = results.comparisons.find((x) => x.proposalId === `suggest-${candidate.id}`);
    const m = c?.overall.find((x) => x.metric === 'waitingTime.mean');
    if (!m) return [];
    const reduction = -m.difference.mean;
    const verdict: RankedSuggestion['verdict'] = !m.significant || m.difference.mean === 0 ? 'no clear difference' : m.difference.mean < 0 ? 'better' : 'worse';
    return [{ candidate, change: m.difference, significant: m.significant, verdict, perPerson: reduction / Math.max(1, candidate.extraStaff) }];
  });
  const group = { better: 0, 'no clear difference': 1, worse: 2 } as const;
  return ranked.sort((a, b) => group[a.verdict] - group[b.verdict] || b.perPerson - a.perPerson);
}
