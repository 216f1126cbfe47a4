import { describe, expect, it } from 'vitest';
import { getExample } from '../../../src/model/examples';
import { loadProject } from '../../../src/model/load';
import { fastLane, mergeSteps, setStaff } from '../../../src/model/moves';
import { NODE_H, NODE_W } from '../../../src/ui/editor/lanes';
import * as edits from '../../../src/ui/store/edits';

const loan = () => structuredClone(getExample('loan')!.project);

describe('applying a move', () => {
  it('on the baseline creates a named proposal with the move in its list, and leaves the baseline alone', () => {
    const p = loan();
    const ctx = { classes: p.classes, timeUnit: p.timeUnit };
    const r = edits.applyMove(p, 'baseline', (f) => mergeSteps(f, ['credit-analysis', 'risk-approval'], { project: p }), 'Merge credit and risk');
    if (!r.ok) throw new Error(r.message);
    expect(r.project.scenarios).toHaveLength(p.scenarios.length + 1);
    const created = r.project.scenarios.find((s) => s.id === r.scenarioId)!;
    expect(created).toMatchObject({ kind: 'proposal', name: 'Merge credit and risk' });
    expect(created.moves).toHaveLength(1);
    expect(created.moves![0]).toMatch(/^Merged "Credit analysis" and "Risk approval"/);
    expect(r.project.scenarios[0]).toEqual(p.scenarios[0]);
    expect(loadProject(JSON.parse(JSON.stringify(r.project))).ok).toBe(true);
  });

  it('on a proposal changes it and adds to its moves; a refused move changes nothing', () => {
    const p = loan();
    const proposal = p.scenarios.find((s) => s.kind === 'proposal')!;
    const step = proposal.flow.nodes.find((n) => n.kind === 'step')!;
    const r = edits.applyMove(p, proposal.id, (f) => setStaff(f, [{ stepId: step.id, staff: (step.kind === 'step' ? step.staff : 0) + 2 }]), 'ignored');
    if (!r.ok) throw new Error(r.message);
    expect(r.scenarioId).toBe(proposal.id);
    expect(r.project.scenarios).toHaveLength(p.scenarios.length);
    expect(r.project.scenarios.find((s) => s.id === proposal.id)!.moves).toEqual([expect.stringMatching(/^Staff changed: /)]);
    const refused = edits.applyMove(p, proposal.id, (f) => mergeSteps(f, [step.id], { project: p }), 'x');
    expect(refused).toEqual({ ok: false, message: 'Choose at least two steps to merge.' });
  });

  it('lays the flow out again when a move adds nodes, so nothing is stacked on the old ones', () => {
    const p = loan();
    const ctx = { classes: p.classes, timeUnit: p.timeUnit };
    const r = edits.applyMove(p, 'baseline', (f) => ({ ...mergeSteps(f, ['credit-analysis', 'risk-approval'], { project: p }) }), 'm');
    if (!r.ok) throw new Error(r.message);
    const same = r.project.scenarios.find((s) => s.id === r.scenarioId)!;
    // Merging adds nothing: the user's positions are kept.
    for (const n of same.flow.nodes) expect(n.position).toEqual(p.scenarios[0]!.flow.nodes.find((x) => x.id === n.id)!.position);
  });

  it('a move that adds nodes lays the proposal out again without overlaps', () => {
    const p = loan();
    const ctx = { classes: p.classes, timeUnit: p.timeUnit };
    const r = edits.applyMove(p, 'baseline', (f) => fastLane(f, 'credit-analysis', { share: 0.3, staff: 1, project: p }), 'Fast lane');
    if (!r.ok) throw new Error(r.message);
    const nodes = r.project.scenarios.find((s) => s.id === r.scenarioId)!.flow.nodes;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!.position;
        const b = nodes[j]!.position;
        expect(Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H, `${nodes[i]!.id} overlaps ${nodes[j]!.id}`).toBe(true);
      }
  });
});
