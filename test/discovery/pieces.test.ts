// Each piece of discovery on small hand-made logs with known answers.
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/discover';
import { fitDuration } from '../../src/discovery/servicefit';
import { discoverCalendar, onDutyBetween } from '../../src/discovery/calendar';
import { discoverArrivals } from '../../src/discovery/arrivals';
import { commonName } from '../../src/discovery/resources';
import { checkProject, hasErrors } from '../../src/engine/check';
import { simulateReplication } from '../../src/engine/simulate';
import { MINUTES_PER_UNIT, type Project, type StepNode, type FlowNode } from '../../src/model/schema';
import { buildLog, MIN, MONDAY, rng, synthLog, type RawEvent } from './makeLog';

const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const flow = (p: Project) => p.scenarios[0]!.flow;
const step = (p: Project, name: string) => flow(p).nodes.find((n): n is StepNode => n.kind === 'step' && n.name === name)!;
const outs = (p: Project, id: string) => flow(p).edges.filter((e) => e.source === id);
const mean = (d: StepNode['service']) => ('mean' in d ? d.mean : d.kind === 'constant' ? d.value : d.kind === 'empirical' ? d.values.reduce((s, x) => s + x, 0) / d.values.length : NaN);

function runnable(p: Project) {
  expect(hasErrors(checkProject(p))).toBe(false);
  const r = simulateReplication(p, p.scenarios[0]!.id, 0);
  expect(r.overall.exited).toBeGreaterThan(0);
  return r;
}

describe('discovery pieces', () => {
  it('a step worked by two people gets two staff, and its exponential time is found', () => {
    const log = synthLog({
      cases: 600, gap: 10,
      route: () => [['Serve']],
      duration: (_a, r) => -15 * Math.log(1 - r()),
      resources: () => ['Desk-01', 'Desk-02'],
    });
    const d = discover(log);
    const s = step(d.project, 'Serve');
    expect(s.staff).toBe(2);
    expect(s.shifts).toBeUndefined();
    expect(['exponential', 'gamma', 'weibull']).toContain(s.service.kind);
    expect(mean(s.service)).toBeGreaterThan(13);
    expect(mean(s.service)).toBeLessThan(17);
    expect(flow(d.project).departments.map((x) => x.name)).toEqual(['Desk']);
    expect(d.project.run).toMatchObject({ horizon: { kind: 'customers', count: 600 }, replications: { kind: 'fixed', count: 10 }, seed: 1, warmup: 0, start: '2024-01-01T00:00:00' });
    runnable(d.project);
  });

  it('a 30 % rework loop becomes a decision that sends about 30 % back', () => {
    const log = synthLog({
      cases: 1000, gap: 30,
      route: (r) => { const s = [['Check']]; while (r() < 0.3) s.push(['Fix'], ['Check']); s.push(['Close']); return s; },
      duration: () => 5,
      resources: (a) => [`${a}-1`],
      seed: 7,
    });
    const d = discover(log);
    const check = step(d.project, 'Check');
    const after = outs(d.project, check.id);
    expect(after).toHaveLength(1);
    const dec = outs(d.project, after[0]!.target);
    const fix = step(d.project, 'Fix');
    const back = dec.find((e) => e.target === fix.id)!;
    expect(back.probability).toBeGreaterThan(0.26);
    expect(back.probability).toBeLessThan(0.34);
    expect(d.report.some((l) => l.message.includes('Check is repeated'))).toBe(true);
    expect(d.coverage).toBe(1);
    runnable(d.project);
  });

  it('two activities that overlap in time become a split and a join', () => {
    const log = synthLog({
      cases: 300, gap: 60,
      route: () => [['Open'], ['Legal review', 'Credit review'], ['Decide']],
      duration: (a, r) => (a === 'Open' ? 5 : 10 + 20 * r()),
      resources: (a) => [`${a} A`, `${a} B`],
    });
    const d = discover(log);
    const f = flow(d.project);
    const split = f.nodes.find((n) => n.kind === 'split')!;
    const join = f.nodes.find((n) => n.kind === 'join')!;
    expect(split).toBeDefined();
    expect(outs(d.project, split.id).map((e) => e.target).sort()).toEqual([step(d.project, 'Credit review').id, step(d.project, 'Legal review').id].sort());
    expect(outs(d.project, join.id).map((e) => e.target)).toEqual([step(d.project, 'Decide').id]);
    runnable(d.project);
  });

  it('a rare path is left out and the coverage says how many cases the model follows', () => {
    const log = synthLog({
      cases: 1000, gap: 20,
      route: (r) => (r() < 0.005 ? [['A'], ['Odd'], ['B']] : [['A'], ['B']]),
      duration: () => 3,
      resources: (a) => [a],
      seed: 3,
    });
    const d = discover(log, { rarePaths: 0.01 });
    expect(flow(d.project).nodes.some((n) => n.name === 'Odd')).toBe(false);
    expect(d.coverage).toBeGreaterThan(0.98);
    expect(d.coverage).toBeLessThan(1);
    const all = discover(log, { rarePaths: 0 });
    expect(all.coverage).toBe(1);
    expect(flow(all.project).nodes.some((n) => n.name === 'Odd')).toBe(true);
  });

  it('working hours 9–17 on weekdays become shifts, and nights are taken out of service times', () => {
    // Two clerks; every weekday for 8 weeks each does 4 jobs of 2 hours from 9:00; one job a day
    // starts at 16:00 and ends at 10:00 the next working day (1 hour of work before, 1 after).
    const events: RawEvent[] = [];
    let c = 0;
    for (let w = 0; w < 8; w++)
      for (let d = 0; d < 5; d++) {
        const day = MONDAY + w * 7 * DAY + d * DAY;
        for (const who of ['Clerk 1', 'Clerk 2'])
          for (let k = 0; k < 3; k++) events.push({ caseId: `c${c++}`, activity: 'Handle', resource: who, start: day + (9 + 2 * k) * HOUR, end: day + (11 + 2 * k) * HOUR });
        const next = d === 4 ? day + 3 * DAY : day + DAY;
        events.push({ caseId: `c${c++}`, activity: 'Handle', resource: 'Clerk 1', start: day + 16 * HOUR, end: next + 10 * HOUR });
      }
    const log = buildLog(events);
    const d = discover(log);
    const s = step(d.project, 'Handle');
    expect(s.shifts?.atShiftEnd).toBe('hand-over');
    const grid = s.shifts!.staff;
    expect(grid[9]).toBe(2); // Monday 09:00
    expect(grid[16]).toBeGreaterThanOrEqual(1);
    expect(grid[8]).toBe(0);
    expect(grid[17]).toBe(0);
    expect(grid[5 * 24 + 12]).toBe(0); // Saturday noon
    // Every job is 2 hours of work once the night is taken out.
    expect(s.service).toEqual({ kind: 'constant', value: 120 });
    expect(d.report.some((l) => l.topic === 'working-time' && l.message.includes('Mon–Fri 09:00–17:00'))).toBe(true);
    runnable(d.project);
  });

  it('with end times only, durations are estimated from the previous end in the case and of the resource', () => {
    const log = synthLog({
      cases: 400, gap: 60,
      route: () => [['Receive'], ['Assess'], ['Reply']],
      duration: (a) => ({ Receive: 5, Assess: 20, Reply: 10 })[a]!,
      resources: (a) => [`${a} team`],
      endOnly: true,
    });
    expect(log.hasStart).toBe(false);
    const d = discover(log);
    expect(step(d.project, 'Assess').service).toEqual({ kind: 'constant', value: 20 });
    expect(step(d.project, 'Reply').service).toEqual({ kind: 'constant', value: 10 });
    expect(d.report.some((l) => l.severity === 'warning' && l.message.includes('end times only'))).toBe(true);
    runnable(d.project);
  });

  it('customer classes come from a case attribute, with their shares', () => {
    const events: RawEvent[] = [];
    const kind: Record<string, string> = {};
    for (let c = 0; c < 200; c++) {
      events.push({ caseId: `c${c}`, activity: 'Serve', resource: 'R', start: MONDAY + c * HOUR, end: MONDAY + c * HOUR + 10 * MIN });
      kind[`c${c}`] = c % 4 === 0 ? 'Business' : 'Private';
    }
    const d = discover(buildLog(events, 't', { name: 'segment', of: kind }), { classAttribute: 'segment' });
    expect(d.project.classes.map((k) => [k.name, k.share])).toEqual([['Business', 50], ['Private', 150]]);
    expect(step(d.project, 'Serve').serviceByClass).toBeUndefined(); // same times for both
    // Business cases take twice as long: they get their own service time.
    const slow = events.map((e) => (kind[e.caseId] === 'Business' ? { ...e, end: e.start! + 20 * MIN } : e));
    const d2 = discover(buildLog(slow, 't', { name: 'segment', of: kind }), { classAttribute: 'segment' });
    expect(step(d2.project, 'Serve').serviceByClass?.['business']).toEqual({ kind: 'constant', value: 20 });
    expect(step(d2.project, 'Serve').serviceByClass?.['private']).toEqual({ kind: 'constant', value: 10 });
    runnable(d2.project);
    const none = discover(buildLog(events, 't', { name: 'segment', of: kind }), { classAttribute: 'colour' });
    expect(none.project.classes).toHaveLength(1);
    expect(none.report.some((l) => l.topic === 'classes' && l.severity === 'warning')).toBe(true);
  });
});

describe('fitting, calendars, arrivals, names', () => {
  it('fits the family the data came from and falls back to the observed values', () => {
    const r = rng(5);
    const exp = Array.from({ length: 2000 }, () => -10 * Math.log(1 - r()));
    expect(fitDuration(exp).distribution.kind).toMatch(/exponential|gamma|weibull/);
    const uni = Array.from({ length: 2000 }, () => 5 + 10 * r());
    expect(fitDuration(uni).distribution.kind).toMatch(/uniform|triangular/);
    expect(fitDuration([7, 7, 7]).distribution).toEqual({ kind: 'constant', value: 7 });
    const twoPeaks = Array.from({ length: 2000 }, (_, i) => (i % 2 ? 1 : 100) + r());
    const f = fitDuration(twoPeaks);
    expect(f.distribution.kind).toBe('empirical');
    expect(f.bestDistance).toBeGreaterThan(0.1);
  });

  it('on-duty time skips nights and weekends', () => {
    const moments: number[] = [];
    for (let w = 0; w < 4; w++) for (let d = 0; d < 5; d++) for (let h = 9; h < 17; h++) for (let q = 0; q < 4; q++) moments.push(MONDAY + w * 7 * DAY + d * DAY + h * HOUR + q * 15 * MIN);
    const cal = discoverCalendar(moments, moments.map(() => 0), MONDAY, MONDAY + 28 * DAY, 0);
    expect(cal.hoursPerWeek).toBe(40);
    // Friday 16:00 → Monday 10:00 is 2 working hours.
    expect(onDutyBetween(cal, MONDAY + 4 * DAY + 16 * HOUR, MONDAY + 7 * DAY + 10 * HOUR)).toBe(2 * HOUR);
  });

  it('arrival multipliers keep the weekly volume', () => {
    const starts: number[] = [];
    for (let w = 0; w < 10; w++) for (let d = 0; d < 5; d++) for (let h = 8; h < 16; h++) starts.push(MONDAY + w * 7 * DAY + d * DAY + h * HOUR + 30 * MIN);
    const a = discoverArrivals(starts, 0);
    expect(a.ratePerHour * 168).toBeCloseTo(40, 0);
    expect(a.multipliers![8]).toBeCloseTo(168 / 40, 1);
    expect(a.multipliers![7]).toBe(0);
    expect(a.openHours).toBe(40);
  });

  it('a few cases a week on weekdays become a weekly volume the simulation keeps (10 a week in, 10 ± CI a week out)', () => {
    const events: RawEvent[] = [];
    let c = 0;
    for (let w = 0; w < 12; w++)
      for (let d = 0; d < 5; d++)
        for (const h of [10, 14]) {
          const t = MONDAY + w * 7 * DAY + d * DAY + h * HOUR;
          events.push({ caseId: `c${c++}`, activity: 'Handle', resource: 'Clerk-1', start: t, end: t + 20 * MIN });
        }
    const d = discover(buildLog(events));
    const src = flow(d.project).nodes.find((n) => n.kind === 'arrivals')!;
    expect(src.kind === 'arrivals' && src.arrivals.mode === 'rate' && src.arrivals.per).toBe('week');
    const weeks = 10;
    const p: Project = { ...d.project, run: { ...d.project.run, horizon: { kind: 'duration', duration: (weeks * 10080 * 60_000) / (MINUTES_PER_UNIT[d.project.timeUnit] * 60_000) } } };
    const perWeek = Array.from({ length: 12 }, (_, rep) => simulateReplication(p, p.scenarios[0]!.id, rep).overall.arrived / weeks);
    const m = perWeek.reduce((a, b) => a + b, 0) / perWeek.length;
    const sd = Math.sqrt(perWeek.reduce((a, b) => a + (b - m) ** 2, 0) / (perWeek.length - 1));
    const ci = 2.2 * (sd / Math.sqrt(perWeek.length)); // Student t, 11 degrees of freedom
    expect(Math.abs(m - 10), `${m} a week ± ${ci}`).toBeLessThanOrEqual(ci);
  });

  it('names groups after their common name', () => {
    expect(commonName(['Clerk-000001', 'Clerk-000002'])).toBe('Clerk');
    expect(commonName(['Ann', 'Bob'])).toBe('');
  });

  it('bad input: an empty log gets a clear message', () => {
    expect(() => discover(buildLog([]))).toThrow(/no events/);
  });

  it('discovered flows always load, check and simulate (random small processes)', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const acts = ['A', 'B', 'C', 'D', 'E'];
      const log = synthLog({
        cases: 200, gap: 15, seed,
        route: (r) => { const s: string[][] = []; for (const a of acts) if (r() < 0.7) s.push(r() < 0.2 ? [a, `${a}x`] : [a]); if (s.length === 0) s.push(['A']); return s; },
        duration: (_a, r) => 1 + 10 * r(),
        resources: (a) => [`${a[0]}-1`, `${a[0]}-2`],
      });
      const d = discover(log, { rarePaths: seed % 2 ? 0.01 : 0.1 });
      const nodes: FlowNode[] = flow(d.project).nodes;
      expect(nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
      for (const l of d.report) expect(l.message).not.toMatch(/NaN|Infinity|undefined/);
      runnable(d.project);
    }
  });
});

describe('large logs', () => {
  it('hundreds of activities, 130 resources, 40 % rework, end times only: valid, covering, quick', () => {
    const acts = Array.from({ length: 300 }, (_, i) => `Task ${i + 1}`);
    const log = synthLog({
      cases: 1500, gap: 5, endOnly: true, seed: 11,
      route: (r) => { const s: string[][] = []; let k = Math.floor(r() * 300); for (let j = 0; j < 6; j++) { k = (k + 1 + Math.floor(r() * 3)) % 300; s.push([acts[k]!]); while (r() < 0.4) s.push([acts[k]!]); } return s; },
      duration: (_a, r) => 1 + 20 * r(),
      resources: (a) => Array.from({ length: 4 }, (_, i) => `Person ${(acts.indexOf(a) * 7 + i * 31) % 130}`),
    });
    const t = performance.now();
    const d = discover(log);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(d.coverage).toBeGreaterThan(0.95);
    expect(flow(d.project).nodes.filter((n) => n.kind === 'step').length).toBe(300);
    expect(hasErrors(checkProject(d.project))).toBe(false);
  }, 60_000);
});

describe('thin logs', () => {
  it('no resource column: each activity gets a team as large as the most cases at once', () => {
    const events: RawEvent[] = [];
    for (let c = 0; c < 300; c++) {
      const t = MONDAY + c * 20 * MIN;
      events.push({ caseId: `c${c}`, activity: 'Sort', start: t, end: t + 50 * MIN }); // up to 3 at once
      events.push({ caseId: `c${c}`, activity: 'Ship', start: t + 50 * MIN, end: t + 55 * MIN });
    }
    const d = discover(buildLog(events));
    expect(step(d.project, 'Sort').staff).toBe(3);
    expect(step(d.project, 'Sort').shifts).toBeUndefined(); // round the clock
    expect(d.report.some((l) => l.topic === 'staff' && l.severity === 'warning')).toBe(true);
    runnable(d.project);
  });

  it('a single case still gives a valid project', () => {
    const d = discover(buildLog([{ caseId: 'x', activity: 'Only', resource: 'R', start: MONDAY, end: MONDAY + 5 * MIN }]));
    expect(hasErrors(checkProject(d.project))).toBe(false);
    for (const l of d.report) expect(l.message).not.toMatch(/NaN|Infinity|undefined/);
  });
});
