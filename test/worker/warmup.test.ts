// The workers' warm-up replications take the run's own paths (horizon kind, warm-up period),
// scaled down to about WARM_CUSTOMERS customers, so that the JIT compiles what the run will use.
import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { simulateReplication } from '../../src/engine/simulate';
import { WARM_CUSTOMERS, warmUpProject } from '../../src/worker/collect';

describe('warmUpProject', () => {
  it('keeps a duration horizon and its warm-up period, scaled to a few thousand customers', () => {
    const loan = getExample('loan')!.project;
    expect(loan.run.horizon.kind).toBe('duration');
    expect(loan.run.warmup).toBeGreaterThan(0);
    const short = warmUpProject(loan);
    expect(short.run.horizon.kind).toBe('duration');
    const f = (short.run.horizon as { duration: number }).duration / (loan.run.horizon as { duration: number }).duration;
    expect(f).toBeGreaterThan(0);
    expect(f).toBeLessThan(1);
    expect(short.run.warmup).toBeCloseTo(loan.run.warmup * f, 9);
    // Simulated, it has a window start and about WARM_CUSTOMERS customers in all.
    const r = simulateReplication(short, loan.scenarios[0]!.id, 1_000_000);
    const inWindow = r.overall.arrived;
    const all = inWindow * (1 + short.run.warmup / (short.run.horizon as { duration: number }).duration);
    expect(all).toBeGreaterThan(WARM_CUSTOMERS * 0.7);
    expect(all).toBeLessThan(WARM_CUSTOMERS * 1.3);
  });

  it('scales a customer horizon, and leaves a short run as it is', () => {
    const base = getExample('loan')!.project;
    const many = { ...base, run: { ...base.run, horizon: { kind: 'customers' as const, count: 10 * WARM_CUSTOMERS }, warmup: 600 } };
    const s = warmUpProject(many);
    expect(s.run.horizon).toEqual({ kind: 'customers', count: WARM_CUSTOMERS });
    expect(s.run.warmup).toBeCloseTo(60, 9);
    const few = { ...base, run: { ...base.run, horizon: { kind: 'customers' as const, count: 50 }, warmup: 0 } };
    expect(warmUpProject(few).run.horizon).toEqual({ kind: 'customers', count: 50 });
  });

  it('caps the events, so a warm-up never runs long', () => {
    const base = getExample('loan')!.project;
    expect(warmUpProject(base).run.maxEvents).toBeLessThanOrEqual(200_000);
  });
});
