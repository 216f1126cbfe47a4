import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE_ID, EXAMPLES, getExample } from '../../src/model/examples';
import { loadProject } from '../../src/model';
import { checkScenario } from '../../src/engine/check';
import { runExperiment, withOverrides } from '../../src/engine/experiment';
import loan from '../../src/model/examples/loan.json';
import contactCentre from '../../src/model/examples/contact-centre.json';
import repair from '../../src/model/examples/repair.json';
import mortgage from '../../src/model/examples/mortgage.json';
import claims from '../../src/model/examples/claims.json';
import { trafficEquations } from '../../src/engine/traffic';
import { rankBottlenecks } from '../../src/engine/bottleneck';

describe('shipped examples', () => {
  it('the loan application is the default', () => {
    expect(DEFAULT_EXAMPLE_ID).toBe('loan');
    expect(getExample(DEFAULT_EXAMPLE_ID)!.project.name).toBe('Bank loan application');
    expect(EXAMPLES.map((e) => e.id)).toEqual(['loan', 'contact-centre', 'repair', 'mortgage', 'claims']);
  });

  for (const [id, json] of Object.entries({ loan, 'contact-centre': contactCentre, repair, mortgage, claims })) {
    describe(id, () => {
      it('loads without problems and has a baseline and a proposal', () => {
        const r = loadProject(json);
        expect(r.ok ? [] : r.problems).toEqual([]);
        const kinds = getExample(id)!.project.scenarios.map((s) => s.kind);
        expect(kinds).toContain('baseline');
        expect(kinds).toContain('proposal');
      });

      it('has no errors in any scenario and shares step ids between baseline and proposal', () => {
        const p = getExample(id)!.project;
        p.scenarios.forEach((_, i) => expect(checkScenario(p, i).filter((f) => f.severity === 'error')).toEqual([]));
        const ids = p.scenarios.map((s) => new Set(s.flow.nodes.filter((n) => n.kind === 'step').map((n) => n.id)));
        const shared = [...ids[0]!].filter((x) => ids[1]!.has(x));
        expect(shared.length).toBeGreaterThan(0);
      });

      it('the proposal significantly lowers mean total time', () => {
        const p = withOverrides(getExample(id)!.project, { replications: 5 });
        const doc = runExperiment(p);
        const c = doc.comparisons[0]!.overall.find((m) => m.metric === 'timeInSystem.mean')!;
        expect(c.significant).toBe(true);
        expect(c.difference.mean).toBeLessThan(0);
      });
    });
  }

  describe('claims (calendars)', () => {
    const p = getExample('claims')!.project;
    it('uses named calendars, a volume per day and a start date', () => {
      expect(p.run.start).toBe('2027-03-01T00:00');
      expect(p.calendars!.map((c) => c.id)).toEqual(['office', 'claims-desk']);
      for (const s of p.scenarios) {
        const arrivals = s.flow.nodes.find((n) => n.kind === 'arrivals')!;
        expect(arrivals.kind === 'arrivals' && arrivals.arrivals.mode === 'rate' && arrivals.arrivals.per).toBe('day');
        for (const n of s.flow.nodes) if (n.kind === 'step' || n.kind === 'arrivals') expect(n.calendarId, n.name).toBeDefined();
      }
    });

    it('runs in about a second; Assessment waits overnight and the pre-run estimate is near the simulated wait', () => {
      const t = performance.now();
      const doc = runExperiment(p);
      expect(performance.now() - t).toBeLessThan(6000); // ~1 s alone; generous for a shared machine
      const today = doc.scenarios[0]!;
      expect(rankBottlenecks(today).statement).toMatch(/^Assessment: .*most of this waiting \(\d+ %\) is overnight or at weekends/);
      const est = trafficEquations(p, p.scenarios[0]!).steps.assessment!;
      const sim = today.steps.assessment!.waitingTime.mean;
      expect(Math.abs(est.approxWaitMMc / sim - 1), `estimate ${est.approxWaitMMc} min, simulated ${sim} min`).toBeLessThan(0.25);
      // The volume: 40 claims a working day (Good Friday and Easter Monday closed, within the run).
      expect(est.week!.openHours).toBe(40);
    });
  });
});
