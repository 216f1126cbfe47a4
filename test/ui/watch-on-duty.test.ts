// Watch draws the staff on duty at the moment shown, as the engine counts them (issue 17).
import { describe, expect, it } from 'vitest';
import { staffOnDuty } from '../../src/ui/watch/onDuty';
import { flowPicture } from '../../src/ui/picture/flowSvg';
import { getExample } from '../../src/model/examples';
import type { StepNode } from '../../src/model/schema';

describe('staffOnDuty', () => {
  const p = structuredClone(getExample('contact-centre')!.project);
  const flow = p.scenarios[0]!.flow;
  const step = flow.nodes.find((n) => n.id === 'first-level') as StepNode;

  it("a step on shifts: the hour's number (time 0 is Monday 00:00; a daily plan repeats)", () => {
    const hours = step.shifts!.staff;
    const perHour = 60 / { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 }[p.timeUnit];
    expect(staffOnDuty(flow, step, 0, p.timeUnit).count).toBe(hours[0]);
    expect(staffOnDuty(flow, step, 11.5 * perHour, p.timeUnit).count).toBe(hours[11]);
    expect(staffOnDuty(flow, step, (24 + 11.5) * perHour, p.timeUnit).count).toBe(hours[11]);
    const closed = { ...step, shifts: { ...step.shifts!, staff: hours.map(() => 0) } };
    expect(staffOnDuty(flow, closed, 5 * perHour, p.timeUnit).count).toBe(0);
  });

  it('a pooled step: its pool (not its own ignored staff number)', () => {
    const loan = structuredClone(getExample('loan')!.project);
    const s = loan.scenarios.find((x) => x.id === 'single-point-of-contact')!;
    const credit = s.flow.nodes.find((n) => n.id === 'credit-analysis') as StepNode;
    expect(staffOnDuty(s.flow, credit, 3, loan.timeUnit)).toEqual({ count: 6, pool: { id: 'credit-team', name: 'Cross-trained credit team' } });
  });

  it('the picture Watch draws on labels steps by what serves them', () => {
    const pic = flowPicture(p.scenarios[0]!, { unit: p.timeUnit });
    // Names and details are wrapped over lines (tspans): read the words as a person would.
    const words = pic.svg.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, '|');
    expect(words).toContain('shifts, up to 12 staff');
    expect(words).not.toMatch(/\|10 staff/);
  });
});
