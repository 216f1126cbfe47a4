// Systems and outages: a system fails and is repaired after drawn times. While any system a step
// depends on is down the step stops: service in progress pauses and resumes with the time left
// (preemptive resume); nobody starts. Uptime and the customer-time caught by each outage.
import { KIND_STEP, type CompiledModel } from '../compile';
import type { RandomStream, StreamFactory } from '../rng';
import type { SystemStats } from '../types';
import { integrate } from './collect';
import { EV_SERVICE_END, EV_SYSTEM_FAIL, EV_SYSTEM_REPAIR } from './kinds';
import { fillPool } from './pools';
import type { Sim } from './state';
import { fillStep } from './stations';
import { byId } from '../../model/ids';

export class Systems {
  readonly has: boolean;
  readonly down: Uint8Array;
  readonly up: Float64Array;
  readonly lastT: Float64Array;
  readonly failures: Float64Array;
  /** Customer-time at a system's steps while they were stopped (window only). */
  readonly downArea: Float64Array;
  /** Customer-time in paused service at stopped steps (window only). */
  pausedArea = 0;
  readonly failureStream: RandomStream[] = [];
  readonly repairStream: RandomStream[] = [];
  constructor(m: CompiledModel, streams: StreamFactory) {
    const ns = m.systemIds.length;
    this.has = ns > 0;
    this.down = new Uint8Array(ns);
    this.up = new Float64Array(ns);
    this.lastT = new Float64Array(ns);
    this.failures = new Float64Array(ns);
    this.downArea = new Float64Array(ns);
    for (const id of m.systemIds) {
      this.failureStream.push(streams.stream(`failure:${id}`));
      this.repairStream.push(streams.stream(`repair:${id}`));
    }
  }
}

/** The first failure of every system. */
export function startSystems(s: Sim): void {
  for (let k = 0; k < s.m.systemIds.length; k++) s.cal.schedule(s.m.systemFailure[k]!.sample(s.systems.failureStream[k]!), EV_SYSTEM_FAIL, k, 0, 0);
}

/** Uptime of a system, integrated over the window. */
function integrateSystem(s: Sim, k: number, now: number): void {
  const sy = s.systems;
  const last = sy.lastT[k]!;
  if (now <= last) return;
  sy.lastT[k] = now;
  if (!s.inWindow || sy.down[k]) return;
  const from = last < s.ws ? s.ws : last;
  if (now > from) sy.up[k]! += now - from;
}

/** Customer-time at a stopped step (waiting, or paused in service), to each system that is down. */
export function integrateDown(s: Sim, node: number, area: number): void {
  const systems = s.m.stepSystems[node]!;
  const sy = s.systems;
  for (let j = 0; j < systems.length; j++) if (sy.down[systems[j]!]) sy.downArea[systems[j]!]! += area;
}

/** EV_SYSTEM_FAIL: a system fails: its steps stop; service in progress there is paused. */
export function onSystemFail(s: Sim, k: number, now: number): void {
  const sy = s.systems;
  const st = s.stations;
  const cu = s.cust;
  integrateSystem(s, k, now);
  const steps = s.m.systemSteps[k]!;
  for (let j = 0; j < steps.length; j++) integrate(s, steps[j]!, now); // up to now, before it counts as down
  sy.down[k] = 1;
  if (s.inWindow) sy.failures[k]! += 1;
  for (let j = 0; j < steps.length; j++) {
    const node = steps[j]!;
    if (st.stepDown[node]!++ > 0) continue; // already stopped by another system
    const list = st.serving[node]!;
    for (let q = 0; q < list.length; q++) {
      const c = list[q]!;
      cu.svcLeft[c] = cu.svcEnd[c]! - now;
      cu.svcToken[c]!++; // the scheduled end no longer counts
    }
  }
  s.cal.schedule(now + s.m.systemRepair[k]!.sample(sy.repairStream[k]!), EV_SYSTEM_REPAIR, k, 0, 0);
}

/** EV_SYSTEM_REPAIR: paused services resume with what was left; free staff start again. */
export function onSystemRepair(s: Sim, k: number, now: number): void {
  const sy = s.systems;
  const st = s.stations;
  const cu = s.cust;
  integrateSystem(s, k, now);
  const steps = s.m.systemSteps[k]!;
  for (let j = 0; j < steps.length; j++) integrate(s, steps[j]!, now); // the outage, up to now
  sy.down[k] = 0;
  for (let j = 0; j < steps.length; j++) {
    const node = steps[j]!;
    if (--st.stepDown[node]! > 0) continue; // another system is still down
    const list = st.serving[node]!;
    for (let q = 0; q < list.length; q++) {
      const c = list[q]!;
      cu.svcEnd[c] = now + cu.svcLeft[c]!;
      s.cal.schedule(cu.svcEnd[c]!, EV_SERVICE_END, node, c, ++cu.svcToken[c]!);
    }
    const p = s.m.pool[node]!;
    if (p < 0) fillStep(s, node, now);
    else fillPool(s, p, now);
  }
  s.cal.schedule(now + s.m.systemFailure[k]!.sample(sy.failureStream[k]!), EV_SYSTEM_FAIL, k, 0, 0);
}

/** Uptime integrated up to the end of the run. */
export function finishSystems(s: Sim, end: number): void {
  for (let k = 0; k < s.m.systemIds.length; k++) integrateSystem(s, k, end);
}

export function systemStats(s: Sim, windowLength: number): Record<string, SystemStats> {
  const m = s.m;
  let waitingArea = s.systems.pausedArea;
  for (let i = 0; i < s.nNodes; i++) if (m.kind[i] === KIND_STEP) waitingArea += s.stats.qArea[i]!;
  const out = byId<SystemStats>();
  m.systemIds.forEach((id, k) => {
    const downArea = s.systems.downArea[k]!;
    out[id] = {
      id,
      name: m.systemNames[k]!,
      availability: windowLength > 0 ? s.systems.up[k]! / windowLength : 1,
      failures: s.systems.failures[k]!,
      waitingWhileDown: downArea,
      waitingWhileDownShare: waitingArea > 0 ? Math.min(1, downArea / waitingArea) : 0,
    };
  });
  return out;
}
