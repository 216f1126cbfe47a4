import { describe, expect, it } from 'vitest';
import { parseLogStart, simulateEventLog } from '../../src/engine/eventlog';
import { ServiceLog } from '../../src/engine/sim/servicelog';
import { simulateReplication } from '../../src/engine/simulate';
import type { EventLog } from '../../src/model/interop/eventlog/types';
import { CSV_HEADER, csvField, isoWithOffset, writeEventLogCsv } from '../../src/model/interop/eventlog/write';
import { EXAMPLES, getExample } from '../../src/model/examples';
import type { Project } from '../../src/model/schema';

const example = (id: string): Project => getExample(id)!.project;

/** Events of each key (case or resource), by start then end. */
function groups(log: EventLog, keyOf: Int32Array): number[][] {
  const by = new Map<number, number[]>();
  for (let e = 0; e < keyOf.length; e++) {
    const k = keyOf[e]!;
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(e);
  }
  return [...by.values()].map((es) => es.sort((a, b) => log.start[a]! - log.start[b]! || log.end[a]! - log.end[b]!));
}

function expectWellFormed(log: EventLog): void {
  const n = log.caseOf.length;
  expect(n).toBeGreaterThan(0);
  for (const col of [log.activityOf, log.resourceOf, log.start, log.end]) expect(col.length).toBe(n);
  for (let e = 0; e < n; e++) {
    expect(log.caseOf[e]).toBeLessThan(log.cases.length);
    expect(log.activityOf[e]).toBeLessThan(log.activities.length);
    expect(log.resourceOf[e]).toBeGreaterThanOrEqual(0);
    expect(log.resourceOf[e]).toBeLessThan(log.resources.length);
    expect(Number.isFinite(log.start[e]) && Number.isFinite(log.end[e])).toBe(true);
    expect(log.end[e]).toBeGreaterThanOrEqual(log.start[e]!);
  }
}

describe('simulateEventLog', () => {
  for (const ex of EXAMPLES) {
    for (const sc of ex.project.scenarios) {
      it(`${ex.id} / ${sc.id}: well-formed, no member of staff serves two at once`, () => {
        const log = simulateEventLog(ex.project, sc.id, { cases: 300 });
        expectWellFormed(log);
        for (const es of groups(log, log.resourceOf)) {
          for (let i = 1; i < es.length; i++) expect(log.start[es[i]!]).toBeGreaterThanOrEqual(log.end[es[i - 1]!]!);
        }
        // Members are numbered within their step's own staff or their pool, never beyond its size
        // when the size is constant (no shifts).
        const sizes = new Map<string, number>();
        for (const node of sc.flow.nodes) if (node.kind === 'step' && !node.poolId && !node.shifts) sizes.set(node.name, node.staff);
        for (const pool of sc.flow.pools ?? []) if (!pool.shifts) sizes.set(pool.name, pool.size);
        for (const r of log.resources) {
          const m = /^(.*) (\d+)$/.exec(r)!;
          expect(m, r).not.toBeNull();
          if (sizes.has(m[1]!)) expect(Number(m[2]), r).toBeLessThanOrEqual(sizes.get(m[1]!)!);
        }
        // A customer is served at one step at a time (except the parts of a parallel split).
        const parallel = sc.flow.nodes.some((x) => x.kind === 'split');
        if (!parallel) {
          for (const es of groups(log, log.caseOf)) {
            for (let i = 1; i < es.length; i++) expect(log.start[es[i]!]).toBeGreaterThanOrEqual(log.end[es[i - 1]!]!);
          }
        }
        expect(log.cases.length).toBeLessThanOrEqual(300);
      });
    }
  }

  it('is the same log for the same seed, and another for another seed', () => {
    const p = example('repair');
    const a = writeEventLogCsv(simulateEventLog(p, 'baseline', { cases: 200 }));
    expect(writeEventLogCsv(simulateEventLog(p, 'baseline', { cases: 200 }))).toBe(a);
    const other = { ...p, run: { ...p.run, seed: p.run.seed + 1 } };
    expect(writeEventLogCsv(simulateEventLog(other, 'baseline', { cases: 200 }))).not.toBe(a);
  });

  it('leaves the results of the replication unchanged', () => {
    const p = example('loan');
    const plain = simulateReplication(p, 'single-point-of-contact', 0);
    const logged = simulateReplication(p, 'single-point-of-contact', 0, { serviceLog: new ServiceLog() });
    expect(JSON.stringify(logged)).toBe(JSON.stringify(plain));
  });

  it('with a number of cases: exactly that many arrive, and they all finish', () => {
    const p = example('repair');
    const log = simulateEventLog(p, 'baseline', { cases: 50 });
    expect(new Set(log.caseOf).size).toBeLessThanOrEqual(50);
    expect(log.cases.length).toBeGreaterThan(40); // a few may leave unserved (turned away or gave up)
    expect(Math.max(...log.cases.map(Number))).toBeLessThanOrEqual(50);
    const recorder = new ServiceLog(50);
    simulateReplication({ ...p, run: { ...p.run, horizon: { kind: 'duration', duration: 1e9 } } }, 'baseline', 0, { serviceLog: recorder });
    expect(recorder.cases).toBe(50);
    expect(recorder.casesLeft).toBe(50);
    // Without a limit the run goes on: the log of the whole run has more cases.
    expect(simulateEventLog(p, 'baseline').cases.length).toBeGreaterThan(50);
  });

  it('maps simulated time 0 to the start given (a Monday 00:00 by default)', () => {
    const p = example('repair');
    const log = simulateEventLog(p, 'baseline', { cases: 20 });
    expect(Math.min(...log.start)).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
    const shifted = simulateEventLog(p, 'baseline', { cases: 20, start: '2025-03-04T08:30' });
    expect(shifted.start[0]! - log.start[0]!).toBe(Date.UTC(2025, 2, 4, 8, 30) - Date.UTC(2024, 0, 1));
    const zoned = simulateEventLog(p, 'baseline', { cases: 20, start: '2025-03-04T08:30+01:00' });
    expect(zoned.utcOffsetMinutes).toBe(60);
    expect(shifted.start[0]! - zoned.start[0]!).toBe(3_600_000);
    expect(writeEventLogCsv(zoned).split('\n')[1]).toBe(writeEventLogCsv(shifted).split('\n')[1]!.replaceAll('+00:00', '+01:00'));
  });

  it('refuses a bad start or number of cases in plain words', () => {
    expect(() => parseLogStart('yesterday')).toThrow(/not a date and time/);
    expect(() => parseLogStart('2024-02-30T08:00')).toThrow(/2024-02-30/);
    expect(() => simulateEventLog(example('repair'), 'baseline', { cases: 0 })).toThrow(/whole number/);
  });
});

describe('writeEventLogCsv', () => {
  it('writes a header and one row per event with ISO times', () => {
    const log = simulateEventLog(example('loan'), 'baseline', { cases: 30 });
    const lines = writeEventLogCsv(log).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.length).toBe(log.caseOf.length + 1);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^[^,]+,[^,]+,[^,]+ \d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    }
  });
  it('quotes fields that need it and writes offsets', () => {
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('plain')).toBe('plain');
    expect(isoWithOffset(Date.UTC(2024, 0, 1, 23, 30), 90)).toBe('2024-01-02T01:00:00.000+01:30');
    expect(isoWithOffset(Date.UTC(2024, 0, 1, 0, 30), -300)).toBe('2023-12-31T19:30:00.000-05:00');
  });
});

describe('simulateEventLog and run.start', () => {
  it("starts at the project's run start, and a start given reads the weekly plans from that moment", () => {
    const base = example('contact-centre');
    const started = { ...base, run: { ...base.run, start: '2023-02-09T08:00' } };
    const a = simulateEventLog(started, 'baseline', { cases: 100 });
    expect(Math.min(...a.start)).toBeGreaterThanOrEqual(Date.UTC(2023, 1, 9, 8));
    expect(Math.min(...a.start)).toBeLessThan(Date.UTC(2023, 1, 10));
    // The same moment given as an option simulates the same (shift grids and profiles from Thursday 08:00).
    expect(writeEventLogCsv(simulateEventLog(base, 'baseline', { cases: 100, start: '2023-02-09T08:00' }))).toBe(writeEventLogCsv(a));
  });
});

describe('work handed over at the end of a shift', () => {
  it('is one row when the same member carries on, and no member ever serves two at once', async () => {
    const { flowProject, edge } = await import('./helpers');
    const open = Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 9 && h % 24 < 17 ? 2 : 0));
    const p = flowProject({
      nodes: [
        { id: 'in', kind: 'arrivals', name: 'In', arrivals: { mode: 'rate', rate: 0.012, per: 'minute' } },
        { id: 's', kind: 'step', name: 'Assess', departmentId: 'd', staff: 2, service: { kind: 'constant', value: 90 }, shifts: { repeat: 'week', staff: open, atShiftEnd: 'hand-over' } },
        { id: 'x', kind: 'exit', name: 'x' },
      ],
      edges: [edge('in', 's'), edge('s', 'x')],
      customers: 400,
      seed: 3,
    });
    const log = simulateEventLog(p, 'base', { cases: 400, start: '2024-01-01T00:00:00' });
    expectWellFormed(log);
    for (const es of groups(log, log.resourceOf)) {
      for (let i = 1; i < es.length; i++) expect(log.start[es[i]!]).toBeGreaterThanOrEqual(log.end[es[i - 1]!]!);
    }
    const hour = 3_600_000;
    const rows = log.caseOf.length;
    // Every case is served once; a service cut at 17:00 and carried on by the same member is one
    // row that spans the night (longer than its 90 minutes of work), and such rows exist.
    const overnight = Array.from({ length: rows }, (_, e) => log.end[e]! - log.start[e]!).filter((d) => d > 2 * hour).length;
    expect(overnight).toBeGreaterThan(5);
    expect(rows - log.cases.length).toBeLessThanOrEqual(overnight);
    expect(rows - log.cases.length).toBeLessThan(overnight / 2);
  });
});
