// The run's start date: weekly plans are read from the weekday and hour the run starts at. A run
// that starts on a Thursday 08:00 is the same as a run from a Monday 00:00 whose weekly plans are
// rotated by 3 days and 8 hours — customer by customer.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate';
import { TRACE } from '../../src/engine/types';
import { Project } from '../../src/model/schema';
import { edge, flowProject } from './helpers';

// Open Mon–Fri 09:00–17:00; arrivals only while open, busier in the morning.
const open = Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 9 && h % 24 < 17 ? 2 : 0));
const profile = Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 9 && h % 24 < 17 ? (h % 24 < 12 ? 1.5 : 0.75) : 0));
const rotate = (a: number[], by: number) => a.map((_, i) => a[(i + by) % a.length]!);

function project(start: string | undefined, shift: number): Project {
  const p = flowProject({
    nodes: [
      { id: 'in', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 0.2, per: 'minute' }, schedule: { repeat: 'week', multipliers: rotate(profile, shift) } },
      { id: 's', kind: 'step', name: 'Desk', departmentId: 'd', staff: 1, service: { kind: 'exponential', mean: 6 }, shifts: { repeat: 'week', staff: rotate(open, shift), atShiftEnd: 'hand-over' } },
      { id: 'x', kind: 'exit', name: 'x' },
    ],
    edges: [edge('in', 's'), edge('s', 'x')],
    duration: 3 * 10080,
    seed: 5,
  });
  return Project.parse({ ...p, run: { ...p.run, ...(start ? { start } : {}) } });
}

// The heat map by hour of the week (steps that close) is read by the clock: with a Thursday 08:00
// start its bins are the rotated run's, moved by 3 days 8 hours (`rotateBy`); the rest is identical.
function trace(p: Project, rotateBy = 0): string[] {
  const out: string[] = [];
  const r = simulateReplication(p, 'base', 0, { trace: (kind, t, customer, _cls, a, b) => void out.push(`${kind}@${t.toFixed(6)}:${customer}:${a}:${b}`) });
  const { byHour, ...rest } = r.steps.s!;
  const back = (xs: number[]) => xs.map((_, k) => xs[(k + rotateBy) % 168]!);
  out.push(JSON.stringify({ ...rest, byHour: byHour && { queue: back(byHour.queue), busy: back(byHour.busy) } }));
  return out;
}

describe('run start date', () => {
  it('a Thursday 08:00 start reads the weekly plans from Thursday 08:00', () => {
    const fromThursday = trace(project('2023-02-09T08:00', 0), 3 * 24 + 8);
    const rotated = trace(project(undefined, 3 * 24 + 8));
    expect(fromThursday.length).toBeGreaterThan(1000);
    expect(fromThursday).toEqual(rotated);
  });

  it('nobody is served on the weekend when the run starts on a Saturday', () => {
    const starts: number[] = [];
    simulateReplication(project('2024-03-02T00:00', 0), 'base', 0, { trace: (kind, t) => (kind === TRACE.START || kind === TRACE.START_FROM_QUEUE) && void starts.push(t) });
    expect(starts.length).toBeGreaterThan(100);
    // Saturday and Sunday are the first 2 days; the first service is on Monday 09:00 (minute 2 × 1440 + 540).
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(2 * 1440 + 540);
    for (const t of starts) {
      const weekMinute = (t + 5 * 1440) % 10080; // minutes since a Monday 00:00
      const hour = Math.floor(weekMinute / 60);
      expect(hour < 120 && hour % 24 >= 9 && hour % 24 < 17, `service started at ${weekMinute} min into the week`).toBe(true);
    }
  });
});
