// Durations typed with their unit: parsed into the project's unit, refused with a reason in the
// user's words, and shown back in the unit that reads best.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationInputText, durationText, parseDuration, workingDurationText, workingInputText, formatWorkingEstimate, formatWorkingDuration } from '../../src/model/duration';
import { formatDuration } from '../../src/engine/format';
import { MINUTES_PER_UNIT, TIME_UNITS, type TimeUnit } from '../../src/model/schema';

const value = (text: string, unit: TimeUnit = 'minutes') => {
  const r = parseDuration(text, unit);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const message = (text: string, unit: TimeUnit = 'minutes') => {
  const r = parseDuration(text, unit);
  if (r.ok) throw new Error(`${text} was accepted as ${r.value}`);
  return r.message;
};

describe('parseDuration', () => {
  it.each([
    ['2 days', 2880],
    ['45 min', 45],
    ['1.5 h', 90],
    ['90s', 1.5],
    ['2 hours', 120],
    ['1 week', 10080],
    ['30 minutes', 30],
    ['1,5 h', 90],
    ['15', 15],
    ['1 h 30 min', 90],
    ['2h30m', 150],
    ['1,000 min', 1000],
    ['1 000 min', 1000],
    ['0', 0],
    ['3 Days', 4320],
    ['1 day', 1440],
    ['10 sec', 10 / 60],
    ['  7 min  ', 7],
  ])('“%s” is %d minutes', (text, minutes) => {
    expect(value(text)).toBeCloseTo(minutes, 10);
  });

  it('reads a plain number in the project unit, and a unit into the project unit', () => {
    expect(value('15', 'hours')).toBe(15);
    expect(value('45 min', 'hours')).toBe(0.75);
    expect(value('2 days', 'hours')).toBe(48);
    expect(value('90 min', 'days')).toBe(0.0625);
    expect(value('1 min', 'seconds')).toBe(60);
    expect(value('0.1 h', 'minutes')).toBe(6); // no 6.000000000000001
  });

  it('refuses a misspelt unit with an example of what to write', () => {
    expect(message('2 dyas')).toBe('“2 dyas”: write a number with a unit, e.g. 45 min, 1.5 h or 2 days.');
    expect(message('soon')).toContain('write a number with a unit');
    expect(message('h')).toContain('write a number with a unit');
    expect(message('1,2,3 min')).toContain('write a number with a unit');
  });

  it('refuses working days where no calendar applies', () => {
    expect(message('2 working days')).toBe('“2 working days”: working days need a calendar and count only for a delay (tick “Counts working time”) or a service level; here write 2 days.');
    expect(message('3 business days')).toContain('working days need a calendar');
    expect(message('5 workdays')).toContain('write 5 days');
  });

  it('refuses negative durations, empty text and a number without unit inside several parts', () => {
    expect(message('-5 min')).toBe('“-5 min”: a duration cannot be negative.');
    expect(message('')).toBe('Enter a duration, e.g. 45 min, 1.5 h or 2 days.');
    expect(message('1 h 30')).toContain('give each number its unit');
  });

  it('never crashes and never gives a message with NaN, Infinity or undefined', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...TIME_UNITS), (text, unit) => {
        const r = parseDuration(text, unit);
        if (r.ok) expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
        else expect(r.message).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});

describe('durations shown back', () => {
  it('in the unit that reads best', () => {
    expect(durationText(2880, 'minutes')).toBe('2 days');
    expect(durationText(90, 'minutes')).toBe('1.5 h');
    expect(durationText(0.25, 'hours')).toBe('15 min');
    expect(durationText(0.5, 'minutes')).toBe('30 s');
    expect(durationInputText(2880, 'minutes')).toBe('2 days');
    expect(durationInputText(100, 'minutes')).toBe('100 min'); // 1.6666… h would not read back exactly
    expect(durationInputText(48, 'hours')).toBe('2 days');
  });

  it('round trip: formatDuration, then parseDuration, gives the value back within the shown precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.constantFrom(...TIME_UNITS), (v, unit) => {
        const text = formatDuration(v, unit);
        const back = parseDuration(text, unit);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        // formatDuration keeps 1 decimal below 10 and none above, in the unit it picked.
        const shownIn = (text.endsWith(' s') ? 1 / 60 : text.endsWith(' min') ? 1 : text.endsWith(' h') ? 60 : 1440) / MINUTES_PER_UNIT[unit];
        expect(Math.abs(back.value - v)).toBeLessThanOrEqual(0.5 * shownIn + 1e-9 * v);
      }),
    );
  });

  it('round trip: the text of a duration input reads back as exactly the same value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.constantFrom(...TIME_UNITS), (v, unit) => {
        const back = parseDuration(durationInputText(v, unit), unit);
        expect(back.ok).toBe(true);
        if (back.ok) expect(Math.abs(back.value - v)).toBeLessThanOrEqual(1e-9 * v);
      }),
    );
  });
});

describe('durations shown without binary noise', () => {
  it('writes the shortest decimal of the rounded value', () => {
    expect(durationInputText(5.56, 'minutes')).toBe('5.56 min');
    expect(durationText(5.56, 'minutes')).toBe('5.56 min');
    for (let i = 1; i < 500; i++) expect(durationInputText(i / 100, 'minutes')).not.toMatch(/\d{12}/);
  });
});

describe('working time ("2 working days") where a calendar applies', () => {
  const office = { calendarName: 'Office', hoursPerDay: 9, hoursPerWeek: 45, on: false };
  const parse = (text: string, unit: TimeUnit, w = office) => parseDuration(text, unit, w);

  it('a working day is the open hours of the calendar\'s average open day', () => {
    expect(parse('2 working days', 'minutes')).toEqual({ ok: true, value: 2 * 9 * 60, working: true });
    expect(parse('2 working days', 'hours')).toEqual({ ok: true, value: 18, working: true });
    expect(parse('3 working hours', 'minutes')).toEqual({ ok: true, value: 180, working: true });
    expect(parse('1 working week', 'hours')).toEqual({ ok: true, value: 45, working: true });
    expect(parse('5 workdays', 'hours')).toEqual({ ok: true, value: 45, working: true });
    expect(parse('1 working day 4 working hours', 'hours')).toEqual({ ok: true, value: 13, working: true });
    expect(parse('1,5 business days', 'hours')).toEqual({ ok: true, value: 13.5, working: true });
  });

  it('an ordinary duration stays ordinary unless the field already counts working time', () => {
    expect(parse('2 days', 'hours')).toEqual({ ok: true, value: 48 });
    const on = { ...office, on: true };
    expect(parse('90 min', 'minutes', on)).toEqual({ ok: true, value: 90, working: true });
    const r = parse('2 days', 'hours', on);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('“2 days”: this delay counts working time (Office), so write working days, e.g. 2 working days (9 open hours each), or untick working time.');
  });

  it('shows working time in the unit that reads best, and reads it back', () => {
    expect(workingDurationText(18, 'hours', 9)).toBe('2 working days');
    expect(workingDurationText(9, 'hours', 9)).toBe('1 working day');
    expect(workingDurationText(180, 'minutes', 9)).toBe('3 working hours');
    expect(workingDurationText(30, 'minutes', 9)).toBe('30 working min');
    const on = { ...office, on: true };
    for (const v of [18, 9, 3, 0.5, 7.25, 1 / 3]) {
      const back = parseDuration(workingInputText(v, 'hours', on), 'hours', on);
      expect(back.ok && back.value).toBeCloseTo(v, 10);
    }
  });
});

describe('working time in the results', () => {
  it('formats a mean and its interval in the same scale', () => {
    expect(formatWorkingEstimate(156, 5.4, 'minutes', 9)).toEqual(['2.6 working hours', '0.1']);
    expect(formatWorkingEstimate(2.4 * 9 * 60, 28, 'minutes', 9)).toEqual(['2.4 working days', '0.1']);
    expect(formatWorkingEstimate(25, 0, 'minutes', 9)).toEqual(['25 working min', '']);
    expect(formatWorkingDuration(Number.NaN, 'minutes', 9)).toBe('—');
  });
});
