import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSteps, removeStep } from '../../../src/model/moves';
import { FORMAT_VERSION, Project as ProjectSchema, type Project } from '../../../src/model/schema';
import { arbValidProject } from '../../arbitraries';
import { baseFlow, common, example, exitRate, expectSameRates, expectUntouchedStable, nodeOf, ok, withFlow } from './support';

type NodeIn = Record<string, unknown>;
function project(nodes: NodeIn[], edges: NodeIn[], classes = [{ id: 'c', name: 'Customer', share: 1 }]): Project {
  return ProjectSchema.parse({
    formatVersion: FORMAT_VERSION,
    name: 'small',
    classes,
    run: { horizon: { kind: 'duration', duration: 1000 }, replications: { kind: 'fixed', count: 1 }, seed: 1 },
    scenarios: [{ id: 'base', name: 'Base', kind: 'baseline', flow: { departments: [{ id: 'd', name: 'Dept' }], nodes, edges } }],
  });
}
const step = (id: string, name = id): NodeIn => ({ id, kind: 'step', name, departmentId: 'd', staff: 3, service: { kind: 'exponential', mean: 1 } });
const arrivals: NodeIn = { id: 'in', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 0.2, per: 'minute' } };
const exit: NodeIn = { id: 'out', kind: 'exit', name: 'Done' };

describe('moves on parallel work', () => {
  const parallel = () =>
    project(
      [arrivals, step('a'), { id: 'split', kind: 'split', name: 'Both' }, step('b'), step('c'), { id: 'join', kind: 'join', name: 'Both done' }, exit],
      [
        { id: 'e1', source: 'in', target: 'a' },
        { id: 'e2', source: 'a', target: 'split' },
        { id: 'e3', source: 'split', target: 'b' },
        { id: 'e4', source: 'split', target: 'c' },
        { id: 'e5', source: 'b', target: 'join' },
        { id: 'e6', source: 'c', target: 'join' },
        { id: 'e7', source: 'join', target: 'out' },
      ],
    );

  it('removing a step on a parallel path joins the split to what followed, without shares, and keeps the traffic', () => {
    const p = parallel();
    const flow = baseFlow(p);
    const r = ok(removeStep(flow, 'b'));
    const out = r.flow.edges.filter((e) => e.source === 'split');
    expect(out.map((e) => e.target).sort()).toEqual(['c', 'join']);
    for (const e of out) expect(e.probability).toBeUndefined();
    expect(exitRate(withFlow(p, r.flow))).toBeCloseTo(exitRate(withFlow(p, flow)), 9);
    expectSameRates(withFlow(p, flow), withFlow(p, r.flow), ['a', 'c']);
  });

  it('merging a step on a parallel path is refused with a reason; the steps outside can still be merged', () => {
    const flow = baseFlow(parallel());
    const r = mergeSteps(flow, ['a', 'b']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/"b" is part of parallel work/);
  });
});

describe('removeStep', () => {
  it('a handoff delay: its predecessor goes straight to its successor, keeping the connection id', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(removeStep(flow, 'mail-to-back'));
    const after = withFlow(p, r.flow, { loadCheck: true });
    expect(nodeOf(r.flow, 'mail-to-back')).toBeUndefined();
    expect(r.flow.edges.find((e) => e.id === 'intake--mail-to-back')).toMatchObject({ source: 'intake', target: 'document-check' });
    expectSameRates(before, after, common(flow, r.flow));
    expectUntouchedStable(flow, r);
    expect(r.touched).toEqual(['intake']);
    expect(r.description).toContain('"Internal mail to back office"');
    expect(r.description).toContain('"Document check"');
  });

  it('a step that two nodes lead into: each now leads to its successor, and the flow into it is unchanged', () => {
    const p = example('loan');
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(removeStep(flow, 'document-check'));
    const after = withFlow(p, r.flow, { loadCheck: true });
    expect(r.flow.edges.filter((e) => e.target === 'documents-complete').map((e) => e.source).sort()).toEqual(['await-documents', 'mail-to-back']);
    expectSameRates(before, after, common(flow, r.flow));
    expect(exitRate(after)).toBeCloseTo(exitRate(before), 12);
  });

  it('shares multiply, the loop on the removed step is renormalised away, and parallel connections are joined', () => {
    const p = project(
      [arrivals, { id: 'split', kind: 'decision', name: 'Split' }, step('s', 'Sorting'), step('x', 'X'), step('y', 'Y'), exit],
      [
        { id: 'a', source: 'in', target: 'split' },
        { id: 'b', source: 'split', target: 's', probability: 0.3 },
        { id: 'c', source: 'split', target: 'x', probability: 0.7 },
        { id: 'd', source: 's', target: 's', probability: 0.2 },
        { id: 'e', source: 's', target: 'x', probability: 0.3 },
        { id: 'f', source: 's', target: 'y', probability: 0.5 },
        { id: 'g', source: 'x', target: 'out' },
        { id: 'h', source: 'y', target: 'out' },
      ],
    );
    const flow = baseFlow(p);
    const before = withFlow(p, flow);
    const r = ok(removeStep(flow, 's'));
    const after = withFlow(p, r.flow);
    const fromSplit = r.flow.edges.filter((e) => e.source === 'split');
    expect(fromSplit.map((e) => e.target).sort()).toEqual(['x', 'y']);
    expect(fromSplit.find((e) => e.target === 'x')!.probability).toBeCloseTo(0.7 + (0.3 * 0.3) / 0.8, 12);
    expect(fromSplit.find((e) => e.target === 'y')!.probability).toBeCloseTo((0.3 * 0.5) / 0.8, 12);
    expectSameRates(before, after, ['x', 'y', 'out'], 12);
  });

  it('a decision by class keeps routing by class: one way on is a new target, several ways on go through a decision by shares', () => {
    const classes = [
      { id: 'small', name: 'Small', share: 3 },
      { id: 'big', name: 'Big', share: 1 },
    ];
    const nodes = [arrivals, { id: 'kind', kind: 'decision', name: 'Kind', mode: 'class' }, step('s', 'Special desk'), step('x', 'X'), step('y', 'Y'), exit];
    const single = project(
      nodes,
      [
        { id: 'a', source: 'in', target: 'kind' },
        { id: 'b', source: 'kind', target: 's', classIds: ['big'] },
        { id: 'c', source: 'kind', target: 'x' },
        { id: 'd', source: 's', target: 'y' },
        { id: 'g', source: 'x', target: 'out' },
        { id: 'h', source: 'y', target: 'out' },
      ],
      classes,
    );
    const r1 = ok(removeStep(baseFlow(single), 's'));
    expect(r1.flow.edges.find((e) => e.id === 'b')).toMatchObject({ source: 'kind', target: 'y', classIds: ['big'] });
    expectSameRates(withFlow(single, baseFlow(single)), withFlow(single, r1.flow), ['x', 'y', 'out'], 12);

    const several = project(
      nodes,
      [
        { id: 'a', source: 'in', target: 'kind' },
        { id: 'b', source: 'kind', target: 's', classIds: ['big'] },
        { id: 'c', source: 'kind', target: 'x' },
        { id: 'd', source: 's', target: 'y', probability: 0.4 },
        { id: 'e', source: 's', target: 'x', probability: 0.6 },
        { id: 'g', source: 'x', target: 'out' },
        { id: 'h', source: 'y', target: 'out' },
      ],
      classes,
    );
    const r2 = ok(removeStep(baseFlow(several), 's', { project: several }));
    const after = withFlow(several, r2.flow);
    const splitId = r2.flow.edges.find((e) => e.id === 'b')!.target;
    const split = nodeOf(r2.flow, splitId);
    expect(split).toMatchObject({ kind: 'decision', mode: 'probability' });
    expect(r2.touched).toContain(splitId);
    expectSameRates(withFlow(several, baseFlow(several)), after, ['x', 'y', 'out'], 12);
  });

  it('refuses what is not a step or a delay, and a step customers cannot leave', () => {
    const flow = baseFlow(example('loan'));
    expect(removeStep(flow, 'documents-complete').ok).toBe(false);
    expect(removeStep(flow, 'decided').ok).toBe(false);
    expect(removeStep(flow, 'nowhere').ok).toBe(false);
  });

  it('property: on random flows, removing any step or delay keeps the flow valid and the traffic everywhere else', () => {
    fc.assert(
      fc.property(arbValidProject(), fc.nat(), (p, i) => {
        const flow = baseFlow(p);
        const candidates = flow.nodes.filter((n) => n.kind === 'step' || n.kind === 'delay');
        const target = candidates[i % candidates.length]!;
        const before = withFlow(p, flow);
        const r = ok(removeStep(flow, target.id));
        const after = withFlow(p, r.flow);
        expect(nodeOf(r.flow, target.id)).toBeUndefined();
        expect(exitRate(after)).toBeCloseTo(exitRate(before), 9);
        // A decision both before and after the node would loop on itself; that loop is taken out
        // (it takes no time), so only its own count of passes changes.
        const preds = flow.edges.filter((e) => e.target === target.id).map((e) => e.source);
        const looping = flow.edges.filter((e) => e.source === target.id && preds.includes(e.target) && nodeOf(flow, e.target)?.kind === 'decision').map((e) => e.target);
        expectSameRates(before, after, common(flow, r.flow, looping), 8);
        expectUntouchedStable(flow, r);
      }),
      { numRuns: 200 },
    );
  });
});
