import { describe, expect, it } from 'vitest';
import { moments as engineMoments } from '../../../src/engine/distributions';
import { trafficEquations } from '../../../src/engine/traffic';
import { automateStep, candidateMoves, checkAtIntake, distributionWith, fastLane, mergeDepartments, mergeSteps, moments, MOVES, moveStaff, removeStep, setStaff, singlePointOfContact, staffBudget } from '../../../src/model/moves';
import type { Flow } from '../../../src/model/schema';
import type { Distribution } from '../../../src/model/schema';
import { baseFlow, classRates, common, example, exitRate, expectSameRates, expectUntouchedStable, nodeOf, ok, rates, stepOf, withFlow } from './support';

describe('automateStep', () => {
  const automatedTime: Distribution = { kind: 'constant', value: 2 };

  it('the step becomes a delay without staff; a share still goes to the step with the staff left', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(automateStep(flow, 'document-check', { automatedTime, manualShare: 0.3, staffLeft: 1, project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const auto = r.flow.edges.find((e) => e.id === 'mail-to-back--document-check')!.target;
    expect(nodeOf(r.flow, auto)).toMatchObject({ kind: 'delay', duration: automatedTime, departmentId: 'back' });
    expect(stepOf(r.flow, 'document-check').staff).toBe(1);
    expect(rates(after)[auto]).toBeCloseTo(rates(before)['document-check']!, 12);
    expect(rates(after)['document-check']).toBeCloseTo(0.3 * rates(before)['document-check']!, 12);
    expectSameRates(before, after, common(flow, r.flow, ['document-check']));
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 12);
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Document check"');
    expect(r.description).toContain('30 %');
  });

  it('fully automated: the step is gone and its ways out start at the automated delay', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(automateStep(flow, 'document-check', { automatedTime, manualShare: 0, project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    expect(nodeOf(r.flow, 'document-check')).toBeUndefined();
    const out = r.flow.edges.find((e) => e.id === 'document-check--documents-complete')!;
    expect(nodeOf(r.flow, out.source)?.kind).toBe('delay');
    expectSameRates(before, after, common(flow, r.flow));
  });

  it('everything still manual, default staff left from the share, and refusals', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const all = ok(automateStep(flow, 'credit-analysis', { automatedTime, manualShare: 1, project: p }));
    expect(stepOf(all.flow, 'credit-analysis').staff).toBe(stepOf(flow, 'credit-analysis').staff);
    expectSameRates(before, withFlow(p, all.flow), common(flow, all.flow));
    const part = ok(automateStep(flow, 'credit-analysis', { automatedTime, manualShare: 0.5, project: p }));
    expect(stepOf(part.flow, 'credit-analysis').staff).toBe(Math.ceil(stepOf(flow, 'credit-analysis').staff * 0.5));
    expect(automateStep(flow, 'mail-to-back', { automatedTime, manualShare: 0.5 }).ok).toBe(false);
    expect(automateStep(flow, 'credit-analysis', { automatedTime, manualShare: -0.1 }).ok).toBe(false);
    expect(automateStep(flow, 'credit-analysis', { automatedTime, manualShare: 0.5, staffLeft: 0 }).ok).toBe(false);
  });
});

describe('staff', () => {
  it('setStaff changes only the steps named, in words', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const r = ok(setStaff(flow, [{ stepId: 'intake', staff: 4 }]));
    withFlow(p, r.flow);
    expect(stepOf(r.flow, 'intake').staff).toBe(4);
    expect(r.touched).toEqual(['intake']);
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Intake" 2 → 4');
    expect(setStaff(flow, [{ stepId: 'intake', staff: 2 }]).ok).toBe(false);
    expect(setStaff(flow, [{ stepId: 'intake', staff: 1.5 }]).ok).toBe(false);
    expect(setStaff(flow, [{ stepId: 'intake', staff: -1 }]).ok).toBe(false);
    expect(setStaff(flow, [{ stepId: 'mail-to-back', staff: 1 }]).ok).toBe(false);
  });

  it('moveStaff keeps the total and leaves at least one behind', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const r = ok(moveStaff(flow, 'credit-analysis', 'risk-approval', 2));
    withFlow(p, r.flow);
    expect(staffBudget(r.flow).total).toBe(staffBudget(flow).total);
    expect(stepOf(r.flow, 'credit-analysis').staff).toBe(stepOf(flow, 'credit-analysis').staff - 2);
    expect(stepOf(r.flow, 'risk-approval').staff).toBe(stepOf(flow, 'risk-approval').staff + 2);
    expect(r.description).toContain('"Credit analysis"');
    expect(r.description).toContain('"Risk approval"');
    expect(moveStaff(flow, 'intake', 'contract', stepOf(flow, 'intake').staff).ok).toBe(false);
    expect(moveStaff(flow, 'intake', 'intake', 1).ok).toBe(false);
    expect(moveStaff(flow, 'intake', 'contract', 0).ok).toBe(false);
  });

  it('staffBudget: staff per department and overall, and cost per hour when every step has a rate', () => {
    const flow = baseFlow(example('loan'));
    const steps = flow.nodes.filter((n) => n.kind === 'step');
    const b = staffBudget(flow);
    expect(b.total).toBe(steps.reduce((s, n) => s + (n.kind === 'step' ? n.staff : 0), 0));
    for (const d of b.departments) expect(d.staff).toBe(steps.reduce((s, n) => s + (n.kind === 'step' && n.departmentId === d.departmentId ? n.staff : 0), 0));
    expect(b.departments.map((d) => d.departmentId)).toEqual(flow.departments.map((d) => d.id));
    expect(b.totalCostPerHour).toBeUndefined();

    const rates = { front: 30, back: 40, credit: 60, risk: 80, 'credit-analysis': 70 };
    const c = staffBudget(flow, rates);
    const front = c.departments.find((d) => d.departmentId === 'front')!;
    expect(front.costPerHour).toBe(front.staff * 30);
    expect(c.departments.find((d) => d.departmentId === 'credit')!.costPerHour).toBe(stepOf(flow, 'credit-analysis').staff * 70);
    expect(c.totalCostPerHour).toBe(c.departments.reduce((s, d) => s + d.costPerHour!, 0));
    const partial = staffBudget(flow, { front: 30 });
    expect(partial.departments.find((d) => d.departmentId === 'front')!.costPerHour).toBe(front.staff * 30);
    expect(partial.departments.find((d) => d.departmentId === 'back')!.costPerHour).toBeUndefined();
    expect(partial.totalCostPerHour).toBeUndefined();
  });
});

describe('fastLane', () => {
  it('by class: the chosen classes take a new step with its own staff and go on as before', () => {
    const p = example('repair');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(fastLane(flow, 'repair', { byClassIds: ['quick'], staff: 1, service: { kind: 'gamma', mean: 20, sd: 8 }, project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const triageId = r.flow.edges.find((e) => e.id === 'wait-parts--repair')!.target;
    expect(nodeOf(r.flow, triageId)).toMatchObject({ kind: 'decision', mode: 'class' });
    const fastId = r.flow.edges.find((e) => e.source === triageId && e.classIds?.includes('quick'))!.target;
    const fast = stepOf(r.flow, fastId);
    expect(fast.staff).toBe(1);
    expect(fast.serviceByClass).toBeUndefined();
    expect(r.flow.edges.filter((e) => e.source === fastId).map((e) => e.target)).toEqual(r.flow.edges.filter((e) => e.source === 'repair').map((e) => e.target));
    expect(classRates(after, 'quick')[fastId]).toBeCloseTo(classRates(before, 'quick')['repair']!, 12);
    expect(classRates(after, 'quick')['repair']).toBeCloseTo(0, 12);
    expect(classRates(after, 'complex')['repair']).toBeCloseTo(classRates(before, 'complex')['repair']!, 12);
    expectSameRates(before, after, common(flow, r.flow, ['repair']));
    expectUntouchedStable(flow, r);
    expect(r.description).toContain(`"${p.classes.find((c) => c.id === 'quick')!.name}"`);
    expect(r.description).toContain('"Repair"');
  });

  it('by share: that share of all customers, the step\'s own times kept by default', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(fastLane(flow, 'credit-analysis', { share: 0.25, staff: 2, name: 'Express credit', project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const fast = r.flow.nodes.find((n) => n.name === 'Express credit');
    expect(fast?.kind === 'step' && fast.serviceByClass).toEqual(stepOf(flow, 'credit-analysis').serviceByClass);
    expect(rates(after)[fast!.id]).toBeCloseTo(0.25 * rates(before)['credit-analysis']!, 12);
    expectSameRates(before, after, common(flow, r.flow, ['credit-analysis']));
    expect(r.description).toContain('25 %');
  });

  it('refuses no choice, every class, both kinds of choice, and no staff', () => {
    const p = example('repair');
    const flow = baseFlow(p);
    expect(fastLane(flow, 'repair', { staff: 1, project: p }).ok).toBe(false);
    expect(fastLane(flow, 'repair', { share: 1, staff: 1 }).ok).toBe(false);
    expect(fastLane(flow, 'repair', { byClassIds: ['quick', 'complex'], staff: 1, project: p }).ok).toBe(false);
    expect(fastLane(flow, 'repair', { byClassIds: ['unknown'], staff: 1, project: p }).ok).toBe(false);
    expect(fastLane(flow, 'repair', { byClassIds: ['quick'], share: 0.5, staff: 1, project: p }).ok).toBe(false);
    expect(fastLane(flow, 'repair', { share: 0.5, staff: 0 }).ok).toBe(false);
  });
});

describe('candidateMoves', () => {
  it('at the busiest step: one more person, pooling with the busiest neighbour, moving one from the least busy step', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const t = trafficEquations(p, p.scenarios[0]!);
    const loads = Object.fromEntries(Object.values(t.steps).map((s) => [s.nodeId, s.utilization]));
    const bottleneck = Object.entries(loads).sort((a, b) => b[1] - a[1])[0]![0];
    const cands = candidateMoves(flow, bottleneck, loads, { project: p });
    expect(cands.map((c) => c.id)).toEqual(['add-staff', 'pool-neighbour', 'move-staff']);
    const total = staffBudget(flow).total;
    for (const c of cands) {
      withFlow(p, c.flow);
      expect(staffBudget(c.flow).total - total).toBe(c.extraStaff);
      expect(c.label).toContain(stepOf(flow, bottleneck).name);
    }
    expect(stepOf(cands[0]!.flow, bottleneck).staff).toBe(stepOf(flow, bottleneck).staff + 1);
    // The donor is the least busy step that stays below 100 % with one fewer.
    const donors = flow.nodes.filter((n) => n.kind === 'step' && n.id !== bottleneck && n.staff > 1 && (loads[n.id]! * n.staff) / (n.staff - 1) < 1);
    const donor = donors.sort((a, b) => loads[a.id]! - loads[b.id]!)[0]!;
    expect(stepOf(cands[2]!.flow, donor.id).staff).toBe(stepOf(flow, donor.id).staff - 1);
    expect(stepOf(cands[2]!.flow, bottleneck).staff).toBe(stepOf(flow, bottleneck).staff + 1);
  });

  it('no candidates for a node that is not a step; no donor when nobody can spare one', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    expect(candidateMoves(flow, 'mail-to-back', {})).toEqual([]);
    const full = Object.fromEntries(flow.nodes.map((n) => [n.id, 0.99]));
    expect(candidateMoves(flow, 'intake', full, { project: p }).map((c) => c.id)).toEqual(['add-staff', 'pool-neighbour']);
  });
});

describe('moments and the merged time', () => {
  const kinds: Distribution[] = [
    { kind: 'exponential', mean: 3 },
    { kind: 'constant', value: 2 },
    { kind: 'uniform', min: 1, max: 4 },
    { kind: 'triangular', min: 1, mode: 2, max: 6 },
    { kind: 'normal', mean: 5, sd: 1 },
    { kind: 'normal', mean: 1, sd: 3 },
    { kind: 'lognormal', mean: 4, sd: 2 },
    { kind: 'gamma', mean: 4, sd: 1 },
    { kind: 'erlang', mean: 6, k: 3 },
    { kind: 'weibull', mean: 5, sd: 2 },
    { kind: 'empirical', values: [1, 2, 2, 7] },
  ];
  it.each(kinds.map((d) => [d.kind, d] as const))('%s: the same mean and variance as the engine', (_k, d) => {
    const mine = moments(d);
    const engine = engineMoments(d);
    expect(mine.mean).toBeCloseTo(engine.mean, 9);
    expect(mine.variance).toBeCloseTo(engine.variance, 7);
  });

  it('a combined time is gamma with exactly that mean and sd, constant without spread', () => {
    expect(distributionWith(10, 9)).toEqual({ kind: 'gamma', mean: 10, sd: 3 });
    expect(distributionWith(10, 0)).toEqual({ kind: 'constant', value: 10 });
    expect(distributionWith(0, 0)).toEqual({ kind: 'constant', value: 0 });
  });
});

describe('MOVES', () => {
  it('lists each move once, with a label and a description', () => {
    expect(new Set(MOVES.map((m) => m.id)).size).toBe(MOVES.length);
    expect(MOVES.length).toBe(9);
    for (const m of MOVES) {
      expect(m.label.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(20);
    }
  });
});

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('purity', () => {
  it('no move changes the flow it is given (a frozen flow would throw)', () => {
    const p = example('loan');
    const flow: Flow = deepFreeze(structuredClone(baseFlow(p)));
    const copy = structuredClone(flow);
    const time: Distribution = { kind: 'constant', value: 1 };
    const results = [
      mergeSteps(flow, ['intake', 'document-check', 'contract'], { project: p }),
      mergeDepartments(flow, ['front', 'back', 'credit']),
      singlePointOfContact(flow, ['intake', 'document-check'], { project: p }),
      checkAtIntake(flow, 'documents-complete', { residualShare: 0, project: p }),
      automateStep(flow, 'document-check', { automatedTime: time, manualShare: 0.2 }),
      automateStep(flow, 'document-check', { automatedTime: time, manualShare: 0 }),
      setStaff(flow, [{ stepId: 'intake', staff: 5 }]),
      moveStaff(flow, 'credit-analysis', 'intake', 1),
      fastLane(flow, 'credit-analysis', { byClassIds: ['small'], staff: 1, project: p }),
      removeStep(flow, 'document-check'),
    ];
    for (const r of results) expect(r.ok, r.ok ? '' : r.message).toBe(true);
    expect(flow).toEqual(copy);
  });
});
