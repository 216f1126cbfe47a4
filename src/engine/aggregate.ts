// Replications of one scenario → estimates with 95 % confidence intervals. Pure: the worker pool
// and the CLI both call it on the replications they ran.
//
// Every estimate is the mean across replications of the per-replication value, with the
// Student-t 95 % half-width (0 when there is a single replication). Percentiles (p50 … p99, max)
// are averages of the per-replication percentiles.
import { MINUTES_PER_UNIT, type Project, type Scenario } from '../model/schema';
import { meanCI, type Estimate } from './stats';
import type { LevelStats, ReplicationResult, SampleStats } from './types';
import { byId } from '../model/ids';
import { overallWorking, stepWorking, type WorkingTimeEstimates } from './aggregateWorking';
import { findInstability, isGrowing, type Instability } from './instability';

export type { Estimate, Instability };

export interface DurationEstimate extends Estimate {
  p50: Estimate;
  p90: Estimate;
  p95: Estimate;
  p99: Estimate;
  max: Estimate;
}

export interface LevelEstimate {
  mean: Estimate;
  max: Estimate;
}

export interface ServiceLevelEstimate extends Estimate {
  name: string;
  measure: 'waitingTime' | 'timeInSystem';
  threshold: number;
  target: number;
  /** The mean share reaches the target. */
  met: boolean;
  /** Present when the threshold is working time of the main calendar. */
  clock?: 'working';
}

export interface StepEstimates {
  id: string;
  name: string;
  kind: 'step' | 'delay';
  departmentId: string | undefined;
  staff: number;
  waitingTime: DurationEstimate;
  queueLength: LevelEstimate;
  utilization: Estimate;
  throughput: Estimate;
  abandoned: Estimate;
  turnedAway: Estimate;
  visitsPerCustomer: Estimate;
  reworkShare: Estimate;
  /** This step's share of all waiting at steps. */
  waitingShare: Estimate;
  /** Visits reaching the step per time unit. */
  arrivalRate: Estimate;
  /** Mean time at the step per visit (waiting + service). */
  timeAtStep: Estimate;
  /** Share of visits that had to wait at all. */
  waitedShare: Estimate;
  /** Mean waiting of those who gave up (over the replications in which somebody did; 0 when nobody did). */
  abandonedWait: Estimate;
  /** Steps whose hours close: share of their waiting while closed, and share of the week's hours open. */
  waitingWhileClosed?: Estimate;
  openShare?: number;
  /** Mean over replications of waiting customers and busy share in each hour of the week (heat map). */
  byHour?: { queue: number[]; busy: number[] };
  /** Only with calendars: waiting per visit in working time of the step's calendar. */
  workingWaitingTime?: DurationEstimate;
}

export interface DepartmentEstimates {
  id: string;
  name: string;
  staff: number;
  waitingTime: DurationEstimate;
  queueLength: LevelEstimate;
  utilization: Estimate;
  throughput: Estimate;
  abandoned: Estimate;
  turnedAway: Estimate;
  waitingShare: Estimate;
}

export interface ClassEstimates {
  id: string;
  name: string;
  waitingTime: DurationEstimate;
  timeInSystem: DurationEstimate;
  throughput: Estimate;
  abandoned: Estimate;
  turnedAway: Estimate;
  /** Customers of the class waiting at steps (time-average, and the most). */
  queueLength: LevelEstimate;
}

export interface OverallEstimates {
  waitingTime: DurationEstimate;
  timeInSystem: DurationEstimate;
  queueLength: LevelEstimate;
  workInProgress: LevelEstimate;
  utilization: Estimate;
  throughput: Estimate;
  arrived: Estimate;
  abandoned: Estimate;
  turnedAway: Estimate;
  abandonedShare: Estimate;
  turnedAwayShare: Estimate;
  serviceLevel: Record<string, ServiceLevelEstimate>;
  handoffsPerCustomer: Estimate;
  departmentsTouchedPerCustomer: Estimate;
  /** Customers who exited having waited longer than the cost assumptions' tolerance, and their share. */
  atRisk: Estimate;
  atRiskShare: Estimate;
  /** Only with calendars: waiting and time in system in working time of the main calendar (aggregateWorking.ts). */
  workingTime?: WorkingTimeEstimates;
  /** Money over the observation window (see CostStats). */
  costs: { staff: Estimate; lostCustomers: Estimate; atRiskLost: Estimate; total: Estimate; perCustomer: Estimate; perDay: Estimate };
}

export interface Band {
  mean: number[];
  ci95: number[];
}

export interface ScenarioWarning {
  kind: 'warm-up' | 'precision' | 'unstable' | 'few-customers';
  message: string;
  /** The step concerned, if any. */
  stepId?: string;
}

export interface ScenarioResults {
  id: string;
  name: string;
  kind: 'baseline' | 'proposal';
  replications: number;
  overall: OverallEstimates;
  steps: Record<string, StepEstimates>;
  departments: Record<string, DepartmentEstimates>;
  /** Staff pools: size, steps and busy share (Estimate), by id. */
  pools: Record<string, { id: string; name: string; size: number; departmentId: string | undefined; steps: string[]; utilization: Estimate }>;
  /**
   * Systems with outages: availability and failures in the window, customer-hours held up at its
   * steps while it was down per day (waiting or paused in service), and their share of all
   * customer-time waiting at steps (Estimates).
   */
  systems: Record<string, { id: string; name: string; availability: Estimate; failures: Estimate; heldUpHoursPerDay: Estimate; waitingWhileDownShare: Estimate }>;
  /** Joins of parallel work: cases joined, waiting for the other parts per case, and per part. */
  joins: Record<string, { id: string; name: string; cases: Estimate; waitForParts: DurationEstimate; partWait: Estimate }>;
  classes: Record<string, ClassEstimates>;
  /** Mean percentiles 0..100 of total waiting per customer (for CDF charts). */
  waitingCdf: number[];
  timeline: { start: number; binWidth: number; queueLength: Record<string, Band>; workInProgress: Band; waitingTime: Band; costs: Band };
  warmup: { configured: number; suggested: Estimate; tooShortIn: number };
  warnings: ScenarioWarning[];
  /**
   * Present only when the system is unstable: the steps that cannot keep up (overloaded by the
   * traffic equations, or with a queue growing over the run), their backlog growth per day
   * measured in the run, and a statement in words (see instability.ts).
   */
  instability?: Instability;
}

const est = (xs: number[]): Estimate => meanCI(xs);
/** A figure that exists only in some replications (e.g. the waiting of those who gave up): 0 when in none. */
const nonEmpty = (xs: number[]): number[] => (xs.length > 0 ? xs : [0]);

/** An amount over a replication's window, per 24 hours of simulated time. */
function perDay(project: Project, r: ReplicationResult, amount: number): number {
  const days = ((r.windowEnd - r.windowStart) * MINUTES_PER_UNIT[project.timeUnit]) / 1440;
  return days > 0 ? amount / days : 0;
}

export function durationEstimate(samples: SampleStats[]): DurationEstimate {
  return {
    ...est(samples.map((s) => s.mean)),
    p50: est(samples.map((s) => s.p50)),
    p90: est(samples.map((s) => s.p90)),
    p95: est(samples.map((s) => s.p95)),
    p99: est(samples.map((s) => s.p99)),
    max: est(samples.map((s) => s.max)),
  };
}

function levelEstimate(levels: LevelStats[]): LevelEstimate {
  return { mean: est(levels.map((l) => l.mean)), max: est(levels.map((l) => l.max)) };
}

function band(series: number[][]): Band {
  const len = Math.min(...series.map((s) => s.length));
  const mean: number[] = [];
  const ci95: number[] = [];
  for (let i = 0; i < (Number.isFinite(len) ? len : 0); i++) {
    const e = est(series.map((s) => s[i]!));
    mean.push(e.mean);
    ci95.push(e.ci95);
  }
  return { mean, ci95 };
}

/** Mean total waiting of those who left in each bin, across the replications that had any. */
function waitingBand(reps: readonly ReplicationResult[]): Band {
  const len = Math.min(...reps.map((r) => r.timeline.exits.length));
  const mean: number[] = [];
  const ci95: number[] = [];
  for (let b = 0; b < (Number.isFinite(len) ? len : 0); b++) {
    const e = est(reps.filter((r) => r.timeline.exits[b]! > 0).map((r) => r.timeline.waitingTime[b]!));
    mean.push(e.mean);
    ci95.push(e.ci95);
  }
  return { mean, ci95 };
}

const perWindow = (r: ReplicationResult, x: number) => (r.windowEnd > r.windowStart ? x / (r.windowEnd - r.windowStart) : 0);

export function aggregateScenario(project: Project, scenario: Scenario, reps: readonly ReplicationResult[]): ScenarioResults {
  if (reps.length === 0) throw new Error(`no replications to aggregate for scenario "${scenario.id}"`);
  for (const r of reps) {
    if (r.scenarioId !== scenario.id) throw new Error(`replication ${r.replication} belongs to scenario "${r.scenarioId}", not "${scenario.id}"`);
  }
  const stepTotals = reps.map((r) => Object.values(r.steps).reduce((s, st) => s + st.totalWaiting, 0));
  const share = (r: ReplicationResult, i: number, x: number) => (stepTotals[i]! > 0 ? x / stepTotals[i]! : 0);

  const steps = byId<StepEstimates>();
  for (const id of Object.keys(reps[0]!.steps)) {
    const s = reps.map((r) => r.steps[id]!);
    const first = s[0]!;
    steps[id] = {
      id,
      name: first.name,
      kind: first.kind,
      departmentId: first.departmentId,
      staff: first.staff,
      waitingTime: durationEstimate(s.map((x) => x.waitingTime)),
      queueLength: levelEstimate(s.map((x) => x.queueLength)),
      utilization: est(s.map((x) => x.utilization)),
      throughput: est(s.map((x) => x.throughput)),
      abandoned: est(s.map((x) => x.abandoned)),
      turnedAway: est(s.map((x) => x.turnedAway)),
      visitsPerCustomer: est(s.map((x) => x.visitsPerCustomer)),
      reworkShare: est(s.map((x) => x.reworkShare)),
      waitingShare: est(reps.map((r, i) => share(r, i, r.steps[id]!.totalWaiting))),
      arrivalRate: est(s.map((x) => x.arrivalRate)),
      timeAtStep: est(s.map((x) => x.timeAtStep)),
      waitedShare: est(s.map((x) => x.waitedShare)),
      abandonedWait: est(nonEmpty(s.filter((x) => x.abandoned > 0).map((x) => x.abandonedWait))),
      ...(s.every((x) => x.waitingWhileClosed !== undefined) ? { waitingWhileClosed: est(s.map((x) => x.waitingWhileClosed!)), openShare: first.openShare! } : {}),
      ...(s.every((x) => x.byHour) ? { byHour: { queue: meanArrays(s.map((x) => x.byHour!.queue)), busy: meanArrays(s.map((x) => x.byHour!.busy)) } } : {}),
      ...stepWorking(reps, id),
    };
  }

  const departments = byId<DepartmentEstimates>();
  for (const id of Object.keys(reps[0]!.departments)) {
    const d = reps.map((r) => r.departments[id]!);
    departments[id] = {
      id,
      name: d[0]!.name,
      staff: d[0]!.staff,
      waitingTime: durationEstimate(d.map((x) => x.waitingTime)),
      queueLength: levelEstimate(d.map((x) => x.queueLength)),
      utilization: est(d.map((x) => x.utilization)),
      throughput: est(d.map((x) => x.throughput)),
      abandoned: est(d.map((x) => x.abandoned)),
      turnedAway: est(d.map((x) => x.turnedAway)),
      waitingShare: est(reps.map((r, i) => share(r, i, r.departments[id]!.totalWaiting))),
    };
  }

  const classes = byId<ClassEstimates>();
  for (const c of project.classes) {
    const cs = reps.map((r) => r.classes[c.id]!);
    classes[c.id] = {
      id: c.id,
      name: c.name,
      waitingTime: durationEstimate(cs.map((x) => x.waitingTime)),
      timeInSystem: durationEstimate(cs.map((x) => x.timeInSystem)),
      throughput: est(reps.map((r) => perWindow(r, r.classes[c.id]!.exited))),
      abandoned: est(cs.map((x) => x.abandoned)),
      turnedAway: est(cs.map((x) => x.turnedAway)),
      queueLength: levelEstimate(cs.map((x) => x.queueLength)),
    };
  }

  const serviceLevel = byId<ServiceLevelEstimate>();
  for (const sl of project.serviceLevels) {
    const e = est(reps.map((r) => r.overall.serviceLevel[sl.id] ?? 0));
    serviceLevel[sl.id] = { ...e, name: sl.name, measure: sl.measure, threshold: sl.threshold, target: sl.target, met: e.mean >= sl.target, ...(sl.clock === 'working' && reps.every((r) => r.working) ? { clock: 'working' as const } : {}) };
  }

  // Staff utilisation over all steps with staff: busy staff-time / available staff-time.
  const utilization = est(
    reps.map((r) => {
      let busy = 0;
      let staff = 0;
      for (const s of Object.values(r.steps)) {
        busy += s.utilization * s.staff;
        staff += s.staff;
      }
      return staff > 0 ? busy / staff : 0;
    }),
  );

  const overall: OverallEstimates = {
    waitingTime: durationEstimate(reps.map((r) => r.overall.waitingTime)),
    timeInSystem: durationEstimate(reps.map((r) => r.overall.timeInSystem)),
    queueLength: {
      mean: est(reps.map((r) => Object.values(r.steps).reduce((s, x) => s + x.queueLength.mean, 0))),
      max: est(reps.map((r) => Object.values(r.steps).reduce((s, x) => Math.max(s, x.queueLength.max), 0))),
    },
    workInProgress: levelEstimate(reps.map((r) => r.overall.workInProgress)),
    utilization,
    throughput: est(reps.map((r) => r.overall.throughput)),
    arrived: est(reps.map((r) => r.overall.arrived)),
    abandoned: est(reps.map((r) => r.overall.abandoned)),
    turnedAway: est(reps.map((r) => r.overall.turnedAway)),
    abandonedShare: est(reps.map((r) => r.overall.abandonedShare)),
    turnedAwayShare: est(reps.map((r) => r.overall.turnedAwayShare)),
    serviceLevel,
    handoffsPerCustomer: est(reps.map((r) => r.overall.handoffsPerCustomer)),
    departmentsTouchedPerCustomer: est(reps.map((r) => r.overall.departmentsTouchedPerCustomer)),
    atRisk: est(reps.map((r) => r.overall.atRisk)),
    atRiskShare: est(reps.map((r) => (r.overall.exited > 0 ? r.overall.atRisk / r.overall.exited : 0))),
    costs: {
      staff: est(reps.map((r) => r.overall.costs.staff)),
      lostCustomers: est(reps.map((r) => r.overall.costs.lostCustomers)),
      atRiskLost: est(reps.map((r) => r.overall.costs.atRiskLost)),
      total: est(reps.map((r) => r.overall.costs.total)),
      perCustomer: est(reps.map((r) => r.overall.costs.perCustomer)),
      perDay: est(reps.map((r) => r.overall.costs.perDay)),
    },
    ...overallWorking(project, reps),
  };

  const waitingCdf: number[] = [];
  for (let q = 0; q <= 100; q++) waitingCdf.push(reps.reduce((s, r) => s + (r.waitingQuantiles[q] ?? 0), 0) / reps.length);

  const queueBands = byId<Band>();
  for (const id of Object.keys(reps[0]!.timeline.queueLength)) queueBands[id] = band(reps.map((r) => r.timeline.queueLength[id] ?? []));

  const tooShortIn = reps.filter((r) => r.warmup.tooShort).length;
  const result: ScenarioResults = {
    id: scenario.id,
    name: scenario.name,
    kind: scenario.kind,
    replications: reps.length,
    overall,
    steps,
    departments,
    systems: Object.fromEntries(
      Object.values(reps[0]!.systems ?? {}).map((x) => [
        x.id,
        {
          id: x.id,
          name: x.name,
          availability: est(reps.map((r) => r.systems[x.id]?.availability ?? 1)),
          failures: est(reps.map((r) => r.systems[x.id]?.failures ?? 0)),
          heldUpHoursPerDay: est(reps.map((r) => perDay(project, r, ((r.systems[x.id]?.waitingWhileDown ?? 0) * MINUTES_PER_UNIT[project.timeUnit]) / 60))),
          waitingWhileDownShare: est(reps.map((r) => r.systems[x.id]?.waitingWhileDownShare ?? 0)),
        },
      ]),
    ),
    joins: Object.fromEntries(
      Object.values(reps[0]!.joins ?? {}).map((j) => [
        j.id,
        { id: j.id, name: j.name, cases: est(reps.map((r) => r.joins[j.id]?.cases ?? 0)), waitForParts: durationEstimate(reps.map((r) => r.joins[j.id]!.waitForParts)), partWait: est(reps.map((r) => r.joins[j.id]?.partWait ?? 0)) },
      ]),
    ),
    pools: Object.fromEntries(
      Object.values(reps[0]!.pools ?? {}).map((p) => [p.id, { id: p.id, name: p.name, size: p.size, departmentId: p.departmentId, steps: p.steps, utilization: est(reps.map((r) => r.pools[p.id]?.utilization ?? 0)) }]),
    ),
    classes,
    waitingCdf,
    timeline: {
      start: reps[0]!.timeline.start,
      binWidth: reps[0]!.timeline.binWidth,
      queueLength: queueBands,
      workInProgress: band(reps.map((r) => r.timeline.workInProgress)),
      waitingTime: waitingBand(reps),
      costs: band(reps.map((r) => r.timeline.costs ?? [])),
    },
    warmup: { configured: project.run.warmup, suggested: est(reps.map((r) => r.warmup.suggested)), tooShortIn },
    warnings: [],
  };
  result.warnings = scenarioWarnings(project, result, reps);
  const queueMeans = byId<number[]>();
  for (const [id, b] of Object.entries(queueBands)) queueMeans[id] = b.mean;
  const instability = findInstability(project, scenario, reps, steps, queueMeans);
  if (instability) {
    result.instability = instability;
    // A warm-up cannot settle a queue that never settles: the suggestion would only follow the run's length.
    result.warnings = result.warnings.filter((w) => w.kind !== 'warm-up');
  }
  return result;
}

/** Warnings about the trustworthiness of the figures, in users' words. */
function scenarioWarnings(project: Project, s: ScenarioResults, reps: readonly ReplicationResult[]): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  if (s.warmup.tooShortIn * 2 > reps.length) {
    warnings.push({
      kind: 'warm-up',
      message: `The warm-up (${s.warmup.configured} ${project.timeUnit}) looks too short in ${s.warmup.tooShortIn} of ${reps.length} replications: the start-up period, when the queues are still filling, may bias the figures. The data suggest a warm-up of about ${Math.ceil(s.warmup.suggested.mean)} ${project.timeUnit}.`,
    });
  }
  for (const step of Object.values(s.steps)) {
    if (step.kind !== 'step') continue;
    const tl = s.timeline.queueLength[step.id]?.mean ?? [];
    const growing = isGrowing(tl);
    if (step.utilization.mean >= 0.98 || growing) {
      warnings.push({
        kind: 'unstable',
        stepId: step.id,
        message: `${step.name} is ${Math.round(step.utilization.mean * 100)} % busy${growing ? ' and its queue keeps growing over the run' : ''}: its waiting times depend on how long the run is and are not a steady-state figure.`,
      });
    }
  }
  if (s.overall.timeInSystem.mean > 0 && reps.some((r) => r.overall.exited < 30)) {
    warnings.push({ kind: 'few-customers', message: 'Some replications saw fewer than 30 customers leave: run longer for figures you can rely on.' });
  }
  const settings = project.run.replications;
  if (settings.kind === 'precision' && !isPreciseEnough([s], settings.relativeHalfWidth)) {
    warnings.push({
      kind: 'precision',
      message: `After ${s.replications} replications (the maximum), mean waiting time or time in system is still less precise than ±${Math.round(settings.relativeHalfWidth * 100)} %.`,
    });
  }
  return warnings;
}

/** The 95 % half-widths of mean waiting time and mean time in system are within `relative` of their means. */
export function isPreciseEnough(results: readonly Pick<ScenarioResults, 'overall'>[], relative: number): boolean {
  return results.every((r) => {
    const ok = (e: Estimate) => e.ci95 <= relative * Math.abs(e.mean) || e.mean === 0;
    return ok(r.overall.waitingTime) && ok(r.overall.timeInSystem);
  });
}

/** Element-wise mean of equally long arrays. */
function meanArrays(xs: readonly number[][]): number[] {
  return xs[0]!.map((_, k) => xs.reduce((a, x) => a + x[k]!, 0) / xs.length);
}
