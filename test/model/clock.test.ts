import { describe, expect, it } from 'vitest';
import { clockAt, formatLocalDateTime, minutesIntoWeek, parseLocalDateTime, startOffsetMinutes } from '../../src/model/clock';
import { Project } from '../../src/model/schema';
import { loadProject } from '../../src/model/load';
import { EXAMPLES } from '../../src/model/examples';

describe('the simulated clock', () => {
  it('reads local date-times and refuses impossible ones', () => {
    expect(formatLocalDateTime(parseLocalDateTime('2023-02-09T08:00')!)).toBe('2023-02-09T08:00:00');
    expect(formatLocalDateTime(parseLocalDateTime('2023-02-09 08:05:04.420')!)).toBe('2023-02-09T08:05:04');
    expect(parseLocalDateTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2023-02-30T08:00', '2023-13-01', '2023-02-09T24:00', '2023-02-09T08:60', 'yesterday', '', '2023-02-09T08:00Z']) {
      expect(parseLocalDateTime(bad), bad).toBeUndefined();
    }
  });

  it('knows where in the week a start falls', () => {
    // 2023-02-09 was a Thursday: 3 days and 8 hours after the Monday 00:00 before it.
    expect(minutesIntoWeek(parseLocalDateTime('2023-02-09T08:00')!)).toBe(3 * 1440 + 8 * 60);
    expect(startOffsetMinutes('2023-02-06T00:00')).toBe(0);
    expect(startOffsetMinutes('2023-02-12T23:30')).toBe(6 * 1440 + 23 * 60 + 30);
    expect(startOffsetMinutes(undefined)).toBe(0);
    expect(formatLocalDateTime(clockAt('2023-02-09T08:00', 24 * 60 + 30)!)).toBe('2023-02-10T08:30:00');
  });

  it('is checked in project files, naming the field', () => {
    const base = EXAMPLES[0]!.project;
    const ok = Project.safeParse({ ...base, run: { ...base.run, start: '2023-02-09T08:00' } });
    expect(ok.success).toBe(true);
    const r = loadProject(JSON.parse(JSON.stringify({ ...base, run: { ...base.run, start: '2023-02-30T08:00' } })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.path} ${p.message}`).join('\n')).toMatch(/run\.start.*date and time/);
  });
});
