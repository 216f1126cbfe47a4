// The event loop: takes events from the calendar in time order and hands each to its handler
// (events.ts), until the run ends, guarding against runaway runs and checking for cancellation.
import { SimulationError } from '../types';
import { eventNode, HANDLERS, startEvents } from './events';
import { SAME_TIME_LIMIT } from './kinds';
import type { Sim } from './state';

/** Runs the replication to its end; returns the end of the observation window. */
export function runEvents(s: Sim): number {
  const cal = s.cal;
  startEvents(s);
  const shouldStop = s.options.shouldStop;
  let lastTime = -1;
  let sameTime = 0;
  while (!s.finished && cal.pop()) {
    const now = cal.now;
    if (++s.events > s.maxEvents) {
      throw new SimulationError(
        'event-limit',
        `The run stopped after ${s.maxEvents.toLocaleString('en')} events (the limit in the run settings). Shorten the simulated duration, lower the arrival rates, or raise the limit.`,
      );
    }
    if (now === lastTime) {
      if (++sameTime > SAME_TIME_LIMIT) {
        const node = eventNode(cal.kind, cal.a);
        throw new SimulationError(
          'zero-time-loop',
          `Customers are going round a loop that takes no time${node >= 0 ? ` (at "${s.m.nodeNames[node]}")` : ''}: give a step or delay on the loop a duration above 0.`,
        );
      }
    } else {
      lastTime = now;
      sameTime = 0;
    }
    if ((s.events & 4095) === 0 && shouldStop?.()) {
      throw new SimulationError('cancelled', 'The run was cancelled.');
    }
    HANDLERS[cal.kind]!(s, cal.a, cal.b, cal.c, now);
  }
  return s.finished ? cal.now : Math.max(cal.now, s.ws);
}
