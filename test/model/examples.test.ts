import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE_ID, EXAMPLES, getExample } from '../../src/model/examples';
import { loadProject } from '../../src/model';
import { checkScenario } from '../../src/engine/check';
import { runExperiment, withOverrides } from '../../src/engine/experiment';
import loan from '../../src/model/examples/loan.json';
import contactCentre from '../../src/model/examples/contact-centre.json';
import repair from '../../src/model/examples/repair.json';
import mortgage from '../../src/model/examples/mortgage.json';

describe('shipped examples', () => {
  it('the loan application is the default', () => {
    expect(DEFAULT_EXAMPLE_ID).toBe('loan');
    expect(getExample(DEFAULT_EXAMPLE_ID)!.project.name).toBe('Bank loan application');
    expect(EXAMPLES.map((e) => e.id)).toEqual(['loan', 'contact-centre', 'repair', 'mortgage']);
  });

  for (const [id, json] of Object.entries({ loan, 'contact-centre': contactCentre, repair, mortgage })) {
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
});
