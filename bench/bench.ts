// Engine benchmarks, single thread: npm run bench [-- --json] (median of three runs per case)
// (a) M/M/1 at utilisation 0.9, 1,000,000 customers; (b) a five-step network with a rework loop,
// 500,000 customers; (c) the loan example, replications 0–9 of each scenario; (d) the mortgage
// example's parallel checks (split into three parts and joined), 200,000 customers.
// Then the engine against a hand-tuned, model-specific loop (../shared/bench/tight-loop.js, or
// the file named by TIGHT_LOOP) on the same models: runs alternate engine, loop, engine, loop …
// and the median of the per-pair speed ratios is reported, so that load from other processes
// on a shared machine cancels out as far as it can.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FORMAT_VERSION, Project } from '../src/model/schema';
import { getExample } from '../src/model/examples';
import { simulateReplication } from '../src/engine/simulate';
import { checkScenario } from '../src/engine/check';
import { chainProject } from './flows';

interface Row {
  case: string;
  customers: number;
  events: number;
  /** Wall-clock seconds (median run). */
  seconds: number;
  eventsPerSecond: number;
  /** Processor seconds of this process during the median run (less disturbed by other processes). */
  cpuSeconds: number;
}

/** Wall-clock and processor seconds of one call. */
function timed<T>(f: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

const base = (name: string, customers: number, nodes: unknown[], edges: unknown[], departments: unknown[]) =>
  Project.parse({
    formatVersion: FORMAT_VERSION,
    name,
    classes: [{ id: 'c', name: 'Customers', share: 1 }],
    run: { horizon: { kind: 'customers', count: customers }, warmup: 0, replications: { kind: 'fixed', count: 1 }, seed: 1, maxEvents: 2_000_000_000 },
    scenarios: [{ id: 'base', name: 'Base', kind: 'baseline', flow: { departments, nodes, edges } }],
  });

const mm1 = base(
  'M/M/1 ρ=0.9',
  1_000_000,
  [
    { id: 'in', kind: 'arrivals', name: 'in', arrivals: { mode: 'rate', rate: 0.9, per: 'minute' } },
    { id: 's', kind: 'step', name: 's', departmentId: 'd', staff: 1, service: { kind: 'exponential', mean: 1 } },
    { id: 'x', kind: 'exit', name: 'x' },
  ],
  [
    { id: 'e1', source: 'in', target: 's' },
    { id: 'e2', source: 's', target: 'x' },
  ],
  [{ id: 'd', name: 'd' }],
);

const network = base(
  'five steps with rework',
  500_000,
  [
    { id: 'in', kind: 'arrivals', name: 'in', arrivals: { mode: 'rate', rate: 1, per: 'minute' } },
    ...[1, 2, 3, 4, 5].map((i) => ({
      id: `s${i}`,
      kind: 'step',
      name: `s${i}`,
      departmentId: `d${(i % 3) + 1}`,
      staff: i === 2 ? 2 : 1,
      service: { kind: 'lognormal', mean: i === 2 ? 1.4 : 0.6, sd: 0.5 },
    })),
    { id: 'rework', kind: 'decision', name: 'rework' },
    { id: 'x', kind: 'exit', name: 'x' },
  ],
  [
    { id: 'e0', source: 'in', target: 's1' },
    { id: 'e1', source: 's1', target: 's2' },
    { id: 'e2', source: 's2', target: 's3' },
    { id: 'e3', source: 's3', target: 'rework' },
    { id: 'e4', source: 'rework', target: 's2', probability: 0.2 },
    { id: 'e5', source: 'rework', target: 's4', probability: 0.8 },
    { id: 'e6', source: 's4', target: 's5' },
    { id: 'e7', source: 's5', target: 'x' },
  ],
  [1, 2, 3].map((i) => ({ id: `d${i}`, name: `d${i}` })),
);

/**
 * A warm-up run (100,000 customers, or the case itself when smaller) lets the JIT compile the hot
 * paths, then three measured runs of the case; the median is reported. A run is one replication,
 * or `replications` consecutive ones (0, 1, …) for short cases, whose single replications last
 * only a few hundredths of a second: their figures then include every replication's fixed costs
 * (compile, set-up, statistics at the end) but not the timer's noise.
 */
function measure(name: string, project: Project, scenarioId: string, replications = 1): Row {
  const horizon = project.run.horizon;
  const warm = horizon.kind === 'customers' && horizon.count > 100_000 ? { ...project, run: { ...project.run, horizon: { kind: 'customers' as const, count: 100_000 } } } : project;
  for (let k = 0; k < Math.min(replications, 5); k++) simulateReplication(warm, scenarioId, 99 - k);
  const runs = [0, 1, 2].map(() =>
    timed(() => {
      let customers = 0;
      let events = 0;
      for (let k = 0; k < replications; k++) {
        const r = simulateReplication(project, scenarioId, k);
        customers += r.overall.arrived;
        events += r.events;
      }
      return { customers, events };
    }),
  );
  runs.sort((a, b) => a.seconds - b.seconds);
  const { value: r, seconds, cpuSeconds } = runs[1]!;
  return { case: name, customers: r.customers, events: r.events, seconds: +seconds.toFixed(3), eventsPerSecond: Math.round(r.events / seconds), cpuSeconds: +cpuSeconds.toFixed(3) };
}

const loan = getExample('loan')!.project;

/** One round of the loan case: replications 0–9 of both scenarios. */
function loanRound(): { customers: number; events: number } {
  let customers = 0;
  let events = 0;
  for (const s of loan.scenarios) {
    for (let k = 0; k < 10; k++) {
      const r = simulateReplication(loan, s.id, k);
      customers += r.overall.arrived;
      events += r.events;
    }
  }
  return { customers, events };
}
const row = (name: string, t: { value: { customers: number; events: number }; seconds: number; cpuSeconds: number }): Row => ({
  case: name,
  customers: t.value.customers,
  events: t.value.events,
  seconds: +t.seconds.toFixed(3),
  eventsPerSecond: Math.round(t.value.events / t.seconds),
  cpuSeconds: +t.cpuSeconds.toFixed(3),
});
// Cold: the first work of this process, so it pays for compiling the engine (parse, JIT tiers).
const loanCold = row('(c) loan example, both scenarios ×10: cold', timed(loanRound));
// Warm: after LOAN_WARM_ROUNDS more rounds (the JIT has optimised the hot paths), the median of five.
const LOAN_WARM_ROUNDS = 4;
for (let k = 0; k < LOAN_WARM_ROUNDS; k++) loanRound();
const loanWarmRuns = [0, 1, 2, 3, 4].map(() => timed(loanRound)).sort((a, b) => a.seconds - b.seconds);
const loanWarm = row(`(c) loan example, both scenarios ×10: warm`, loanWarmRuns[2]!);

const longer = (p: Project, customers: number): Project => ({ ...p, run: { ...p.run, warmup: 0, horizon: { kind: 'customers', count: customers } } });
const rows: Row[] = [
  measure('(a) M/M/1, utilisation 0.9', mm1, 'base'),
  measure('(b) five steps with a rework loop', network, 'base'),
  loanCold,
  loanWarm,
  ...loan.scenarios.map((s) => measure(`(c) loan example: ${s.name} (×10)`, loan, s.id, 10)),
  measure('(d) mortgage: checks in parallel', longer(getExample('mortgage')!.project, 200_000), 'parallel'),
];

// The tight loop's small network: Poisson(1/min) → reception (2 staff, exponential 1.5) → 60 %
// department A (3 staff, 3.5) / 40 % department B (2 staff, 3.0); A → 20 % back to reception,
// 80 % approval; B → approval (1 staff, 0.8) → exit.
const tightNetwork = (customers: number) =>
  base(
    'tight-loop network',
    customers,
    [
      { id: 'in', kind: 'arrivals', name: 'in', arrivals: { mode: 'rate', rate: 1, per: 'minute' } },
      { id: 'rec', kind: 'step', name: 'reception', departmentId: 'd1', staff: 2, service: { kind: 'exponential', mean: 1.5 } },
      { id: 'split', kind: 'decision', name: 'A or B' },
      { id: 'a', kind: 'step', name: 'department A', departmentId: 'd2', staff: 3, service: { kind: 'exponential', mean: 3.5 } },
      { id: 'back', kind: 'decision', name: 'back to reception?' },
      { id: 'b', kind: 'step', name: 'department B', departmentId: 'd3', staff: 2, service: { kind: 'exponential', mean: 3 } },
      { id: 'ok', kind: 'step', name: 'approval', departmentId: 'd4', staff: 1, service: { kind: 'exponential', mean: 0.8 } },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    [
      { id: 'e0', source: 'in', target: 'rec' },
      { id: 'e1', source: 'rec', target: 'split' },
      { id: 'e2', source: 'split', target: 'a', probability: 0.6 },
      { id: 'e3', source: 'split', target: 'b', probability: 0.4 },
      { id: 'e4', source: 'a', target: 'back' },
      { id: 'e5', source: 'back', target: 'rec', probability: 0.2 },
      { id: 'e6', source: 'back', target: 'ok', probability: 0.8 },
      { id: 'e7', source: 'b', target: 'ok' },
      { id: 'e8', source: 'ok', target: 'x' },
    ],
    [1, 2, 3, 4].map((i) => ({ id: `d${i}`, name: `d${i}` })),
  );

interface Ratio {
  case: string;
  customers: number;
  pairs: number;
  /** Engine events/s ÷ tight-loop events/s, wall clock: median and range over the pairs. */
  wall: { median: number; min: number; max: number };
  /** The same on processor time of this process. */
  cpu: { median: number; min: number; max: number };
  engineEventsPerSecond: number;
  tightEventsPerSecond: number;
}

type TightRun = (customers: number, seed: number) => { events: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const spread = (xs: number[]) => ({ median: +median(xs).toFixed(3), min: +Math.min(...xs).toFixed(3), max: +Math.max(...xs).toFixed(3) });

/** A B A B …: one engine replication, then the tight loop, `pairs` times; ratios per pair. */
function ratioVsTight(name: string, project: (customers: number) => Project, tight: TightRun, customers: number, pairs = 5): Ratio {
  simulateReplication(project(100_000), 'base', 99);
  tight(100_000, 99);
  const full = project(customers);
  const wall: number[] = [];
  const cpu: number[] = [];
  const engineRates: number[] = [];
  const tightRates: number[] = [];
  for (let k = 0; k < pairs; k++) {
    const a = timed(() => simulateReplication(full, 'base', k));
    const b = timed(() => tight(customers, 12345 + k));
    const engineRate = a.value.events / a.seconds;
    const tightRate = b.value.events / b.seconds;
    engineRates.push(engineRate);
    tightRates.push(tightRate);
    wall.push(engineRate / tightRate);
    cpu.push(a.value.events / a.cpuSeconds / (b.value.events / b.cpuSeconds));
  }
  return { case: name, customers, pairs, wall: spread(wall), cpu: spread(cpu), engineEventsPerSecond: Math.round(median(engineRates)), tightEventsPerSecond: Math.round(median(tightRates)) };
}

const tightPath = process.env.TIGHT_LOOP ?? fileURLToPath(new URL('../../shared/bench/tight-loop.js', import.meta.url));
const ratios: Ratio[] = [];
if (existsSync(tightPath)) {
  const tightLoop = createRequire(import.meta.url)(tightPath) as { runMM1: TightRun; runNet: TightRun };
  const mm1Of = (customers: number) => ({ ...mm1, run: { ...mm1.run, horizon: { kind: 'customers' as const, count: customers } } });
  ratios.push(ratioVsTight('(a) M/M/1, utilisation 0.9', mm1Of, tightLoop.runMM1, 1_000_000));
  ratios.push(ratioVsTight('(e) the tight loop’s network (4 steps, rework to reception)', tightNetwork, tightLoop.runNet, 500_000));
}

/** The shortest wall-clock seconds of `k` calls (garbage collection falls on some of them). */
function fastestOf(k: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < k; i++) best = Math.min(best, timed(f).seconds);
  return best;
}

// The load check (checkScenario: validation and traffic equations) on chains of steps with rework
// loops, n and 2n steps alternated: the median ratio of their times (linear ≈ 2, quadratic ≈ 4).
function checkGrowth(n: number, pairs = 7) {
  const small = chainProject(n, true);
  const large = chainProject(2 * n, true);
  for (let k = 0; k < 3; k++) {
    checkScenario(small, 0);
    checkScenario(large, 0);
  }
  const ratios: number[] = [];
  const times: [number, number][] = [];
  for (let k = 0; k < pairs; k++) {
    const a = fastestOf(3, () => checkScenario(small, 0));
    const b = fastestOf(3, () => checkScenario(large, 0));
    times.push([a, b]);
    ratios.push(b / Math.max(a, 1e-6));
  }
  return { steps: n, ratio: spread(ratios), smallMs: +(median(times.map((t) => t[0])) * 1000).toFixed(1), largeMs: +(median(times.map((t) => t[1])) * 1000).toFixed(1) };
}
const growth = [1000, 3000].map((n) => checkGrowth(n));

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify({ cases: rows, ratios, checkGrowth: growth, tightLoop: existsSync(tightPath) ? tightPath : null }, null, 2) + '\n');
} else {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Serviceflow engine benchmark — ${cpu}, ${cpus().length} cores, Node ${process.version}, one thread`);
  console.log(
    `Each case: a warm-up run first (JIT), then the median of three timed runs — except "(c) … cold", the first work of this process (no warm-up, compilation included), and "(c) … warm", the median of five after ${LOAN_WARM_ROUNDS} warm-up rounds.\n`,
  );
  console.log(['case'.padEnd(50), 'customers'.padStart(10), 'events'.padStart(11), 'seconds'.padStart(8), 'events/s'.padStart(12), 'cpu s'.padStart(7), 'events/cpu s'.padStart(13)].join(' '));
  for (const r of rows) {
    console.log(
      [
        r.case.padEnd(50),
        String(r.customers).padStart(10),
        String(r.events).padStart(11),
        r.seconds.toFixed(3).padStart(8),
        r.eventsPerSecond.toLocaleString('en').padStart(12),
        r.cpuSeconds.toFixed(3).padStart(7),
        Math.round(r.events / r.cpuSeconds).toLocaleString('en').padStart(13),
      ].join(' '),
    );
  }
  if (ratios.length === 0) console.log(`\nNo tight loop at ${tightPath} (set TIGHT_LOOP): ratios skipped.`);
  else {
    console.log('\nEngine ÷ hand-tuned tight loop (events/s), median of alternating pairs [range]:');
    for (const q of ratios) {
      console.log(
        `${q.case}: ${q.wall.median.toFixed(2)} [${q.wall.min.toFixed(2)}–${q.wall.max.toFixed(2)}] wall clock, ${q.cpu.median.toFixed(2)} [${q.cpu.min.toFixed(2)}–${q.cpu.max.toFixed(2)}] processor time; ${q.pairs} pairs, ${q.customers.toLocaleString('en')} customers; engine ${q.engineEventsPerSecond.toLocaleString('en')}, loop ${q.tightEventsPerSecond.toLocaleString('en')} events/s`,
      );
    }
  }
  console.log('\nLoad check on a chain with rework loops, n and 2n steps alternated (fastest of 3 each, wall clock; linear ≈ 2, quadratic ≈ 4):');
  for (const g of growth) console.log(`${g.steps.toLocaleString('en')} → ${(2 * g.steps).toLocaleString('en')} steps: ×${g.ratio.median.toFixed(2)} [${g.ratio.min.toFixed(2)}–${g.ratio.max.toFixed(2)}] (${g.smallMs} ms → ${g.largeMs} ms)`);
}
