// Staff moves act on what really sets capacity (issue 17): a step's own staff, its shift plan,
// or the staff pool it draws on — never a `staff` number the engine ignores.
import { describe, expect, it } from 'vitest';
import { candidateMoves, moveStaff, setStaff, setStaffing, staffBudget, staffUnits, poolKey } from '../../../src/model/moves';
import { diffScenarios } from '../../../src/model/diff';
import { runExperiment } from '../../../src/engine/experiment';
import { trafficEquations } from '../../../src/engine/traffic';
import type { Flow, StepNode } from '../../../src/model/schema';
import { example, ok, withFlow } from './support';

const step = (f: Flow, id: string) => f.nodes.find((n) => n.id === id) as StepNode;

describe('staff on shifts', () => {
  it('adding staff to a step on shifts adds one in every hour that has staff; closed hours stay closed', () => {
    const p = example('contact-centre');
    const flow = p.scenarios[0]!.flow;
    const before = step(flow, 'first-level');
    const r = ok(setStaff(flow, [{ stepId: 'first-level', staff: Math.max(...before.shifts!.staff) + 1 }]));
    withFlow(p, r.flow);
    const after = step(r.flow, 'first-level');
    expect(after.shifts!.staff).toEqual(before.shifts!.staff.map((h) => (h > 0 ? h + 1 : 0)));
    // An hour with nobody on duty stays closed.
    const closed = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'first-level' && n.kind === 'step' ? { ...n, shifts: { ...n.shifts!, staff: n.shifts!.staff.map((h, i) => (i < 6 ? 0 : h)) } } : n)) };
    const c = ok(setStaff(closed, [{ stepId: 'first-level', staff: 13 }]));
    expect(step(c.flow, 'first-level').shifts!.staff.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 5, 11]);
    expect(r.description).toContain('every hour with staff');
    expect(r.description).not.toMatch(/\b10 → 11\b/); // the ignored `staff` number is not what changed
    // "What changed" names the shift change, and the results differ.
    const proposal = { ...p.scenarios[0]!, id: 'more', kind: 'proposal' as const, flow: r.flow };
    expect(diffScenarios(p.scenarios[0]!, proposal).some((c) => c.kind === 'staff')).toBe(true);
    const res = runExperiment({ ...p, scenarios: [p.scenarios[0]!, proposal] }, { replications: 2, seed: 7 });
    const wait = (id: string) => (res.scenarios.find((s) => s.id === id)!.steps['first-level'] as { waitingTime: { mean: number } }).waitingTime.mean;
    expect(wait('more')).toBeLessThan(wait('baseline'));
  });

  it('taking staff from a shift plan keeps at least one in every hour with staff', () => {
    const p = example('contact-centre');
    const flow = p.scenarios[0]!.flow;
    const fewest = Math.min(...step(flow, 'first-level').shifts!.staff.filter((h) => h > 0));
    const u = staffUnits(flow).find((x) => x.key === 'first-level')!;
    expect(u.kind).toBe('shifts');
    const r = setStaffing(flow, [{ key: 'first-level', level: u.level - fewest }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`only ${fewest} on duty`);
  });

  it('Suggest on a step on shifts offers a move that changes the shift plan', () => {
    const p = example('contact-centre');
    const flow = p.scenarios[0]!.flow;
    const t = trafficEquations(p, p.scenarios[0]!);
    const loads = Object.fromEntries(Object.values(t.steps).map((s) => [s.nodeId, s.utilization]));
    const add = candidateMoves(flow, 'first-level', loads, { project: p }).find((c) => c.id === 'add-staff')!;
    expect(add.label).toContain('every hour');
    expect(JSON.stringify(step(add.flow, 'first-level').shifts)).not.toBe(JSON.stringify(step(flow, 'first-level').shifts));
    expect(step(add.flow, 'first-level').staff).toBe(step(flow, 'first-level').staff);
  });
});

describe('staff pools', () => {
  it("adding staff to a pooled step grows its pool, and the budget counts the pool once", () => {
    const p = example('loan');
    const flow = p.scenarios.find((s) => s.id === 'single-point-of-contact')!.flow;
    const size = flow.pools!.find((x) => x.id === 'credit-team')!.size;
    const r = ok(setStaff(flow, [{ stepId: 'credit-analysis', staff: size + 1 }]));
    expect(r.flow.pools!.find((x) => x.id === 'credit-team')!.size).toBe(size + 1);
    expect(step(r.flow, 'credit-analysis').staff).toBe(step(flow, 'credit-analysis').staff);
    expect(r.description).toContain(`staff pool "Cross-trained credit team" ${size} → ${size + 1}`);
    expect(staffBudget(r.flow).total - staffBudget(flow).total).toBe(1);
    expect(staffUnits(flow).filter((u) => u.key === poolKey('credit-team'))[0]!.stepIds).toEqual(['small-loan-approval', 'credit-analysis']);
    // Two steps of one pool: moving staff between them would change nothing, so it is refused.
    const same = moveStaff(flow, 'credit-analysis', 'small-loan-approval', 1);
    expect(same.ok).toBe(false);
    // From the pool to a step with its own staff: the pool shrinks.
    const moved = ok(moveStaff(flow, 'credit-analysis', 'risk-approval', 1));
    expect(moved.flow.pools!.find((x) => x.id === 'credit-team')!.size).toBe(size - 1);
    expect(step(moved.flow, 'risk-approval').staff).toBe(step(flow, 'risk-approval').staff + 1);
  });

  it('Suggest at a pooled bottleneck adds to the pool', () => {
    const p = example('loan');
    const scenario = p.scenarios.find((s) => s.id === 'single-point-of-contact')!;
    const add = candidateMoves(scenario.flow, 'credit-analysis', {}, { project: p }).find((c) => c.id === 'add-staff')!;
    expect(add.label).toContain('pool "Cross-trained credit team"');
    expect(add.flow.pools!.find((x) => x.id === 'credit-team')!.size).toBe(scenario.flow.pools!.find((x) => x.id === 'credit-team')!.size + 1);
  });
});

describe('What changed, for staff on shifts and in pools', () => {
  it('names the shift change, and a pool on shifts, in words', () => {
    const p = example('contact-centre');
    const base = p.scenarios[0]!;
    const r = ok(setStaff(base.flow, [{ stepId: 'first-level', staff: 13 }]));
    const texts = diffScenarios(base, { ...base, id: 'x', kind: 'proposal', flow: r.flow }).map((c) => c.text);
    expect(texts).toEqual(['First-level answer: 1 more on duty in every hour with staff (up to 12 → 13)']);
    // A pool on shifts: the pool's plan changes.
    const pooled: Flow = {
      ...base.flow,
      pools: [{ id: 'desk', name: 'Desk', size: 12, shifts: step(base.flow, 'first-level').shifts }],
      nodes: base.flow.nodes.map((n) => (n.id === 'first-level' && n.kind === 'step' ? { ...n, shifts: undefined, poolId: 'desk' } : n)),
    };
    const more = ok(setStaff(pooled, [{ stepId: 'first-level', staff: 14 }]));
    expect(more.flow.pools![0]!.shifts!.staff[0]).toBe(step(base.flow, 'first-level').shifts!.staff[0]! + 2);
    const t = diffScenarios({ ...base, flow: pooled }, { ...base, id: 'x', kind: 'proposal', flow: more.flow }).map((c) => c.text);
    expect(t).toEqual(['Staff pool "Desk": 2 more on duty in every hour with staff (up to 12 → 14)']);
  });
});
