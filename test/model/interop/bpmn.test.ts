import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBpmn, type BpmnImport } from '../../../src/model/interop/bpmn';
import { importBpmn } from '../../../src/engine/bpmnImport';
import { getExample, EXAMPLES } from '../../../src/model/examples';
import { validateProject } from '../../../src/model/validate';
import { simulateReplication } from '../../../src/engine/simulate';
import type { Project } from '../../../src/model/schema';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ok = (r: BpmnImport) => {
  if (!r.ok) throw new Error(r.error);
  expect(validateProject(r.project).filter((f) => f.severity === 'error')).toEqual([]);
  return r;
};
const byName = (p: Project, name: string) => p.scenarios[0]!.flow.nodes.find((n) => n.name === name)!;

describe('BPMN import', () => {
  it('reads a Camunda Modeler file: lanes become departments, merge gateways vanish, layout kept', async () => {
    const r = ok(await importBpmn(fixture('camunda-loan.bpmn')));
    const flow = r.project.scenarios[0]!.flow;
    expect(r.project.name).toBe('Loan office');
    expect(flow.departments.map((d) => d.name)).toEqual(['Front office', 'Credit department']);
    expect(flow.nodes.map((n) => n.kind).sort()).toEqual(['arrivals', 'decision', 'exit', 'step', 'step']);
    const analysis = byName(r.project, 'Credit analysis');
    expect(analysis.kind === 'step' && analysis.departmentId).toBe('Lane_Credit');
    expect(analysis.position).toEqual({ x: 560 * 1.8, y: 300 * 1.3 }); // BPMN shapes are smaller than ours
    // The merging gateway is bridged: intake and the "no" path both lead into the analysis.
    expect(flow.nodes.some((n) => n.id === 'Gateway_Merge')).toBe(false);
    expect(flow.edges.filter((e) => e.target === analysis.id).map((e) => e.source).sort()).toEqual(['Activity_Intake', 'Gateway_Complete']);
    // No shares given: equal shares, said in the report; missing times and rates reported too.
    const outs = flow.edges.filter((e) => e.source === 'Gateway_Complete');
    expect(outs.map((e) => e.probability)).toEqual([0.5, 0.5]);
    expect(outs.map((e) => e.label).sort()).toEqual(['no', 'yes']);
    const text = r.report.map((l) => l.message).join('\n');
    expect(text).toMatch(/No shares on the paths out of "File complete\?": 2 equal shares of 50 % used/);
    // One line about the assumed rate (fitted to the flow), not two.
    expect(text.match(/No arrival rate/g)).toHaveLength(1);
    expect(text).toMatch(/No arrival rate in the file: [\d.]+ customers per hour assumed/);
    expect(text).toMatch(/No processing time for 2 steps \("Intake", "Credit analysis"\): 10 minutes on average/); // one line for all
  });

  it('reads a bpmn.io file without layout: timer events become delays, annotations are reported', async () => {
    const r = ok(await importBpmn(fixture('bpmnio-no-di.bpmn')));
    const parts = byName(r.project, 'Wait for parts');
    expect(parts).toMatchObject({ kind: 'delay', duration: { kind: 'constant', value: 1.5 * 1440 } });
    const xs = r.project.scenarios[0]!.flow.nodes.map((n) => n.position.x);
    expect(new Set(xs).size).toBe(5); // laid out left to right
    expect(r.report.some((l) => /no diagram layout/.test(l.message))).toBe(true);
    expect(r.report.some((l) => /^2 data object\(s\), annotation\(s\) and association\(s\)/.test(l.message))).toBe(true);
    expect(r.project.scenarios[0]!.flow.departments).toHaveLength(1); // one for the process
  });

  it('reads a bpmn.io file with diagram interchange: positions kept in order, no lanes → one department', async () => {
    const r = ok(await importBpmn(fixture('bpmnio-with-di.bpmn')));
    const flow = r.project.scenarios[0]!.flow;
    expect(flow.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['StartEvent_1', 'arrivals'],
      ['Task_register', 'step'],
      ['Task_assess', 'step'],
      ['EndEvent_1', 'exit'],
    ]);
    expect(byName(r.project, 'Register claim').position).toEqual({ x: 240 * 1.8, y: 80 * 1.3 });
    const xs = flow.nodes.map((n) => n.position.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs); // left to right as drawn
    expect(flow.departments).toHaveLength(1);
    expect(r.report.some((l) => /no diagram layout/.test(l.message))).toBe(false);
  });

  it('reads BPSim parameters: arrival times, processing times, staff and shares, in the file time unit', async () => {
    const r = ok(await importBpmn(fixture('bpsim-contact.bpmn')));
    const call = byName(r.project, 'Call comes in');
    expect(call.kind === 'arrivals' && call.arrivals).toEqual({ mode: 'interarrival', distribution: { kind: 'exponential', mean: 1 } }); // 60 s
    const answer = byName(r.project, 'First-level answer');
    expect(answer).toMatchObject({ kind: 'step', staff: 8, service: { kind: 'normal', mean: 6, sd: 2 } });
    expect(byName(r.project, 'Technical support')).toMatchObject({ staff: 6, service: { kind: 'uniform', min: 10, max: 30 } });
    const shares = r.project.scenarios[0]!.flow.edges.filter((e) => e.source === 'escalate').map((e) => [e.target, e.probability]);
    expect(shares).toEqual([
      ['expert', 0.2],
      ['done', 0.8],
    ]);
    expect(r.report.some((l) => l.level === 'warning' && /UnitCost is not simulated/.test(l.message))).toBe(true);
  });

  it('reports parallel gateways, sub-processes and boundary events clearly', async () => {
    const r = ok(await importBpmn(fixture('parallel-subprocess.bpmn')));
    const text = r.report.map((l) => `${l.level} ${l.element ?? ''} ${l.message}`).join('\n');
    expect(text).toMatch(/info fork Parallel gateway "Checks in parallel" imported as a parallel split/);
    expect(text).toMatch(/info join Parallel gateway .* imported as a join/);
    expect(text).toMatch(/warning contract sub process "Prepare contract" imported as one step/);
    // The boundary event is no longer dropped: 10 % (the stated default) leave the fraud check through it.
    expect(text).toMatch(/info late The interrupting timer boundary event "Too late" on "Fraud check": 10 % of the step's customers \(assumed/);
    const flow = r.project.scenarios[0]!.flow;
    expect(flow.nodes.find((n) => n.id === 'fork')!.kind).toBe('split');
    expect(flow.nodes.find((n) => n.id === 'join')!.kind).toBe('join');
    // Both checks get every case; the contract is prepared once per case, after both.
    expect(flow.edges.filter((e) => e.source === 'fork').map((e) => [e.target, e.probability])).toEqual([
      ['scoring', undefined],
      ['fraud', undefined],
    ]);
    const res = simulateReplication({ ...r.project, run: { ...r.project.run, horizon: { kind: 'duration', duration: 5 * 1440 } } }, r.project.scenarios[0]!.id, 0);
    expect(res.steps.scoring!.arrivals).toBe(res.steps.fraud!.arrivals);
    expect(res.joins.join!.cases).toBeGreaterThan(0);
  });

  it('a parallel gateway that joins and splits becomes a join followed by a split', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:process id="p" name="Both">
    <bpmn:startEvent id="s" /><bpmn:parallelGateway id="g1" /><bpmn:task id="a" name="A" /><bpmn:task id="b" name="B" />
    <bpmn:parallelGateway id="g2" name="Meet and part" /><bpmn:task id="c" name="C" /><bpmn:task id="dd" name="D" /><bpmn:parallelGateway id="g3" /><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g1" /><bpmn:sequenceFlow id="f2" sourceRef="g1" targetRef="a" /><bpmn:sequenceFlow id="f3" sourceRef="g1" targetRef="b" />
    <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="g2" /><bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="g2" /><bpmn:sequenceFlow id="f6" sourceRef="g2" targetRef="c" />
    <bpmn:sequenceFlow id="f7" sourceRef="g2" targetRef="dd" /><bpmn:sequenceFlow id="f8" sourceRef="c" targetRef="g3" /><bpmn:sequenceFlow id="f9" sourceRef="dd" targetRef="g3" /><bpmn:sequenceFlow id="f10" sourceRef="g3" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const r = ok(await importBpmn(xml));
    const flow = r.project.scenarios[0]!.flow;
    expect(flow.nodes.find((n) => n.id === 'g2')!.kind).toBe('join');
    expect(flow.nodes.find((n) => n.id === 'g2-split')!.kind).toBe('split');
    expect(flow.edges.filter((e) => e.source === 'g2').map((e) => e.target)).toEqual(['g2-split']);
    expect(flow.edges.filter((e) => e.source === 'g2-split').map((e) => e.target).sort()).toEqual(['c', 'dd']);
    expect(r.report.some((l) => /joins and splits/.test(l.message))).toBe(true);
  });

  it('refuses malformed, empty and non-BPMN files with a clear message', async () => {
    for (const [text, message] of [
      [fixture('malformed.bpmn'), /not a readable BPMN 2\.0 file/],
      ['', /empty/],
      ['{"formatVersion": 1}', /not a readable BPMN 2\.0 file/],
      ['<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>', /no process/],
    ] as const) {
      const r = await importBpmn(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
  });
});

describe('BPMN export', () => {
  it('round-trips every example scenario: the same flow and the same simulation results for a seed', async () => {
    for (const ex of EXAMPLES) {
      const project = getExample(ex.id)!.project;
      for (const scenario of project.scenarios) {
        const xml = exportBpmn(project, scenario.id);
        const r = ok(await importBpmn(xml));
        const back = r.project.scenarios[0]!;
        expect(back.flow).toEqual(scenario.flow);
        expect(r.project.classes).toEqual(project.classes);
        expect(r.project.costs).toEqual(project.costs);
        expect(r.project.calendars).toEqual(project.calendars);
        const short = (p: Project, id: string) => simulateReplication({ ...p, run: { ...p.run, horizon: { kind: 'duration', duration: 3 * 1440 } } }, id, 0);
        const a = short(project, scenario.id);
        const b = short({ ...r.project, scenarios: [{ ...back, id: scenario.id }] }, scenario.id);
        expect(JSON.stringify(b.overall)).toBe(JSON.stringify(a.overall));
      }
    }
  });

  it('writes diagram interchange and BPSim that other tools read (without our extension)', async () => {
    const project = getExample('loan')!.project;
    const xml = exportBpmn(project, 'baseline');
    expect(xml).toContain('<bpmndi:BPMNShape id="intake_di" bpmnElement="intake">');
    expect(xml).toContain('<bpsim:ElementParameters elementRef="credit-analysis">');
    // Another tool sees only BPMN + BPSim: strip Serviceflow's extension and import again.
    const foreign = xml.replace(/<bpmn:extensionElements><sf:data>[\s\S]*?<\/sf:data><\/bpmn:extensionElements>/g, '');
    expect(foreign).not.toContain('sf:data');
    const r = ok(await importBpmn(foreign));
    const flow = r.project.scenarios[0]!.flow;
    const original = project.scenarios[0]!.flow;
    expect(flow.nodes.map((n) => [n.id, n.kind, n.name])).toEqual(original.nodes.map((n) => [n.id, n.kind, n.name]));
    expect(flow.departments.map((d) => d.name)).toEqual(original.departments.map((d) => d.name));
    for (const n of original.nodes) {
      const m = flow.nodes.find((x) => x.id === n.id)!;
      if (n.kind === 'step' && m.kind === 'step') {
        expect(m.staff).toBe(n.staff);
        expect(m.departmentId).toBe(n.departmentId);
        expect('mean' in m.service && 'mean' in n.service ? m.service.mean : 0).toBeCloseTo('mean' in n.service ? n.service.mean : 0, 9);
      }
    }
    expect(flow.edges.map((e) => [e.source, e.target, e.probability])).toEqual(original.edges.map((e) => [e.source, e.target, e.probability]));
  });
});
