// The registry of events: what is on the calendar when the run starts, and which module handles
// each kind of event (kinds.ts lists the kinds and their payload). To add a kind: a constant in
// kinds.ts, its handler in the feature's module, and one line in each table below.
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
//
// The dispatch is a switch rather than an array of functions: each case is a direct call the
// compiler can inline, which keeps the hot loop fast.
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
} from './kinds';
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
}

/** Handles one event taken from the calendar. */
export function dispatch(s: Sim, kind: number, a: number, b: number, c: number, now: number): void {
  switch (kind) {
    case EV_ARRIVAL:
      return onArrival(s, a, now);
    case EV_SERVICE_END:
      return onServiceEnd(s, a, b, c, now);
    case EV_DELAY_END:
      return onDelayEnd(s, a, b, now);
    case EV_ABANDON:
      return onAbandon(s, a, b, c, now);
    case EV_WINDOW:
      return onWindowStart(s, now);
    case EV_END:
      s.finished = true;
      return;
    case EV_SHIFT:
      return onShift(s, a, b, now);
    case EV_POOL_SHIFT:
      return onPoolShift(s, a, b, now);
    case EV_SYSTEM_FAIL:
      return onSystemFail(s, a, now);
    case EV_SYSTEM_REPAIR:
      return onSystemRepair(s, a, now);
  }
}

/** The node an event happens at, to name it in a message (−1: none). */
export function eventNode(kind: number, a: number): number {
  return kind === EV_ARRIVAL || kind === EV_SERVICE_END || kind === EV_DELAY_END || kind === EV_ABANDON || kind === EV_SHIFT ? a : -1;
}
