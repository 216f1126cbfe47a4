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
    formatVersion: 1,
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
