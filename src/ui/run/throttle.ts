// At most one call every `everyMs` with the latest value; the last value is always delivered (a
// little later), unless cancelled. Used for a run's progress: every store update runs the app's
// selectors on the page's thread, which the simulation workers need on a 2-core machine.

export interface Throttled<T> {
  (value: T): void;
  /** Drops a value still waiting to be delivered. */
  cancel(): void;
}

export function throttleLatest<T>(deliver: (value: T) => void, everyMs: number, now: () => number = () => performance.now()): Throttled<T> {
  let lastAt = -Infinity;
  let pending: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    lastAt = now();
    const p = pending;
    pending = undefined;
    if (p) deliver(p.value);
  };
  const throttled = ((value: T) => {
    pending = { value };
    if (timer !== undefined) return;
    const wait = lastAt + everyMs - now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  }) as Throttled<T>;
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
