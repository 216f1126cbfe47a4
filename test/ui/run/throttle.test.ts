import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from '../../../src/ui/run/throttle';

describe('throttleLatest (a run’s progress redraws)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first value at once, then at most one every interval, always the latest', () => {
    const got: number[] = [];
    const t = throttleLatest((v: number) => got.push(v), 150, () => Date.now());
    t(1);
    expect(got).toEqual([1]);
    for (let v = 2; v <= 10; v++) {
      vi.advanceTimersByTime(20); // ten results 20 ms apart
      t(v);
    }
    // 180 ms after the first: one more delivery at 150 ms, with the latest value then.
    expect(got).toEqual([1, 8]);
    vi.advanceTimersByTime(200);
    expect(got).toEqual([1, 8, 10]); // the last value is never lost
  });

  it('cancel drops a value still waiting', () => {
    const got: number[] = [];
    const t = throttleLatest((v: number) => got.push(v), 150, () => Date.now());
    t(1);
    t(2);
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(got).toEqual([1]);
  });
});
