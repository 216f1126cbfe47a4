import { describe, expect, it } from 'vitest';
import { runInParallel } from '../../../src/model/moves';
import { getExample } from '../../../src/model/examples';
import { simulateReplication } from '../../../src/engine/simulate';
import type { Project } from '../../../src/model/schema';
import { baseFlow, example, expectSameRates, expectUntouchedStable, nodeOf, ok, withFlow } from './support';

const mortgage = (): Project => structuredClone(getExample('mortgage')!.project);

describe('runInParallel', () => {
  it('turns the mortgage checks done one after another into the parallel proposal: same traffic, shorter time', () => {
    const p = mortgage();
    const flow = baseFlow(p);
    const r = ok(runInParallel(flow, ['fraud-check', 'credit-scoring', 'valuation'], { project: p }));
    const split = r.flow.nodes.find((n) => n.kind === 'split')!;
    const join = r.flow.nodes.find((n) => n.kind === 'join')!;
    // The application check now leads into the split; the split to the three checks; they to the join; the join to the offer.
    expect(r.flow.edges.filter((e) => e.source === 'intake').map((e) => e.target)).toEqual([split.id]);
    expect(r.flow.edges.filter((e) => e.source === split.id).map((e) => e.target).sort()).toEqual(['credit-scoring', 'fraud-check', 'valuation']);
    for (const id of ['credit-scoring', 'fraud-check', 'valuation']) expect(r.flow.edges.filter((e) => e.source === id).map((e) => e.target)).toEqual([join.id]);
    expect(r.flow.edges.filter((e) => e.source === join.id).map((e) => e.target)).toEqual(['offer']);
    expect(r.description).toMatch(/"Credit scoring", "Fraud check" and "Property valuation \(surveyor\)" run at the same time/);
    const before = withFlow(p, flow, { loadCheck: true });
    const after = withFlow(p, r.flow, { loadCheck: true });
    // Every step still sees every case once.
    expectSameRates(before, after, ['intake', 'credit-scoring', 'fraud-check', 'offer']);
    expectUntouchedStable(flow, r);
    // The same case takes about as long as the shipped proposal: the longest path, not the sum.
    const a = simulateReplication(after, 'baseline', 0).overall.timeInSystem.mean;
    const b = simulateReplication(before, 'baseline', 0).overall.timeInSystem.mean;
    expect(a).toBeLessThan(b - 60);
  });

  it('works on steps in a row with or without a handoff between them; the handoff starts the path of the step it led to', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    // Credit analysis → risk approval follow each other; the file-to-credit delay sits before credit analysis, outside the row.
    const r = ok(runInParallel(flow, ['credit-analysis', 'risk-approval'], { project: p }));
    const split = r.flow.nodes.find((n) => n.kind === 'split')!;
    expect(r.flow.edges.filter((e) => e.source === split.id).map((e) => e.target).sort()).toEqual(['credit-analysis', 'risk-approval']);
    withFlow(p, r.flow, { loadCheck: true });
    // Repair: intake → device sent to the workshop (delay) → diagnosis.
    const q = example('repair');
    const withHandoff = ok(runInParallel(baseFlow(q), ['intake', 'diagnosis'], { project: q }));
    const s2 = withHandoff.flow.nodes.find((n) => n.kind === 'split')!;
    // The transport to the workshop now starts the diagnosis path.
    expect(withHandoff.flow.edges.filter((e) => e.source === s2.id).map((e) => e.target).sort()).toEqual(['intake', 'to-workshop']);
    expect(withHandoff.flow.edges.filter((e) => e.source === 'to-workshop').map((e) => e.target)).toEqual(['diagnosis']);
    expectSameRates(withFlow(q, baseFlow(q)), withFlow(q, withHandoff.flow, { loadCheck: true }), ['intake', 'diagnosis', 'repair', 'quality-check']);
  });

  it('refuses steps that do not follow each other in a row, or fewer than two, with a reason', () => {
    const flow = baseFlow(example('loan'));
    const gap = runInParallel(flow, ['intake', 'credit-analysis']);
    expect(gap.ok).toBe(false);
    if (!gap.ok) expect(gap.message).toMatch(/do not follow each other one after the other/);
    const one = runInParallel(flow, ['intake']);
    expect(one.ok).toBe(false);
    const twice = ok(runInParallel(baseFlow(mortgage()), ['credit-scoring', 'fraud-check']));
    const again = runInParallel(twice.flow, ['credit-scoring', 'valuation']);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/already part of parallel work/);
  });
});
