// Suggest works on the simulated bottleneck and ranks clear improvements first (issue 17).
import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { candidateMoves, type MoveCandidate } from '../../src/model/moves';
import { rankSuggestions, suggestTarget } from '../../src/engine/suggest';
import { runExperiment } from '../../src/engine/experiment';
import type { ResultsDocument } from '../../src/engine/results';

const loan = () => structuredClone(getExample('loan')!.project);

describe('suggestTarget', () => {
  it('without results: the busiest step by the arrival rates; with results: the simulated bottleneck', () => {
    const p = loan();
    const scenario = p.scenarios[0]!;
    const estimate = suggestTarget(p, scenario)!;
    expect(estimate.source).toBe('estimate');
    // Make the simulated results name another step as the bottleneck than the estimate does.
    const res = runExperiment(p, { replications: 2, seed: 3, scenarioIds: [scenario.id] }).scenarios[0]!;
    const other = res.bottlenecks.ranking.find((b) => b.stepId !== estimate.stepId)!;
    const doctored = { ...res, bottlenecks: { ...res.bottlenecks, ranking: [other, ...res.bottlenecks.ranking.filter((b) => b !== other)] } };
    const simulated = suggestTarget(p, scenario, doctored)!;
    expect(simulated.source).toBe('simulation');
    expect(simulated.stepId).toBe(other.stepId);
    expect(simulated.loads[other.stepId]).toBe(res.steps[other.stepId]!.utilization.mean);
  });
});

describe('rankSuggestions', () => {
  const cand = (id: MoveCandidate['id'], extraStaff: number): MoveCandidate => ({ id, label: id, flow: loan().scenarios[0]!.flow, extraStaff, description: id });
  const doc = (rows: { id: string; mean: number; significant: boolean }[]) =>
    ({
      comparisons: rows.map((r) => ({ proposalId: `suggest-${r.id}`, overall: [{ metric: 'waitingTime.mean', difference: { mean: r.mean, ci95: 1 }, significant: r.significant }] })),
    }) as unknown as ResultsDocument;

  it('a significant improvement comes before a larger cut that is not significant, and worse moves come last', () => {
    const ranked = rankSuggestions(
      doc([
        { id: 'add-staff', mean: -2, significant: true },
        { id: 'pool-neighbour', mean: -9, significant: false },
        { id: 'move-staff', mean: 3, significant: true },
      ]),
      [cand('pool-neighbour', 0), cand('add-staff', 1), cand('move-staff', 0)],
    );
    expect(ranked.map((r) => [r.candidate.id, r.verdict])).toEqual([
      ['add-staff', 'better'],
      ['pool-neighbour', 'no clear difference'],
      ['move-staff', 'worse'],
    ]);
  });

  it('a change of exactly nothing is "no clear difference", even when the interval is zero', () => {
    const ranked = rankSuggestions(doc([{ id: 'add-staff', mean: 0, significant: true }]), [cand('add-staff', 1)]);
    expect(ranked[0]!.verdict).toBe('no clear difference');
  });
});

describe('candidates at the simulated bottleneck', () => {
  it('are built for that step', () => {
    const p = loan();
    const res = runExperiment(p, { replications: 2, seed: 3, scenarioIds: ['baseline'] }).scenarios[0]!;
    const t = suggestTarget(p, p.scenarios[0]!, res)!;
    const cands = candidateMoves(p.scenarios[0]!.flow, t.stepId, t.loads, { project: p });
    const name = p.scenarios[0]!.flow.nodes.find((n) => n.id === t.stepId)!.name;
    expect(cands[0]!.label).toContain(name);
  });
});
