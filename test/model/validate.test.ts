import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/model/validate';
import { edge, flowProject, poisson, step } from '../engine/helpers';

const exit = { id: 'x', kind: 'exit', name: 'Done' };
const messages = (p: ReturnType<typeof flowProject>) => validateScenario(p, 0).map((f) => `${f.severity}: ${f.message}`);

describe('validateScenario', () => {
  it('finds nothing wrong in a sound flow', () => {
    const p = flowProject({ nodes: [poisson('in', 0.1), step('Check', 1, 1), exit], edges: [edge('in', 'Check'), edge('Check', 'x')] });
    expect(validateScenario(p, 0)).toEqual([]);
  });

  it('checks parallel work: a sound split and join pass; a lonely split, a join without a split, shares on a split are reported or ignored', () => {
    const split = { id: 'sp', kind: 'split', name: 'Both checks' };
    const join = { id: 'j', kind: 'join', name: 'Both done' };
    const sound = flowProject({
      nodes: [poisson('in', 0.1), split, step('A', 1, 1), step('B', 1, 1), join, exit],
      edges: [edge('in', 'sp'), edge('sp', 'A'), edge('sp', 'B'), edge('A', 'j'), edge('B', 'j'), edge('j', 'x')],
    });
    expect(validateScenario(sound, 0)).toEqual([]);
    const noJoin = flowProject({ nodes: [poisson('in', 0.1), split, step('A', 1, 1), step('B', 1, 1), exit], edges: [edge('in', 'sp'), edge('sp', 'A'), edge('sp', 'B'), edge('A', 'x'), edge('B', 'x')] });
    expect(messages(noJoin)).toContain('warning: "Both checks" splits the work but no join follows it: each part goes its own way to an exit, and the case leaves when the last part does.');
    const lonelyJoin = flowProject({ nodes: [poisson('in', 0.1), step('A', 1, 1), step('B', 1, 1), join, exit], edges: [edge('in', 'A'), edge('A', 'B'), edge('A', 'j'), edge('B', 'j'), edge('j', 'x')].map((e) => (e.source === 'A' ? { ...e, probability: 0.5 } : e)) });
    expect(messages(lonelyJoin)).toContain('warning: No parallel split leads to "Both done": customers pass straight through it.');
    const single = flowProject({ nodes: [poisson('in', 0.1), split, step('A', 1, 1), join, exit], edges: [edge('in', 'sp'), edge('sp', 'A'), edge('A', 'j'), edge('j', 'x')] });
    expect(messages(single)).toEqual(
      expect.arrayContaining([expect.stringMatching(/"Both checks" is a parallel split with only one way out/), expect.stringMatching(/"Both done" is a join with one connection in/)]),
    );
  });

  it('needs arrivals and an exit', () => {
    const p = flowProject({ nodes: [step('Check', 1, 1)], edges: [] });
    const m = messages(p);
    expect(m).toContain('error: The flow has no arrivals: add where customers come in.');
    expect(m).toContain('error: The flow has no exit: add where customers leave.');
  });

  it('names a node that cannot be reached, with its JSON path', () => {
    const p = flowProject({ nodes: [poisson('in', 0.1), step('Check', 1, 1), step('Orphan', 1, 1), exit], edges: [edge('in', 'Check'), edge('Check', 'x'), edge('Orphan', 'x')] });
    const f = validateScenario(p, 0);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', nodeId: 'Orphan', path: 'scenarios[0].flow.nodes[2]' });
    expect(f[0]!.message).toBe('"Orphan" cannot be reached from any arrivals.');
  });

  it('finds a node with no outgoing connection and a node without a path to an exit', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.1), { id: 'split', kind: 'decision', name: 'Split' }, { ...step('dead', 1, 1), name: 'Dead end' }, exit],
      edges: [edge('in', 'split'), edge('split', 'dead', 0.5), edge('split', 'x', 0.5)],
    });
    expect(messages(p)).toContain('error: "Dead end" has no outgoing connection: customers would be stuck there.');
  });

  it('calls a loop with no way out by its name', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.1), step('A', 1, 1), step('B', 1, 1), exit],
      edges: [edge('in', 'A'), edge('A', 'B'), edge('B', 'A')],
    });
    expect(messages(p)).toContain('error: "A" is on a loop with no way out: customers would go round for ever.');
  });

  it('checks that shares of customers add up to 100 %', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.1), { id: 'd', kind: 'decision', name: 'Complete?' }, step('A', 1, 1), exit],
      edges: [edge('in', 'd'), edge('d', 'A', 0.5), edge('d', 'x', 0.3), edge('A', 'x')],
    });
    expect(messages(p)).toContain('error: The shares of customers leaving "Complete?" add up to 80 %, not 100 %.');
    const missing = flowProject({
      nodes: [poisson('in', 0.1), { id: 'd', kind: 'decision', name: 'Complete?' }, step('A', 1, 1), exit],
      edges: [edge('in', 'd'), edge('d', 'A'), edge('d', 'x', 0.3), edge('A', 'x')],
    });
    expect(messages(missing)[0]).toMatch(/give each a share of customers \(1 without one\)/);
  });

  it('reports zero staff on a step that receives customers', () => {
    const p = flowProject({ nodes: [poisson('in', 0.1), step('Check', 0, 1), exit], edges: [edge('in', 'Check'), edge('Check', 'x')] });
    expect(messages(p)).toContain('error: "Check" has no staff but receives customers.');
  });

  it('checks class routing covers every class exactly once', () => {
    const p = flowProject({
      classes: [
        { id: 'small', share: 1 },
        { id: 'large', share: 1 },
      ],
      nodes: [poisson('in', 0.1), { id: 'd', kind: 'decision', name: 'Size', mode: 'class' }, step('A', 1, 1), exit],
      edges: [
        edge('in', 'd'),
        { id: 'e1', source: 'd', target: 'A', classIds: ['small'] },
        { id: 'e2', source: 'd', target: 'x', classIds: ['small'] },
        edge('A', 'x'),
      ],
    });
    const m = messages(p);
    expect(m).toContain('error: "Size" sends customer class "small" along two connections.');
    expect(m).toContain('error: "Size" has no route for "large": route every class, or leave one connection without classes for the others.');
  });

  it('warns about a connection no customer takes', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.1), { id: 'd', kind: 'decision', name: 'Complete?' }, step('A', 1, 1), exit],
      edges: [edge('in', 'd'), edge('d', 'A', 0), edge('d', 'x', 1), edge('A', 'x')],
    });
    const f = validateScenario(p, 0);
    expect(f.find((x) => x.edgeId === 'd-A')?.severity).toBe('warning');
    // A only reachable through a 0 % connection: unreachable.
    expect(f.find((x) => x.nodeId === 'A')?.message).toMatch(/cannot be reached/);
  });

  it('refuses two "all other classes" routes on one decision', () => {
    const p = flowProject({
      classes: [
        { id: 'small', share: 1 },
        { id: 'large', share: 1 },
      ],
      nodes: [poisson('in', 0.1), { id: 'd', kind: 'decision', name: 'Size', mode: 'class' }, step('A', 1, 1), exit],
      edges: [edge('in', 'd'), { id: 'e1', source: 'd', target: 'A' }, { id: 'e2', source: 'd', target: 'x' }, edge('A', 'x')],
    });
    expect(messages(p)).toContain('error: "Size" has 2 connections for "all other classes": keep one, and tick classes on the others.');
  });

  it('refuses a time between arrivals that is always 0', () => {
    const p = flowProject({
      nodes: [{ id: 'in', kind: 'arrivals', name: 'Rush', arrivals: { mode: 'interarrival', distribution: { kind: 'constant', value: 0 } } }, step('A', 1, 1), exit],
      edges: [edge('in', 'A'), edge('A', 'x')],
    });
    expect(messages(p)).toContain('error: "Rush": a time between arrivals of 0 would bring infinitely many customers at once.');
  });

  it('refuses a system whose time between failures is always 0 (it would fail again at once, for ever)', () => {
    const p = flowProject({ nodes: [poisson('in', 0.1), step('Check', 1, 1), exit], edges: [edge('in', 'Check'), edge('Check', 'x')] });
    p.scenarios[0]!.flow.systems = [{ id: 'core', name: 'Core banking', timeBetweenFailures: { kind: 'constant', value: 0 }, timeToRepair: { kind: 'constant', value: 0 } }];
    const f = validateScenario(p, 0).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.path, x.message])).toEqual([['scenarios[0].flow.systems[0].timeBetweenFailures', 'The system "Core banking" would fail again the moment it is repaired: give it a time between failures above 0.']]);
  });

  it('loops are found in linear time: a rework loop is told apart from a dead end', () => {
    const p = flowProject({
      nodes: [poisson('in', 0.1), step('A', 1, 1), step('B', 1, 1), { id: 'd', kind: 'decision', name: 'Again?' }, exit],
      edges: [edge('in', 'A'), edge('A', 'B'), edge('B', 'd'), edge('d', 'A', 1), edge('d', 'x', 0)],
    });
    expect(messages(p)).toContain('error: "A" is on a loop with no way out: customers would go round for ever.');
  });
});
