// The transition's sentence agrees with its own table (issue 17).
import { describe, expect, it } from 'vitest';
import { fromWeekSentence, weekList, weeklyCosts } from '../../src/engine/transition';

describe('the cheaper-from sentence', () => {
  // Today costs 100 a week (the baseline's last four weeks); the proposal is cheaper in weeks
  // 1–4, dearer in 5–7 while staff learn, and cheaper for good from week 8.
  const proposal = [90, 95, 92, 99, 130, 120, 110, 98, 97, 96, 95, 94];
  const c = weeklyCosts({ mean: proposal.map(() => 100) }, { mean: proposal, ci95: proposal.map(() => 1) })!;

  it('names the week from which it is cheaper every week, and the earlier cheaper weeks of the table', () => {
    expect(c.cheaperFrom).toBe(8);
    expect(c.cheaperWeeks).toEqual([1, 2, 3, 4, 8, 9, 10, 11, 12]);
    const text = fromWeekSentence('Plan B', 'is cheaper than today', c.cheaperFrom, c.cheaperWeeks, c.weeks.length);
    expect(text).toBe('“Plan B” is cheaper than today every week from week 8 on (and already in weeks 1–4).');
    // Consistent with the table: every week it names as cheaper is cheaper there.
    for (const w of c.cheaperWeeks) expect(c.weeks[w - 1]!.proposal.mean).toBeLessThanOrEqual(c.steady);
  });

  it('says so when it is cheaper from the first week, only in some weeks, or never', () => {
    expect(fromWeekSentence('P', 'is cheaper than today', 1, [1, 2, 3], 3)).toBe('“P” is cheaper than today in every one of the 3 weeks.');
    expect(fromWeekSentence('P', 'is cheaper than today', undefined, [2, 3, 5], 6)).toBe('Within 6 weeks, “P” is cheaper than today only in weeks 2–3 and 5, not every week to the end.');
    expect(fromWeekSentence('P', 'is cheaper than today', undefined, [], 6)).toBe('Within 6 weeks “P” is never cheaper than today.');
    expect(weekList([1, 2, 3, 4, 6, 8, 9])).toBe('1–4, 6 and 8–9');
  });
});
