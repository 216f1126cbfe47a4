import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moments } from '../../../src/engine/distributions';
import { mergeDepartments, mergeSteps } from '../../../src/model/moves';
import type { Flow, Project } from '../../../src/model/schema';
import { FORMAT_VERSION, Project as ProjectSchema } from '../../../src/model/schema';
import { arbValidProject } from '../../arbitraries';
import { baseFlow, classRates, common, example, exitRate, expectSameRates, expectUntouchedStable, nodeOf, ok, rates, stepOf, withFlow, work } from './support';

const mean = (flow: Flow, id: string, classId?: string) => {
  const s = stepOf(flow, id);
  return moments((classId && s.serviceByClass?.[classId]) || s.service).mean;
};
const variance = (flow: Flow, id: string, classId?: string) => {
  const s = stepOf(flow, id);
  return moments((classId && s.serviceByClass?.[classId]) || s.service).variance;
};

/** arrivals → A → check (p back to A, else on) → B → exit: a rework loop inside the group. */
function loopProject(p: number): Project {
  return ProjectSchema.parse({
    formatVersion: FORMAT_VERSION,
    name: 'loop',
    classes: [{ id: 'c', name: 'Customer', share: 1 }],
    run: { horizon: { kind: 'duration', duration: 1000 }, replications: { kind: 'fixed', count: 1 }, seed: 1 },
    scenarios: [
      {
        id: 'base',
        name: 'Base',
        kind: 'baseline',
        flow: {
          departments: [{ id: 'd', name: 'Dept' }],
          nodes: [
            { id: 'in', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 0.1, per: 'minute' } },
            { id: 'a', kind: 'step', name: 'Prepare', departmentId: 'd', staff: 2, service: { kind: 'lognormal', mean: 4, sd: 3 } },
            { id: 'check', kind: 'decision', name: 'Right first time?' },
            { id: 'b', kind: 'step', name: 'Finish', departmentId: 'd', staff: 1, service: { kind: 'uniform', min: 1, max: 3 } },
            { id: 'out', kind: 'exit', name: 'Done' },
          ],
          edges: [
            { id: 'e1', source: 'in', target: 'a' },
            { id: 'e2', source: 'a', target: 'check' },
            { id: 'e3', source: 'check', target: 'a', probability: p },
            { id: 'e4', source: 'check', target: 'b', probability: 1 - p },
            { id: 'e5', source: 'b', target: 'out' },
          ],
        },
      },
    ],
  });
}

describe('mergeSteps', () => {
  it('steps in sequence: staff and times added (spread too), first id kept, per-class times combined, routing unchanged', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeSteps(flow, ['credit-analysis', 'risk-approval'], { project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const merged = stepOf(r.flow, 'credit-analysis');
    expect(nodeOf(r.flow, 'risk-approval')).toBeUndefined();
    expect(merged.staff).toBe(stepOf(flow, 'credit-analysis').staff + stepOf(flow, 'risk-approval').staff);
    expect(merged.name).toBe('Credit analysis + Risk approval');
    expect(merged.service.kind).toBe('gamma');
    expect(moments(merged.service).mean).toBeCloseTo(mean(flow, 'credit-analysis') + mean(flow, 'risk-approval'), 9);
    expect(moments(merged.service).variance).toBeCloseTo(variance(flow, 'credit-analysis') + variance(flow, 'risk-approval'), 6);
    // Large loans have their own times at both steps: combined the same way.
    const large = merged.serviceByClass?.large;
    expect(large).toBeDefined();
    expect(moments(large!).mean).toBeCloseTo(mean(flow, 'credit-analysis', 'large') + mean(flow, 'risk-approval', 'large'), 9);
    expect(moments(large!).variance).toBeCloseTo(variance(flow, 'credit-analysis', 'large') + variance(flow, 'risk-approval', 'large'), 6);
    expect(merged.serviceByClass?.small).toBeUndefined();
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expectSameRates(before, after, common(flow, r.flow));
    expect(work(after)).toBeCloseTo(work(before), 9);
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Credit analysis" and "Risk approval"');
    expect(r.touched).toContain('credit-analysis');
  });

  it('customers entering at either step: the time per entry weights each step by its visits, the spread includes which steps are visited', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeSteps(flow, ['intake', 'document-check'], { project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    // The mail between them is a handoff and goes; the customers' own wait for documents stays.
    expect(nodeOf(r.flow, 'mail-to-back')).toBeUndefined();
    expect(nodeOf(r.flow, 'await-documents')).toBeDefined();
    expect(r.description).toContain('"Internal mail to back office"');
    // A share q = 1 − rework of the entries are new customers (intake then check), the rest come
    // back with documents (check only): T = I·S_intake + S_check with I ~ Bernoulli(q).
    const rework = flow.edges.find((e) => e.id === 'documents-complete--await-documents')!.probability!;
    const q = 1 - rework;
    const mi = mean(flow, 'intake');
    const service = stepOf(r.flow, 'intake').service;
    expect(moments(service).mean).toBeCloseTo(q * mi + mean(flow, 'document-check'), 9);
    expect(moments(service).variance).toBeCloseTo(q * variance(flow, 'intake') + variance(flow, 'document-check') + q * (1 - q) * mi * mi, 6);
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expectSameRates(before, after, common(flow, r.flow, ['intake']));
    expectUntouchedStable(flow, r);
  });

  it('a rework loop inside the group: geometric number of passes (random-sum mean and variance)', () => {
    const pr = 0.3;
    const p = loopProject(pr);
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeSteps(flow, ['a', 'b'], { project: p }));
    const after = withFlow(p, r.flow);
    expect(nodeOf(r.flow, 'check')).toBeUndefined();
    expect(r.flow.edges.filter((e) => e.source === 'a').map((e) => e.target)).toEqual(['out']);
    const [ma, va, mb, vb] = [mean(flow, 'a'), variance(flow, 'a'), mean(flow, 'b'), variance(flow, 'b')];
    const n = 1 / (1 - pr); // mean passes through "Prepare"
    const varN = pr / (1 - pr) ** 2;
    const s = stepOf(r.flow, 'a').service;
    expect(moments(s).mean).toBeCloseTo(n * ma + mb, 9);
    expect(moments(s).variance).toBeCloseTo(n * va + varN * ma * ma + vb, 6);
    expect(rates(after)['a']).toBeCloseTo(rates(before)['in']!, 12);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 12);
  });

  it('a delay on a way from a merged step back to itself is the customer\'s own time, not a handoff: it stays', () => {
    const p = loopProject(0.3);
    const flow = baseFlow(p);
    const withWait: Flow = {
      ...flow,
      nodes: [...flow.nodes, { id: 'wait', kind: 'delay', name: 'Customer fetches documents', departmentId: 'd', duration: { kind: 'exponential', mean: 60 }, position: { x: 0, y: 0 } }],
      edges: flow.edges.map((e) => (e.id === 'e3' ? { ...e, target: 'wait' } : e)).concat({ id: 'e6', source: 'wait', target: 'a' }),
    };
    const before = withFlow(p, withWait);
    const r = ok(mergeSteps(withWait, ['a', 'b'], { project: p }));
    const after = withFlow(p, r.flow);
    expect(nodeOf(r.flow, 'wait')).toBeDefined();
    expect(nodeOf(r.flow, 'check')).toBeDefined();
    expect(rates(after)['wait']).toBeCloseTo(rates(before)['wait']!, 9);
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(r.description).not.toContain('handoffs removed');
  });

  it('classes that leave the group in different shares keep their own shares through a decision by class', () => {
    const p = example('contact-centre');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeSteps(flow, ['first-level', 'second-level'], { project: p }));
    const after = withFlow(p, r.flow);
    const split = r.flow.nodes.find((n) => n.kind === 'decision' && n.mode === 'class' && r.flow.edges.some((e) => e.source === 'first-level' && e.target === n.id));
    expect(split).toBeDefined();
    expect(r.touched).toContain(split!.id);
    expectSameRates(before, after, common(flow, r.flow, ['first-level']));
    for (const c of p.classes) {
      const a = classRates(before, c.id);
      expect(classRates(after, c.id)['first-level']).toBeCloseTo(a['first-level']! + a['second-level']!, 9);
    }
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expect(r.description).toContain('class');
  });

  it('keeps the first step\'s queue rules and id, takes a given name and department, and refuses what it cannot do', () => {
    const p = example('contact-centre');
    const flow = baseFlow(p);
    const r = ok(mergeSteps(flow, ['second-level', 'first-level'], { project: p, name: 'One team', departmentId: 'first' }));
    const merged = stepOf(r.flow, 'second-level');
    expect(nodeOf(r.flow, 'first-level')).toBeUndefined();
    expect(merged.name).toBe('One team');
    expect(merged.departmentId).toBe('first');
    expect(merged.patience).toEqual(stepOf(flow, 'second-level').patience);
    expect(r.description).toContain('One team');
    withFlow(p, r.flow);

    const refused = mergeSteps(flow, ['first-level', 'second-level']);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/classes/);
    expect(mergeSteps(flow, ['first-level'], { project: p }).ok).toBe(false);
    expect(mergeSteps(flow, ['first-level', 'ticket'], { project: p }).ok).toBe(false);
    expect(mergeSteps(flow, ['first-level', 'second-level'], { project: p, departmentId: 'nowhere' }).ok).toBe(false);
  });

  it('does not change its input', () => {
    const p = example('loan');
    const copy = structuredClone(baseFlow(p));
    ok(mergeSteps(baseFlow(p), ['intake', 'document-check', 'contract'], { project: p }));
    expect(baseFlow(p)).toEqual(copy);
  });

  it('property: on random flows the merged flow is valid, and traffic and work are preserved', () => {
    fc.assert(
      fc.property(arbValidProject(), fc.nat(), fc.nat(), (p, i, j) => {
        const flow = baseFlow(p);
        const steps = flow.nodes.filter((n) => n.kind === 'step');
        if (steps.length < 2) return;
        const a = steps[i % steps.length]!.id;
        const b = steps[(i + 1 + (j % (steps.length - 1))) % steps.length]!.id;
        const before = withFlow(p, flow);
        const r = ok(mergeSteps(flow, [a, b], { project: p }));
        const after = withFlow(p, r.flow);
        expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
        expect(work(after)).toBeCloseTo(work(before), 7);
        expectSameRates(before, after, common(flow, r.flow, [a]), 8);
        expectUntouchedStable(flow, r);
        expect(stepOf(r.flow, a).staff).toBe(stepOf(flow, a).staff + stepOf(flow, b).staff);
      }),
      { numRuns: 150 },
    );
  });
});

describe('mergeDepartments', () => {
  it('moves the steps into the first department and removes the handoff between them, keeping the customer\'s own waits', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeDepartments(flow, ['back', 'credit'], { name: 'Back office and credit' }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    expect(r.flow.departments.map((d) => d.id)).toEqual(['front', 'back', 'risk']);
    expect(r.flow.departments.find((d) => d.id === 'back')!.name).toBe('Back office and credit');
    expect(stepOf(r.flow, 'credit-analysis').departmentId).toBe('back');
    expect(stepOf(r.flow, 'credit-analysis').staff).toBe(stepOf(flow, 'credit-analysis').staff);
    expect(nodeOf(r.flow, 'file-to-credit')).toBeUndefined();
    expect(nodeOf(r.flow, 'await-documents')).toBeDefined();
    expect(nodeOf(r.flow, 'mail-to-back')).toBeDefined();
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expectSameRates(before, after, common(flow, r.flow));
    expectUntouchedStable(flow, r);
    expect(r.description).toContain('"Back office" and "Credit department"');
    expect(r.description).toContain('"File sent to credit"');
  });

  it('keeps a delay between steps that were already in one department (waiting for parts is no handoff)', () => {
    const p = example('repair');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeDepartments(flow, ['workshop', 'quality']));
    const after = withFlow(p, r.flow);
    expect(nodeOf(r.flow, 'wait-parts')).toBeDefined();
    expect(nodeOf(r.flow, 'to-workshop')).toBeDefined();
    expect(stepOf(r.flow, 'quality-check').departmentId).toBe('workshop');
    expect(r.flow.departments.map((d) => d.id)).toEqual(['customer-service', 'workshop']);
    expectSameRates(before, after, common(flow, r.flow));
  });

  it('keeps a staff cost per hour set on every merged step as the staff-weighted average', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const priced = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'credit-analysis' ? { ...n, costPerHour: 60 } : n.id === 'risk-approval' ? { ...n, costPerHour: 80 } : n)) };
    expect(stepOf(ok(mergeSteps(priced, ['credit-analysis', 'risk-approval'], { project: p })).flow, 'credit-analysis').costPerHour).toBeCloseTo((6 * 60 + 2 * 80) / 8, 12);
    const half = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'credit-analysis' ? { ...n, costPerHour: 60 } : n)) };
    expect(stepOf(ok(mergeSteps(half, ['credit-analysis', 'risk-approval'], { project: p })).flow, 'credit-analysis').costPerHour).toBeUndefined();
  });

  it('with poolSteps, steps that then follow each other directly pool their staff (times added)', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(mergeDepartments(flow, ['credit', 'risk'], { poolSteps: true, project: p }));
    const after = withFlow(p, r.flow, { loadCheck: true });
    const merged = stepOf(r.flow, 'credit-analysis');
    expect(merged.staff).toBe(6 + 2);
    expect(moments(merged.service).mean).toBeCloseTo(50 + 12, 9);
    expect(r.flow.nodes.some((n) => n.id === 'risk-approval')).toBe(false);
    expect(r.description).toMatch(/steps that follow each other pooled their staff: "Credit analysis \+ Risk approval" \(8 staff\)/);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expect(work(after)).toBeCloseTo(work(before), 9);
    // Without it, or when no steps follow each other, every step keeps its own staff.
    expect(ok(mergeDepartments(flow, ['credit', 'risk'])).flow.nodes.some((n) => n.id === 'risk-approval')).toBe(true);
    expect(ok(mergeDepartments(flow, ['back', 'risk'], { poolSteps: true, project: p })).description).toMatch(/each keeps its own staff/);
  });

  it('refuses fewer than two departments or unknown ones', () => {
    const flow = baseFlow(example('loan'));
    expect(mergeDepartments(flow, ['back']).ok).toBe(false);
    expect(mergeDepartments(flow, ['back', 'back']).ok).toBe(false);
    expect(mergeDepartments(flow, ['back', 'nowhere']).ok).toBe(false);
  });
});
