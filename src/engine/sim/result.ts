// Assembling the ReplicationResult from the collected statistics, once the run is over: steps,
// departments, pools, classes and the whole system; systems, joins, costs, the timeline and the
// warm-up check come from their own modules.
import { KIND_STEP } from '../compile';
import { countAtMost, summarize, summarizeWithPercentiles } from '../stats';
import type { ClassStats, DepartmentStats, PoolStats, ReplicationResult, StepStats } from '../types';
import { changeWip, integrate, integrateClassQueue } from './collect';
import { costs as costStats } from './costs';
import { joinStats } from './parallel';
import { finishHourly, hourlyFigures } from './hourly';
import { available, finishShifts, openShare, poolAvailable, waitingWhileClosed } from './shifts';
import type { Sim } from './state';
import { finishSystems, systemStats } from './systems';
import { timeline } from './timeline';
import { warmupCheck } from './warmup';
import { workingFigures } from './working';
import { byId } from '../../model/ids';

export function assembleResult(s: Sim, end: number): ReplicationResult {
  const m = s.m;
  const st = s.stats;
  for (let i = 0; i < s.nNodes; i++) integrate(s, i, end);
  for (let k = 0; k < s.nClasses; k++) integrateClassQueue(s, k, end);
  finishShifts(s, end);
  finishHourly(s, end);
  finishSystems(s, end);
  changeWip(s, end, 0);
  const windowLength = Math.max(0, end - s.ws);
  const per = (x: number) => (windowLength > 0 ? x / windowLength : 0);
  const { steps, departments, pools } = stationStats(s, windowLength);

  const waits = st.waits.view();
  const sojourns = st.sojourns.view();
  const { summary: waitingTime, percentiles: waitingQuantiles } = summarizeWithPercentiles(waits);
  const timeInSystem = summarize(sojourns);
  const single = s.nClasses === 1;
  const classes = byId<ClassStats>();
  m.classIds.forEach((id, k) => {
    classes[id] = {
      id,
      arrived: st.classArrived[k]!,
      exited: st.classExited[k]!,
      abandoned: st.classAbandoned[k]!,
      turnedAway: st.classTurnedAway[k]!,
      waitingTime: single ? { ...waitingTime } : summarize(st.classWaits[k]!.view()),
      timeInSystem: single ? { ...timeInSystem } : summarize(st.classSojourns[k]!.view()),
      queueLength: { mean: per(st.classQArea[k]!), max: st.classQMax[k]! },
    };
  });
  const serviceLevel = byId<number>();
  const working = workingFigures(s);
  for (const sl of s.project.serviceLevels) {
    const inWork = sl.clock === 'working' && s.work !== undefined;
    const sample = sl.measure === 'waitingTime' ? (inWork ? s.work.waits.view() : waits) : inWork ? s.work.sojourns.view() : sojourns;
    serviceLevel[sl.id] = sample.length > 0 ? countAtMost(sample, sl.threshold) / sample.length : 0;
  }

  const atRisk = s.project.costs?.tolerance !== undefined ? waits.length - countAtMost(waits, s.project.costs.tolerance) : 0;
  const costs = costStats(s, windowLength, atRisk);

  return {
    scenarioId: m.scenario.id,
    replication: s.replication,
    seed: s.project.run.seed,
    windowStart: s.ws,
    windowEnd: end,
    events: s.events,
    overall: {
      arrived: st.arrived,
      exited: st.exited,
      abandoned: st.abandoned,
      turnedAway: st.turnedAway,
      inSystemAtEnd: st.wip,
      waitingTime,
      timeInSystem,
      throughput: per(st.exited),
      workInProgress: { mean: per(st.wipArea), max: st.wipMax },
      serviceLevel,
      abandonedShare: st.arrived > 0 ? st.abandoned / st.arrived : 0,
      turnedAwayShare: st.arrived > 0 ? st.turnedAway / st.arrived : 0,
      handoffsPerCustomer: st.exited > 0 ? st.handoffSum / st.exited : 0,
      departmentsTouchedPerCustomer: st.exited > 0 ? st.touchedSum / st.exited : 0,
      atRisk,
      costs,
    },
    insideAtWindowStart: st.insideAtWindowStart,
    steps,
    departments,
    pools,
    systems: systemStats(s, windowLength),
    joins: joinStats(s),
    classes,
    ...(working ? { working } : {}),
    waitingQuantiles,
    timeline: timeline(s, costs, windowLength),
    warmup: warmupCheck(s),
  };
}

/** Steps and delays, staff pools, and departments (which add up their steps and pools). */
function stationStats(s: Sim, windowLength: number) {
  const m = s.m;
  const st = s.stats;
  const per = (x: number) => (windowLength > 0 ? x / windowLength : 0);
  const steps = byId<StepStats>();
  const departments = byId<DepartmentStats>();
  const deptWaits: Float64Array[][] = m.deptIds.map(() => []);
  const deptSummaries: StepStats['waitingTime'][][] = m.deptIds.map(() => []);
  const deptAgg = m.deptIds.map(() => ({ avail: 0, busy: 0, qArea: 0, completed: 0, abandoned: 0, turnedAway: 0, totalWaiting: 0 }));
  for (const i of m.stations) {
    const id = m.nodeIds[i]!;
    const isStep = m.kind[i] === KIND_STEP;
    const waitsArr = st.stepWaits[i]?.view() ?? new Float64Array(0);
    const waitingTime = summarize(waitsArr);
    const d = m.dept[i]!;
    if (d >= 0 && isStep) {
      const agg = deptAgg[d]!;
      if (m.pool[i]! < 0) agg.avail += available(s, i, windowLength); // pools are counted once, below
      agg.busy += st.busyArea[i]!;
      agg.qArea += st.qArea[i]!;
      deptWaits[d]!.push(waitsArr);
      deptSummaries[d]!.push(waitingTime);
    }
    if (d >= 0) {
      const agg = deptAgg[d]!;
      agg.completed += isStep ? st.completed[i]! : 0;
      agg.abandoned += st.abandonedAt[i]!;
      agg.turnedAway += st.turnedAwayAt[i]!;
      agg.totalWaiting += st.totalWait[i]!;
    }
    const pool = m.pool[i]!;
    const avail = !isStep ? 0 : pool < 0 ? available(s, i, windowLength) : poolAvailable(s, pool, windowLength);
    const staff = !isStep ? 0 : windowLength > 0 && (m.shifts[i] || (pool >= 0 && m.poolShifts[pool])) ? avail / windowLength : m.staff[i]!;
    steps[id] = {
      id,
      name: m.nodeNames[i]!,
      kind: isStep ? 'step' : 'delay',
      departmentId: d >= 0 ? m.deptIds[d] : undefined,
      staff,
      arrivals: st.arrivals[i]!,
      completed: st.completed[i]!,
      abandoned: st.abandonedAt[i]!,
      turnedAway: st.turnedAwayAt[i]!,
      waitingTime,
      queueLength: { mean: per(st.qArea[i]!), max: st.maxQ[i]! },
      utilization: isStep && avail > 0 ? st.busyArea[i]! / avail : 0,
      throughput: per(st.completed[i]!),
      totalWaiting: st.totalWait[i]!,
      visitsPerCustomer: st.arrived > 0 ? st.arrivals[i]! / st.arrived : 0,
      reworkShare: st.arrivals[i]! > 0 ? st.repeats[i]! / st.arrivals[i]! : 0,
      arrivalRate: per(st.arrivals[i]!),
      timeAtStep: st.completed[i]! > 0 ? st.timeAtStep[i]! / st.completed[i]! : 0,
      waitedShare: waitsArr.length > 0 ? st.waitedCount[i]! / waitsArr.length : 0,
      abandonedWait: st.abandonedAt[i]! > 0 ? st.abandonWait[i]! / st.abandonedAt[i]! : 0,
      ...closedFigures(s, i),
    };
  }
  // Staff pools: busy share of the pool. Its staff-time counts in the departments of the steps it
  // worked for, in proportion to that work (so each such department is as busy as the pool);
  // a pool that did no work counts in its own department (else its first step's).
  const pools = byId<PoolStats>();
  m.poolIds.forEach((id, p) => {
    let busy = 0;
    const poolSteps = m.poolSteps[p]!;
    for (let k = 0; k < poolSteps.length; k++) busy += st.busyArea[poolSteps[k]!]!;
    const size = m.poolSize[p]!;
    const avail = poolAvailable(s, p, windowLength);
    const d = m.poolDept[p]! >= 0 ? m.poolDept[p]! : poolSteps.length > 0 ? m.dept[poolSteps[0]!]! : -1;
    if (busy > 0) {
      for (let k = 0; k < poolSteps.length; k++) {
        const sd = m.dept[poolSteps[k]!]!;
        if (sd >= 0) deptAgg[sd]!.avail += (avail * st.busyArea[poolSteps[k]!]!) / busy;
      }
    } else if (d >= 0) deptAgg[d]!.avail += avail;
    pools[id] = {
      id,
      name: m.poolNames[p]!,
      size,
      departmentId: d >= 0 ? m.deptIds[d] : undefined,
      steps: Array.from(poolSteps, (i) => m.nodeIds[i]!),
      utilization: avail > 0 ? busy / avail : 0,
    };
  });
  m.deptIds.forEach((id, d) => {
    const agg = deptAgg[d]!;
    departments[id] = {
      id,
      name: m.deptNames[d]!,
      staff: windowLength > 0 ? agg.avail / windowLength : 0,
      utilization: agg.avail > 0 ? agg.busy / agg.avail : 0,
      // One step: its summary again, not a second pass over the same values.
      waitingTime: deptWaits[d]!.length === 1 ? { ...deptSummaries[d]![0]! } : summarizeAll(deptWaits[d]!),
      queueLength: { mean: per(agg.qArea), max: st.deptMaxQ[d]! },
      completed: agg.completed,
      throughput: per(agg.completed),
      abandoned: agg.abandoned,
      turnedAway: agg.turnedAway,
      totalWaiting: agg.totalWaiting,
    };
  });
  return { steps, departments, pools };
}

/** Summary of several samples taken together (a department's steps). */
function summarizeAll(parts: Float64Array[]): StepStats['waitingTime'] {
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return summarize(all);
}

/** For a step whose hours close (calendar or shifts with nobody on duty): waiting while closed and the open share. */
function closedFigures(s: Sim, i: number): { waitingWhileClosed?: number; openShare?: number; byHour?: { queue: number[]; busy: number[] } } {
  const w = waitingWhileClosed(s, i);
  const o = openShare(s, i);
  const byHour = hourlyFigures(s, i);
  return w === undefined || o === undefined ? {} : { waitingWhileClosed: w, openShare: o, ...(byHour ? { byHour } : {}) };
}
