// Builders of small test projects.
import { Project, type ProjectInput } from '../../src/model/schema';

type Dist = NonNullable<ProjectInput['scenarios'][number]['flow']['nodes'][number] & { kind: 'step' }>['service'];

export interface StationSpec {
  staff: number;
  service: Dist;
  capacity?: number;
  patience?: Dist;
  discipline?: 'fifo' | 'priority';
  serviceByClass?: Record<string, Dist>;
}

/** One source (Poisson, rate per time unit = minute) → one step → exit. */
export function singleStationProject(opts: {
  lambda: number;
  station: StationSpec;
  duration?: number;
  customers?: number;
  warmup?: number;
  replications?: number;
  seed?: number;
  classes?: { id: string; share: number; priority: number }[];
  serviceLevels?: ProjectInput['serviceLevels'];
}): Project {
  const classes = opts.classes ?? [{ id: 'c', share: 1, priority: 0 }];
  return Project.parse({
    formatVersion: 4,
    name: 'test',
    timeUnit: 'minutes',
    classes: classes.map((c) => ({ ...c, name: c.id })),
    serviceLevels: opts.serviceLevels ?? [],
    run: {
      horizon: opts.customers ? { kind: 'customers', count: opts.customers } : { kind: 'duration', duration: opts.duration ?? 10_000 },
      warmup: opts.warmup ?? 0,
      replications: { kind: 'fixed', count: opts.replications ?? 1 },
      seed: opts.seed ?? 12345,
    },
    scenarios: [
      {
        id: 'base',
        name: 'Baseline',
        kind: 'baseline',
        flow: {
          departments: [{ id: 'd', name: 'Desk' }],
          nodes: [
            { id: 'in', kind: 'arrivals', name: 'Arrivals', arrivals: { mode: 'rate', rate: opts.lambda, per: 'minute' } },
            { id: 's', kind: 'step', name: 'Service', departmentId: 'd', ...opts.station },
            { id: 'out', kind: 'exit', name: 'Done' },
          ],
          edges: [
            { id: 'e1', source: 'in', target: 's' },
            { id: 'e2', source: 's', target: 'out' },
          ],
        },
      },
    ],
  });
}

/** A flow given as nodes and edges, with one department per step unless said otherwise. */
export function flowProject(opts: {
  nodes: unknown[];
  edges: unknown[];
  departments?: { id: string; name: string }[];
  duration?: number;
  customers?: number;
  warmup?: number;
  seed?: number;
  maxEvents?: number;
  classes?: { id: string; share: number; priority?: number }[];
  serviceLevels?: ProjectInput['serviceLevels'];
}): Project {
  return Project.parse({
    formatVersion: 4,
    name: 'flow test',
    classes: (opts.classes ?? [{ id: 'c', share: 1 }]).map((c) => ({ ...c, name: c.id })),
    serviceLevels: opts.serviceLevels ?? [],
    run: {
      horizon: opts.customers ? { kind: 'customers', count: opts.customers } : { kind: 'duration', duration: opts.duration ?? 10_000 },
      warmup: opts.warmup ?? 0,
      replications: { kind: 'fixed', count: 1 },
      seed: opts.seed ?? 7,
      ...(opts.maxEvents ? { maxEvents: opts.maxEvents } : {}),
    },
    scenarios: [
      {
        id: 'base',
        name: 'Baseline',
        kind: 'baseline',
        flow: { departments: opts.departments ?? [{ id: 'd', name: 'Desk' }], nodes: opts.nodes, edges: opts.edges },
      },
    ],
  });
}

export const exp = (mean: number) => ({ kind: 'exponential' as const, mean });
export const step = (id: string, staff: number, mean: number, departmentId = 'd') => ({
  id,
  kind: 'step',
  name: id,
  departmentId,
  staff,
  service: exp(mean),
});
export const edge = (source: string, target: string, probability?: number) => ({
  id: `${source}-${target}`,
  source,
  target,
  ...(probability !== undefined ? { probability } : {}),
});
export const poisson = (id: string, ratePerMinute: number) => ({
  id,
  kind: 'arrivals',
  name: id,
  arrivals: { mode: 'rate', rate: ratePerMinute, per: 'minute' },
});
