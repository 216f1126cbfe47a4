import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../../src/model/diff';
import type { FlowNode, Scenario } from '../../src/model/schema';
import { getExample } from '../../src/model/examples';

function baseline(): Scenario {
  return {
    id: 'baseline',
    name: 'Today',
    kind: 'baseline',
    flow: {
      departments: [
        { id: 'front', name: 'Front office', color: '#4e79a7' },
        { id: 'back', name: 'Back office', color: '#f28e2b' },
      ],
      nodes: [
        { id: 'in', kind: 'arrivals', name: 'Customers arrive', position: { x: 0, y: 0 }, arrivals: { mode: 'rate', rate: 10, per: 'hour' } },
        { id: 'intake', kind: 'step', name: 'Intake', position: { x: 200, y: 0 }, departmentId: 'front', staff: 2, service: { kind: 'exponential', mean: 5 }, discipline: 'fifo' },
        { id: 'check', kind: 'step', name: 'Check', position: { x: 400, y: 0 }, departmentId: 'back', staff: 3, service: { kind: 'lognormal', mean: 20, sd: 10 }, discipline: 'fifo' },
        { id: 'mail', kind: 'delay', name: 'Mail', position: { x: 500, y: 0 }, departmentId: 'back', duration: { kind: 'constant', value: 60 } },
        { id: 'ok', kind: 'decision', name: 'Complete?', position: { x: 600, y: 0 }, mode: 'probability' },
        { id: 'out', kind: 'exit', name: 'Done', position: { x: 800, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'intake' },
        { id: 'e2', source: 'intake', target: 'check' },
        { id: 'e3', source: 'check', target: 'mail' },
        { id: 'e4', source: 'mail', target: 'ok' },
        { id: 'e5', source: 'ok', target: 'out', probability: 0.8 },
        { id: 'e6', source: 'ok', target: 'intake', probability: 0.2 },
      ],
    },
  };
}

const proposalOf = (f: (s: Scenario) => void): Scenario => {
  const s = structuredClone(baseline());
  s.id = 'proposal';
  s.kind = 'proposal';
  s.name = 'Proposal';
  f(s);
  return s;
};

const step = (s: Scenario, id: string) => {
  const n = s.flow.nodes.find((x) => x.id === id);
  if (n?.kind !== 'step') throw new Error(`${id} is not a step`);
  return n;
};
const texts = (b: Scenario, p: Scenario) => diffScenarios(b, p).map((c) => c.text);

describe('diffScenarios: what a proposal changes against the baseline', () => {
  it('finds nothing in an unchanged copy, whatever its id and name', () => {
    expect(diffScenarios(baseline(), proposalOf(() => {}))).toEqual([]);
  });

  it('ignores positions: moving a step on the canvas changes nothing in the process', () => {
    expect(diffScenarios(baseline(), proposalOf((s) => (step(s, 'check').position = { x: 9, y: 900 })))).toEqual([]);
  });

  it('reports a staff change with the numbers before and after, tied to the step', () => {
    expect(diffScenarios(baseline(), proposalOf((s) => (step(s, 'check').staff = 5)))).toEqual([{ kind: 'staff', nodeId: 'check', text: 'Check: staff 3 → 5' }]);
  });

  it('reports a service-time change, with the means when they differ', () => {
    const faster = diffScenarios(baseline(), proposalOf((s) => (step(s, 'check').service = { kind: 'lognormal', mean: 12, sd: 10 })));
    expect(faster).toEqual([{ kind: 'time', nodeId: 'check', text: 'Check: service time changed (mean 20 → 12)' }]);
    const sameMean = diffScenarios(baseline(), proposalOf((s) => (step(s, 'check').service = { kind: 'gamma', mean: 20, sd: 10 })));
    expect(sameMean).toEqual([{ kind: 'time', nodeId: 'check', text: 'Check: service time changed' }]);
  });

  it('reports a changed delay duration', () => {
    const changes = diffScenarios(
      baseline(),
      proposalOf((s) => {
        const mail = s.flow.nodes.find((n) => n.id === 'mail') as FlowNode & { kind: 'delay' };
        mail.duration = { kind: 'constant', value: 5 };
      }),
    );
    expect(changes).toEqual([{ kind: 'time', nodeId: 'mail', text: 'Mail: duration changed' }]);
  });

  it('reports added and removed steps once; the connections of a new step are not listed, the rerouting into it is', () => {
    const changes = diffScenarios(
      baseline(),
      proposalOf((s) => {
        s.flow.nodes = s.flow.nodes.filter((n) => n.id !== 'check');
        s.flow.nodes.push({ id: 'triage', kind: 'step', name: 'Triage', position: { x: 0, y: 0 }, departmentId: 'front', staff: 1, service: { kind: 'constant', value: 2 }, discipline: 'fifo' });
        s.flow.edges = s.flow.edges.filter((e) => e.source !== 'check' && e.target !== 'check');
        s.flow.edges.push({ id: 'x0', source: 'intake', target: 'triage' }, { id: 'x1', source: 'triage', target: 'mail' });
      }),
    );
    expect(changes.map((c) => [c.kind, c.nodeId, c.text])).toEqual([
      ['added', 'triage', 'New step: Triage (1 staff, Front office)'],
      ['removed', 'check', 'Removed step: Check'],
      ['routing', 'intake', 'Routing out of Intake changed'],
    ]);
  });

  it('reports a routing change once per node whose ways out changed', () => {
    const shares = diffScenarios(
      baseline(),
      proposalOf((s) => {
        s.flow.edges[4]!.probability = 0.9;
        s.flow.edges[5]!.probability = 0.1;
      }),
    );
    expect(shares).toEqual([{ kind: 'routing', nodeId: 'ok', text: 'Routing out of Complete? changed' }]);
    const rewired = texts(
      baseline(),
      proposalOf((s) => {
        s.flow.edges = s.flow.edges.filter((e) => e.id !== 'e2');
        s.flow.edges.push({ id: 'skip', source: 'intake', target: 'mail' });
      }),
    );
    expect(rewired).toEqual(['Routing out of Intake changed']);
  });

  it('matches connections by their ends: a re-drawn connection with a new id is no change', () => {
    expect(diffScenarios(baseline(), proposalOf((s) => (s.flow.edges[1]!.id = 'redrawn')))).toEqual([]);
  });

  it('reports a step moved to another department by the department names', () => {
    expect(texts(baseline(), proposalOf((s) => (step(s, 'check').departmentId = 'front')))).toEqual(['Check moved from Back office to Front office']);
  });

  it('uses the proposal’s department names for where a step moved to', () => {
    const changes = texts(
      baseline(),
      proposalOf((s) => {
        s.flow.departments.push({ id: 'desk', name: 'Service desk', color: '#59a14f' });
        step(s, 'intake').departmentId = 'desk';
      }),
    );
    expect(changes).toEqual(['Intake moved from Front office to Service desk']);
  });

  it('reports renamed steps, queue order, waiting places, patience and arrivals in plain words', () => {
    const changes = texts(
      baseline(),
      proposalOf((s) => {
        const a = s.flow.nodes[0]!;
        if (a.kind === 'arrivals') a.arrivals = { mode: 'rate', rate: 12, per: 'hour' };
        const intake = step(s, 'intake');
        intake.name = 'Reception';
        intake.discipline = 'priority';
        intake.capacity = 10;
        intake.patience = { kind: 'exponential', mean: 15 };
      }),
    );
    expect(changes).toEqual([
      'Customers arrive: arrivals changed',
      '"Intake" renamed to "Reception"',
      'Reception: queue now by class priority',
      'Reception: waiting places unlimited → 10',
      "Reception: customers' patience changed",
    ]);
  });

  it('the new name is used for every later change of a renamed step', () => {
    const changes = texts(
      baseline(),
      proposalOf((s) => {
        step(s, 'check').name = 'Verification';
        step(s, 'check').staff = 4;
      }),
    );
    expect(changes).toEqual(['"Check" renamed to "Verification"', 'Verification: staff 3 → 4']);
  });

  it('the shipped loan proposal has changes, each readable and each tied to a node of either scenario', () => {
    const p = getExample('loan')!.project;
    const base = p.scenarios.find((s) => s.kind === 'baseline')!;
    const prop = p.scenarios.find((s) => s.kind === 'proposal')!;
    const changes = diffScenarios(base, prop);
    expect(changes.length).toBeGreaterThan(0);
    const ids = new Set([...base.flow.nodes, ...prop.flow.nodes].map((n) => n.id));
    for (const c of changes) {
      expect(c.text).not.toMatch(/undefined|NaN|\[object/);
      if (c.nodeId !== undefined) expect(ids.has(c.nodeId)).toBe(true);
    }
    expect(diffScenarios(base, base)).toEqual([]);
  });
});

describe('what changed: pools, shifts, learning and systems', () => {
  it('names the staff pool, the learning curve and the system of the loan proposal', async () => {
    const { getExample } = await import('../../src/model/examples');
    const { diffScenarios } = await import('../../src/model/diff');
    const p = getExample('loan')!.project;
    const texts = diffScenarios(p.scenarios[0]!, p.scenarios[1]!).map((c) => c.text);
    expect(texts).toContain('New staff pool "Cross-trained credit team": 6 cross-trained people');
    expect(texts).toContain('Credit analysis: now served by the staff pool "Cross-trained credit team" (6 people)');
    expect(texts.some((t) => /^Advisor: intake with document check: staff still learning — 30 % slower at first/.test(t))).toBe(true);
    expect(texts.some((t) => /^New system "New loan system" that can fail \(about every 4320 time units/.test(t))).toBe(true);
    expect(texts.some((t) => /needs "New loan system" \(stops during outages\)/.test(t))).toBe(true);
  });
});
