import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { loadProject } from '../../src/model/load';
import { hasErrors, validateProject } from '../../src/model/validate';
import type { Flow, Project } from '../../src/model/schema';
import { trafficEquations } from '../../src/engine/traffic';
import { automateStep, checkAtIntake, fastLane, mergeDepartments, mergeSteps, moveStaff, removeStep, setStaff, singlePointOfContact, staffBudget, type MoveResult } from '../../src/model/restructure/moves';
import { distributionMean, distributionVariance } from '../../src/model/restructure/routing';
import { arbValidProject } from '../arbitraries';

const loan = () => structuredClone(getExample('loan')!.project);
const ctxOf = (p: Project) => ({ classes: p.classes, timeUnit: p.timeUnit });

/** The project with scenario 0's flow replaced; must load and validate without errors. */
function withFlow(p: Project, flow: Flow): Project {
  const q = { ...p, scenarios: [{ ...p.scenarios[0]!, flow }] };
  const loaded = loadProject(JSON.parse(JSON.stringify(q)));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const errors = validateProject(loaded.project).filter((f) => f.severity === 'error');
  expect(errors, JSON.stringify(errors)).toEqual([]);
  expect(hasErrors(errors)).toBe(false);
  return loaded.project;
}

const rates = (p: Project) => trafficEquations(p, p.scenarios[0]!).nodeRates;
const ok = (r: MoveResult) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};
const stepOf = (flow: Flow, id: string) => {
  const n = flow.nodes.find((x) => x.id === id);
  if (n?.kind !== 'step') throw new Error(`no step ${id}`);
  return n;
};
/** Work per time unit at the steps: Σ visits × mean service time. */
const work = (p: Project, ids?: string[]) => {
  const r = rates(p);
  return p.scenarios[0]!.flow.nodes.reduce((s, n) => (n.kind === 'step' && (!ids || ids.includes(n.id)) ? s + r[n.id]! * distributionMean(n.service) : s), 0);
};
const exitRate = (p: Project) => p.scenarios[0]!.flow.nodes.filter((n) => n.kind === 'exit').reduce((s, n) => s + rates(p)[n.id]!, 0);

describe('restructuring moves', () => {
  it('merge steps: staff pooled, times added with their spread, the first id kept, routing after the group unchanged', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(mergeSteps(p.scenarios[0]!.flow, ['credit-analysis', 'risk-approval'], ctxOf(p)));
    const after = withFlow(p, r.flow);
    const merged = stepOf(r.flow, 'credit-analysis');
    expect(r.flow.nodes.some((n) => n.id === 'risk-approval')).toBe(false);
    expect(merged.staff).toBe(8);
    expect(merged.name).toBe('Credit analysis + Risk approval');
    expect(distributionMean(merged.service)).toBeCloseTo(50 + 12, 9);
    expect(distributionVariance(merged.service)).toBeCloseTo(30 ** 2 + 6 ** 2, 6);
    expect(rates(after)['contract']).toBeCloseTo(rates(before)['contract']!, 9);
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(r.description).toContain('"Credit analysis" and "Risk approval"');
    for (const n of r.flow.nodes) if (n.id !== 'credit-analysis') expect(n).toEqual(p.scenarios[0]!.flow.nodes.find((x) => x.id === n.id));
  });

  it('merge steps weights each time by how often customers entering the group visit it (rework included)', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(mergeSteps(p.scenarios[0]!.flow, ['intake', 'document-check'], ctxOf(p)));
    const after = withFlow(p, r.flow);
    // The internal-mail handoff between them is gone; the rework loop re-enters the merged step.
    expect(r.flow.nodes.some((n) => n.id === 'mail-to-back')).toBe(false);
    expect(r.description).toContain('handoffs removed: "Internal mail to back office"');
    // 5/h arrive; 6.67/h reach the check (25 % rework): entries are 75 % new, 25 % returning,
    // so time per entry = 0.75 × 15 + 1 × 20 = 31.25 min.
    expect(distributionMean(stepOf(r.flow, 'intake').service)).toBeCloseTo(0.75 * 15 + 20, 9);
    expect(work(after)).toBeCloseTo(work(before), 9);
    expect(rates(after)['file-to-credit']).toBeCloseTo(rates(before)['file-to-credit']!, 9);
  });

  it('merge departments pools the steps that follow each other and keeps the others', () => {
    const p = loan();
    const r = ok(mergeDepartments(p.scenarios[0]!.flow, ['credit', 'risk'], ctxOf(p)));
    withFlow(p, r.flow);
    expect(r.flow.departments.map((d) => d.id)).toEqual(['front', 'back', 'credit']);
    expect(r.flow.departments.find((d) => d.id === 'credit')!.name).toBe('Credit department + Risk department');
    expect(stepOf(r.flow, 'credit-analysis').staff).toBe(8);
    expect(r.flow.nodes.some((n) => n.id === 'risk-approval')).toBe(false);
    expect(r.description).toMatch(/Merged departments "Credit department" and "Risk department"/);
    expect(r.description).toMatch(/pooled their staff/);
    const none = ok(mergeDepartments(p.scenarios[0]!.flow, ['back', 'risk'], ctxOf(p)));
    expect(none.description).toMatch(/every step keeps its own staff/);
    expect(mergeDepartments(p.scenarios[0]!.flow, ['credit'], ctxOf(p)).ok).toBe(false);
  });

  it('remove a step reconnects its neighbours with the same shares', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(removeStep(p.scenarios[0]!.flow, 'await-documents', ctxOf(p)));
    const after = withFlow(p, r.flow);
    const back = r.flow.edges.find((e) => e.source === 'documents-complete' && e.target === 'document-check')!;
    expect(back.probability).toBeCloseTo(0.25, 12);
    expect(rates(after)['document-check']).toBeCloseTo(rates(before)['document-check']!, 9);
    const mail = ok(removeStep(p.scenarios[0]!.flow, 'mail-to-back', ctxOf(p)));
    expect(mail.flow.edges.some((e) => e.source === 'intake' && e.target === 'document-check' && e.probability === undefined)).toBe(true);
    expect(removeStep(p.scenarios[0]!.flow, 'documents-complete', ctxOf(p)).ok).toBe(false);
  });

  it('single point of contact: one front desk after the arrivals does the customer-facing work', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(singlePointOfContact(p.scenarios[0]!.flow, ['intake', 'contract'], ctxOf(p)));
    const after = withFlow(p, r.flow);
    const front = r.flow.nodes.find((n) => n.kind === 'step' && n.name.startsWith('Front desk'))!;
    expect(front.kind === 'step' && front.staff).toBe(4);
    expect(front.kind === 'step' && distributionMean(front.service)).toBeCloseTo(15 + 10, 9);
    expect(r.flow.edges.find((e) => e.source === 'applications')!.target).toBe(front.id);
    expect(r.flow.nodes.some((n) => n.id === 'intake' || n.id === 'contract')).toBe(false);
    expect(rates(after)['document-check']).toBeCloseTo(rates(before)['document-check']!, 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expect(r.flow.departments.some((d) => d.name === 'Front office')).toBe(true);
  });

  it('check documents at intake moves most of the rework to the start', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(checkAtIntake(p.scenarios[0]!.flow, 'documents-complete', ctxOf(p), { residualShare: 0.2 }));
    const after = withFlow(p, r.flow);
    const late = r.flow.edges.find((e) => e.source === 'documents-complete' && e.target === 'await-documents')!;
    expect(late.probability).toBeCloseTo(0.05, 12);
    const early = r.flow.edges.find((e) => e.source === 'intake-check' && e.label === 'documents missing')!;
    expect(early.probability).toBeCloseTo(0.2, 12);
    // The document check now sees 5/h ÷ (1 − 0.05) instead of 5/h ÷ (1 − 0.25).
    const lambda = rates(before)['applications']!;
    expect(rates(after)['document-check']).toBeCloseTo(lambda / 0.95, 9);
    expect(rates(before)['document-check']).toBeCloseTo(lambda / 0.75, 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    expect(r.description).toMatch(/20 % of customers .* now sends back 5 % instead of 25 %/);
  });

  it('automate a step: a timed step without staff, a share still handled by people', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const r = ok(automateStep(p.scenarios[0]!.flow, 'document-check', ctxOf(p), { automatedTime: { kind: 'constant', value: 2 }, manualShare: 0.3, staffLeft: 1 }));
    const after = withFlow(p, r.flow);
    const auto = r.flow.nodes.find((n) => n.name === 'Document check (automated)')!;
    expect(auto.kind).toBe('delay');
    expect(stepOf(r.flow, 'document-check').staff).toBe(1);
    expect(rates(after)['document-check']).toBeCloseTo(0.3 * rates(after)[auto.id]!, 9);
    expect(rates(after)[auto.id]).toBeCloseTo(rates(before)['document-check']!, 9);
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
    const full = ok(automateStep(p.scenarios[0]!.flow, 'document-check', ctxOf(p), { automatedTime: { kind: 'constant', value: 2 }, manualShare: 0 }));
    withFlow(p, full.flow);
    expect(full.flow.nodes.some((n) => n.id === 'document-check')).toBe(false);
  });

  it('fast lane by class or by share splits the customers and copies the routing', () => {
    const p = loan();
    const before = withFlow(p, p.scenarios[0]!.flow);
    const small = p.classes[0]!;
    const r = ok(fastLane(p.scenarios[0]!.flow, 'credit-analysis', ctxOf(p), { classIds: [small.id], staff: 2 }));
    const after = withFlow(p, r.flow);
    const fast = r.flow.nodes.find((n) => n.name.endsWith('fast lane'))!;
    const total = p.classes.reduce((s, c) => s + c.share, 0);
    expect(rates(after)[fast.id]).toBeCloseTo((rates(before)['credit-analysis']! * small.share) / total, 9);
    expect(rates(after)[fast.id]! + rates(after)['credit-analysis']!).toBeCloseTo(rates(before)['credit-analysis']!, 9);
    expect(rates(after)['risk-approval']).toBeCloseTo(rates(before)['risk-approval']!, 9);
    const byShare = ok(fastLane(p.scenarios[0]!.flow, 'credit-analysis', ctxOf(p), { share: 0.4, staff: 1 }));
    withFlow(p, byShare.flow);
    expect(fastLane(p.scenarios[0]!.flow, 'credit-analysis', ctxOf(p), { staff: 1 }).ok).toBe(false);
  });

  it('staff moves keep the total, and the budget adds up by department', () => {
    const p = loan();
    const flow = p.scenarios[0]!.flow;
    const budget = staffBudget(flow);
    expect(budget.total).toBe(flow.nodes.reduce((s, n) => s + (n.kind === 'step' ? n.staff : 0), 0));
    const r = ok(moveStaff(flow, 'contract', 'credit-analysis', 1));
    expect(staffBudget(r.flow).total).toBe(budget.total);
    expect(stepOf(r.flow, 'credit-analysis').staff).toBe(7);
    expect(r.description).toBe('Moved 1 staff from "Contract signing" to "Credit analysis" (1 and 7 now).');
    expect(moveStaff(flow, 'risk-approval', 'intake', 2).ok).toBe(false); // must keep one
    const s = ok(setStaff(flow, [{ stepId: 'intake', staff: 3 }]));
    expect(staffBudget(s.flow).total).toBe(budget.total + 1);
    expect(setStaff(flow, [{ stepId: 'intake', staff: 2 }]).ok).toBe(false); // nothing changed
  });

  it('on random valid flows, removing a step or merging two keeps the throughput and the work', () => {
    fc.assert(
      fc.property(arbValidProject(), fc.nat(), fc.nat(), (project, a, b) => {
        const before = trafficEquations(project, project.scenarios[0]!);
        if (!before.solvable) return;
        const flow = project.scenarios[0]!.flow;
        const steps = flow.nodes.filter((n) => n.kind === 'step');
        if (steps.length === 0) return;
        const ctx = ctxOf(project);
        const removed = removeStep(flow, steps[a % steps.length]!.id, ctx);
        if (removed.ok) {
          const after = withFlow(project, removed.flow);
          expect(exitRate(after)).toBeCloseTo(exitRate(project), 6);
        }
        if (steps.length >= 2) {
          const i = a % steps.length;
          const j = (i + 1 + (b % (steps.length - 1))) % steps.length;
          const merged = ok(mergeSteps(flow, [steps[i]!.id, steps[j]!.id], ctx));
          const after = withFlow(project, merged.flow);
          expect(exitRate(after)).toBeCloseTo(exitRate(project), 6);
          expect(work(after)).toBeCloseTo(work(project), 6);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
