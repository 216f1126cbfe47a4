import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../../src/ui/editor/layout';
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
