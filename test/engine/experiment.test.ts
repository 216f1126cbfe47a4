import { describe, expect, it } from 'vitest';
import { aggregateScenario, isPreciseEnough } from '../../src/engine/aggregate';
import { rankBottlenecks } from '../../src/engine/bottleneck';
import { compareScenarios, describeComparison, type MetricComparison } from '../../src/engine/compare';
import { runExperiment, nextBatchSize, withOverrides } from '../../src/engine/experiment';
import { canonicalJson, projectHash } from '../../src/engine/results';
import { simulateReplication } from '../../src/engine/simulate';
import { Project } from '../../src/model/schema';
import { getExample } from '../../src/model/examples';
import { edge, flowProject, poisson, singleStationProject, step } from './helpers';

const mm1 = singleStationProject({ lambda: 0.5, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 2000, warmup: 100 });

describe('aggregateScenario', () => {
  it('averages per-replication values and gives Student-t half-widths', () => {
    const reps = [0, 1, 2, 3].map((r) => simulateReplication(mm1, 'base', r));
    const agg = aggregateScenario(mm1, mm1.scenarios[0]!, reps);
    const waits = reps.map((r) => r.overall.waitingTime.mean);
    const m = waits.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.sqrt(waits.reduce((a, w) => a + (w - m) ** 2, 0) / 3);
    expect(agg.overall.waitingTime.mean).toBeCloseTo(m, 12);
    expect(agg.overall.waitingTime.ci95).toBeCloseTo((3.182446305 * sd) / 2, 6);
    expect(agg.replications).toBe(4);
    expect(agg.steps.s!.waitingShare.mean).toBeCloseTo(1, 12);
    expect(agg.waitingCdf).toHaveLength(101);
    expect(agg.timeline.workInProgress.mean).toHaveLength(50);
  });

  it('refuses replications of another scenario', () => {
    const rep = simulateReplication(mm1, 'base', 0);
    expect(() => aggregateScenario(mm1, { ...mm1.scenarios[0]!, id: 'other' }, [rep])).toThrow(/belongs to scenario "base"/);
  });

  it('warns when a step is saturated and its queue keeps growing', () => {
    const p = singleStationProject({ lambda: 1.05, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 20_000 });
    const agg = aggregateScenario(p, p.scenarios[0]!, [0, 1].map((r) => simulateReplication(p, 'base', r)));
    expect(agg.warnings.find((w) => w.kind === 'unstable')?.message).toMatch(/Service is \d+ % busy and its queue keeps growing/);
  });
});

describe('rankBottlenecks', () => {
  it('orders steps by their share of waiting and states the top one in words', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.3), { ...step('intake', 1, 1), name: 'Intake' }, { ...step('credit', 1, 3), name: 'Credit analysis' }, { id: 'x', kind: 'exit', name: 'x' }],
      edges: [edge('in', 'intake'), edge('intake', 'credit'), edge('credit', 'x')],
      duration: 20_000,
    });
    const agg = aggregateScenario(p, p.scenarios[0]!, [0, 1, 2].map((r) => simulateReplication(p, 'base', r)));
    const b = rankBottlenecks(agg);
    expect(b.ranking.map((r) => r.stepId)).toEqual(['credit', 'intake']);
    expect(b.statement).toMatch(/^Credit analysis: 9\d % busy, \d\d % of all waiting$/);
  });
});

describe('compareScenarios', () => {
  const twoScenarios = (staffAfter: number): Project => {
    const base = mm1.scenarios[0]!;
    const proposal = structuredClone(base);
    proposal.id = 'more-staff';
    proposal.name = 'More staff';
    proposal.kind = 'proposal';
    const s = proposal.flow.nodes.find((n) => n.id === 's')!;
    if (s.kind === 'step') s.staff = staffAfter;
    return { ...mm1, scenarios: [base, proposal] };
  };

  it('finds a significant fall in waiting when staff is added, with a sentence a client understands', () => {
    const p = twoScenarios(2);
    const reps = (id: string) => [0, 1, 2, 3, 4].map((r) => simulateReplication(p, id, r));
    const c = compareScenarios(p, reps('base'), reps('more-staff'));
    const wait = c.overall.find((m) => m.metric === 'waitingTime.mean')!;
    expect(wait.significant).toBe(true);
    expect(wait.difference.mean).toBeLessThan(0);
    expect(wait.sentence).toMatch(/^Mean wait falls from [\d.]+ (s|min) to [\d.]+ (s|min) \(−\d+ %, 95 % CI −\d+ % to −\d+ %\)$/);
    expect(c.steps.map((s) => s.id)).toEqual(['s']);
  });

  it('an identical proposal shows no change at all (common random numbers)', () => {
    const p = twoScenarios(1);
    const reps = (id: string) => [0, 1, 2].map((r) => simulateReplication(p, id, r));
    const c = compareScenarios(p, reps('base'), reps('more-staff'));
    for (const m of c.overall) {
      expect(m.difference.mean).toBe(0);
      expect(m.significant).toBe(false);
    }
  });

  it('lists steps that exist in only one scenario', () => {
    const p = getExample('loan')!.project;
    const small = withOverrides({ ...p, run: { ...p.run, horizon: { kind: 'duration', duration: 20_000 } } }, { replications: 2 });
    const doc = runExperiment(small);
    const c = doc.comparisons[0]!;
    expect(c.onlyInBaseline.steps).toContain('intake');
    expect(c.onlyInProposal.steps).toContain('advisor');
    expect(c.steps.map((s) => s.id)).toContain('credit-analysis');
  });

  it('describes shares in percentage points and says when a change is within the noise', () => {
    const base: MetricComparison = {
      metric: 'serviceLevel.x',
      label: 'Answered within 1 h',
      kind: 'share',
      baseline: 0.8,
      proposal: 0.9,
      difference: { mean: 0.1, ci95: 0.02 },
      relative: { mean: 12.5, ci95: 2.5, low: 10, high: 15 },
      significant: true,
      lowerIsBetter: false,
      sentence: '',
    };
    expect(describeComparison(base, 'minutes')).toBe('Answered within 1 h rises from 80 % to 90 % (+10 points, 95 % CI +8 points to +12 points)');
    expect(describeComparison({ ...base, significant: false }, 'minutes')).toMatch(/about the same/);
  });
});

describe('runExperiment', () => {
  it('is deterministic: same project and seed give the same JSON', () => {
    const a = JSON.stringify(runExperiment(mm1, { replications: 3 }));
    const b = JSON.stringify(runExperiment(mm1, { replications: 3 }));
    expect(a).toBe(b);
    expect(JSON.stringify(runExperiment(mm1, { replications: 3, seed: 99 }))).not.toBe(a);
  });

  it('"until precise enough" stops once precise, within min and max', () => {
    const loose = { ...mm1, run: { ...mm1.run, replications: { kind: 'precision' as const, relativeHalfWidth: 0.5, min: 3, max: 40 } } };
    expect(runExperiment(loose).settings.replications).toBe(3);
    const strict = { ...mm1, run: { ...mm1.run, replications: { kind: 'precision' as const, relativeHalfWidth: 0.02, min: 3, max: 12 } } };
    const doc = runExperiment(strict);
    expect(doc.settings.replications).toBe(12);
    expect(doc.scenarios[0]!.warnings.map((w) => w.kind)).toContain('precision');
    const mid = { ...mm1, run: { ...mm1.run, replications: { kind: 'precision' as const, relativeHalfWidth: 0.1, min: 3, max: 200 } } };
    const midDoc = runExperiment(mid);
    const n = midDoc.settings.replications;
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(200);
    expect(isPreciseEnough(midDoc.scenarios, 0.1)).toBe(true);
  });

  it('nextBatchSize adds nothing for a fixed count', () => {
    expect(nextBatchSize(mm1, new Map([['base', [simulateReplication(mm1, 'base', 0)]]]))).toBe(0);
  });

  it('the project hash ignores key order but not content', () => {
    const reordered = JSON.parse(canonicalJson(mm1)) as Project;
    expect(projectHash(reordered)).toBe(projectHash(mm1));
    expect(projectHash({ ...mm1, name: 'other' })).not.toBe(projectHash(mm1));
  });
});
