// The registry of events: what is on the calendar when the run starts, and which module handles
// each kind of event (kinds.ts lists the kinds and their payload). To add a kind: a constant in
// kinds.ts, its handler in the feature's module, and one line in HANDLERS below (plus a first
// event in startEvents if the feature starts on its own).
//
//   kind               handler           module        payload (a, b, c)
//   EV_ARRIVAL         onArrival         arrivals      node
//   EV_SERVICE_END     onServiceEnd      stations      step, customer, service token
//   EV_DELAY_END       onDelayEnd        stations      delay, customer
//   EV_ABANDON         onAbandon         stations      step, customer, queue generation
//   EV_WINDOW          onWindowStart     collect       —
//   EV_END             (ends the run)    loop          —
//   EV_SHIFT           onShift           shifts        step, hour slot
//   EV_POOL_SHIFT      onPoolShift       shifts        pool, hour slot
//   EV_SYSTEM_FAIL     onSystemFail      systems       system
//   EV_SYSTEM_REPAIR   onSystemRepair    systems       system
//   EV_HOUR            onHour            hourly        hour slot
//
// HANDLERS is indexed by kind. Each entry is a small function of its own, compiled on its own
// with its handler inlined: measured as fast as a switch in the loop, with less allocation (a
// handler inlined into the loop would box the time for every call it makes).
import { onArrival, startArrivals } from './arrivals';
import { onWindowStart } from './collect';
import {
  EV_ABANDON,
  EV_ARRIVAL,
  EV_DELAY_END,
  EV_END,
  EV_POOL_SHIFT,
  EV_SERVICE_END,
  EV_SHIFT,
  EV_SYSTEM_FAIL,
  EV_SYSTEM_REPAIR,
  EV_WINDOW,
  EV_HOUR,
} from './kinds';
import { onHour, startHourly } from './hourly';
import { onPoolShift, onShift, startShifts } from './shifts';
import type { Sim } from './state';
import { onAbandon, onDelayEnd, onServiceEnd } from './stations';
import { onSystemFail, onSystemRepair, startSystems } from './systems';

/**
 * The first events, in this order (events at the same time run in the order they were
 * scheduled, so the order is part of the results).
 */
export function startEvents(s: Sim): void {
  if (s.ws > 0) s.cal.schedule(s.ws, EV_WINDOW, 0, 0, 0);
  else s.inWindow = true;
  if (Number.isFinite(s.endTime)) s.cal.schedule(s.endTime, EV_END, 0, 0, 0);
  startArrivals(s);
  startShifts(s);
  startSystems(s);
  startHourly(s);
}

type Handler = (s: Sim, a: number, b: number, c: number, now: number) => void;

/** The handler of each kind of event, indexed by kind. */
export const HANDLERS: Handler[] = [];
HANDLERS[EV_ARRIVAL] = (s, a, _b, _c, now) => onArrival(s, a, now);
HANDLERS[EV_SERVICE_END] = (s, a, b, c, now) => onServiceEnd(s, a, b, c, now);
HANDLERS[EV_DELAY_END] = (s, a, b, _c, now) => onDelayEnd(s, a, b, now);
HANDLERS[EV_ABANDON] = (s, a, b, c, now) => onAbandon(s, a, b, c, now);
HANDLERS[EV_WINDOW] = (s, _a, _b, _c, now) => onWindowStart(s, now);
HANDLERS[EV_END] = (s) => {
  s.finished = true;
};
HANDLERS[EV_SHIFT] = (s, a, b, _c, now) => onShift(s, a, b, now);
HANDLERS[EV_POOL_SHIFT] = (s, a, b, _c, now) => onPoolShift(s, a, b, now);
HANDLERS[EV_SYSTEM_FAIL] = (s, a, _b, _c, now) => onSystemFail(s, a, now);
HANDLERS[EV_SYSTEM_REPAIR] = (s, a, _b, _c, now) => onSystemRepair(s, a, now);
HANDLERS[EV_HOUR] = (s, a, _b, _c, now) => onHour(s, a, now);

/** The node an event happens at, to name it in a message (−1: none). */
export function eventNode(kind: number, a: number): number {
  return kind === EV_ARRIVAL || kind === EV_SERVICE_END || kind === EV_DELAY_END || kind === EV_ABANDON || kind === EV_SHIFT ? a : -1;
}
