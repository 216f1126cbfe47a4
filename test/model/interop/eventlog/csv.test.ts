import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { readLog, previewLog, AmbiguousDatesError, EventLogError, CancelledError } from '../../../../src/model/interop/eventlog/read';
import { guessMapping } from '../../../../src/model/interop/eventlog/columns';
import { lastRecordEnd } from '../../../../src/model/interop/eventlog/csv';
import { eventCount } from '../../../../src/model/interop/eventlog/types';

const enc = (s: string) => new TextEncoder().encode(s);
const utc = (s: string) => Date.parse(s);

const BASIC = `case_id,activity,resource,start_time,end_time,channel
1,Check form,Ann,2023-02-09 08:00:00,2023-02-09 08:10:00,web
1,Approve,Bob,2023-02-09 08:20:00,2023-02-09 08:30:00,web
2,Check form,Ann,2023-02-09 09:00:00,2023-02-09 09:12:00,phone
`;

describe('CSV event logs', () => {
  it('detects the usual column names and reads the events', async () => {
    const p = await previewLog(enc(BASIC));
    expect(p.kind).toBe('csv');
    expect(p.mapping).toMatchObject({ case: 'case_id', activity: 'activity', resource: 'resource', start: 'start_time', end: 'end_time' });
    expect(p.attributeCandidates).toEqual(['channel']);
    const { log, report } = await readLog(enc(BASIC), { name: 'basic.csv' });
    expect(eventCount(log)).toBe(3);
    expect(log.cases).toEqual(['1', '2']);
    expect(log.activities).toEqual(['Check form', 'Approve']);
    expect(log.resources).toEqual(['Ann', 'Bob']);
    expect([...log.caseOf]).toEqual([0, 0, 1]);
    expect([...log.activityOf]).toEqual([0, 1, 0]);
    expect(log.start[1]).toBe(utc('2023-02-09T08:20:00Z'));
    expect(log.end[2]).toBe(utc('2023-02-09T09:12:00Z'));
    expect(log.hasStart).toBe(true);
    expect(log.caseAttributes).toEqual([{ name: 'channel', values: ['web', 'phone'], valueOf: Int32Array.from([0, 1]) }]);
    expect(log.source).toEqual({ name: 'basic.csv', rows: 3 });
    expect(report).toMatchObject({ events: 3, cases: 2, skipped: 0 });
  });

  it('guesses names from other tools', () => {
    expect(guessMapping(['case:concept:name', 'concept:name', 'org:resource', 'time:timestamp', 'org:role'])).toEqual({ case: 'case:concept:name', activity: 'concept:name', resource: 'org:resource', end: 'time:timestamp', role: 'org:role' });
    expect(guessMapping(['CaseID', 'Task', 'User', 'Start Timestamp', 'Complete Timestamp'])).toEqual({ case: 'CaseID', activity: 'Task', resource: 'User', start: 'Start Timestamp', end: 'Complete Timestamp' });
    expect(guessMapping(['Case ID', 'Activity', 'Start Date', 'End Date', 'Enabled Time'])).toMatchObject({ start: 'Start Date', end: 'End Date', enabled: 'Enabled Time' });
  });

  it('reads semicolons, tabs and quoted fields with delimiters and newlines', async () => {
    const semi = 'Case;Activity;Timestamp\n"A;1";"Check\nform";2023-02-09T08:00:00Z\nA;Approve;2023-02-09T09:00:00Z\n';
    const { log } = await readLog(enc(semi));
    expect(log.cases).toEqual(['A;1', 'A']);
    expect(log.activities[0]).toBe('Check\nform');
    const tab = 'case\tactivity\ttimestamp\n1\tA\t2023-02-09T08:00:00Z\n';
    expect((await readLog(enc(tab))).log.activities).toEqual(['A']);
    expect(lastRecordEnd('a,"b\nc"\nd,"e\n')).toBe(8);
  });

  it('reads logs with only end times: start equals end, hasStart false, and says so', async () => {
    const csv = 'case,activity,timestamp\n1,A,2023-02-09T08:00:00Z\n1,B,2023-02-09T09:00:00Z\n';
    const { log, report } = await readLog(enc(csv));
    expect(log.hasStart).toBe(false);
    expect([...log.start]).toEqual([...log.end]);
    expect(log.hasResource).toBe(false);
    expect([...log.resourceOf]).toEqual([-1, -1]);
    expect(report.notes.join(' ')).toMatch(/no start times/);
  });

  it('asks when dates could be day-first or month-first, and reads them as chosen', async () => {
    const csv = 'case,activity,end\n1,A,03/04/2023 10:00\n1,B,05/06/2023 11:00\n';
    await expect(readLog(enc(csv))).rejects.toBeInstanceOf(AmbiguousDatesError);
    const p = await previewLog(enc(csv));
    expect(p.times.end).toMatchObject({ ambiguous: true });
    expect((await readLog(enc(csv), { dayFirst: true })).log.end[0]).toBe(utc('2023-04-03T10:00:00Z'));
    expect((await readLog(enc(csv), { dayFirst: false })).log.end[0]).toBe(utc('2023-03-04T10:00:00Z'));
    const clear = 'case,activity,end\n1,A,03/04/2023 10:00\n1,B,25/06/2023 11:00\n';
    expect((await readLog(enc(clear))).log.end[1]).toBe(utc('2023-06-25T11:00:00Z'));
  });

  it('reads times without offset in the chosen zone, and keeps a stated offset as the log zone', async () => {
    const csv = 'case,activity,end\n1,A,2023-02-09 08:00:00\n';
    const { log } = await readLog(enc(csv), { utcOffsetMinutes: 60 });
    expect(log.end[0]).toBe(utc('2023-02-09T07:00:00Z'));
    expect(log.utcOffsetMinutes).toBe(60);
    const stated = await readLog(enc('case,activity,end\n1,A,2023-02-09T08:00:00+02:00\n'));
    expect(stated.log.end[0]).toBe(utc('2023-02-09T06:00:00Z'));
    expect(stated.log.utcOffsetMinutes).toBe(120);
    expect((await readLog(enc(csv))).log.utcOffsetMinutes).toBe(0);
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const gz = gzipSync(enc(BASIC));
    expect((await previewLog(gz)).mapping.case).toBe('case_id');
    expect(eventCount((await readLog(gz)).log)).toBe(3);
    await expect(readLog(gz.subarray(0, 20))).rejects.toThrow(/gzip|empty/i);
  });

  it('skips a few bad rows with a count and names the row and column', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i},A,2023-02-09 08:${String(i % 60).padStart(2, '0')}:00`);
    rows[10] = '10,A,2023-13-40';
    rows[20] = '20,,2023-02-09 08:00:00';
    const { log, report } = await readLog(enc('case,activity,end_time\n' + rows.join('\n')));
    expect(eventCount(log)).toBe(58);
    expect(report.skipped).toBe(2);
    expect(report.problems[0]).toBe("row 12, column end_time: '2023-13-40' is not a date");
    expect(report.problems[1]).toBe('row 22, column activity: the activity is empty');
    expect(report.notes[0]).toBe('2 of 60 rows could not be read and were skipped.');
  });

  it('refuses a file that is mostly unreadable, naming the first problem', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},A,${i < 8 ? 'soon' : '2023-02-09 08:00:00'}`);
    const err = await readLog(enc('case,activity,end_time\n' + rows.join('\n'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventLogError);
    expect((err as Error).message).toMatch(/^8 of 20 rows could not be read.*row 2, column end_time: 'soon' is not a date/);
    expect((err as Error).message).not.toMatch(/NaN|undefined/);
  });

  it('explains a missing or unknown column and a start after the end', async () => {
    await expect(readLog(enc('case,what,end\n1,A,2023-02-09T08:00:00Z\n'), { mapping: { activity: '' } })).rejects.toThrow(/Which column holds the activity\?.*case, what, end/);
    await expect(readLog(enc(BASIC), { mapping: { resource: 'who' } })).rejects.toThrow(/The column "who" \(resource \(who did it\)\) is not in the file/);
    await expect(readLog(enc('one\n1\n'))).rejects.toThrow(/header row has one column/);
    const swapped = 'case,activity,start,end\n1,A,2023-02-09 09:00,2023-02-09 08:00\n' + '1,B,2023-02-09 09:00,2023-02-09 10:00\n'.repeat(40);
    const r = await readLog(enc(swapped));
    expect(r.report.problems[0]).toBe("row 2, column start: the start '2023-02-09 09:00' is after the end '2023-02-09 08:00'");
  });

  it('drops a case attribute that changes within many cases', async () => {
    const csv = 'case,activity,end,amount\n1,A,2023-02-09T08:00:00Z,5\n1,B,2023-02-09T09:00:00Z,6\n2,A,2023-02-09T08:00:00Z,7\n';
    const { log, report } = await readLog(enc(csv), { mapping: { caseAttributes: ['amount'] } });
    expect(log.caseAttributes).toEqual([]);
    expect(report.notes.join(' ')).toMatch(/amount changes within cases/);
  });

  it('reports progress and can be cancelled', async () => {
    const big = 'case,activity,end\n' + Array.from({ length: 60_000 }, (_, i) => `${i},A,2023-02-09T08:00:00Z`).join('\n');
    const seen: number[] = [];
    await readLog(enc(big), { progress: (d, t) => seen.push(d / t) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
    const ctl = new AbortController();
    const p = readLog(enc(big), { signal: ctl.signal, progress: () => ctl.abort() });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
  });

  it('reads the loan training log', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../../../shared/eventlogs/LoanApp_simplified_train.csv.gz', import.meta.url)));
    const { log, report } = await readLog(bytes, { name: 'LoanApp_simplified_train.csv.gz' });
    expect(report).toMatchObject({ events: 7544, cases: 1000, skipped: 0 });
    expect(log.activities).toHaveLength(12);
    expect(log.resources).toHaveLength(19);
    expect(log.hasStart).toBe(true);
    expect(log.enabled).toBeDefined();
    expect(log.roles?.length).toBeGreaterThan(0);
    expect(new Date(log.start[0]!).toISOString()).toBe('2023-02-09T08:00:00.000Z');
  });
});
