// Working time in the results document, the step CSV and the CLI summary: present with calendars
// (overall and per step, with CIs), absent without, and a service level counted in working days
// differs from the same threshold in elapsed time as it should.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/engine/experiment';
import { CALENDAR_PRESETS } from '../../src/model/calendar';
import { Project } from '../../src/model/schema';
import { summaryTable } from '../../src/cli/main';
import { stepTableCsv } from '../../src/ui/results/table';
import { edge, flowProject } from './helpers';

const office = { id: 'office', name: 'Office Mon–Fri 08–17', week: CALENDAR_PRESETS.find((p) => p.key === 'office')!.week };

function claims(calendars: boolean): Project {
  const p = flowProject({
    nodes: [
      { id: 'in', kind: 'arrivals', name: 'Claims', arrivals: { mode: 'rate', rate: 40, per: 'day' }, ...(calendars ? { calendarId: 'office' } : {}) },
      { id: 's', kind: 'step', name: 'Assessment', departmentId: 'd', staff: 3, service: { kind: 'exponential', mean: 35 }, ...(calendars ? { calendarId: 'office' } : {}) },
      { id: 'x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: 4 * 10080,
    warmup: 10080,
    seed: 3,
  });
  const threshold = 4 * 60; // 4 (working) hours, in minutes
  return Project.parse({
    ...p,
    run: { ...p.run, replications: { kind: 'fixed', count: 5 } },
    ...(calendars ? { calendars: [office] } : {}),
    serviceLevels: [
      { id: 'work', name: 'Done within 4 working hours', measure: 'timeInSystem', threshold, target: 0.9, ...(calendars ? { clock: 'working' } : {}) },
      { id: 'elapsed', name: 'Done within 4 h', measure: 'timeInSystem', threshold, target: 0.9 },
    ],
  });
}

describe('working time in the results', () => {
  const doc = runExperiment(claims(true));
  const s = doc.scenarios[0]!;

  it('gives waiting and total time in working time, overall and per step, with CIs', () => {
    const wt = s.overall.workingTime!;
    expect(wt.calendarId).toBe('office');
    expect(wt.hoursPerWorkingDay).toBe(9);
    for (const e of [wt.waitingTime, wt.waitingTime.p90, wt.timeInSystem, wt.timeInSystem.p90]) {
      expect(Number.isFinite(e.mean) && Number.isFinite(e.ci95)).toBe(true);
      expect(e.ci95).toBeGreaterThan(0);
    }
    // Working time is the open part: never more than elapsed, and much less where customers wait overnight.
    expect(wt.waitingTime.mean).toBeLessThan(s.overall.waitingTime.mean);
    expect(wt.timeInSystem.mean).toBeLessThan(0.6 * s.overall.timeInSystem.mean);
    expect(wt.timeInSystem.mean).toBeGreaterThan(35 * 0.9); // at least the service itself, which happens in open hours
    expect(s.steps.s!.workingWaitingTime!.mean).toBeCloseTo(wt.waitingTime.mean, 1);
  });

  it('a service level in working time counts more customers within than the same hours elapsed (overnight waits)', () => {
    const work = s.overall.serviceLevel.work!;
    const elapsed = s.overall.serviceLevel.elapsed!;
    expect(work.clock).toBe('working');
    expect(elapsed.clock).toBeUndefined();
    expect(work.mean).toBeGreaterThan(elapsed.mean + 0.05);
  });

  it('the step CSV and the CLI summary carry working time; without calendars nothing changes', () => {
    const csv = stepTableCsv(s).split('\n');
    expect(csv[0]).toMatch(/,workingWaitingTime\.mean,workingWaitingTime\.ci95,workingWaitingTime\.p90$/);
    expect(csv[1]!.split(',').length).toBe(csv[0]!.split(',').length);
    const text = summaryTable(doc);
    expect(text).toMatch(/in working time \(Office Mon–Fri 08–17\): mean wait [\d.]+ working (min|hours), p90 .*total time/);
    expect(text).toContain('Done within 4 working hours (working time):');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);

    const plain = runExperiment(claims(false)).scenarios[0]!;
    expect('workingTime' in plain.overall).toBe(false);
    expect('workingWaitingTime' in plain.steps.s!).toBe(false);
    expect(stepTableCsv(plain)).not.toContain('working');
  });
});

describe('working time in comparisons', () => {
  it('a proposal is compared with the baseline in working time too (only with calendars)', () => {
    const withProposal = (p: Project) => {
      const prop = structuredClone(p.scenarios[0]!);
      prop.id = 'more';
      prop.name = 'One more assessor';
      prop.kind = 'proposal';
      (prop.flow.nodes[1] as { staff: number }).staff = 4;
      return Project.parse({ ...p, scenarios: [p.scenarios[0], prop] });
    };
    const c = runExperiment(withProposal(claims(true))).comparisons[0]!;
    const wait = c.overall.find((m) => m.metric === 'workingTime.waitingTime.mean')!;
    expect(wait.label).toBe('Mean wait in working time');
    expect(wait.proposal).toBeLessThan(wait.baseline);
    expect(wait.significant).toBe(true);
    expect(wait.sentence).toMatch(/^Mean wait in working time falls from /);
    expect(c.overall.some((m) => m.metric === 'workingTime.timeInSystem.mean')).toBe(true);
    const plain = runExperiment(withProposal(claims(false))).comparisons[0]!;
    expect(plain.overall.some((m) => m.metric.startsWith('workingTime'))).toBe(false);
  });
});
