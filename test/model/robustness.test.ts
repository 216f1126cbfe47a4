// The loader never throws: any input is either accepted (and then simulates without throwing
// anything but a SimulationError) or rejected with messages that name a path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProject, loadProjectText } from '../../src/model';
import { checkScenario } from '../../src/engine/check';
import { simulateReplication } from '../../src/engine/simulate';
import { SimulationError } from '../../src/engine/types';
import { arbMutatedDocument, arbValidProject } from '../arbitraries';

function expectWellFormed(r: ReturnType<typeof loadProject>) {
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('loader robustness', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void expectWellFormed(loadProject(v))), { numRuns: 300, seed: 4 });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (t) => void expectWellFormed(loadProjectText(t))), { numRuns: 300, seed: 5 });
  });

  it('accepts valid projects', () => {
    fc.assert(
      fc.property(arbValidProject(), (p) => {
        const r = loadProject(JSON.parse(JSON.stringify(p)));
        expect(r.ok ? [] : r.problems).toEqual([]);
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it('mutated documents are rejected with paths, or accepted and then checked or simulated without crashing', () => {
    fc.assert(
      fc.property(arbMutatedDocument(), (doc) => {
        const r = loadProject(doc);
        expectWellFormed(r);
        if (!r.ok) return;
        const findings = checkScenario(r.project, 0);
        if (findings.some((f) => f.severity === 'error')) return;
        try {
          simulateReplication({ ...r.project, run: { ...r.project.run, maxEvents: 200_000 } }, r.project.scenarios[0]!.id, 0);
        } catch (err) {
          expect(err).toBeInstanceOf(SimulationError);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
