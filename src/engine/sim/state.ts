// The state of one replication: the compiled model, the calendar and clock, and one store per
// concern (plain typed arrays). The modules of this folder are functions over it; each store
// belongs to the module that declares it, which alone changes it (others may read it).
import type { Project } from '../../model/schema';
import { Calendar } from '../calendar';
import type { CompiledModel } from '../compile';
import { StreamFactory } from '../rng';
import type { ReplicationOptions, TraceSink } from '../types';
import { Arrivals } from './arrivals';
import { Stats } from './collect';
import { Customers } from './customers';
import { Hourly } from './hourly';
import { WorkStats } from './working';
import { Joins } from './parallel';
import { Pools } from './pools';
import { Routes } from './routing';
import type { ServiceLog } from './servicelog';
import { Shifts } from './shifts';
import { Stations } from './stations';
import { Systems } from './systems';

export class Sim {
  readonly cal = new Calendar(1024);
  readonly streams: StreamFactory;
  readonly trace: TraceSink | undefined;
  readonly serviceLog: ServiceLog | undefined; // servicelog.ts: only when a log is recorded
  readonly nNodes: number;
  readonly nDepts: number;
  readonly nClasses: number;
  /** Start of the observation window (the end of the warm-up). */
  readonly ws: number;
  /** Infinity for the customers horizon. */
  readonly endTime: number;
  /** Infinity for the duration horizon. */
  readonly customerLimit: number;
  readonly maxEvents: number;
  /** Inside the observation window (after the warm-up). */
  inWindow = false;
  finished = false;
  events = 0;

  readonly cust: Customers; // customers.ts
  readonly arrivals: Arrivals; // arrivals.ts
  readonly routes: Routes; // routing.ts
  readonly stations: Stations; // stations.ts: steps, delays, queues, staff
  readonly pools: Pools; // pools.ts
  readonly shifts: Shifts; // shifts.ts
  readonly systems: Systems; // systems.ts
  readonly joins: Joins; // parallel.ts
  readonly stats: Stats; // collect.ts
  readonly hourly: Hourly; // hourly.ts
  readonly work: WorkStats | undefined; // working.ts: only with calendars

  constructor(
    readonly project: Project,
    readonly m: CompiledModel,
    readonly replication: number,
    readonly options: ReplicationOptions,
  ) {
    const run = project.run;
    this.streams = new StreamFactory(run.seed, replication);
    this.trace = options.trace;
    this.serviceLog = options.serviceLog;
    this.nNodes = m.nodeIds.length;
    this.nDepts = m.deptIds.length;
    this.nClasses = m.classIds.length;
    this.ws = run.warmup;
    this.maxEvents = run.maxEvents;
    this.endTime = run.horizon.kind === 'duration' ? run.warmup + run.horizon.duration : Infinity;
    this.customerLimit = run.horizon.kind === 'customers' ? run.horizon.count : Infinity;
    this.cust = new Customers(m.loops, this.nDepts);
    this.arrivals = new Arrivals(m, this.streams);
    this.routes = new Routes(m, this.streams);
    this.stations = new Stations(m, this.streams);
    this.pools = new Pools(m);
    this.shifts = new Shifts(m);
    this.systems = new Systems(m, this.streams);
    this.joins = new Joins(m);
    this.hourly = new Hourly(m);
    this.work = m.work ? new WorkStats(m.work.step) : undefined;
    this.stats = new Stats(project, m, this.ws, this.endTime, this.customerLimit, options.timelineBins ?? 50);
  }
}
