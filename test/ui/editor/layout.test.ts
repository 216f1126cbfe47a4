import { describe, expect, it } from 'vitest';
import { autoLayout, labelChars, placeNewNode } from '../../../src/ui/editor/layout';
import { computeLanes, laneAt, NODE_H, NODE_W } from '../../../src/ui/editor/lanes';
import { EXAMPLES } from '../../../src/model/examples';
import type { Position, Scenario } from '../../../src/model/schema';

const withPositions = (s: Scenario, moves: { id: string; position: Position }[]): Scenario => {
  const at = new Map(moves.map((m) => [m.id, m.position]));
  return { ...s, flow: { ...s.flow, nodes: s.flow.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) } };
};

const overlap = (a: Position, b: Position) => Math.abs(a.x - b.x) < NODE_W && Math.abs(a.y - b.y) < NODE_H;
const deptOf = (n: Scenario['flow']['nodes'][number]) => (n.kind === 'step' || n.kind === 'delay' ? n.departmentId : undefined);

describe('auto-layout', () => {
  for (const ex of EXAMPLES) {
    for (const scenario of ex.project.scenarios) {
      describe(`${ex.id} / ${scenario.name}`, () => {
        const moves = autoLayout(scenario);
        const laid = withPositions(scenario, moves);
        const pos = new Map(moves.map((m) => [m.id, m.position]));

        it('places every node exactly once, on whole pixels', () => {
          expect(moves.map((m) => m.id).sort()).toEqual(scenario.flow.nodes.map((n) => n.id).sort());
          for (const m of moves) expect(Number.isInteger(m.position.x) && Number.isInteger(m.position.y)).toBe(true);
        });

        it('never puts two nodes on top of each other', () => {
          for (let i = 0; i < moves.length; i++) for (let j = i + 1; j < moves.length; j++) expect(overlap(moves[i]!.position, moves[j]!.position), `${moves[i]!.id} / ${moves[j]!.id}`).toBe(false);
        });

        it('reads left to right: arrivals come first and exits last', () => {
          const xs = laid.flow.nodes.map((n) => pos.get(n.id)!.x);
          const minX = Math.min(...xs);
          const maxX = Math.max(...xs);
          for (const n of laid.flow.nodes.filter((x) => x.kind === 'arrivals')) expect(pos.get(n.id)!.x).toBe(minX);
          for (const n of laid.flow.nodes.filter((x) => x.kind === 'exit')) expect(pos.get(n.id)!.x).toBeGreaterThan((minX + maxX) / 2);
        });

        it('keeps each department in a band of its own: lanes do not overlap', () => {
          const lanes = computeLanes(laid);
          for (let i = 0; i < lanes.length; i++)
            for (let j = i + 1; j < lanes.length; j++) {
              const a = lanes[i]!;
              const b = lanes[j]!;
              const separate = a.y + a.height <= b.y || b.y + b.height <= a.y;
              expect(separate, `${a.name} / ${b.name}`).toBe(true);
            }
          // Every step sits in its own department's lane.
          for (const n of laid.flow.nodes) {
            const d = deptOf(n);
            if (!d) continue;
            const p = pos.get(n.id)!;
            expect(laneAt(lanes, p.x + NODE_W / 2, p.y + NODE_H / 2)?.departmentId).toBe(d);
          }
        });
      });
    }
  }
});

describe('department lanes', () => {
  const s = EXAMPLES[0]!.project.scenarios[0]!;

  it('one lane per department that has steps, around all of its members', () => {
    const lanes = computeLanes(s);
    const used = new Set(s.flow.nodes.map(deptOf).filter((d) => d !== undefined));
    expect(lanes.map((l) => l.departmentId).sort()).toEqual([...used].sort());
    for (const n of s.flow.nodes) {
      const d = deptOf(n);
      if (!d) continue;
      const l = lanes.find((x) => x.departmentId === d)!;
      expect(n.position.x).toBeGreaterThanOrEqual(l.x);
      expect(n.position.x + NODE_W).toBeLessThanOrEqual(l.x + l.width);
      expect(n.position.y).toBeGreaterThanOrEqual(l.y);
      expect(n.position.y + NODE_H).toBeLessThanOrEqual(l.y + l.height);
    }
  });

  it('a department without steps gets no lane; laneAt finds nothing outside every lane', () => {
    const extra: Scenario = { ...s, flow: { ...s.flow, departments: [...s.flow.departments, { id: 'empty', name: 'Empty', color: '#000000' }] } };
    expect(computeLanes(extra).some((l) => l.departmentId === 'empty')).toBe(false);
    expect(laneAt(computeLanes(s), -1e6, -1e6)).toBeUndefined();
  });
});

describe('the shipped examples, as drawn in their files', () => {
  for (const ex of EXAMPLES) {
    for (const scenario of ex.project.scenarios) {
      const key = `${ex.id}/${scenario.id}`;
      it(`${key}: department lanes do not overlap`, () => {
        const lanes = computeLanes(scenario);
        for (let i = 0; i < lanes.length; i++)
          for (let j = i + 1; j < lanes.length; j++) {
            const a = lanes[i]!;
            const b = lanes[j]!;
            expect(a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.name} / ${b.name}`).toBe(true);
          }
      });
    }
  }
});

describe('room for path labels and for new nodes', () => {
  it('leaves a gap as wide as its label between a node and the next one along a labelled path', () => {
    for (const ex of EXAMPLES) {
      for (const scenario of ex.project.scenarios) {
        const pos = new Map(autoLayout(scenario).map((m) => [m.id, m.position]));
        for (const e of scenario.flow.edges) {
          const chars = labelChars(scenario, e);
          const a = pos.get(e.source)!;
          const b = pos.get(e.target)!;
          if (chars === 0 || b.x <= a.x) continue; // no label, or a loop drawn under the nodes
          expect(b.x - (a.x + NODE_W), `${ex.id}/${scenario.id}: ${e.source} → ${e.target}`).toBeGreaterThanOrEqual(chars * 6.6 + 20);
        }
      }
    }
  });

  it('puts a new step in a free place inside the band of its department, never on another band', () => {
    const scenario = EXAMPLES.find((x) => x.id === 'loan')!.project.scenarios[0]!;
    const lanes = computeLanes(scenario);
    const credit = lanes.find((l) => l.departmentId === 'credit')!;
    const back = lanes.find((l) => l.departmentId !== 'credit' && l.y > credit.y - 400 && l.y < credit.y)!;
    // Aimed at the back office band, but the step belongs to the credit department.
    const aim = { x: back.x + 40, y: back.y + 40 };
    const placed = placeNewNode(scenario, 'step', aim, 'credit');
    expect(placed.departmentId).toBe('credit');
    const centre = { x: placed.position.x + NODE_W / 2, y: placed.position.y + NODE_H / 2 };
    expect(laneAt([credit], centre.x, centre.y)).toBeDefined();
    for (const n of scenario.flow.nodes) expect(overlap(n.position, placed.position), n.id).toBe(false);
    // Without a department given, the band under the point decides.
    const there = placeNewNode(scenario, 'delay', aim);
    expect(there.departmentId).toBe(back.departmentId);
    // A decision (no department) is placed free of the nodes.
    const d = placeNewNode(scenario, 'decision', scenario.flow.nodes[0]!.position);
    for (const n of scenario.flow.nodes) expect(overlap(n.position, d.position), n.id).toBe(false);
  });
});
