import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate';
import { runExperiment } from '../../src/engine/experiment';
import { singleStationProject } from './helpers';
import type { Project } from '../../src/model/schema';

const base = () =>
  singleStationProject({
    lambda: 1.1,
    station: { staff: 2, service: { kind: 'exponential', mean: 1.6 }, capacity: 6, patience: { kind: 'exponential', mean: 8 } },
    duration: 3000,
    warmup: 200,
    seed: 4,
  }) as Project;

describe('costs and customers at risk', () => {
  it('add up: staff × hours × rate, lost customers, and the assumed share of customers at risk', () => {
    const p: Project = {
      ...base(),
      costs: { currency: '€', staffPerHour: 30, lostCustomer: 100, tolerance: 5, shareLostAtRisk: 0.25 },
      serviceLevels: [{ id: 'five', name: 'Within 5', measure: 'waitingTime', threshold: 5, target: 0.8 }],
    };
    p.scenarios[0]!.flow.nodes = p.scenarios[0]!.flow.nodes.map((n) => (n.kind === 'step' ? { ...n, costPerHour: 45 } : n));
    const r = simulateReplication(p, 'base', 0);
    const o = r.overall;
    const hours = (r.windowEnd - r.windowStart) / 60; // minutes
    expect(o.costs.staff).toBeCloseTo(2 * 45 * hours, 9); // the step's own rate wins over the default
    expect(o.abandoned + o.turnedAway).toBeGreaterThan(0);
    expect(o.costs.lostCustomers).toBe((o.abandoned + o.turnedAway) * 100);
    // At risk: exited customers who waited more than 5 = those outside the 5-minute service level.
    expect(o.atRisk).toBe(Math.round(o.exited * (1 - o.serviceLevel['five']!)));
    expect(o.atRisk).toBeGreaterThan(0);
    expect(o.costs.atRiskLost).toBeCloseTo(o.atRisk * 0.25 * 100, 9);
    expect(o.costs.total).toBeCloseTo(o.costs.staff + o.costs.lostCustomers + o.costs.atRiskLost, 9);
    expect(o.costs.perCustomer).toBeCloseTo(o.costs.total / o.exited, 9);
    expect(o.costs.perDay).toBeCloseTo((o.costs.total / hours) * 24, 9);
    // Per timeline bin: the bins add up to the total, and a bin's cost beyond its share of staff
    // cost is its own lost and at-risk customers.
    const bins = r.timeline.costs;
    expect(bins).toHaveLength(50);
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(o.costs.total, 6);
    const staffPerBin = o.costs.staff / 50;
    for (const b of bins) expect(b).toBeGreaterThanOrEqual(staffPerBin - 1e-6);
    expect(bins.some((b) => b > staffPerBin + 1)).toBe(true);
  });

  it('are neutral without assumptions, and appear in the comparison only when given', () => {
    const plain = simulateReplication(base(), 'base', 0);
    expect(plain.overall.atRisk).toBe(0);
    expect(plain.overall.costs).toEqual({ staff: 0, lostCustomers: 0, atRiskLost: 0, total: 0, perCustomer: 0, perDay: 0 });
    const two = (p: Project): Project => ({ ...p, run: { ...p.run, replications: { kind: 'fixed', count: 3 } }, scenarios: [p.scenarios[0]!, { ...structuredClone(p.scenarios[0]!), id: 'more', kind: 'proposal', name: 'More staff', flow: { ...p.scenarios[0]!.flow, nodes: p.scenarios[0]!.flow.nodes.map((n) => (n.kind === 'step' ? { ...n, staff: 3 } : n)) } }] });
    const without = runExperiment(two(base()));
    expect(without.comparisons[0]!.overall.some((m) => m.metric.startsWith('costs.'))).toBe(false);
    const withCosts = runExperiment(two({ ...base(), costs: { currency: '', staffPerHour: 30, lostCustomer: 100, tolerance: 5, shareLostAtRisk: 0.25 } }));
    const metrics = withCosts.comparisons[0]!.overall.map((m) => m.metric);
    expect(metrics).toEqual(expect.arrayContaining(['atRiskShare', 'costs.perCustomer', 'costs.perDay']));
    const perDay = withCosts.comparisons[0]!.overall.find((m) => m.metric === 'costs.perDay')!;
    expect(perDay.proposal).toBeCloseTo(withCosts.scenarios[1]!.overall.costs.perDay.mean, 9);
  });
});
