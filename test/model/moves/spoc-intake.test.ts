import { describe, expect, it } from 'vitest';
import { moments } from '../../../src/engine/distributions';
import { checkAtIntake, customerFacingSteps, singlePointOfContact } from '../../../src/model/moves';
import type { Project } from '../../../src/model/schema';
import { baseFlow, common, example, exitRate, expectSameRates, expectUntouchedStable, nodeOf, ok, rates, stepOf, withFlow, work } from './support';

describe('singlePointOfContact', () => {
  it('finds the first step of each department customers meet', () => {
    expect(customerFacingSteps(baseFlow(example('loan')))).toEqual(['intake', 'document-check', 'credit-analysis', 'risk-approval']);
    expect(customerFacingSteps(baseFlow(example('repair')))).toEqual(['intake', 'diagnosis', 'quality-check']);
  });

  it('one front-office step takes over the customer-facing steps: merged as steps, in the front office, back office unchanged', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(singlePointOfContact(flow, ['intake', 'document-check'], { project: p, name: 'Advisor' }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const front = stepOf(r.flow, 'intake');
    expect(nodeOf(r.flow, 'document-check')).toBeUndefined();
    expect(front.name).toBe('Advisor');
    expect(front.departmentId).toBe('front'); // the existing department named "Front office"
    expect(front.staff).toBe(stepOf(flow, 'intake').staff + stepOf(flow, 'document-check').staff);
    expect(r.flow.departments).toEqual(flow.departments);
    for (const id of ['credit-analysis', 'risk-approval', 'contract']) expect(stepOf(r.flow, id)).toEqual(stepOf(flow, id));
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expectSameRates(before, after, common(flow, r.flow, ['intake']));
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Advisor"');
    expect(r.description).toContain('"Intake" and "Document check"');
  });

  it('creates a front-office department when there is none, and takes the given staff', () => {
    const p = example('repair');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(singlePointOfContact(flow, ['intake', 'return'], { project: p, staff: 3 }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const front = stepOf(r.flow, 'intake');
    const dept = r.flow.departments.find((d) => d.id === front.departmentId);
    expect(dept?.name).toBe('Front office');
    expect(flow.departments.some((d) => d.id === dept!.id)).toBe(false);
    expect(front.staff).toBe(3);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expect(r.description).toContain('Front office');
  });

  it('refuses no steps, non-steps and bad staff numbers', () => {
    const p = example('loan');
    expect(singlePointOfContact(baseFlow(p), [], { project: p }).ok).toBe(false);
    expect(singlePointOfContact(baseFlow(p), ['intake', 'mail-to-back'], { project: p }).ok).toBe(false);
    expect(singlePointOfContact(baseFlow(p), ['intake', 'document-check'], { project: p, staff: 0 }).ok).toBe(false);
    expect(singlePointOfContact(baseFlow(p), ['intake', 'document-check'], { project: p, departmentId: 'nowhere' }).ok).toBe(false);
  });
});

describe('checkAtIntake', () => {
  const share = (p: Project, source: string, target: string) => {
    const e = p.scenarios[0]!.flow.edges.find((x) => x.source === source && x.target === target);
    return e?.probability ?? (e ? 1 : 0);
  };

  it('a check after the arrivals catches (1 − residual) of the rework; the late decision keeps residual × rework', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const residual = 0.4;
    const rework = share(before, 'documents-complete', 'await-documents');
    const r = ok(checkAtIntake(flow, 'documents-complete', { residualShare: residual, project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const firstAfterArrivals = r.flow.edges.filter((e) => e.source === 'applications');
    expect(firstAfterArrivals).toHaveLength(1);
    const check = stepOf(r.flow, firstAfterArrivals[0]!.target);
    expect(check.name).toBe('Intake check');
    // By default the same check as late, done earlier.
    expect(check.service).toEqual(stepOf(flow, 'document-check').service);
    expect(share(after, 'documents-complete', 'await-documents')).toBeCloseTo(residual * rework, 12);
    expect(share(after, 'documents-complete', 'file-to-credit')).toBeCloseTo(1 - residual * rework, 12);
    // Every pass of the check sends (1 − residual)·rework back through the customer's delay.
    const early = (1 - residual) * rework;
    expect(rates(after)[check.id]).toBeCloseTo(rates(before)['applications']! / (1 - early), 12);
    const supply = after.scenarios[0]!.flow.nodes.find((n) => n.kind === 'delay' && !flow.nodes.some((m) => m.id === n.id));
    const lateWait = nodeOf(flow, 'await-documents');
    expect(lateWait?.kind).toBe('delay');
    expect(supply).toMatchObject({ kind: 'delay', duration: lateWait?.kind === 'delay' ? lateWait.duration : undefined });
    expect(rates(after)[supply!.id]).toBeCloseTo(rates(after)[check.id]! * early, 12);
    // The late check now sees fewer returns, and everyone still leaves.
    expect(rates(after)['document-check']).toBeCloseTo(rates(before)['applications']! / (1 - residual * rework), 12);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 12);
    expect(check.staff).toBeGreaterThanOrEqual(1);
    expect(trafficLoad(after, check.id)).toBeLessThanOrEqual(0.8);
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Documents complete?"');
    expect(r.description).toContain('"Intake check"');
  });

  it('with no late rework left the late loop disappears; with all of it left there is only the new step', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const none = ok(checkAtIntake(flow, 'documents-complete', { residualShare: 0, project: p, intakeStepName: 'Advisor check', intakeTime: { kind: 'gamma', mean: 12, sd: 5 }, staff: 2 }));
    const a = withFlow(p, none.flow, { loadCheck: true });
    expect(nodeOf(none.flow, 'await-documents')).toBeUndefined();
    expect(none.flow.edges.filter((e) => e.source === 'documents-complete').map((e) => e.target)).toEqual(['file-to-credit']);
    expect(exitRate(a)).toBeCloseTo(exitRate(before), 12);
    const check = none.flow.nodes.find((n) => n.name === 'Advisor check');
    expect(check?.kind === 'step' && check.staff).toBe(2);

    const all = ok(checkAtIntake(flow, 'documents-complete', { residualShare: 1, project: p }));
    const b = withFlow(p, all.flow);
    expect(all.flow.nodes.length).toBe(flow.nodes.length + 1);
    expect(share(b, 'documents-complete', 'await-documents')).toBeCloseTo(share(before, 'documents-complete', 'await-documents'), 12);
    expect(exitRate(b)).toBeCloseTo(exitRate(before), 12);
  });

  it('refuses a decision without a rework loop, a decision by class and a residual outside 0…1', () => {
    const p = example('loan');
    const proposal = p.scenarios[1]!.flow;
    expect(checkAtIntake(proposal, 'loan-size', { residualShare: 0.5, project: p }).ok).toBe(false);
    expect(checkAtIntake(baseFlow(p), 'intake', { residualShare: 0.5, project: p }).ok).toBe(false);
    expect(checkAtIntake(baseFlow(p), 'documents-complete', { residualShare: 1.5, project: p }).ok).toBe(false);
    const repair = example('repair');
    // "passed" sends 5 % back to repair: a rework decision; the parts decision is not.
    expect(checkAtIntake(baseFlow(repair), 'parts-needed', { residualShare: 0.5, project: repair }).ok).toBe(false);
    // Its loop has no delay to take the customer's time from: it must be given.
    const noTime = checkAtIntake(baseFlow(repair), 'passed', { residualShare: 0.5, project: repair });
    expect(noTime.ok).toBe(false);
    if (!noTime.ok) expect(noTime.message).toMatch(/how long customers take/);
    const r = ok(checkAtIntake(baseFlow(repair), 'passed', { residualShare: 0.5, project: repair, customerTime: { kind: 'exponential', mean: 60 } }));
    const after = withFlow(repair, r.flow, { loadCheck: true });
    expect(exitRate(after)).toBeCloseTo(exitRate(withFlow(repair, baseFlow(repair))), 12);
  });
});

/** Offered load per staff member at a step, from the traffic equations. */
function trafficLoad(p: Project, id: string): number {
  const s = stepOf(p.scenarios[0]!.flow, id);
  return (rates(p)[id]! * moments(s.service).mean) / s.staff;
}
