// The working clock: open time between two moments and the moment a given amount of open time has
// passed, against a calendar walked hour by hour by hand.
import { describe, expect, it } from 'vitest';
import { calendarSlots, CALENDAR_PRESETS, dayNumber } from '../../src/model/calendar';
import { WorkClock } from '../../src/engine/workclock';

const office = { id: 'o', name: 'Office', week: CALENDAR_PRESETS.find((p) => p.key === 'office')!.week };
const H = 60; // minutes in an hour: times below are in minutes
const at = (day: number, hour: number, min = 0) => (day * 24 + hour) * H + min; // day 0 = Monday

describe('WorkClock', () => {
  const week = calendarSlots(office, 168).open;
  const clock = new WorkClock(week, H, 0);

  it('Friday 16:00 + 2 working hours in a Mon–Fri 08–17 calendar is Monday 09:00', () => {
    expect(clock.after(at(4, 16), 2 * H)).toBeCloseTo(at(7, 9), 9);
  });

  it('ends at closing time rather than at the next opening when the work fits exactly', () => {
    expect(clock.after(at(4, 15), 2 * H)).toBeCloseTo(at(4, 17), 9);
    expect(clock.after(at(0, 8), 45 * H)).toBeCloseTo(at(4, 17), 9); // a working week
  });

  it('starts counting at the next opening when it starts while closed', () => {
    expect(clock.after(at(5, 10), 30)).toBeCloseTo(at(7, 8, 30), 9); // Saturday → Monday 08:30
    expect(clock.after(at(1, 3), 9 * H + 1)).toBeCloseTo(at(2, 8, 1), 9);
  });

  it('counts open time between two moments, across weeks', () => {
    expect(clock.between(at(4, 16), at(7, 9))).toBeCloseTo(2 * H, 9);
    expect(clock.between(at(0, 0), at(14, 0))).toBeCloseTo(90 * H, 9);
    expect(clock.between(at(5, 0), at(6, 23))).toBe(0);
    expect(clock.between(at(2, 12, 30), at(2, 13))).toBeCloseTo(30, 9);
  });

  it('after() and between() are inverse for random moments and amounts', () => {
    let x = 12345;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 500; k++) {
      const from = rnd() * 5 * 10080;
      const work = rnd() * 100 * H;
      const end = clock.after(from, work);
      expect(clock.between(from, end)).toBeCloseTo(work, 6);
      expect(clock.between(from, end - 1e-3)).toBeLessThan(work); // the earliest such moment
    }
  });

  it('skips holidays in a dated plan, and reads the plan from the run start (offset)', () => {
    // Friday 2027-01-08 16:00 + 2 working hours, Monday 2027-01-11 a holiday → Tuesday 09:00.
    const monday = dayNumber('2027-01-04')!;
    const plan = calendarSlots({ ...office, holidays: [{ date: '2027-01-11' }] }, 168 * 4, monday).open;
    const startOffset = at(4, 16); // the run starts on Friday 16:00: time 0
    const dated = new WorkClock(plan, H, startOffset);
    expect(dated.after(0, 2 * H)).toBeCloseTo(at(8, 9) - startOffset, 9);
    expect(dated.between(0, at(8, 9) - startOffset)).toBeCloseTo(2 * H, 9);
  });

  it('works in hours as the time unit', () => {
    const hours = new WorkClock(week, 1, 0);
    expect(hours.after(4 * 24 + 16, 2)).toBeCloseTo(7 * 24 + 9, 9);
  });

  it('refuses a calendar that is never open during the run', () => {
    expect(() => new WorkClock(new Uint8Array(168), H, 0, 'Closed')).toThrow(/"Closed" is never open/);
  });
});
