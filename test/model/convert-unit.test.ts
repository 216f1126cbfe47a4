// Changing the project's time unit converts every time: the model means the same thing, and the
// simulation gives the same results (in the new unit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbValidProject } from '../arbitraries';
import { convertTimeUnit, describeConversion } from '../../src/model/convertUnit';
import { EXAMPLES } from '../../src/model/examples';
import { Project, type TimeUnit } from '../../src/model/schema';
import { simulateReplication } from '../../src/engine/simulate';

/** Every number in a document, with its path. */
function numbers(v: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) numbers((v as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

function expectClose(a: Project, b: Project) {
  const na = numbers(a);
  const nb = numbers(b);
  expect(nb.map(([p]) => p)).toEqual(na.map(([p]) => p));
  na.forEach(([p, x], i) => {
    const y = nb[i]![1];
    expect(Math.abs(x - y), `${p}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(x), Math.abs(y)));
  });
}

const base: Project = EXAMPLES[0]!.project;

describe('convertTimeUnit', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.id}: minutes → hours → minutes gives the same project; every unit → seconds → back too`, () => {
      const p = ex.project;
      const there = convertTimeUnit(p, 'hours');
      expect(there.timeUnit).toBe('hours');
      expect(Project.safeParse(there).success).toBe(true);
      const back = convertTimeUnit(there, p.timeUnit);
      expect(back.timeUnit).toBe(p.timeUnit);
      expectClose(back, p);
      expectClose(convertTimeUnit(convertTimeUnit(p, 'days'), p.timeUnit), p);
      expectClose(convertTimeUnit(convertTimeUnit(p, 'seconds'), p.timeUnit), p);
    });
  }

  it('scales every time of every kind, and nothing that is not a time', () => {
    const step = { id: 's', name: 'Check', kind: 'step' as const, departmentId: 'd', staff: 2, position: { x: 0, y: 0 }, discipline: 'fifo' as const };
    const p = Project.parse({
      formatVersion: 4,
      name: 'All kinds',
      timeUnit: 'minutes',
      classes: [{ id: 'c', name: 'All', share: 1 }],
      run: { horizon: { kind: 'duration', duration: 6000 }, warmup: 120, replications: { kind: 'fixed', count: 1 }, seed: 1 },
      serviceLevels: [{ id: 'sl', name: 'Quick', measure: 'waitingTime', threshold: 30, target: 0.9 }],
      costs: { currency: '€', staffPerHour: 40, lostCustomer: 100, tolerance: 60, shareLostAtRisk: 0.2 },
      scenarios: [
        {
          id: 'b',
          name: 'Now',
          kind: 'baseline',
          flow: {
            departments: [{ id: 'd', name: 'Desk' }],
            pools: [{ id: 'p', name: 'Pool', size: 2, learning: { multiplier: 1.5, period: 600, shape: 'linear' } }],
            systems: [{ id: 'sys', name: 'Core', timeBetweenFailures: { kind: 'exponential', mean: 6000 }, timeToRepair: { kind: 'uniform', min: 30, max: 90 } }],
            nodes: [
              { id: 'a', name: 'In', kind: 'arrivals', arrivals: { mode: 'rate', rate: 12, per: 'hour' }, schedule: { repeat: 'day', multipliers: Array(24).fill(1) } },
              { id: 'a2', name: 'In 2', kind: 'arrivals', arrivals: { mode: 'interarrival', distribution: { kind: 'gamma', mean: 6, sd: 3 } } },
              { ...step, service: { kind: 'triangular', min: 6, mode: 12, max: 30 }, serviceByClass: { c: { kind: 'erlang', mean: 12, k: 3 } }, patience: { kind: 'weibull', mean: 60, sd: 30 }, learning: { multiplier: 2, period: 1200, shape: 'exponential' }, costPerHour: 50, shifts: { repeat: 'day', staff: Array(24).fill(2) } },
              { id: 'dl', name: 'Post', kind: 'delay', duration: { kind: 'empirical', values: [60, 120, 180] } },
              { id: 'n', name: 'N', kind: 'delay', duration: { kind: 'normal', mean: 30, sd: 6 } },
              { id: 'l', name: 'L', kind: 'delay', duration: { kind: 'lognormal', mean: 30, sd: 15 } },
              { id: 'k', name: 'K', kind: 'delay', duration: { kind: 'constant', value: 15 } },
              { id: 'x', name: 'Out', kind: 'exit' },
            ],
            edges: [],
          },
        },
      ],
    });
    const h = convertTimeUnit(p, 'hours');
    const flow = h.scenarios[0]!.flow;
    const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
    expect(h.run.horizon).toEqual({ kind: 'duration', duration: 100 });
    expect(h.run.warmup).toBe(2);
    expect(h.serviceLevels[0]!.threshold).toBe(0.5);
    expect(h.costs).toEqual({ ...p.costs, tolerance: 1 }); // money per hour unchanged
    expect(flow.pools![0]!.learning!.period).toBe(10);
    expect(flow.systems![0]!.timeBetweenFailures).toEqual({ kind: 'exponential', mean: 100 });
    expect(flow.systems![0]!.timeToRepair).toEqual({ kind: 'uniform', min: 0.5, max: 1.5 });
    expect(node('a')).toEqual(p.scenarios[0]!.flow.nodes[0]); // a rate per hour is per hour in any unit
    expect(node('a2')).toMatchObject({ arrivals: { distribution: { kind: 'gamma', mean: 0.1, sd: 0.05 } } });
    const s = node('s');
    if (s.kind !== 'step') throw new Error('not a step');
    expect(s.service).toEqual({ kind: 'triangular', min: 0.1, mode: 0.2, max: 0.5 });
    expect(s.serviceByClass!.c).toEqual({ kind: 'erlang', mean: 0.2, k: 3 });
    expect(s.patience).toEqual({ kind: 'weibull', mean: 1, sd: 0.5 });
    expect(s.learning).toEqual({ multiplier: 2, period: 20, shape: 'exponential' });
    expect(s.costPerHour).toBe(50);
    expect(s.shifts).toEqual({ repeat: 'day', staff: Array(24).fill(2) });
    expect(node('dl')).toMatchObject({ duration: { kind: 'empirical', values: [1, 2, 3] } });
    expect(node('n')).toMatchObject({ duration: { kind: 'normal', mean: 0.5, sd: 0.1 } });
    expect(node('l')).toMatchObject({ duration: { kind: 'lognormal', mean: 0.5, sd: 0.25 } });
    expect(node('k')).toMatchObject({ duration: { kind: 'constant', value: 0.25 } });
    expect(p.run.horizon).toEqual({ kind: 'duration', duration: 6000 }); // the original is untouched
    expect(describeConversion(p, h)).toBe('All times converted to hours: the service time at “Check” of 6 min is now 0.1 h.');
  });

  it('says what it did with the first step of the project', () => {
    const h = convertTimeUnit(base, 'hours');
    expect(describeConversion(base, h)).toMatch(/^All times converted to hours: the service time at “.+” of [\d.,]+ min is now [\d.,]+ h\.$/);
  });

  it('random valid projects: converting there and back gives the same project, and a valid one on the way', () => {
    fc.assert(
      fc.property(arbValidProject({ parallel: true }), fc.constantFrom<TimeUnit>('seconds', 'hours', 'days'), (p, unit) => {
        const there = convertTimeUnit(p, unit);
        expect(Project.safeParse(there).success).toBe(true);
        expectClose(convertTimeUnit(there, p.timeUnit), p);
      }),
      { numRuns: 50, seed: 14 },
    );
  });

  it('a customer-count horizon is not a time', () => {
    const p: Project = { ...base, run: { ...base.run, horizon: { kind: 'customers', count: 500 } } };
    expect(convertTimeUnit(p, 'hours').run.horizon).toEqual({ kind: 'customers', count: 500 });
  });
});

describe('converting keeps the simulation results (same seed, same random streams)', () => {
  const units: TimeUnit[] = ['hours', 'seconds'];
  for (const ex of EXAMPLES) {
    for (const to of units) {
      it(`${ex.id}: ${ex.project.timeUnit} → ${to}`, () => {
        const p = ex.project;
        const q = convertTimeUnit(p, to);
        const f = q.run.horizon.kind === 'duration' && p.run.horizon.kind === 'duration' ? q.run.horizon.duration / p.run.horizon.duration : NaN;
        for (const sc of p.scenarios) {
          const a = simulateReplication(p, sc.id, 0);
          const b = simulateReplication(q, sc.id, 0);
          expect(b.overall.arrived).toBe(a.overall.arrived);
          expect(b.overall.exited).toBe(a.overall.exited);
          expect(b.overall.abandoned).toBe(a.overall.abandoned);
          const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-300);
          expect(rel(b.overall.waitingTime.mean, a.overall.waitingTime.mean * f)).toBeLessThanOrEqual(1e-6);
          expect(rel(b.overall.timeInSystem.mean, a.overall.timeInSystem.mean * f)).toBeLessThanOrEqual(1e-6);
          for (const id of Object.keys(a.overall.serviceLevel)) expect(b.overall.serviceLevel[id]).toBeCloseTo(a.overall.serviceLevel[id]!, 9);
        }
      });
    }
  }
});
