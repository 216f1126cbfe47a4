import { describe, expect, it } from 'vitest';
import { arrivalProfileFromCsv, durationsFromCsv, parseCsv } from '../../../src/model/interop/csv';

describe('CSV data', () => {
  it('splits cells with quotes and detects the delimiter', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\n\n1;2;3').rows).toEqual([
      { line: 1, cells: ['a', 'b;c', 'say "hi"'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
    expect(parseCsv('x\ty\n1\t2').delimiter).toBe('\t');
  });

  it('reads a duration column by name, with decimal commas, and reports bad rows by line', () => {
    const r = durationsFromCsv('case;started;duration (min)\nA;09:00;12,5\nB;09:10;abc\nC;09:20;\nD;09:30;7,5\n');
    expect(r.column).toBe('duration (min)');
    expect(r.values).toEqual([12.5, 7.5]);
    expect(r.problems).toEqual([
      { line: 3, message: '"abc" is not a duration' },
      { line: 4, message: 'no value' },
    ]);
    expect(r.mean).toBe(10);
    expect(r.sd).toBeCloseTo(Math.sqrt(12.5), 12);
  });

  it('takes the first numeric column when there is no header', () => {
    const r = durationsFromCsv('3\n5\n-1\n10');
    expect(r.values).toEqual([3, 5, 10]);
    expect(r.problems).toEqual([{ line: 3, message: '"-1" is not a duration' }]);
    expect(durationsFromCsv('').problems[0]!.message).toBe('the file is empty');
  });

  it('turns hourly counts into a daily schedule and a mean rate', () => {
    const rows = Array.from({ length: 24 }, (_, h) => `${h}:00,${h >= 9 && h < 17 ? (h === 12 ? 60 : 30) : 0}`);
    const r = arrivalProfileFromCsv(['hour,arrivals', ...rows].join('\n'), 5);
    expect(r.problems).toEqual([]);
    expect(r.total).toBe(7 * 30 + 60);
    expect(r.schedule!.repeat).toBe('day');
    const mean = r.total / 24;
    expect(r.schedule!.multipliers[12]).toBeCloseTo(60 / mean, 10);
    expect(r.schedule!.multipliers[3]).toBe(0);
    expect(r.ratePerHour).toBeCloseTo(mean / 5, 12); // counted over 5 days
  });

  it('reads day-of-week counts into a weekly schedule and names bad rows', () => {
    const ok = arrivalProfileFromCsv('day;hour;count\nMon;9;10\nTue;9;30\nSun;23;2,5');
    expect(ok.schedule!.repeat).toBe('week');
    expect(ok.schedule!.multipliers).toHaveLength(168);
    expect(ok.schedule!.multipliers[24 + 9]! / ok.schedule!.multipliers[9]!).toBeCloseTo(3, 9);
    const bad = arrivalProfileFromCsv('day;hour;count\nMonday;9;10\nFunday;9;3\nTue;25;4\nWed;10;x\nMon;9;1');
    expect(bad.schedule).toBeUndefined();
    expect(bad.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(bad.problems[0]!.message).toMatch(/"Funday" is not a day/);
    expect(bad.problems[3]!.message).toMatch(/mon hour 9 appears twice/);
  });
});
