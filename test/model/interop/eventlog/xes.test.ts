import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { readLog, previewLog, EventLogError } from '../../../../src/model/interop/eventlog/read';
import { eventCount } from '../../../../src/model/interop/eventlog/types';

const enc = (s: string) => new TextEncoder().encode(s);
const utc = (s: string) => Date.parse(s);
const ev = (name: string, t: string, life?: string, res?: string) =>
  `<event><string key="concept:name" value="${name}"/>${res ? `<string key="org:resource" value="${res}"/>` : ''}${life ? `<string key="lifecycle:transition" value="${life}"/>` : ''}<date key="time:timestamp" value="${t}"/></event>`;

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <string key="concept:name" value="the log"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <string key="channel" value="web"/>
    <list key="tags"><string key="x" value="nested"/></list>
    ${ev('Check', '2023-02-09T08:00:00.000+01:00', 'start', 'Ann')}
    ${ev('Check', '2023-02-09T08:10:00.000+01:00', 'complete', 'Ann')}
    ${ev('Approve', '2023-02-09T08:20:00.000+01:00', 'schedule')}
    ${ev('Approve', '2023-02-09T08:30:00.000+01:00', 'start', 'Bob')}
    ${ev('Approve', '2023-02-09T08:50:00.000+01:00', 'complete', 'Bob')}
  </trace>
  <trace>
    <string key="concept:name" value="c2"/>
    <string key="channel" value="phone"/>
    ${ev('Check', '2023-02-09T09:00:00.000+01:00', undefined, 'Ann')}
    ${ev('Check', '2023-02-09T09:30:00.000+01:00', 'start', 'Ann')}
    ${ev('Check', '2023-02-09T09:35:00.000+01:00', 'suspend', 'Ann')}
  </trace>
</log>`;

describe('XES event logs', () => {
  it('pairs start and complete, takes schedule as enabled and trace attributes as case attributes', async () => {
    const p = await previewLog(enc(XES));
    expect(p.kind).toBe('xes');
    expect(p.mapping).toMatchObject({ case: 'case:concept:name', activity: 'concept:name', resource: 'org:resource', end: 'time:timestamp', start: 'time:timestamp (start)', enabled: 'time:timestamp (enabled)' });
    expect(p.attributeCandidates).toEqual(['case:channel']);
    const { log, report } = await readLog(enc(XES), { name: 'x.xes' });
    expect(eventCount(log)).toBe(3);
    expect(log.cases).toEqual(['c1', 'c2']);
    expect(log.activities).toEqual(['Check', 'Approve']);
    expect(log.resources).toEqual(['Ann', 'Bob']);
    expect(log.start[0]).toBe(utc('2023-02-09T07:00:00Z'));
    expect(log.end[0]).toBe(utc('2023-02-09T07:10:00Z'));
    expect(log.start[1]).toBe(utc('2023-02-09T07:30:00Z'));
    expect(log.enabled?.[1]).toBe(utc('2023-02-09T07:20:00Z'));
    expect(log.enabled?.[0]).toBeNaN();
    expect(log.start[2]).toBe(log.end[2]); // a complete without start
    expect(log.hasStart).toBe(true);
    expect(log.utcOffsetMinutes).toBe(60);
    expect(log.caseAttributes).toEqual([{ name: 'case:channel', values: ['web', 'phone'], valueOf: Int32Array.from([0, 1]) }]);
    expect(report.notes.join(' ')).toMatch(/1 start events had no matching completion/);
    expect(report.notes.join(' ')).toMatch(/1 events with other lifecycle transitions/);
  });

  it('reads gzipped XES and names the trace and event of a bad timestamp', async () => {
    const { log } = await readLog(gzipSync(enc(XES)));
    expect(eventCount(log)).toBe(3);
    const bad = XES.replace('2023-02-09T08:50:00.000+01:00', 'yesterday');
    const r = await readLog(enc(bad.replace('</log>', `<trace><string key="concept:name" value="c3"/>${Array.from({ length: 60 }, (_, i) => ev('A', `2023-02-10T08:${String(i).padStart(2, '0')}:00Z`)).join('')}</trace></log>`)));
    expect(r.report.problems[0]).toBe("trace 'c1', event 5, attribute time:timestamp: 'yesterday' is not a date");
  });

  it('refuses broken XML with the line', async () => {
    const broken = XES.replace('</trace>\n  <trace>', '</trace>\n  <trace');
    const err = await readLog(enc(broken)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventLogError);
    expect((err as Error).message).toMatch(/not well-formed XML near line \d+/);
    await expect(readLog(enc('<log></log>'))).rejects.toThrow(/no events/);
  });
});
