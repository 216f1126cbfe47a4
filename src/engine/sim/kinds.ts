// The kinds of event on the calendar, with what their payload (a, b, c) holds, and the limits
// that stop a run caught in a loop that takes no time. Each kind is handled by one function,
// registered in events.ts.

export const EV_ARRIVAL = 1; // a = arrivals node
export const EV_SERVICE_END = 2; // a = step, b = customer, c = service token (tracked steps), else 0
export const EV_DELAY_END = 3; // a = delay, b = customer
export const EV_ABANDON = 4; // a = step, b = customer, c = queue generation when it joined
export const EV_WINDOW = 5; // the warm-up ends: the observation window opens
export const EV_END = 6; // the run ends (horizon 'duration')
export const EV_SHIFT = 7; // a = step, b = absolute hour slot
export const EV_POOL_SHIFT = 8; // a = pool, b = absolute hour slot
export const EV_SYSTEM_FAIL = 9; // a = system
export const EV_SYSTEM_REPAIR = 10; // a = system
export const EV_HOUR = 11; // a = absolute hour slot that starts (steps whose hours close: hourly.ts)

/** Events at one instant beyond this mean a loop that takes no time. */
export const SAME_TIME_LIMIT = 1_000_000;
/** Zero-time moves of one customer (through decisions) beyond this mean a loop with no time. */
export const MOVE_LIMIT = 10_000;
/** Splits and joins passed within one instant, nested, beyond this mean a loop with no time. */
export const DEPTH_LIMIT = 500;
