// The BPMN mappings for real models, each on a small inline model: boundary events, event
// sub-processes, assumed figures fitted to the flow, the main process, loop and multi-instance
// markers, long ids, encodings, names, timers read from names, parser warnings, OR gateways.
import { describe, expect, it } from 'vitest';
import { importBpmn, type BpmnImport } from '../../../src/engine/bpmnImport';
import { durationFromName } from '../../../src/model/interop/bpmn/events';
import { checkScenario, hasErrors } from '../../../src/engine/check';
import { trafficEquations } from '../../../src/engine/traffic';
import { simulateReplication } from '../../../src/engine/simulate';
import { exportBpmn } from '../../../src/model/interop/bpmn/export';
import type { FlowNode, Project } from '../../../src/model/schema';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
const doc = (body: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="d">${body}${extra}</bpmn:definitions>`;
const proc = (body: string, id = 'P') => `<bpmn:process id="${id}">${body}</bpmn:process>`;
const flow = (id: string, s: string, t: string, attrs = '') => `<bpmn:sequenceFlow id="${id}" sourceRef="${s}" targetRef="${t}"${attrs}/>`;
/** start → a "Handle" task (with `inner` inside it) → end, plus `more`. */
const line = (inner = '', more = '') =>
  doc(proc(`<bpmn:startEvent id="s"/><bpmn:task id="t" name="Handle">${inner}</bpmn:task><bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${more}`));

const ok = (r: BpmnImport) => {
  if (!r.ok) throw new Error(r.error);
  expect(hasErrors(checkScenario(r.project, 0))).toBe(false);
  for (const l of r.report) expect(l.message).not.toMatch(/\n|undefined|NaN|Infinity/);
  return r;
};
const text = (r: BpmnImport) => r.report.map((l) => l.message).join('\n');
const node = (p: Project, id: string) => p.scenarios[0]!.flow.nodes.find((n) => n.id === id) as FlowNode;
const outs = (p: Project, id: string) => p.scenarios[0]!.flow.edges.filter((e) => e.source === id).map((e) => [e.target, e.probability]);
const run = (p: Project, days = 20) => simulateReplication({ ...p, run: { ...p.run, horizon: { kind: 'duration', duration: days * 1440 }, warmup: 0 } }, p.scenarios[0]!.id, 0);

describe('boundary events', () => {
  const withBoundary = (attrs: string, def: string) =>
    line('', `<bpmn:boundaryEvent id="b" name="Too late" attachedToRef="t"${attrs}>${def}</bpmn:boundaryEvent><bpmn:task id="x" name="Escalate"/><bpmn:endEvent id="e2"/>${flow('f3', 'b', 'x')}${flow('f4', 'x', 'e2')}`);

  it('interrupting: a decision after the step sends the stated default share (10 %) down the event path', async () => {
    const r = ok(await importBpmn(withBoundary('', '<bpmn:timerEventDefinition/>')));
    expect(node(r.project, 't-event')).toMatchObject({ kind: 'decision', mode: 'probability' });
    expect(outs(r.project, 't')).toEqual([['t-event', undefined]]);
    expect(outs(r.project, 't-event')).toEqual([
      ['e', 0.9],
      ['x', 0.1],
    ]);
    expect(text(r)).toMatch(/The interrupting timer boundary event "Too late" on "Handle": 10 % of the step's customers \(assumed.*\) leave through its path/);
    const res = run(r.project);
    expect(res.steps.x!.arrivals / res.steps.t!.arrivals).toBeGreaterThan(0.06);
    expect(res.steps.x!.arrivals / res.steps.t!.arrivals).toBeLessThan(0.14);
  });

  it('takes the share from BPSim when the file gives one, else from the option', async () => {
    const bpsim = `<bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData xmlns:bpsim="http://www.bpsim.org/schemas/1.0"><bpsim:Scenario id="s1"><bpsim:ElementParameters elementRef="f3"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="0.25"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters></bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>P</bpmn:source><bpmn:target>P</bpmn:target></bpmn:relationship>`;
    const xml = withBoundary('', '<bpmn:errorEventDefinition/>').replace('</bpmn:definitions>', `${bpsim}</bpmn:definitions>`);
    const r = ok(await importBpmn(xml));
    expect(outs(r.project, 't-event')).toEqual([
      ['e', 0.75],
      ['x', 0.25],
    ]);
    expect(text(r)).toMatch(/error boundary event "Too late".*25 % of the step's customers \(from the file\)/);
    const o = ok(await importBpmn(withBoundary('', '<bpmn:errorEventDefinition/>'), { boundaryShare: 0.3 }));
    expect(outs(o.project, 't-event')).toEqual([
      ['e', 0.7],
      ['x', 0.3],
    ]);
  });

  it('non-interrupting: for the share a parallel split sends a second part down the event path while the case goes on', async () => {
    const r = ok(await importBpmn(withBoundary(' cancelActivity="false"', '<bpmn:messageEventDefinition/>')));
    expect(outs(r.project, 't-event')).toEqual([
      ['e', 0.9],
      ['b-split', 0.1],
    ]);
    expect(node(r.project, 'b-split').kind).toBe('split');
    expect(outs(r.project, 'b-split').map(([t]) => t).sort()).toEqual(['e', 'x']);
    expect(text(r)).toMatch(/non-interrupting message boundary event "Too late" on "Handle": for 10 % .* a second part takes its path while the case goes on normally/);
    const res = run(r.project);
    expect(res.steps.x!.arrivals / res.steps.t!.arrivals).toBeGreaterThan(0.06);
    expect(res.steps.x!.arrivals / res.steps.t!.arrivals).toBeLessThan(0.14);
  });

  it('on a parallel multi-instance step the event follows the join; on a looping step it comes before the rework decision', async () => {
    const boundary = '<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>';
    const mi = ok(await importBpmn(line('<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>', boundary)));
    expect(outs(mi.project, 't')).toEqual([['t-meet', undefined]]);
    expect(outs(mi.project, 't-meet')).toEqual([['t-meet-event', undefined]]);
    expect(outs(mi.project, 't-meet-event')).toEqual([
      ['e', 0.9],
      ['b-end', 0.1],
    ]);
    const loop = ok(await importBpmn(line('<bpmn:standardLoopCharacteristics/>', boundary)));
    expect(outs(loop.project, 't')).toEqual([['t-event', undefined]]);
    expect(outs(loop.project, 't-event')).toEqual([
      ['t-again', 0.9],
      ['b-end', 0.1],
    ]);
  });

  it('an interrupting event with no path after it ends the case there', async () => {
    const r = ok(await importBpmn(line('', '<bpmn:boundaryEvent id="b" name="Cancelled" attachedToRef="t"><bpmn:escalationEventDefinition/></bpmn:boundaryEvent>')));
    expect(outs(r.project, 't-event')).toEqual([
      ['e', 0.9],
      ['b-end', 0.1],
    ]);
    expect(node(r.project, 'b-end').kind).toBe('exit');
  });
});

describe('event sub-processes, markers, process choice', () => {
  it('leaves an event sub-process out with a report line; the rest runs', async () => {
    const sub = '<bpmn:subProcess id="ev" name="Handle complaint" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition/></bpmn:startEvent><bpmn:task id="et"/></bpmn:subProcess>';
    const r = ok(await importBpmn(line('', sub)));
    expect(r.project.scenarios[0]!.flow.nodes.some((n) => n.id === 'ev')).toBe(false);
    expect(text(r)).toMatch(/Event sub-process "Handle complaint" \(started by a message event\) runs only when its event happens.*left out/);
  });

  it('a standard loop becomes rework: the share from the loop maximum (mean runs halfway to it), else 20 %', async () => {
    const r = ok(await importBpmn(line('<bpmn:standardLoopCharacteristics loopMaximum="5"/>')));
    expect(node(r.project, 't-again')).toMatchObject({ kind: 'decision' });
    const back = outs(r.project, 't-again');
    expect(back[0]).toEqual(['e', expect.closeTo(1 / 3, 9)]);
    expect(back[1]).toEqual(['t', expect.closeTo(2 / 3, 9)]);
    expect(trafficEquations(r.project, r.project.scenarios[0]!).steps.t!.visitsPerCustomer).toBeCloseTo(3, 6); // (1 + 5) / 2
    expect(text(r)).toMatch(/Loop on "Handle" \(at most 5 rounds\): simulated as rework — 66\.7 % go back.*3 times on average/);
    const d = ok(await importBpmn(line('<bpmn:standardLoopCharacteristics/>')));
    expect(outs(d.project, 't-again')).toEqual([
      ['e', 0.8],
      ['t', 0.2],
    ]);
    expect(text(d)).toMatch(/no maximum in the file.*20 % go back to the step, 1\.25 runs on average/);
  });

  it('parallel multi-instance: a split into N parts through the step, joined after it', async () => {
    const card = (n: string) => `<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${n}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`;
    const r = ok(await importBpmn(line(card('4'))));
    expect(outs(r.project, 's')).toEqual([['t-parts', undefined]]);
    expect(outs(r.project, 't-parts').map(([t]) => t)).toEqual(['t', 't', 't', 't']);
    expect(outs(r.project, 't')).toEqual([['t-meet', undefined]]);
    expect(node(r.project, 't-meet').kind).toBe('join');
    expect(text(r)).toMatch(/Parallel multi-instance "Handle" \(4 instances, from the file\)/);
    const res = run(r.project, 10);
    expect(res.steps.t!.arrivals / res.overall.arrived).toBeGreaterThan(3.8);
    expect(res.steps.t!.arrivals / res.overall.arrived).toBeLessThanOrEqual(4);
    expect(res.joins['t-meet']!.cases).toBeGreaterThan(0);
    const d = ok(await importBpmn(line(card('${count}'))));
    expect(outs(d.project, 't-parts')).toHaveLength(3);
    expect(text(d)).toMatch(/3 instances assumed, as the file gives no number\)/);
  });

  it('sequential multi-instance: N services in a row (exponential → Erlang with N times the mean)', async () => {
    const r = ok(await importBpmn(line('<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>')));
    expect(node(r.project, 't')).toMatchObject({ kind: 'step', service: { kind: 'erlang', mean: 30, k: 3 } });
    expect(text(r)).toMatch(/Sequential multi-instance "Handle" \(3 instances, from the file\): one service 3 times as long/);
  });

  it('imports the process with most tasks, lists all, and imports another when asked', async () => {
    const side = proc(`<bpmn:startEvent id="s1"/><bpmn:task id="a1" name="Note"/><bpmn:endEvent id="e1"/>${flow('g1', 's1', 'a1')}${flow('g2', 'a1', 'e1')}`, 'Side');
    const main = proc(`<bpmn:startEvent id="s2"/><bpmn:task id="m1"/><bpmn:task id="m2"/><bpmn:task id="m3"/><bpmn:endEvent id="e2"/>${flow('h1', 's2', 'm1')}${flow('h2', 'm1', 'm2')}${flow('h3', 'm2', 'm3')}${flow('h4', 'm3', 'e2')}`, 'Main');
    const collab = '<bpmn:collaboration id="c"><bpmn:participant id="p1" name="Customer" processRef="Side"/><bpmn:participant id="p2" name="Bank" processRef="Main"/></bpmn:collaboration>';
    const xml = doc(collab + side + main);
    const r = ok(await importBpmn(xml));
    if (!r.ok) return;
    expect(r.processId).toBe('Main');
    expect(r.processes).toEqual([
      { id: 'Side', name: 'Customer', tasks: 1 },
      { id: 'Main', name: 'Bank', tasks: 3 },
    ]);
    expect(r.project.scenarios[0]!.flow.nodes.filter((n) => n.kind === 'step')).toHaveLength(3);
    expect(text(r)).toMatch(/The file has 2 processes: "Bank" \(3 tasks\) was imported, the one with the most tasks; left out: "Customer" \(1 task\)/);
    const other = ok(await importBpmn(xml, { processId: 'Side' }));
    expect(other.ok && other.processId).toBe('Side');
    expect(other.ok && other.project.scenarios[0]!.flow.nodes.map((n) => n.id)).toContain('a1');
    expect(text(other)).toMatch(/"Customer" \(1 task\) was imported as asked/);
  });
});

describe('assumed figures fit the flow', () => {
  it('without times in the file the busiest step is about 70 % busy, even when visited twice', async () => {
    // Checked twice: half the cases go back to the check (2 visits on average) — 4 an hour would put it at 133 %.
    const xml = doc(proc(`<bpmn:startEvent id="s"/><bpmn:task id="c" name="Check"/><bpmn:exclusiveGateway id="g"/><bpmn:task id="f" name="Fix"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'c')}${flow('f2', 'c', 'g')}${flow('f3', 'g', 'f')}${flow('f4', 'f', 'c')}${flow('f5', 'g', 'e')}`));
    const r = ok(await importBpmn(xml));
    if (!r.ok) return;
    const traffic = trafficEquations(r.project, r.project.scenarios[0]!);
    expect(traffic.steps.c!.visitsPerCustomer).toBeCloseTo(2, 6);
    expect(traffic.steps.c!.utilization).toBeGreaterThan(0.65);
    expect(traffic.steps.c!.utilization).toBeLessThan(0.75);
    const s = node(r.project, 's');
    expect(s.kind === 'arrivals' && s.arrivals).toEqual({ mode: 'rate', rate: 2.1, per: 'hour' });
    expect(text(r)).toMatch(/No arrival rate in the file: 2\.1 customers per hour assumed, so that the busiest step, "Check" \(2 visits per customer\), is about 70 % busy/);
  });

  it('with an arrival rate but no staff, overloaded steps get enough staff for about 70 %', async () => {
    const bpsim = `<bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData xmlns:bpsim="http://www.bpsim.org/schemas/1.0"><bpsim:Scenario id="s1"><bpsim:ScenarioParameters baseTimeUnit="min"/><bpsim:ElementParameters elementRef="s"><bpsim:TimeParameters><bpsim:InterTriggerTimer><bpsim:NumericParameter value="2"/></bpsim:InterTriggerTimer></bpsim:TimeParameters></bpsim:ElementParameters></bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>P</bpmn:source><bpmn:target>P</bpmn:target></bpmn:relationship>`;
    const r = ok(await importBpmn(line().replace('</bpmn:definitions>', `${bpsim}</bpmn:definitions>`)));
    // One every 2 minutes, 10 minutes each: 5 staff needed, 8 for about 70 % (62.5 %).
    expect(node(r.project, 't')).toMatchObject({ staff: 8 });
    expect(text(r)).toMatch(/staff assumed for about 70 % busy — "Handle" 8/);
  });
});

describe('smaller things real files do', () => {
  it('keeps ids over 80 characters apart', async () => {
    const long = 'sid_c6eca5e8_8b8f_4e42_b8d8_6b7e858672df_sid_744AEFB3_C93D_46A3_8976_EFA91784A51';
    const xml = doc(proc(`<bpmn:startEvent id="${long}A1"/><bpmn:task id="${long}B2"/><bpmn:endEvent id="${long}C3"/>${flow('f1', `${long}A1`, `${long}B2`)}${flow('f2', `${long}B2`, `${long}C3`)}`));
    const r = ok(await importBpmn(xml));
    if (!r.ok) return;
    const ids = r.project.scenarios[0]!.flow.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(80);
  });

  it('decodes bytes by the declared encoding (ISO-8859-1) and collapses line breaks in names', async () => {
    const xml = line().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('name="Handle"', 'name="Prüfung der&#10;  Unterlagen"');
    const bytes = Uint8Array.from([...xml].map((c) => c.charCodeAt(0))); // latin1: ü is one byte 0xFC
    expect(bytes.includes(0xfc)).toBe(true);
    const r = ok(await importBpmn(bytes));
    if (!r.ok) return;
    expect(node(r.project, 't').name).toBe('Prüfung der Unterlagen');
    expect(text(r)).not.toMatch(/encoding|UTF-8/i);
  });

  it('reads a timer duration from the name when there is no ISO 8601 duration, in English and German', async () => {
    expect(durationFromName('Wait 7 days')).toBe(7 * 1440);
    expect(durationFromName('24 Hours')).toBe(24 * 60);
    expect(durationFromName('15m')).toBe(15);
    expect(durationFromName('7 Tage')).toBe(7 * 1440);
    expect(durationFromName('2 Wochen warten')).toBe(2 * 10080);
    expect(durationFromName('after 1,5 Stunden')).toBe(90);
    expect(durationFromName('one week')).toBe(10080);
    expect(durationFromName('Frist verstrichen')).toBeUndefined();
    const timer = (name: string, body = '') =>
      doc(proc(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="w" name="${name}"><bpmn:timerEventDefinition>${body}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:task id="t"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'w')}${flow('f2', 'w', 't')}${flow('f3', 't', 'e')}`));
    const r = ok(await importBpmn(timer('7 Tage')));
    expect(node(r.project, 'w')).toMatchObject({ kind: 'delay', duration: { kind: 'constant', value: 7 * 1440 } });
    expect(text(r)).toMatch(/Timer "7 Tage" has no ISO 8601 duration: 7 days read from its name/);
    const iso = ok(await importBpmn(timer('7 Tage', '<bpmn:timeDuration>PT2H</bpmn:timeDuration>')));
    expect(node(iso.project, 'w')).toMatchObject({ duration: { value: 120 } }); // the file's duration wins
    const none = ok(await importBpmn(timer('Deadline passed')));
    expect(node(none.project, 'w')).toMatchObject({ duration: { value: 60 } });
    expect(text(none)).toMatch(/Timer "Deadline passed" has no duration we can read: 1 hour assumed/);
  });

  it('puts parser warnings in one readable line each', async () => {
    const r = ok(await importBpmn(line().replace('<bpmn:task id="t" name="Handle">', '<bpmn:task id="t" name="Handle" default="nowhere">')));
    const warnings = r.report.filter((l) => l.level === 'warning').map((l) => l.message);
    expect(warnings).toContain('A reference to "nowhere" points to nothing in the file; it was ignored.');
  });

  it('an inclusive (OR) gateway becomes an inclusive split (chances from BPSim, else 50 %) and its merge a join; export writes it back', async () => {
    const bpsim = `<bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData xmlns:bpsim="http://www.bpsim.org/schemas/1.0"><bpsim:Scenario id="s1"><bpsim:ElementParameters elementRef="f2"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="0.8"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters></bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>P</bpmn:source><bpmn:target>P</bpmn:target></bpmn:relationship>`;
    const xml = doc(proc(`<bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="o" name="Which checks?"/><bpmn:task id="a"/><bpmn:task id="b"/><bpmn:inclusiveGateway id="m"/><bpmn:task id="c" name="After"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'o')}${flow('f2', 'o', 'a')}${flow('f3', 'o', 'b')}${flow('f4', 'a', 'm')}${flow('f5', 'b', 'm')}${flow('f6', 'm', 'c')}${flow('f7', 'c', 'e')}`), bpsim);
    const r = ok(await importBpmn(xml));
    expect(node(r.project, 'o')).toMatchObject({ kind: 'split', mode: 'inclusive' });
    expect(node(r.project, 'm')).toMatchObject({ kind: 'join' });
    expect(outs(r.project, 'o')).toEqual([
      ['a', 0.8],
      ['b', 0.5],
    ]);
    expect(text(r)).toMatch(/Inclusive gateway "Which checks\?" imported as an inclusive split: each case takes one or more of its paths/);
    expect(text(r)).toMatch(/No chance on 1 of the paths out of "Which checks\?": each taken by 50 % of the cases on its own/);
    // The step after the join sees each case once; A sees 0.8 / 0.9 of them.
    const res = run(r.project, 40);
    expect(Math.abs(res.steps.c!.arrivals - res.overall.arrived)).toBeLessThanOrEqual(res.overall.inSystemAtEnd + 1);
    expect(res.steps.a!.arrivals / res.steps.c!.arrivals).toBeGreaterThan(0.8 / 0.9 - 0.05);
    expect(res.steps.a!.arrivals / res.steps.c!.arrivals).toBeLessThan(0.8 / 0.9 + 0.05);
    expect(trafficEquations(r.project, r.project.scenarios[0]!).steps.c!.arrivalRate).toBeCloseTo(trafficEquations(r.project, r.project.scenarios[0]!).steps.a!.arrivalRate * 0.9 / 0.8, 9);
    // Exported as inclusive gateways, read back the same without Serviceflow's extension.
    const out = exportBpmn(r.project, r.project.scenarios[0]!.id);
    expect(out).toMatch(/<bpmn:inclusiveGateway id="o"/);
    expect(out).toMatch(/<bpmn:inclusiveGateway id="m"/);
    const foreign = out.replace(/<bpmn:extensionElements><sf:data>[\s\S]*?<\/sf:data><\/bpmn:extensionElements>/g, '');
    const back = ok(await importBpmn(foreign));
    expect(node(back.project, 'o')).toMatchObject({ kind: 'split', mode: 'inclusive' });
    expect(outs(back.project, 'o')).toEqual(outs(r.project, 'o'));
  });

  it('a process without start event starts where nothing leads in; a task without a way out ends the path', async () => {
    const xml = doc(proc(`<bpmn:task id="a" name="First"/><bpmn:task id="b" name="Last"/>${flow('f1', 'a', 'b')}`));
    const r = ok(await importBpmn(xml));
    expect(outs(r.project, 'implied-start')).toEqual([['a', undefined]]);
    expect(node(r.project, 'b-end').kind).toBe('exit');
    expect(text(r)).toMatch(/no start event: customers start at "First"/);
    expect(text(r)).toMatch(/"Last" had no way out; in BPMN the path ends there/);
  });
});
