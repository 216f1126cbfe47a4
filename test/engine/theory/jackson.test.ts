import { describe, it, expect } from 'vitest';
import { mmc } from '../../../src/engine/analytic';
import { edge, flowProject, poisson, step } from '../helpers';
import { expectWithinCI, replicate } from './support';

// Open Jackson network: intake → check → decision (30 % back to intake as rework) →
// analysis (2 staff) → approval → exit. Traffic equations: λ_intake = λ_check = γ / (1 − 0.3).
describe('Open Jackson network with a rework loop', () => {
  const gamma = 0.35;
  const p = 0.3;
  const project = flowProject({
    departments: [
      { id: 'front', name: 'Front' },
      { id: 'back', name: 'Back' },
      { id: 'credit', name: 'Credit' },
    ],
    nodes: [
      poisson('in', gamma),
      step('intake', 1, 1, 'front'),
      step('check', 1, 1.2, 'back'),
      { id: 'rework', kind: 'decision', name: 'Complete?' },
      step('analysis', 2, 3.5, 'credit'),
      step('approval', 1, 2, 'credit'),
      { id: 'out', kind: 'exit', name: 'Done' },
    ],
    edges: [
      edge('in', 'intake'),
      edge('intake', 'check'),
      edge('check', 'rework'),
      edge('rework', 'intake', p),
      edge('rework', 'analysis', 1 - p),
      edge('analysis', 'approval'),
      edge('approval', 'out'),
    ],
    customers: 60_000,
    warmup: 2000,
    seed: 909,
  });

  it('matches the traffic equations and M/M/c waits per step, and the end-to-end time', () => {
    const reps = replicate(project, 12);
    const lambdaLoop = gamma / (1 - p);
    const stations = {
      intake: { lambda: lambdaLoop, mean: 1, c: 1, visits: 1 / (1 - p) },
      check: { lambda: lambdaLoop, mean: 1.2, c: 1, visits: 1 / (1 - p) },
      analysis: { lambda: gamma, mean: 3.5, c: 2, visits: 1 },
      approval: { lambda: gamma, mean: 2, c: 1, visits: 1 },
    };
    let endToEnd = 0;
    for (const [id, s] of Object.entries(stations)) {
      const theory = mmc(s.lambda, 1 / s.mean, s.c);
      expectWithinCI(reps.map((r) => r.steps[id]!.throughput), s.lambda, `${id} throughput`);
      expectWithinCI(reps.map((r) => r.steps[id]!.waitingTime.mean), theory.meanWait, `${id} Wq`);
      expectWithinCI(reps.map((r) => r.steps[id]!.visitsPerCustomer), s.visits, `${id} visits`);
      endToEnd += s.visits * theory.meanSojourn;
    }
    expectWithinCI(reps.map((r) => r.overall.timeInSystem.mean), endToEnd, 'time in system');
    // Rework share at intake: repeat visits / all visits = p.
    expectWithinCI(reps.map((r) => r.steps.intake!.reworkShare), p, 'intake rework share');
    // Handoffs: front → back, then per rework back → front → back, then back → credit.
    expectWithinCI(reps.map((r) => r.overall.handoffsPerCustomer), 2 + (2 * p) / (1 - p), 'handoffs');
    expect(reps.every((r) => r.overall.departmentsTouchedPerCustomer === 3)).toBe(true);
  });
});
