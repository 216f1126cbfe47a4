import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { runExperiment } from '../../src/engine/experiment';
import { summarizeTransition, transitionProject, weeklyCosts, TRANSITION_WEEKS } from '../../src/engine/transition';
import type { ResultsDocument } from '../../src/engine/results';

const withWeeks = (baseline: number[], proposal: number[]) =>
  ({
    scenarios: [
      { id: 'b', kind: 'baseline', timeline: { waitingTime: { mean: baseline, ci95: baseline.map(() => 1) } } },
      { id: 'p', kind: 'proposal', timeline: { waitingTime: { mean: proposal, ci95: proposal.map(() => 1) } } },
    ],
  }) as unknown as ResultsDocument;

describe('the transition view', () => {
  it('simulates both scenarios from day one, week by week', () => {
    const loan = getExample('loan')!.project;
    const p = transitionProject(loan, 'single-point-of-contact');
    expect(p.run.warmup).toBe(0);
    expect(p.run.horizon).toEqual({ kind: 'duration', duration: TRANSITION_WEEKS * 10080 });
    expect(p.scenarios.map((s) => s.id)).toEqual(['baseline', 'single-point-of-contact']);
    const results = runExperiment({ ...p, run: { ...p.run, replications: { kind: 'fixed', count: 3 } } }, { timelineBins: TRANSITION_WEEKS });
    const s = summarizeTransition(results, 'single-point-of-contact');
    expect(s.weeks).toHaveLength(TRANSITION_WEEKS);
    expect(s.weeks.map((w) => w.week)).toEqual(Array.from({ length: TRANSITION_WEEKS }, (_, i) => i + 1));
    for (const w of s.weeks) expect(w.proposal.mean).toBeGreaterThan(0);
    expect(results.scenarios[1]!.timeline.binWidth).toBeCloseTo(10080, 9);
    // The loan example has cost assumptions: money week by week, adding up to the run's totals.
    const c = summarizeTransition(results, 'single-point-of-contact', undefined, loan.costs).costs!;
    expect(c.weeks).toHaveLength(TRANSITION_WEEKS);
    const total = results.scenarios[1]!.overall.costs.total.mean;
    expect(c.weeks.reduce((a, w) => a + w.proposal.mean, 0)).toBeCloseTo(total, 3);
    expect(summarizeTransition(results, 'single-point-of-contact').costs).toBeUndefined();
  });

  it('weekly costs: today’s steady week, the week from which the proposal is cheaper, and when the extra cost is recovered', () => {
    const c = weeklyCosts({ mean: [100, 100, 100, 100, 100] }, { mean: [160, 130, 90, 80, 70], ci95: [0, 0, 0, 0, 0] })!;
    expect(c.steady).toBe(100);
    expect(c.weeks.map((w) => w.cumulativeDifference)).toEqual([60, 90, 80, 60, 30]);
    expect(c.cheaperFrom).toBe(3);
    expect(c.recoveredBy).toBeUndefined();
    expect(c.differenceAtEnd).toBe(30);
    const later = weeklyCosts({ mean: [100, 100, 100, 100, 100, 100] }, { mean: [130, 90, 80, 70, 110, 90], ci95: [0, 0, 0, 0, 0, 0] })!;
    expect(later.recoveredBy).toBe(3); // 30, 20, 0, −30, −20, −30
    expect(later.cheaperFrom).toBe(6);
  });

  it('names the worst week, the weeks worse than today and the week from which it pays off', () => {
    const s = summarizeTransition(withWeeks([50, 50, 50, 50, 50, 50], [90, 70, 45, 55, 40, 35]), 'p');
    expect(s.steady).toBe(50);
    expect(s.worst).toEqual({ week: 1, mean: 90 });
    expect(s.weeksWorse).toBe(3);
    expect(s.paysOffFrom).toBe(5); // week 4 was worse again
    expect(summarizeTransition(withWeeks([50, 50], [60, 70]), 'p').paysOffFrom).toBeUndefined();
    expect(summarizeTransition(withWeeks([50, 50], [60, 40]), 'p', 30).paysOffFrom).toBeUndefined(); // against a given steady state
  });
});
