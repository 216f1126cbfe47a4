import { describe, expect, it } from 'vitest';
import { trafficEquations } from '../../src/engine/traffic';
import { checkScenario } from '../../src/engine/check';
import { getExample } from '../../src/model/examples';
import { edge, flowProject, poisson, step } from './helpers';

const exit = { id: 'x', kind: 'exit', name: 'Done' };

describe('trafficEquations', () => {
  it('a rework loop with feedback p multiplies the visits by 1 / (1 − p)', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.2), step('s', 1, 2), { id: 'ok', kind: 'decision', name: 'OK?' }, exit],
      edges: [edge('in', 's'), edge('s', 'ok'), edge('ok', 's', 0.25), edge('ok', 'x', 0.75)],
    });
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.nodeRates.s).toBeCloseTo(0.2 / 0.75, 12);
    expect(t.steps.s!.utilization).toBeCloseTo((0.2 / 0.75) * 2, 12);
    expect(t.steps.s!.visitsPerCustomer).toBeCloseTo(1 / 0.75, 12);
    expect(t.nodeRates.x).toBeCloseTo(0.2, 12);
  });

  it('routes by class and weights service times by the classes that visit', () => {
    const p = flowProject({
      classes: [
        { id: 'small', share: 3 },
        { id: 'large', share: 1 },
      ],
      nodes: [
        poisson('in', 0.4),
        { id: 'd', kind: 'decision', name: 'Size', mode: 'class' },
        step('fast', 1, 1),
        { ...step('full', 2, 4), serviceByClass: { small: { kind: 'constant', value: 1 } } },
        exit,
      ],
      edges: [edge('in', 'd'), { id: 'a', source: 'd', target: 'fast', classIds: ['small'] }, { id: 'b', source: 'd', target: 'full' }, edge('fast', 'full'), edge('full', 'x')],
    });
    const t = trafficEquations(p, p.scenarios[0]!);
    expect(t.nodeRates.fast).toBeCloseTo(0.3, 12);
    expect(t.nodeRates.full).toBeCloseTo(0.4, 12);
    // full: 0.3/min small at 1 min + 0.1/min large at 4 min → mean 1.75 min, load 0.7.
    expect(t.steps.full!.meanService).toBeCloseTo(1.75, 12);
    expect(t.steps.full!.offeredLoad).toBeCloseTo(0.7, 12);
    expect(t.departments.d!.offeredLoad).toBeCloseTo(0.3 + 0.7, 12);
  });

  it('converts rates per hour into the project time unit and averages a schedule', () => {
    const p = flowProject({
      nodes: [
        { id: 'in', kind: 'arrivals', name: 'in', arrivals: { mode: 'rate', rate: 6, per: 'hour' }, schedule: { repeat: 'day', multipliers: Array.from({ length: 24 }, (_, h) => (h < 12 ? 2 : 0)) } },
        step('s', 1, 5),
        exit,
      ],
      edges: [edge('in', 's'), edge('s', 'x')],
    });
    expect(trafficEquations(p, p.scenarios[0]!).totalArrivalRate).toBeCloseTo(0.1, 12);
  });
});

describe('checkScenario (load check)', () => {
  it('reports an overloaded step as a warning that does not block the run, and a busy one as a warning', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.5), step('Busy', 1, 1.8), step('Overloaded', 2, 4.4), exit],
      edges: [edge('in', 'Busy'), edge('Busy', 'Overloaded'), edge('Overloaded', 'x')],
    });
    const f = checkScenario(p, 0);
    expect(f.find((x) => x.nodeId === 'Busy')).toMatchObject({ severity: 'warning' });
    expect(f.find((x) => x.nodeId === 'Overloaded')).toMatchObject({ severity: 'warning' });
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f.find((x) => x.nodeId === 'Overloaded')!.message).toMatch(/needs 2\.2 staff on average and it has 2 \(110 %\)/);
  });

  it('says by how much capacity falls short: λ = 1.2 a minute at one person taking 1 minute → 0.2 a minute = 12 an hour = 288 a day', () => {
    const p = flowProject({ nodes: [poisson('in', 1.2), step('Desk', 1, 1), exit], edges: [edge('in', 'Desk'), edge('Desk', 'x')] });
    const f = checkScenario(p, 0);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toBe(
      '"Desk" is overloaded: its work needs 1.2 staff on average and it has 1 (120 %) — about 12 more customers an hour (288 a day) arrive than it can serve, so its queue will keep growing for as long as the run lasts.',
    );
    // A process counted in hours gives the figure per day: λ = 3 an hour, 1 person at 0.5 h → 1 an hour short = 24 a day.
    const h = flowProject({ nodes: [{ ...poisson('in', 3), arrivals: { mode: 'rate', rate: 3, per: 'hour' } }, step('Desk', 1, 0.5), exit], edges: [edge('in', 'Desk'), edge('Desk', 'x')] });
    h.timeUnit = 'hours';
    expect(checkScenario(h, 0)[0]!.message).toMatch(/about 24 more customers a day arrive than it can serve/);
  });

  it('an overloaded step whose customers give up is a warning, not an error', () => {
    const p = flowProject({
      nodes: [poisson('in', 1), { ...step('Calls', 1, 2), patience: { kind: 'exponential', mean: 1 } }, exit],
      edges: [edge('in', 'Calls'), edge('Calls', 'x')],
    });
    expect(checkScenario(p, 0).map((f) => f.severity)).toEqual(['warning']);
  });

  it('the shipped loan example has no errors in any scenario', () => {
    const p = getExample('loan')!.project;
    p.scenarios.forEach((_, i) => expect(checkScenario(p, i).filter((f) => f.severity === 'error')).toEqual([]));
  });
});
