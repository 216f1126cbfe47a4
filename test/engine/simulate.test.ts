import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate';
import { SimulationError } from '../../src/engine/types';
import { edge, exp, flowProject, poisson, singleStationProject, step } from './helpers';

const mm1 = (seed = 1) =>
  singleStationProject({ lambda: 0.8, station: { staff: 1, service: exp(1) }, duration: 5000, warmup: 500, seed });

describe('simulateReplication', () => {
  it('is deterministic for a seed and replication index', () => {
    const a = simulateReplication(mm1(), 'base', 3);
    const b = simulateReplication(mm1(), 'base', 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives different results for other seeds and replication indices', () => {
    const a = simulateReplication(mm1(1), 'base', 0);
    expect(simulateReplication(mm1(2), 'base', 0).overall.waitingTime.mean).not.toBe(a.overall.waitingTime.mean);
    expect(simulateReplication(mm1(1), 'base', 1).overall.waitingTime.mean).not.toBe(a.overall.waitingTime.mean);
  });

  it('conserves customers: inside at window start + arrived = exited + abandoned + turned away + inside at end', () => {
    const p = singleStationProject({
      lambda: 1.2,
      station: { staff: 1, service: exp(1), capacity: 4, patience: exp(3) },
      duration: 3000,
      warmup: 300,
    });
    const r = simulateReplication(p, 'base', 0);
    const o = r.overall;
    expect(o.abandoned).toBeGreaterThan(0);
    expect(o.turnedAway).toBeGreaterThan(0);
    expect(r.insideAtWindowStart + o.arrived).toBe(o.exited + o.abandoned + o.turnedAway + o.inSystemAtEnd);
  });

  it('counts statistics only after the warm-up', () => {
    const p = mm1();
    const r = simulateReplication(p, 'base', 0);
    expect(r.windowStart).toBe(500);
    expect(r.windowEnd).toBe(5500);
    // About λ × window arrivals, not λ × (warm-up + window).
    expect(r.overall.arrived).toBeGreaterThan(0.8 * 5000 * 0.9);
    expect(r.overall.arrived).toBeLessThan(0.8 * 5000 * 1.1);
  });

  it('ends at the requested number of customers after the warm-up', () => {
    const p = singleStationProject({ lambda: 0.5, station: { staff: 1, service: exp(1) }, customers: 1234, warmup: 100 });
    const r = simulateReplication(p, 'base', 0);
    expect(r.overall.arrived).toBe(1234);
  });

  it('counts handoffs between departments: a three-department chain gives 2 per customer', () => {
    const p = flowProject({
      departments: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() })),
      nodes: [poisson('in', 0.1), step('s1', 1, 1, 'a'), step('s2', 1, 1, 'b'), step('s3', 1, 1, 'c'), { id: 'x', kind: 'exit', name: 'x' }],
      edges: [edge('in', 's1'), edge('s1', 's2'), edge('s2', 's3'), edge('s3', 'x')],
      duration: 2000,
    });
    const r = simulateReplication(p, 'base', 0);
    expect(r.overall.handoffsPerCustomer).toBe(2);
    expect(r.overall.departmentsTouchedPerCustomer).toBe(3);
    expect(r.departments.b!.completed).toBeGreaterThan(0);
  });

  it('routes decisions by customer class', () => {
    const p = flowProject({
      classes: [
        { id: 'small', share: 0.7 },
        { id: 'large', share: 0.3 },
      ],
      nodes: [
        poisson('in', 0.2),
        { id: 'kind', kind: 'decision', name: 'Loan size', mode: 'class' },
        step('fast', 2, 1),
        step('full', 2, 2),
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [
        edge('in', 'kind'),
        { id: 'to-fast', source: 'kind', target: 'fast', classIds: ['small'] },
        { id: 'to-full', source: 'kind', target: 'full' },
        edge('fast', 'x'),
        edge('full', 'x'),
      ],
      duration: 20_000,
    });
    const r = simulateReplication(p, 'base', 0);
    const total = r.steps.fast!.arrivals + r.steps.full!.arrivals;
    expect(r.steps.fast!.arrivals / total).toBeCloseTo(r.classes.small!.arrived / r.overall.arrived, 10);
    expect(r.steps.fast!.arrivals / total).toBeGreaterThan(0.65);
    expect(r.steps.fast!.arrivals / total).toBeLessThan(0.75);
  });

  it('generates no arrivals in hours whose rate multiplier is 0 (thinning)', () => {
    const multipliers = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 2 : 0));
    const p = flowProject({
      nodes: [
        { ...poisson('in', 1), schedule: { repeat: 'day', multipliers } },
        step('s', 5, 1),
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [edge('in', 's'), edge('s', 'x')],
      duration: 10 * 1440,
    });
    const r = simulateReplication(p, 'base', 0);
    // Expected arrivals: 10 days × 8 open hours × 60 min × rate 1 × multiplier 2 = 9600 (Poisson sd ≈ 98).
    expect(Math.abs(r.overall.arrived - 9600)).toBeLessThan(4 * Math.sqrt(9600));
    // Customers inside only during opening hours (+ a few minutes of service after closing).
    const perBin = r.timeline.workInProgress;
    expect(perBin.length).toBe(50);
  });

  it('stops with a clear message when the event limit is reached', () => {
    const p = flowProject({
      nodes: [poisson('in', 5), step('s', 10, 1), { id: 'x', kind: 'exit', name: 'x' }],
      edges: [edge('in', 's'), edge('s', 'x')],
      duration: 100_000,
      maxEvents: 5000,
    });
    let err: unknown;
    try {
      simulateReplication(p, 'base', 0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimulationError);
    expect((err as SimulationError).code).toBe('event-limit');
    expect((err as SimulationError).message).toMatch(/5,000 events/);
  });

  it('detects a rework loop that takes no time', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.1),
        { id: 's', kind: 'step', name: 'Check', departmentId: 'd', staff: 1, service: { kind: 'constant', value: 0 } },
        { id: 'again', kind: 'decision', name: 'Again?' },
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [edge('in', 's'), edge('s', 'again'), edge('again', 's', 0.999999), edge('again', 'x', 0.000001)],
      duration: 1000,
    });
    expect(() => simulateReplication(p, 'base', 0)).toThrow(/loop that takes no time/);
  });

  it('detects decisions that route into each other forever', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.1),
        { id: 'd1', kind: 'decision', name: 'First' },
        { id: 'd2', kind: 'decision', name: 'Second' },
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [edge('in', 'd1'), edge('d1', 'd2'), edge('d2', 'd1')],
      duration: 1000,
    });
    expect(() => simulateReplication(p, 'base', 0)).toThrow(SimulationError);
  });

  it('can be cancelled through shouldStop', () => {
    const p = singleStationProject({ lambda: 0.9, station: { staff: 1, service: exp(1) }, customers: 5_000_000 });
    let calls = 0;
    expect(() => simulateReplication(p, 'base', 0, { shouldStop: () => ++calls > 3 })).toThrow(/cancelled/);
    expect(calls).toBe(4);
  });

  it('reports utilisation per department and share of rework', () => {
    const p = flowProject({
      nodes: [
        poisson('in', 0.2),
        step('s', 1, 2),
        { id: 'ok', kind: 'decision', name: 'OK?' },
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [edge('in', 's'), edge('s', 'ok'), edge('ok', 's', 0.5), edge('ok', 'x', 0.5)],
      duration: 50_000,
    });
    const r = simulateReplication(p, 'base', 0);
    // λ_s = 0.4 → utilisation 0.8; half of the visits are repeats.
    expect(r.departments.d!.utilization).toBeCloseTo(r.steps.s!.utilization, 10);
    expect(r.steps.s!.utilization).toBeGreaterThan(0.75);
    expect(r.steps.s!.utilization).toBeLessThan(0.85);
    expect(r.steps.s!.reworkShare).toBeGreaterThan(0.45);
    expect(r.steps.s!.reworkShare).toBeLessThan(0.55);
  });

  it('flags a warm-up that is too short when the system starts far from its steady state', () => {
    // Two staff for the first 4,000 minutes' backlog: arrivals at 1.9/min on one staff member
    // would explode; instead use a burst — a schedule with a 10× peak in the first hour only.
    const multipliers = Array.from({ length: 168 }, (_, h) => (h < 3 ? 12 : 1));
    const p = flowProject({
      nodes: [{ ...poisson('in', 0.5), schedule: { repeat: 'week', multipliers } }, step('s', 1, 1), { id: 'x', kind: 'exit', name: 'x' }],
      edges: [edge('in', 's'), edge('s', 'x')],
      duration: 10_000,
      warmup: 0,
    });
    const r = simulateReplication(p, 'base', 0);
    expect(r.warmup.suggested).toBeGreaterThan(180);
    expect(r.warmup.tooShort).toBe(true);
    const calm = singleStationProject({ lambda: 0.3, station: { staff: 1, service: exp(1) }, duration: 10_000, warmup: 200, seed: 3 });
    expect(simulateReplication(calm, 'base', 0).warmup.tooShort).toBe(false);
  });

  it('the queue-over-time bins average to the window averages (duration and customers horizons)', () => {
    const byDuration = singleStationProject({ lambda: 0.9, station: { staff: 1, service: exp(1) }, duration: 4000, warmup: 321, seed: 5 });
    const byCustomers = singleStationProject({ lambda: 0.9, station: { staff: 1, service: exp(1) }, customers: 3000, warmup: 50, seed: 6 });
    for (const p of [byDuration, byCustomers]) {
      const r = simulateReplication(p, 'base', 0);
      const length = r.windowEnd - r.windowStart;
      const weighted = (bins: number[]) =>
        bins.reduce((acc, v, b) => acc + v * (b === bins.length - 1 ? length - b * r.timeline.binWidth : r.timeline.binWidth), 0) / length;
      const wip = r.timeline.workInProgress;
      expect(wip.length).toBeGreaterThan(40);
      expect(weighted(wip)).toBeCloseTo(r.overall.workInProgress.mean, 9);
      expect(weighted(r.timeline.queueLength.s!)).toBeCloseTo(r.steps.s!.queueLength.mean, 9);
      // The bins differ from one another: they are not the overall mean repeated.
      expect(Math.max(...wip) - Math.min(...wip)).toBeGreaterThan(0.5);
      // Customers leaving per bin add up, and their waits average to the overall mean wait.
      const exits = r.timeline.exits;
      expect(exits.reduce((a, b) => a + b, 0)).toBe(r.overall.exited);
      const waited = exits.reduce((a, n, b) => a + n * r.timeline.waitingTime[b]!, 0);
      expect(waited / r.overall.exited).toBeCloseTo(r.overall.waitingTime.mean, 9);
    }
  });
});
