// BPMN export: the scenario as BPMN 2.0 with diagram interchange (it opens laid out in bpmn.io /
// Camunda Modeler), BPSim parameters, and the sf:data extension for a lossless round trip.
import { distributionMean } from '../../distributionMean';
import type { Department, Distribution, FlowEdge, FlowNode, Project } from '../../schema';
import { FORMAT_VERSION, MINUTES_PER_UNIT } from '../../schema';
import { bpsimValue } from '../bpsim';
import { calendarToICal } from '../bpsimCalendar';
import { SF_NAMESPACE } from './read';
import { XmlIds, diagramBoxes, laneOfNodes, waypoints } from './exportLayout';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The mean of a distribution (a timer's duration in BPMN is one number). */
export const meanOf = distributionMean;

/**
 * A scenario as BPMN 2.0 XML with diagram interchange, BPSim parameters and sf:data, valid
 * against the BPMN 2.0 XML schema: ids are XML names (the project's own ids travel in sf:data),
 * every node sits in a lane, and the BPSim relationship comes after the diagram.
 */
export function exportBpmn(project: Project, scenarioId: string): string {
  const scenario = project.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}"`);
  const { nodes, edges, departments } = scenario.flow;
  const mpu = MINUTES_PER_UNIT[project.timeUnit];
  const data = (value: unknown) => `<bpmn:extensionElements><sf:data>${esc(JSON.stringify(value))}</sf:data></bpmn:extensionElements>`;
  const ids = new XmlIds();
  const [defsId, collabId, participantId, pid, laneSetId, diagramId, planeId, relId] = ['Definitions_1', 'Collaboration_1', 'Participant_1', 'Process_1', 'LaneSet_1', 'Diagram_1', 'Plane_1', 'Relationship_BPSim'].map((x) => ids.take(x));
  const xid = new Map<string, string>();
  const deptXid = new Map(departments.map((d) => [d.id, ids.take(d.id)]));
  for (const n of nodes) xid.set(n.id, ids.take(n.id));
  const edgeXid = new Map(edges.map((e) => [e.id, ids.take(e.id)]));
  const X = (id: string) => esc(xid.get(id) ?? id);
  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpsim="http://www.bpsim.org/schemas/1.0" xmlns:sf="${SF_NAMESPACE}" id="${defsId}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Serviceflow" exporterVersion="${FORMAT_VERSION}">`,
    `<bpmn:collaboration id="${collabId}"><bpmn:participant id="${participantId}" name="${esc(project.name)}" processRef="${pid}"/></bpmn:collaboration>`,
    `<bpmn:process id="${pid}" name="${esc(scenario.name)}" isExecutable="false">`,
    data({ project: { name: project.name, timeUnit: project.timeUnit, classes: project.classes, run: project.run, serviceLevels: project.serviceLevels, costs: project.costs, calendars: project.calendars, scenarioName: scenario.name }, pools: scenario.flow.pools, systems: scenario.flow.systems }),
  );
  const laneOf = laneOfNodes(nodes, edges, departments);
  if (departments.length > 0) {
    out.push(`<bpmn:laneSet id="${laneSetId}">`);
    for (const d of departments) {
      const refs = nodes.filter((n) => laneOf.get(n.id) === d.id).map((n) => `<bpmn:flowNodeRef>${X(n.id)}</bpmn:flowNodeRef>`);
      out.push(`<bpmn:lane id="${esc(deptXid.get(d.id)!)}" name="${esc(d.name)}">${data({ id: d.id, color: d.color })}${refs.join('')}</bpmn:lane>`);
    }
    out.push('</bpmn:laneSet>');
  }
  const orJoins = joinsOfInclusiveSplits(nodes, edges);
  const flowsOf = (id: string, dir: 'in' | 'out') =>
    edges
      .filter((e) => (dir === 'in' ? e.target : e.source) === id)
      .map((e) => `<bpmn:${dir === 'in' ? 'incoming' : 'outgoing'}>${esc(edgeXid.get(e.id)!)}</bpmn:${dir === 'in' ? 'incoming' : 'outgoing'}>`)
      .join('');
  for (const n of nodes) {
    const io = flowsOf(n.id, 'in') + flowsOf(n.id, 'out');
    const attrs = `id="${X(n.id)}" name="${esc(n.name)}"`;
    const body = data(n) + io;
    switch (n.kind) {
      case 'arrivals':
        out.push(`<bpmn:startEvent ${attrs}>${body}</bpmn:startEvent>`);
        break;
      case 'step':
        out.push(`<bpmn:userTask ${attrs}>${body}</bpmn:userTask>`);
        break;
      case 'delay': {
        const seconds = Math.round(meanOf(n.duration) * mpu * 60);
        out.push(`<bpmn:intermediateCatchEvent ${attrs}>${body}<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT${seconds}S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);
        break;
      }
      case 'decision':
        out.push(`<bpmn:exclusiveGateway ${attrs}>${body}</bpmn:exclusiveGateway>`);
        break;
      case 'split':
      case 'join': {
        const tag = (n.kind === 'split' && n.mode === 'inclusive') || orJoins.has(n.id) ? 'inclusiveGateway' : 'parallelGateway';
        out.push(`<bpmn:${tag} ${attrs}>${body}</bpmn:${tag}>`);
        break;
      }
      case 'exit':
        out.push(`<bpmn:endEvent ${attrs}>${body}</bpmn:endEvent>`);
        break;
    }
  }
  for (const e of edges) {
    const name = e.label ?? (e.probability !== undefined ? `${Math.round(e.probability * 1000) / 10} %` : undefined);
    out.push(`<bpmn:sequenceFlow id="${esc(edgeXid.get(e.id)!)}" sourceRef="${X(e.source)}" targetRef="${X(e.target)}"${name ? ` name="${esc(name)}"` : ''}>${data(e)}</bpmn:sequenceFlow>`);
  }
  out.push('</bpmn:process>');

  // Diagram interchange: the pool, a lane band per department, shapes and edges.
  const { boxes, lanes } = diagramBoxes(nodes, departments, laneOf);
  const all = [...boxes.values()];
  const left = Math.min(0, ...all.map((b) => b.x)) - 40;
  const right = Math.max(400, ...all.map((b) => b.x + b.w)) + 40;
  out.push(`<bpmndi:BPMNDiagram id="${diagramId}"><bpmndi:BPMNPlane id="${planeId}" bpmnElement="${collabId}">`);
  const poolTop = Math.min(...all.map((b) => b.y - 20), ...lanes.map((l) => l.top));
  const poolBottom = Math.max(...all.map((b) => b.y + b.h + 40), ...lanes.map((l) => l.bottom));
  out.push(`<bpmndi:BPMNShape id="${ids.take(`${participantId}_di`)}" bpmnElement="${participantId}" isHorizontal="true"><dc:Bounds x="${left - 30}" y="${poolTop}" width="${right - left + 30}" height="${poolBottom - poolTop}"/></bpmndi:BPMNShape>`);
  for (const l of lanes) {
    const lx = deptXid.get(l.d.id)!;
    out.push(`<bpmndi:BPMNShape id="${esc(ids.take(`${lx}_di`))}" bpmnElement="${esc(lx)}" isHorizontal="true"><dc:Bounds x="${left}" y="${l.top}" width="${right - left}" height="${l.bottom - l.top}"/></bpmndi:BPMNShape>`);
  }
  for (const n of nodes) {
    const b = boxes.get(n.id)!;
    out.push(`<bpmndi:BPMNShape id="${esc(ids.take(`${xid.get(n.id)!}_di`))}" bpmnElement="${X(n.id)}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/></bpmndi:BPMNShape>`);
  }
  for (const e of edges) {
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) continue;
    const ex = edgeXid.get(e.id)!;
    const points = waypoints(a, b, e.source === e.target).map((p) => `<di:waypoint x="${p.x}" y="${p.y}"/>`);
    out.push(`<bpmndi:BPMNEdge id="${esc(ids.take(`${ex}_di`))}" bpmnElement="${esc(ex)}">${points.join('')}</bpmndi:BPMNEdge>`);
  }
  out.push('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>');

  // BPSim (after the diagram, as the schema orders them): arrivals, processing times and staff,
  // delays, routing shares; times in minutes.
  // Calendars: each a bpsim:Calendar (iCalendar text); values of the steps and arrivals on one are
  // `validFor` it (a step drawing on a pool follows the pool's calendar).
  const calXid = new Map((project.calendars ?? []).map((c) => [c.id, ids.take(c.id)]));
  const poolCal = new Map((scenario.flow.pools ?? []).map((p) => [p.id, p.calendarId]));
  const validFor = (cal: string | undefined) => (cal !== undefined && calXid.has(cal) ? ` validFor="${esc(calXid.get(cal)!)}"` : '');
  const withCal = (value: string, cal: string | undefined) => value.replace(/\/>$/, `${validFor(cal)}/>`);
  const params: string[] = [];
  const el = (id: string, inner: string) => `<bpsim:ElementParameters elementRef="${esc(id)}">${inner}</bpsim:ElementParameters>`;
  for (const n of nodes) {
    if (n.kind === 'arrivals') {
      const d: Distribution = n.arrivals.mode === 'rate' ? { kind: 'exponential', mean: 1 / (n.arrivals.rate / ({ minute: 1, hour: 60, day: 1440, week: 10080 }[n.arrivals.per] / mpu)) } : n.arrivals.distribution;
      params.push(el(xid.get(n.id)!, `<bpsim:TimeParameters><bpsim:InterTriggerTimer>${withCal(bpsimValue(d, mpu), n.calendarId)}</bpsim:InterTriggerTimer></bpsim:TimeParameters>`));
    } else if (n.kind === 'step') {
      const cal = n.poolId !== undefined ? poolCal.get(n.poolId) : n.calendarId;
      const availability = validFor(cal) ? `<bpsim:Availability><bpsim:BooleanParameter value="true"${validFor(cal)}/></bpsim:Availability>` : '';
      params.push(el(xid.get(n.id)!, `<bpsim:TimeParameters><bpsim:ProcessingTime>${bpsimValue(n.service, mpu)}</bpsim:ProcessingTime></bpsim:TimeParameters><bpsim:ResourceParameters>${availability}<bpsim:Quantity><bpsim:NumericParameter value="${n.staff}"${validFor(cal)}/></bpsim:Quantity></bpsim:ResourceParameters>`));
    } else if (n.kind === 'delay') {
      params.push(el(xid.get(n.id)!, `<bpsim:TimeParameters><bpsim:ProcessingTime>${bpsimValue(n.duration, mpu)}</bpsim:ProcessingTime></bpsim:TimeParameters>`));
    }
  }
  for (const e of edges) if (e.probability !== undefined) params.push(el(edgeXid.get(e.id)!, `<bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="${e.probability}"/></bpsim:Probability></bpsim:ControlParameters>`));
  const calendars = (project.calendars ?? []).map((c) => `<bpsim:Calendar id="${esc(calXid.get(c.id)!)}" name="${esc(c.name)}">${esc(calendarToICal(c)).replace(/\r\n/g, '&#13;&#10;')}</bpsim:Calendar>`).join('');
  out.push(
    `<bpmn:relationship id="${relId}" type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData><bpsim:Scenario id="default" name="${esc(scenario.name)}"><bpsim:ScenarioParameters baseTimeUnit="min"/>${params.join('')}${calendars}</bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>${pid}</bpmn:source><bpmn:target>${pid}</bpmn:target></bpmn:relationship>`,
  );
  out.push('</bpmn:definitions>');
  return out.join('\n');
}

/** Joins that close an inclusive split: the first join on each of its paths (an OR join in BPMN). */
function joinsOfInclusiveSplits(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Set<string> {
  const kind = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const found = new Set<string>();
  for (const n of nodes) {
    if (n.kind !== 'split' || n.mode !== 'inclusive') continue;
    const seen = new Set<string>();
    const stack = [...(out.get(n.id) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (kind.get(id)?.kind === 'join') found.add(id);
      else stack.push(...(out.get(id) ?? []));
    }
  }
  return found;
}
