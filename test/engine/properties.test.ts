// Properties that must hold on any valid flow: Little's law per step, conservation of customers,
// determinism for a seed, and no crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate';
import { checkScenario } from '../../src/engine/check';
import { arbValidProject } from '../arbitraries';

describe('properties on random valid flows', () => {
  it('the generated flows pass validation', () => {
    fc.assert(
      fc.property(arbValidProject({ parallel: true }), (p) => {
        expect(checkScenario(p, 0).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('customers are conserved and results are deterministic', () => {
    fc.assert(
      fc.property(arbValidProject({ parallel: true }), (p) => {
        const r = simulateReplication(p, 'base', 0);
        const o = r.overall;
        expect(r.insideAtWindowStart + o.arrived).toBe(o.exited + o.abandoned + o.turnedAway + o.inSystemAtEnd);
        expect(JSON.stringify(simulateReplication(p, 'base', 0))).toBe(JSON.stringify(r));
      }),
      { numRuns: 100, seed: 2 },
    );
  });

  // Little's law L = λW on the window, per step queue: the time-average queue equals the sum of
  // the waits spent in the queue during the window divided by the window length. Customers who
  // were already waiting at the window's start or still waiting at its end break the identity
  // by a boundary term, so the window is long relative to waits and the tolerance covers the
  // boundary: at most (customers waiting at either edge) × (their longest wait) / window.
  it("Little's law holds for every step's queue", () => {
    fc.assert(
      fc.property(arbValidProject({ parallel: true }), (p) => {
        const long = { ...p, run: { ...p.run, horizon: { kind: 'duration' as const, duration: 20_000 }, warmup: 500 } };
        const r = simulateReplication(long, 'base', 0);
        const T = r.windowEnd - r.windowStart;
        for (const s of Object.values(r.steps)) {
          if (s.kind !== 'step') continue;
          const L = s.queueLength.mean;
          const lambdaW = s.totalWaiting / T; // λ·W with λ = visits/T and W = total wait per visit
          const boundary = (2 * s.queueLength.max * Math.max(s.waitingTime.max, 1)) / T;
          expect(Math.abs(L - lambdaW)).toBeLessThanOrEqual(boundary + 1e-9);
        }
        // And for the whole system: WIP = throughput × time in system, up to the same boundary.
        const o = r.overall;
        const boundary = (2 * o.workInProgress.max * Math.max(o.timeInSystem.max, 1)) / T;
        const lost = o.abandoned + o.turnedAway;
        if (lost === 0) expect(Math.abs(o.workInProgress.mean - o.throughput * o.timeInSystem.mean)).toBeLessThanOrEqual(boundary + 1e-9);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
