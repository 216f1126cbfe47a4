// The fused loop (src/engine/sim/fast.ts) must give the same run as the general loop
// (src/engine/sim/loop.ts): same results to the byte, draw for draw. Golden results cover the
// examples; these cover the kinds of node the fused loop hands to the general functions
// (giving up, queue limits, priorities, several classes) next to plain ones, and warm-up windows.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile';
import { fastPlan, KNOWN_MODEL_KEYS, runFast } from '../../src/engine/sim/fast';
import { runEvents } from '../../src/engine/sim/loop';
import { assembleResult } from '../../src/engine/sim/result';
import { Sim } from '../../src/engine/sim/state';
import { simulateReplication } from '../../src/engine/simulate';
import { EXAMPLES } from '../../src/model/examples';
import type { Project } from '../../src/model/schema';
import { singleStationProject } from './helpers';

function both(project: Project, scenarioId: string, replication: number): { general: string; fused: string; plain: number[] } {
  const m = compileScenario(project, scenarioId);
  const a = new Sim(project, m, replication, {});
  const general = JSON.stringify(assembleResult(a, runEvents(a)));
  const b = new Sim(project, m, replication, {});
  const fp = fastPlan(b);
  if (!fp) throw new Error('no fused plan');
  const fused = JSON.stringify(assembleResult(b, runFast(b, fp)));
  return { general, fused, plain: [...fp.plain] };
}

const classes = [
  { id: 'gold', share: 0.3, priority: 0 },
  { id: 'std', share: 0.7, priority: 1 },
];

describe('the fused event loop', () => {
  it('gives byte-identical results to the general loop on every example scenario', () => {
    for (const ex of EXAMPLES) {
      for (const s of ex.project.scenarios) {
        const r = both(ex.project, s.id, 1);
        expect(r.fused, `${ex.id}/${s.id}`).toBe(r.general);
      }
    }
  });

  it('hands steps with giving up, a queue limit or priorities to the general functions, with the same results', () => {
    const cases = [
      singleStationProject({ lambda: 1.1, station: { staff: 1, service: { kind: 'exponential', mean: 1 }, patience: { kind: 'exponential', mean: 3 } }, duration: 5000, warmup: 500 }),
      singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 }, capacity: 4 }, duration: 5000 }),
      singleStationProject({ lambda: 0.9, station: { staff: 1, service: { kind: 'exponential', mean: 1 }, discipline: 'priority' }, classes, customers: 5000, warmup: 300 }),
    ];
    for (const p of cases) {
      const r = both(p, 'base', 2);
      expect(r.plain).toEqual([0, 0, 0]); // arrivals, the step (handed over), the exit
      expect(r.fused).toBe(r.general);
    }
  });

  it('runs a plain step itself, with several classes and service times by class, and matches', () => {
    const p = singleStationProject({
      lambda: 1.8,
      station: { staff: 2, service: { kind: 'lognormal', mean: 1, sd: 0.5 }, serviceByClass: { gold: { kind: 'gamma', mean: 0.8, sd: 0.3 } } },
      classes,
      duration: 20_000,
      warmup: 2_000,
    });
    const r = both(p, 'base', 0);
    expect(r.plain).toEqual([0, 1, 0]);
    expect(JSON.parse(r.fused).overall.exited).toBeGreaterThan(30_000);
    expect(r.fused).toBe(r.general);
  });

  it('is used for every example (a compiled-model field fast.ts does not know switches it off: teach it, see docs/engine.md)', () => {
    for (const ex of EXAMPLES) {
      for (const s of ex.project.scenarios) {
        const m = compileScenario(ex.project, s.id);
        const unknown = Object.keys(m).filter((k) => !KNOWN_MODEL_KEYS.has(k));
        expect(unknown, `${ex.id}/${s.id}`).toEqual([]);
        expect(fastPlan(new Sim(ex.project, m, 0, {})), `${ex.id}/${s.id}`).toBeDefined();
      }
    }
  });

  it('is not used while a trace is recorded (the Watch view), and the trace does not change the results', () => {
    const p = EXAMPLES.find((e) => e.id === 'loan')!.project;
    const m = compileScenario(p, p.scenarios[0]!.id);
    expect(fastPlan(new Sim(p, m, 0, { trace: () => {} }))).toBeUndefined();
    let n = 0;
    const traced = simulateReplication(p, p.scenarios[0]!.id, 0, { trace: () => void n++ });
    expect(n).toBeGreaterThan(1000);
    expect(JSON.stringify(traced)).toBe(JSON.stringify(simulateReplication(p, p.scenarios[0]!.id, 0)));
  });
});
