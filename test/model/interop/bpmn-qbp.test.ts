// Other tools' simulation data: BIMP / Prosimos (qbp:processSimulationInfo) and jBPM's BPSim
// (probabilities in percent, a resource quantity of 0). Small fixtures written from the formats.
import { describe, expect, it } from 'vitest';
import { importBpmn, type BpmnImport } from '../../../src/engine/bpmnImport';
import { checkScenario, hasErrors } from '../../../src/engine/check';
import { simulateReplication } from '../../../src/engine/simulate';
import type { FlowNode, Project } from '../../../src/model/schema';

const flow = (id: string, s: string, t: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${s}" targetRef="${t}"/>`;
const body = `<bpmn:startEvent id="s"/><bpmn:task id="a" name="Assess"/><bpmn:exclusiveGateway id="g"/><bpmn:task id="b" name="Approve"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('f3', 'g', 'b')}${flow('f4', 'g', 'e')}${flow('f5', 'b', 'e')}`;
const ok = (r: BpmnImport) => {
  if (!r.ok) throw new Error(r.error);
  for (const l of r.report) expect(l.message).not.toMatch(/\n|undefined|NaN|Infinity/);
  return r;
};
const node = (p: Project, id: string) => p.scenarios[0]!.flow.nodes.find((n) => n.id === id) as FlowNode;
const text = (r: BpmnImport) => r.report.map((l) => l.message).join('\n');

describe("other tools' simulation data", () => {
  it('BIMP qbp: arrivals, durations in seconds, resource numbers, shares; timetables become calendars', async () => {
    const qbp = `<bpmn:extensionElements><qbp:processSimulationInfo id="q" processInstances="500" currency="EUR">
      <qbp:arrivalRateDistribution type="EXPONENTIAL" mean="0" arg1="120" arg2="0"><qbp:timeUnit>minutes</qbp:timeUnit></qbp:arrivalRateDistribution>
      <qbp:timetables><qbp:timetable id="T1" default="true" name="Office"><qbp:rules><qbp:rule fromTime="09:00:00.000+00:00" toTime="17:00:00.000+00:00" fromWeekDay="MONDAY" toWeekDay="FRIDAY"/></qbp:rules></qbp:timetable></qbp:timetables>
      <qbp:resources><qbp:resource id="R1" name="Clerks" totalAmount="3" costPerHour="30" timetableId="T1"/><qbp:resource id="R2" name="Managers" totalAmount="1" costPerHour="60" timetableId="T1"/></qbp:resources>
      <qbp:elements>
        <qbp:element id="x1" elementId="a"><qbp:durationDistribution type="EXPONENTIAL" mean="0" arg1="600" arg2="0"><qbp:timeUnit>minutes</qbp:timeUnit></qbp:durationDistribution><qbp:resourceIds><qbp:resourceId>R1</qbp:resourceId></qbp:resourceIds></qbp:element>
        <qbp:element id="x2" elementId="b"><qbp:durationDistribution type="TRIANGULAR" mean="300" arg1="120" arg2="900"><qbp:timeUnit>minutes</qbp:timeUnit></qbp:durationDistribution><qbp:resourceIds><qbp:resourceId>R2</qbp:resourceId></qbp:resourceIds></qbp:element>
      </qbp:elements>
      <qbp:sequenceFlows><qbp:sequenceFlow elementId="f3" executionProbability="0.3"/><qbp:sequenceFlow elementId="f4" executionProbability="0.7"/></qbp:sequenceFlows>
    </qbp:processSimulationInfo></bpmn:extensionElements>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qbp="http://www.qbp-simulator.com/Schema201212" id="d"><bpmn:process id="P">${qbp}${body}</bpmn:process></bpmn:definitions>`;
    const r = ok(await importBpmn(xml));
    expect(node(r.project, 's')).toMatchObject({ kind: 'arrivals', arrivals: { mode: 'interarrival', distribution: { kind: 'exponential', mean: 2 } } });
    expect(node(r.project, 'a')).toMatchObject({ kind: 'step', staff: 3, service: { kind: 'exponential', mean: 10 } });
    expect(node(r.project, 'b')).toMatchObject({ kind: 'step', staff: 1, service: { kind: 'triangular', min: 2, mode: 5, max: 15 } });
    expect(r.project.scenarios[0]!.flow.edges.filter((e) => e.source === 'g').map((e) => e.probability)).toEqual([0.3, 0.7]);
    expect(text(r)).toMatch(/BIMP simulation data found: the time between arrivals, 2 task\(s\) with durations or resources, shares on 2 sequence flow\(s\)/);
    expect(r.project.calendars).toEqual([{ id: 'T1', name: 'Office', week: ['09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '', ''] }]);
    expect(node(r.project, 'a')).toMatchObject({ calendarId: 'T1' });
    expect(node(r.project, 'b')).toMatchObject({ calendarId: 'T1' });
    expect(r.project.scenarios[0]!.flow.pools).toBeUndefined();
    expect(text(r)).toMatch(/Calendar "Office" \(Mon–Fri 09:00-17:00\) from the BIMP data: used by step "Assess", step "Approve"/);
    expect(text(r)).not.toMatch(/not simulated|No processing time|No arrival rate/);
  });

  it('jBPM BPSim: probabilities in percent and a resource quantity of 0 (not given)', async () => {
    const p = (ref: string, v: string) => `<bpsim:ElementParameters elementRef="${ref}"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="${v}"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>`;
    const bpsim = `<bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData><bpsim:Scenario id="default"><bpsim:ScenarioParameters/>${p('f3', '30.0')}${p('f4', '70.0')}${p('f1', '100.0')}<bpsim:ElementParameters elementRef="a"><bpsim:ResourceParameters><bpsim:Quantity><bpsim:FloatingParameter value="0"/></bpsim:Quantity></bpsim:ResourceParameters></bpsim:ElementParameters></bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>P</bpmn:source><bpmn:target>P</bpmn:target></bpmn:relationship>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpsim="http://www.bpsim.org/schemas/1.0" id="d"><bpmn2:process id="P">${body.replace(/bpmn:/g, 'bpmn2:')}</bpmn2:process>${bpsim.replace(/bpmn:/g, 'bpmn2:')}</bpmn2:definitions>`;
    const r = ok(await importBpmn(xml));
    expect(r.project.scenarios[0]!.flow.edges.filter((e) => e.source === 'g').map((e) => e.probability)).toEqual([0.3, 0.7]);
    expect(node(r.project, 'a')).toMatchObject({ kind: 'step', staff: 1 });
    expect(text(r)).toMatch(/read as percentages \(as jBPM writes them\)/);
    expect(text(r)).toMatch(/a resource quantity of 0 .* was read as not given/);
    expect(text(r)).not.toMatch(/not between 0 and 1/);
  });

  it('Prosimos / Simod parameters next to the file: arrivals, durations and staff, branch shares (seconds); calendars', async () => {
    const params = {
      resource_profiles: [{ id: 'p1', name: 'Clerks', resource_list: [{ id: 'clerk', name: 'Clerk', amount: 4, cost_per_hour: 20, calendar: 'c1', assigned_tasks: ['a'] }] }],
      arrival_time_distribution: { distribution_name: 'expon', distribution_params: [{ value: 0 }, { value: 180 }, { value: 0 }, { value: 9999 }] },
      arrival_time_calendar: [{ from: 'MONDAY', to: 'FRIDAY', beginTime: '09:00:00', endTime: '17:00:00' }],
      gateway_branching_probabilities: [{ gateway_id: 'g', probabilities: [{ path_id: 'f3', value: 0.25 }, { path_id: 'f4', value: 0.75 }] }],
      task_resource_distribution: [
        { task_id: 'a', resources: [{ resource_id: 'clerk', distribution_name: 'norm', distribution_params: [{ value: 900 }, { value: 120 }, { value: 0 }, { value: 2000 }] }] },
        { task_id: 'b', resources: [{ resource_id: 'nobody', distribution_name: 'fix', distribution_params: [{ value: 60 }] }] },
      ],
      resource_calendars: [{ id: 'c1', name: 'Office', time_periods: [{ from: 'MONDAY', to: 'THURSDAY', beginTime: '09:00:00', endTime: '17:00:00' }, { from: 'FRIDAY', to: 'FRIDAY', beginTime: '09:00:00', endTime: '13:00:00' }] }],
    };
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P">${body}</bpmn:process></bpmn:definitions>`;
    const r = ok(await importBpmn(xml, { simulationParameters: params }));
    // Arrivals on a calendar come at a rate while it is open: one every 3 minutes = 20 an hour.
    expect(node(r.project, 's')).toMatchObject({ kind: 'arrivals', arrivals: { mode: 'rate', rate: 20, per: 'hour' }, calendarId: 'arrivals' });
    expect(node(r.project, 'a')).toMatchObject({ kind: 'step', staff: 4, service: { kind: 'normal', mean: 15, sd: 2 }, calendarId: 'c1' });
    expect(node(r.project, 'b')).not.toHaveProperty('calendarId');
    const office = r.project.calendars!.find((c) => c.id === 'c1')!;
    expect(office.week).toEqual(['09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-13:00', '', '']);
    expect(r.project.calendars!.find((c) => c.id === 'arrivals')!.week.slice(4)).toEqual(['09:00-17:00', '', '']);
    expect(text(r)).toMatch(/Calendar "Office" \(Mon–Thu 09:00-17:00; Fri 09:00-13:00\) from the Prosimos \/ Simod data: used by step "Assess"/);
    expect(text(r)).toMatch(/Calendar "Arrivals" .* used by arrivals "start event" \(20 per open hour\)/);
    expect(node(r.project, 'b')).toMatchObject({ kind: 'step', service: { kind: 'constant', value: 1 } });
    expect(r.project.scenarios[0]!.flow.edges.filter((e) => e.source === 'g').map((e) => e.probability)).toEqual([0.25, 0.75]);
    expect(text(r)).toMatch(/Prosimos \/ Simod parameters read: the time between arrivals, 2 task\(s\) with durations or staff, shares on 2 path\(s\)/);
    expect(text(r)).not.toMatch(/not simulated/);
    const wrong = ok(await importBpmn(xml, { simulationParameters: { hello: 1 } }));
    expect(text(wrong)).toMatch(/not Prosimos \/ Simod parameters; left out/);
  });

  it('a BIMP resource shared by several tasks becomes one staff pool on its timetable; times rounded to the hour', async () => {
    const el = (id: string, task: string) => `<qbp:element id="${id}" elementId="${task}"><qbp:durationDistribution type="FIXED" mean="300" arg1="0" arg2="0"/><qbp:resourceIds><qbp:resourceId>R1</qbp:resourceId></qbp:resourceIds></qbp:element>`;
    const qbp = `<bpmn:extensionElements><qbp:processSimulationInfo id="q">
      <qbp:arrivalRateDistribution type="EXPONENTIAL" mean="0" arg1="600" arg2="0"/>
      <qbp:timetables><qbp:timetable id="shifts 1" name="Early and late"><qbp:rules>
        <qbp:rule fromTime="08:30:00.000+00:00" toTime="12:00:00.000+00:00" fromWeekDay="MONDAY" toWeekDay="SATURDAY"/>
        <qbp:rule fromTime="13:00:00.000+00:00" toTime="23:59:59.999+00:00" fromWeekDay="FRIDAY" toWeekDay="MONDAY"/>
      </qbp:rules></qbp:timetable></qbp:timetables>
      <qbp:resources><qbp:resource id="R1" name="Clerks" totalAmount="3" timetableId="shifts 1"/></qbp:resources>
      <qbp:elements>${el('x1', 'a')}${el('x2', 'b')}</qbp:elements>
    </qbp:processSimulationInfo></bpmn:extensionElements>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qbp="http://www.qbp-simulator.com/Schema201212" id="d"><bpmn:process id="P">${qbp}${body}</bpmn:process></bpmn:definitions>`;
    const r = ok(await importBpmn(xml));
    const pools = r.project.scenarios[0]!.flow.pools!;
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({ name: 'Clerks', size: 3, calendarId: 'shifts-1' });
    for (const id of ['a', 'b']) {
      expect(node(r.project, id)).toMatchObject({ poolId: pools[0]!.id });
      expect(node(r.project, id)).not.toHaveProperty('calendarId');
    }
    // 08:30 rounds to 09:00 (hourly calendars); Friday to Monday wraps past Sunday.
    expect(r.project.calendars![0]!.week).toEqual(['09:00-12:00, 13:00-24:00', '09:00-12:00', '09:00-12:00', '09:00-12:00', '09:00-12:00, 13:00-24:00', '09:00-12:00, 13:00-24:00', '13:00-24:00']);
    expect(text(r)).toMatch(/BIMP resource "Clerks" is used by 2 steps \("Assess", "Approve"\): they share one staff pool of 3, working on calendar "Early and late"/);
    expect(text(r)).toMatch(/timetable "Early and late": times rounded to whole hours/);
    expect(text(r)).toMatch(/used by staff pool "Clerks"/);
    // The imported flow passes the check and runs; closed hours make customers wait longer than
    // the same pool around the clock (one customer every 10 minutes, 5 minutes a task).
    expect(hasErrors(checkScenario(r.project, 0))).toBe(false);
    const week = { ...r.project, run: { ...r.project.run, horizon: { kind: 'duration' as const, duration: 10080 }, warmup: 0 } };
    const onCal = simulateReplication(week, 'baseline', 0).overall;
    const allDay = simulateReplication({ ...week, scenarios: [{ ...week.scenarios[0]!, flow: { ...week.scenarios[0]!.flow, pools: pools.map(({ calendarId: _c, ...rest }) => rest) } }] }, 'baseline', 0).overall;
    expect(onCal.arrived).toBeGreaterThan(500);
    expect(allDay.waitingTime.mean).toBeLessThan(60);
    expect(onCal.waitingTime.mean).toBeGreaterThan(2 * allDay.waitingTime.mean);
  });

  it('a Prosimos resource used by two tasks becomes a shared pool; unreadable periods are reported, not thrown', async () => {
    const params = {
      resource_profiles: [{ id: 'p1', name: 'Clerks', resource_list: [{ id: 'clerk', name: 'Clerk', amount: 2, calendar: 'c1', assigned_tasks: ['a', 'b'] }] }],
      task_resource_distribution: ['a', 'b'].map((t) => ({ task_id: t, resources: [{ resource_id: 'clerk', distribution_name: 'fix', distribution_params: [{ value: 60 }] }] })),
      resource_calendars: [{ id: 'c1', name: 'Week', time_periods: [{ from: 'MONDAY', to: 'FRIDAY', beginTime: '08:00:00', endTime: '16:00:00' }, { from: 'Someday', to: 5, beginTime: null, endTime: {} }] }],
    };
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P">${body}</bpmn:process></bpmn:definitions>`;
    const r = ok(await importBpmn(xml, { simulationParameters: params }));
    expect(r.project.scenarios[0]!.flow.pools).toEqual([expect.objectContaining({ name: 'Clerk', size: 2, calendarId: 'c1' })]);
    expect(r.project.calendars![0]!.week).toEqual(['08:00-16:00', '08:00-16:00', '08:00-16:00', '08:00-16:00', '08:00-16:00', '', '']);
    expect(text(r)).toMatch(/calendar "Week": a rule .* could not be read; left out/);
  });
});
