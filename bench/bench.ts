// Engine benchmarks, single thread: npm run bench [-- --json] (median of three runs per case)
// (a) M/M/1 at utilisation 0.9, 1,000,000 customers; (b) a five-step network with a rework loop,
// 500,000 customers; (c) the loan example, one replication of each scenario; (d) the mortgage
// example's parallel checks (split into three parts and joined), 200,000 customers.
import { cpus } from 'node:os';
import { FORMAT_VERSION, Project } from '../src/model/schema';
import { getExample } from '../src/model/examples';
import { simulateReplication } from '../src/engine/simulate';

interface Row {
  case: string;
  customers: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
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
 * One replication per run: a warm-up run (100,000 customers, or the case itself when smaller)
 * lets the JIT compile the hot paths, then three measured runs of the case; the median is
 * reported.
 */
function measure(name: string, project: Project, scenarioId: string): Row {
  const horizon = project.run.horizon;
  const warm = horizon.kind === 'customers' && horizon.count > 100_000 ? { ...project, run: { ...project.run, horizon: { kind: 'customers' as const, count: 100_000 } } } : project;
  simulateReplication(warm, scenarioId, 99);
  const runs = [0, 1, 2].map(() => {
    const t0 = performance.now();
    const r = simulateReplication(project, scenarioId, 0);
    return { r, seconds: (performance.now() - t0) / 1000 };
  });
  runs.sort((a, b) => a.seconds - b.seconds);
  const { r, seconds } = runs[1]!;
  return { case: name, customers: r.overall.arrived, events: r.events, seconds: +seconds.toFixed(3), eventsPerSecond: Math.round(r.events / seconds) };
}

const loan = getExample('loan')!.project;
const longer = (p: Project, customers: number): Project => ({ ...p, run: { ...p.run, warmup: 0, horizon: { kind: 'customers', count: customers } } });
const rows: Row[] = [
  measure('(a) M/M/1, utilisation 0.9', mm1, 'base'),
  measure('(b) five steps with a rework loop', network, 'base'),
  ...loan.scenarios.map((s) => measure(`(c) loan example: ${s.name}`, loan, s.id)),
  measure('(d) mortgage: checks in parallel', longer(getExample('mortgage')!.project, 200_000), 'parallel'),
];

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
} else {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Serviceflow engine benchmark — ${cpu}, ${cpus().length} cores, Node ${process.version}, one thread\n`);
  console.log(['case'.padEnd(42), 'customers'.padStart(10), 'events'.padStart(11), 'seconds'.padStart(8), 'events/s'.padStart(12)].join(' '));
  for (const r of rows) {
    console.log(
      [r.case.padEnd(42), String(r.customers).padStart(10), String(r.events).padStart(11), r.seconds.toFixed(3).padStart(8), r.eventsPerSecond.toLocaleString('en').padStart(12)].join(' '),
    );
  }
}
