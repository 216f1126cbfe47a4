// Arrivals: each arrivals node draws the time of its next customer (Poisson, with an hourly rate
// schedule by thinning, or any inter-arrival distribution) and the customer's class.
import type { CompiledModel } from '../compile';
import { standardExponential } from '../exponential';
import type { RandomStream, StreamFactory } from '../rng';
import { SimulationError, TRACE } from '../types';
import { recordArrival } from './collect';
import { EV_ARRIVAL } from './kinds';
import { moveOn } from './routing';
import { logArrival } from './servicelog';
import type { Sim } from './state';

export class Arrivals {
  readonly sourceAt: CompiledModel['sources'][number][] = [];
  readonly arrivalStream: RandomStream[] = [];
  readonly classStream: RandomStream[] = [];
  constructor(m: CompiledModel, streams: StreamFactory) {
    for (const s of m.sources) {
      const id = m.nodeIds[s.node]!;
      this.sourceAt[s.node] = s;
      this.arrivalStream[s.node] = streams.stream(`arrivals:${id}`);
      this.classStream[s.node] = streams.stream(`class:${id}`);
    }
  }
}

/** The first arrival at every arrivals node. */
export function startArrivals(s: Sim): void {
  for (const src of s.m.sources) scheduleArrival(s, src.node, 0);
}

export function scheduleArrival(s: Sim, node: number, now: number): void {
  const src = s.arrivals.sourceAt[node]!;
  const rng = s.arrivals.arrivalStream[node]!;
  let t = now;
  if (src.rate !== undefined) {
    if (src.schedule) {
      const { multipliers, slot, max } = src.schedule;
      const majorant = src.rate * max;
      for (let guard = 0; ; guard++) {
        t += standardExponential(rng) / majorant;
        const k = Math.floor((t + s.m.clockOffset) / slot) % multipliers.length;
        if (rng.next() * max < multipliers[k]!) break;
        if (guard > 10_000_000) throw new SimulationError('numeric', 'Arrivals could not be generated from the rate schedule.');
      }
    } else {
      t += standardExponential(rng) / src.rate;
    }
  } else {
    t += src.interarrival!.sample(rng);
  }
  if (!Number.isFinite(t)) throw new SimulationError('numeric', `Arrival times at "${s.m.nodeNames[node]}" are not finite numbers.`);
  s.cal.schedule(t, EV_ARRIVAL, node, 0, 0);
}

/** EV_ARRIVAL: a customer arrives, picks a class and moves on; the next arrival is drawn. */
export function onArrival(s: Sim, node: number, now: number): void {
  if (s.serviceLog?.arrivalsClosed) return; // a simulated log of so many cases: no more arrivals
  const src = s.arrivals.sourceAt[node]!;
  const c = s.cust.add();
  if (s.serviceLog) logArrival(s, s.serviceLog, c);
  const cum = src.classCumulative;
  let k = 0;
  if (cum.length > 1) {
    const u = s.arrivals.classStream[node]!.next();
    while (k < cum.length - 1 && u >= cum[k]!) k++;
  }
  s.cust.cls[c] = k;
  s.cust.arrT[c] = now;
  if (s.trace) s.trace(TRACE.ARRIVE, now, c, k, node, -1);
  recordArrival(s, k, now);
  const limitReached = s.inWindow && s.stats.arrived >= s.customerLimit;
  moveOn(s, node, c, now);
  if (limitReached) s.finished = true;
  else scheduleArrival(s, node, now);
}
