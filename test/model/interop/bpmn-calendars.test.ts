// Calendars in BPSim: each project calendar is exported as a bpsim:Calendar (iCalendar text with
// weekly RRULEs) that the steps', pools' and arrivals' values are `validFor`; on import, weekly
// calendars come back as project calendars. Fixtures written here from RFC 5545 and BPSim 1.0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../../src/engine/bpmnImport';
import { exportBpmn } from '../../../src/model/interop/bpmn';
import { calendarToICal, iCalToWeek } from '../../../src/model/interop/bpsimCalendar';
import { Project, type FlowNode } from '../../../src/model/schema';
import { edge, flowProject, poisson } from '../../engine/helpers';

const OFFICE = ['08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-15:00', '', ''];
const LATE = ['14:00-22:00', '14:00-22:00', '14:00-22:00', '14:00-22:00', '14:00-22:00', '10:00-14:00', ''];

function project(): Project {
  const p = flowProject({
    departments: [{ id: 'front', name: 'Front' }],
    nodes: [
      { ...poisson('in', 0.1), arrivals: { mode: 'rate', rate: 6, per: 'hour' }, calendarId: 'late' },
      { id: 'check', kind: 'step', name: 'Check', departmentId: 'front', staff: 2, service: { kind: 'exponential', mean: 5 }, calendarId: 'office' },
      { id: 'fix', kind: 'step', name: 'Fix', departmentId: 'front', staff: 1, service: { kind: 'exponential', mean: 4 }, poolId: 'team' },
      { id: 'out', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('in', 'check'), edge('check', 'fix'), edge('fix', 'out')],
  });
  return Project.parse({ ...p, calendars: [{ id: 'office', name: 'Office with lunch', week: OFFICE }, { id: 'late', name: 'Late shift', week: LATE }], scenarios: [{ ...p.scenarios[0]!, flow: { ...p.scenarios[0]!.flow, pools: [{ id: 'team', name: 'Team', size: 3, calendarId: 'late' }] } }] });
}
const node = (p: Project, id: string) => p.scenarios[0]!.flow.nodes.find((n) => n.id === id) as FlowNode;

describe('BPSim calendars', () => {
  it('a week becomes weekly VEVENTs (one per distinct range) and is read back the same', () => {
    const ical = calendarToICal({ id: 'office', name: 'Office', week: OFFICE });
    expect(ical).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n');
    expect(ical).toContain('DTSTART:19700105T080000\r\nDTEND:19700105T120000');
    expect(ical).toContain('DTSTART:19700109T130000\r\nDTEND:19700109T150000\r\nRRULE:FREQ=WEEKLY;BYDAY=FR');
    expect(ical.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(iCalToWeek(ical, 'x')).toEqual({ week: OFFICE, notes: [] });
  });

  it('reads DURATION, nights past midnight, daily rules, folded lines; other rules are reported', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;TZID=Europe/Berlin:20260109T220000', 'DURATION:PT8H', 'RRULE:FREQ=WEEKLY;BY', ' DAY=FR', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART:20260105T090000Z', 'DTEND:20260105T110000Z', 'RRULE:FREQ=DAILY', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART:20260105T090000', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const r = iCalToWeek(text, 'calendar "Night"');
    expect(r.week).toEqual(['09:00-11:00', '09:00-11:00', '09:00-11:00', '09:00-11:00', '09:00-11:00, 22:00-24:00', '00:00-06:00, 09:00-11:00', '09:00-11:00']);
    expect(r.notes).toEqual(['calendar "Night": 1 event(s) that do not repeat weekly (or last longer than a day) were left out']);
  });

  it('export → import without our extension: same calendars, steps, pool and arrivals on them; valid XSD', async () => {
    const p = project();
    const xml = exportBpmn(p, p.scenarios[0]!.id);
    expect(xml).toMatch(/<bpsim:Calendar id="office" name="Office with lunch">BEGIN:VCALENDAR&#13;&#10;/);
    expect(xml).toMatch(/<bpsim:Availability><bpsim:BooleanParameter value="true" validFor="office"\/><\/bpsim:Availability><bpsim:Quantity><bpsim:NumericParameter value="2" validFor="office"\/>/);
    expect(xml).toMatch(/<bpsim:InterTriggerTimer><bpsim:ExponentialDistribution mean="10" validFor="late"\/>/);
    const foreign = xml.replace(/<bpmn:extensionElements><sf:data>[\s\S]*?<\/sf:data><\/bpmn:extensionElements>/g, '');
    expect(foreign).not.toContain('sf:data');
    const r = await importBpmn(foreign);
    if (!r.ok) throw new Error(r.error);
    expect(r.project.calendars!.map((c) => [c.id, c.name, c.week])).toEqual([['office', 'Office with lunch', OFFICE], ['late', 'Late shift', LATE]]);
    const ids = new Map(r.project.scenarios[0]!.flow.nodes.map((n) => [n.name, n]));
    expect(ids.get('Check')).toMatchObject({ kind: 'step', staff: 2, calendarId: 'office' });
    expect(ids.get('Fix')).toMatchObject({ kind: 'step', calendarId: 'late' }); // the pool's calendar, on the step
    expect(ids.get('in')).toMatchObject({ kind: 'arrivals', arrivals: { mode: 'rate', rate: 6, per: 'hour' }, calendarId: 'late' });
    const text = r.report.map((l) => l.message).join('\n');
    expect(text).toMatch(/Calendar "Office with lunch" \(Mon–Thu 08:00-12:00, 13:00-17:00; Fri 08:00-12:00, 13:00-15:00\) from the BPSim data: used by step "Check"/);
    expect(text).not.toMatch(/Availability is not simulated|undefined|NaN/);
    // With our extension the project comes back exactly (calendars travel in sf:data too).
    const own = await importBpmn(xml);
    if (!own.ok) throw new Error(own.error);
    expect(own.project.calendars).toEqual(p.calendars);
    expect(node(own.project, 'fix')).toEqual(node(p, 'fix'));
    expect(own.project.scenarios[0]!.flow.pools).toEqual(p.scenarios[0]!.flow.pools);
  });

  it.skipIf(spawnSync('xmllint', ['--version']).status !== 0)('the export with calendars is valid against the BPMN 2.0 XSD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-cal-'));
    try {
      const file = join(dir, 'cal.bpmn');
      writeFileSync(file, exportBpmn(project(), project().scenarios[0]!.id));
      const run = spawnSync('xmllint', ['--noout', '--schema', join(process.cwd(), 'node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd'), file], { encoding: 'utf8' });
      expect(run.stderr.trim()).toMatch(/validates$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
