// Theory: a step open only in office hours (Mon–Fri 08:00–17:00) with so many staff that nobody
// waits while it is open. Customers who arrive (around the clock, Poisson) while it is closed
// wait until it opens: a customer arriving in a closed stretch of length L waits L/2 on average,
// so the mean wait is Σ L² / 2 over the week's closed stretches ÷ 168 h:
// (4 nights of 15 h and a weekend of 63 h) → (4·15² + 63²) / 336 h = 14.49 h. Nearly all of that
// waiting is while closed, and the bottleneck sentence says so. Fixed seed; tolerance from the CI.
import { describe, expect, it } from 'vitest';
import { aggregateScenario } from '../../../src/engine/aggregate';
import { rankBottlenecks } from '../../../src/engine/bottleneck';
import { simulateReplication } from '../../../src/engine/simulate';
import { CALENDAR_PRESETS } from '../../../src/model/calendar';
import { Project } from '../../../src/model/schema';
import { edge, flowProject } from '../helpers';

const HAND = ((4 * 15 ** 2 + 63 ** 2) / 336) * 60; // minutes

function project(seed: number): Project {
  const p = flowProject({
    nodes: [
      { id: 'in', kind: 'arrivals', name: 'Letters', arrivals: { mode: 'rate', rate: 2, per: 'hour' } },
      { id: 's', kind: 'step', name: 'Registration', departmentId: 'd', staff: 60, service: { kind: 'exponential', mean: 0.05 }, calendarId: 'office' },
      { id: 'x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: 26 * 10080,
    warmup: 10080,
    seed,
  });
  return Project.parse({ ...p, calendars: [{ id: 'office', name: 'Office', week: CALENDAR_PRESETS.find((x) => x.key === 'office')!.week }] });
}

describe('M/M/c open only in office hours against a hand computation', () => {
  it(`mean wait ≈ ${(HAND / 60).toFixed(2)} h, almost all of it while closed, and the bottleneck sentence says overnight`, () => {
    const p = project(99);
    const reps = Array.from({ length: 4 }, (_, r) => simulateReplication(p, 'base', r));
    const waits = reps.map((r) => r.steps.s!.waitingTime.mean);
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    const sd = Math.sqrt(waits.reduce((a, b) => a + (b - mean) ** 2, 0) / (waits.length - 1));
    const half = 3.18 * (sd / Math.sqrt(waits.length)); // t(0.975, 3)
    expect(Math.abs(mean - HAND), `simulated ${mean.toFixed(1)} ± ${half.toFixed(1)} min, hand ${HAND.toFixed(1)} min`).toBeLessThan(Math.max(half, 0.02 * HAND));
    for (const r of reps) expect(r.steps.s!.waitingWhileClosed!).toBeGreaterThan(0.99);
    expect(reps[0]!.steps.s!.openShare).toBeCloseTo(45 / 168, 12);
    const results = aggregateScenario(p, p.scenarios[0]!, reps);
    // Heat map: on Monday 07:00–08:00 the weekend's letters wait, on average 2 an hour × 62.5 h = 125
    // (Friday 17:00 to the middle of that hour); at Monday 10:00 nobody waits.
    const byHour = results.steps.s!.byHour!;
    expect(byHour.queue).toHaveLength(168);
    expect(Math.abs(byHour.queue[7]! - 125) / 125).toBeLessThan(0.05);
    expect(byHour.queue[10]!).toBeLessThan(0.05);
    expect(byHour.busy[10]!).toBeGreaterThan(0);
    expect(byHour.busy[3]!).toBe(0);
    expect(rankBottlenecks(results).statement).toMatch(/^Registration: .* most of this waiting \(\d+ %\) is overnight or at weekends, while it is closed \(17\.6 of 24 hours on average\)$/);
  });

  it('a step that never closes has no closed-hours figures (results of such flows are unchanged)', () => {
    const p = project(1);
    const open = Project.parse({ ...p, calendars: undefined, scenarios: p.scenarios.map((s) => ({ ...s, flow: { ...s.flow, nodes: s.flow.nodes.map((n) => (n.kind === 'step' ? (({ calendarId: _c, ...rest }) => rest)(n) : n)) } })) });
    const r = simulateReplication(open, 'base', 0);
    expect(r.steps.s!.waitingWhileClosed).toBeUndefined();
    expect(r.steps.s!.openShare).toBeUndefined();
    expect(r.steps.s!.byHour).toBeUndefined();
  });
});
