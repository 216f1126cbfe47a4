import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { simulateReplication } from '../../src/engine/simulate';
import { watchTask, type WatchEnd } from '../../src/worker/task';
import { Playback } from '../../src/ui/watch/playback';
import type { Project } from '../../src/model/schema';

function watched(project: Project, scenarioId: string, maxEvents?: number) {
  const batches: Float64Array[] = [];
  let end: WatchEnd | undefined;
  watchTask(project, scenarioId, 0, (b, e) => (batches.push(b), (end = e)), maxEvents);
  return { batches, end: end! };
}

const examples = ['loan', 'contact-centre', 'repair', 'mortgage'].map((id) => getExample(id)!.project);

describe('watching a run', () => {
  it('tracing does not change the results', () => {
    for (const p of examples)
      for (const s of p.scenarios) {
        const plain = simulateReplication(p, s.id, 0);
        let events = 0;
        const traced = simulateReplication(p, s.id, 0, { trace: () => void events++ });
        expect(JSON.stringify(traced)).toBe(JSON.stringify(plain));
        expect(events).toBeGreaterThan(plain.overall.arrived);
      }
  });

  it('the replayed counts agree with the engine at every moment and at the end', () => {
    for (const p of examples)
      for (const s of p.scenarios) {
        const r = simulateReplication(p, s.id, 0);
        const { batches, end } = watched(p, s.id);
        expect(end).toMatchObject({ ok: true, truncated: false, endTime: r.windowEnd });
        expect(batches.slice(0, -1).every((b) => b.length === 4096 * 6)).toBe(true);
        const nodes = s.flow.nodes;
        const play = new Playback(
          nodes.map((n) => n.kind),
          p.classes.length,
        );
        for (const b of batches) play.push(b);
        play.finish(end.endTime);
        expect(play.horizon).toBe(r.windowEnd);
        // Step through the run in 200 slices: nothing negative, never more busy than staff.
        let sawParallel = false;
        for (let k = 1; k <= 200; k++) {
          play.advance((play.horizon * k) / 200);
          let inNodes = 0;
          nodes.forEach((n, i) => {
            expect(play.waiting[i]).toBeGreaterThanOrEqual(0);
            expect(play.waitingClasses(i).reduce((a, x) => a + x, 0)).toBe(play.waiting[i]);
            if (n.kind === 'step') {
              // At most the people who can serve it: its pool, or the most on duty in any hour.
              const pool = s.flow.pools?.find((x) => x.id === n.poolId);
              const most = pool ? (pool.shifts ? Math.max(...pool.shifts.staff) : pool.size) : n.shifts ? Math.max(...n.shifts.staff) : n.staff;
              expect(play.busy[i]).toBeLessThanOrEqual(most);
            }
            inNodes += play.waiting[i]! + play.busy[i]! + play.inDelay[i]! + play.atJoin[i]!;
          });
          // A split case is held while its parts are in the nodes.
          expect(inNodes).toBe(play.inside + play.parts - play.holders);
          expect(play.parts).toBeGreaterThanOrEqual(0);
          if (play.holders > 0) sawParallel = true;
          expect(play.arrived).toBe(play.inside + play.served + play.gaveUp + play.turnedAway);
        }
        expect(play.inside).toBe(r.overall.inSystemAtEnd);
        // Parallel work was really replayed where the flow has a split.
        expect(sawParallel).toBe(nodes.some((n) => n.kind === 'split'));
        expect(play.time).toBeLessThanOrEqual(r.windowEnd);
      }
  });

  it('reports customers who gave up or were turned away', () => {
    const p = structuredClone(examples[1]!); // the contact centre: callers hang up
    const s = p.scenarios[0]!;
    const { batches, end } = watched(p, s.id);
    const play = new Playback(
      s.flow.nodes.map((n) => n.kind),
      p.classes.length,
    );
    batches.forEach((b) => play.push(b));
    play.finish(end.endTime);
    const moves: number[] = [];
    play.advance(Infinity, (f) => moves.push(f.from));
    expect(play.gaveUp).toBeGreaterThan(0);
    expect(moves.length).toBeGreaterThan(play.arrived);
  });

  it('streams only the start of a very long run, and says so', () => {
    const p = examples[0]!;
    const { batches, end } = watched(p, p.scenarios[0]!.id, 10_000);
    expect(end.truncated).toBe(true);
    expect(end.ok).toBe(true);
    const total = batches.reduce((a, b) => a + b.length / 6, 0);
    expect(total).toBe(end.events);
    expect(total).toBeGreaterThanOrEqual(10_000);
    // The engine checks its stop flag every 4,096 events, and one event is a few traced movements.
    expect(total).toBeLessThan(10_000 + 4096 * 4);
  });

  it('replays a hand-over at the end of a shift: the customer goes from being served back to waiting', () => {
    const play = new Playback(['arrivals', 'step', 'exit'], 1);
    // kind, time, customer, class, a, b
    play.push(Float64Array.from([1, 0, 0, 0, 0, -1, 2, 0, 0, 0, 0, 1, 4, 0, 0, 0, 1, -1, 14, 960, 0, 0, 1, -1]));
    play.advance(959);
    expect([play.busy[1], play.waiting[1]]).toEqual([1, 0]);
    play.advance(960);
    expect([play.busy[1], play.waiting[1], play.waitingClasses(1)[0]]).toEqual([0, 1, 1]);
    expect(play.inside).toBe(1);
  });
});
