import { describe, expect, it } from 'vitest';
import { formatClock } from '../../src/ui/watch/clock';

describe('the watch clock', () => {
  it('shows the simulated day and time of day in any time unit', () => {
    expect(formatClock(0, 'minutes')).toBe('Day 1, 00:00');
    expect(formatClock(61.9, 'minutes')).toBe('Day 1, 01:01');
    expect(formatClock(1440 + 14 * 60 + 5, 'minutes')).toBe('Day 2, 14:05');
    expect(formatClock(36.5, 'hours')).toBe('Day 2, 12:30');
    expect(formatClock(2.25, 'days')).toBe('Day 3, 06:00');
    expect(formatClock(90, 'seconds')).toBe('Day 1, 00:01');
  });
});

describe('formatClock with a start date', () => {
  it('shows the date and time the simulated moment stands for', () => {
    expect(formatClock(0, 'minutes', '2023-02-09T08:00')).toBe('Thu 9 Feb 2023, 08:00');
    expect(formatClock(16 * 60 + 30, 'minutes', '2023-02-09T08:00')).toBe('Fri 10 Feb 2023, 00:30');
    expect(formatClock(2, 'days', '2024-02-28T12:00')).toBe('Fri 1 Mar 2024, 12:00');
  });
});
