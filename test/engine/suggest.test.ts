import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { candidateMoves } from '../../src/model/moves';
import { rankSuggestions, suggestionProject, QUICK_REPLICATIONS } from '../../src/engine/suggest';
import { runExperiment } from '../../src/engine/experiment';
import { trafficEquations } from '../../src/engine/traffic';

const loan = () => structuredClone(getExample('loan')!.project);

describe('suggest', () => {
  it('proposes single moves at the busiest step and ranks them by the cut in mean wait per person', () => {
    const p = loan();
    const scenario = p.scenarios[0]!;
    const traffic = trafficEquations(p, scenario);
    const utilization = Object.fromEntries(Object.values(traffic.steps).map((s) => [s.nodeId, s.utilization]));
    const busiest = Object.entries(utilization).sort((a, b) => b[1] - a[1])[0]![0];
    const candidates = candidateMoves(scenario.flow, busiest, utilization, { project: p });
    expect(candidates.map((c) => c.id)).toEqual(['add-staff', 'pool-neighbour', 'move-staff']);
    expect(candidates.find((c) => c.id === 'add-staff')!.extraStaff).toBe(1);

    const { project, applied } = suggestionProject(p, scenario.id, candidates);
    expect(project.scenarios.map((s) => s.kind)).toEqual(['baseline', 'proposal', 'proposal', 'proposal']);
    expect(project.run.replications).toEqual({ kind: 'fixed', count: QUICK_REPLICATIONS });
    const results = runExperiment(project);
    const ranked = rankSuggestions(results, applied);
    expect(ranked).toHaveLength(3);
    // One more person at an 88 %-busy step cuts the wait, clearly.
    const add = ranked.find((r) => r.candidate.id === 'add-staff')!;
    expect(add.significant).toBe(true);
    expect(add.change.mean).toBeLessThan(0);
    // The documented order: useful moves first, then by cut per person.
    const useful = (r: (typeof ranked)[number]) => r.significant && r.change.mean < 0;
    for (let i = 1; i < ranked.length; i++) {
      const a = ranked[i - 1]!;
      const b = ranked[i]!;
      expect(Number(useful(a)) > Number(useful(b)) || (useful(a) === useful(b) && a.perPerson >= b.perPerson)).toBe(true);
    }
    for (const r of ranked) expect(r.perPerson).toBeCloseTo(-r.change.mean / Math.max(1, r.candidate.extraStaff), 12);
  });
});
