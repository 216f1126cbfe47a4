// A step connected back into itself is visible and checked, never silently doubled (issue 17).
import { describe, expect, it } from 'vitest';
import * as edits from '../../src/ui/store/edits';
import { checkScenario } from '../../src/engine/check';
import { trafficEquations } from '../../src/engine/traffic';
import { getExample } from '../../src/model/examples';

describe('a self-loop', () => {
  it('starts at a 10 % share (not 50/50), and the check names the step and how often it repeats', () => {
    const p0 = structuredClone(getExample('loan')!.project);
    const before = trafficEquations(p0, p0.scenarios[0]!).steps['intake']!.arrivalRate;
    const { project: p } = edits.connect(p0, 'baseline', 'intake', 'intake');
    const out = p.scenarios[0]!.flow.edges.filter((e) => e.source === 'intake');
    expect(out.map((e) => e.probability).sort()).toEqual([0.1, 0.9]);
    const after = trafficEquations(p, p.scenarios[0]!).steps['intake']!.arrivalRate;
    expect(after / before).toBeCloseTo(1 / 0.9, 6);
    const warning = checkScenario(p, 0).find((f) => f.message.includes('back to itself'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe('"Intake" is repeated on 10 % of visits (a connection from it back to itself): each customer is served there 1.11 times on average, which multiplies its work by as much.');
  });

  it('is an error when it takes every customer back (its only way out)', () => {
    let p = edits.emptyProject();
    const r = edits.addNode(p, 'baseline', 'step', { x: 240, y: 40 });
    p = edits.connect(r.project, 'baseline', 'arrivals', r.id).project;
    p = edits.connect(p, 'baseline', r.id, r.id).project;
    const errors = checkScenario(p, 0).filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.message.includes('sends every customer back into itself (100 %)'))).toBe(true);
  });
});
