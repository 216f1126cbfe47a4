// BPMN export: the scenario as BPMN 2.0 with diagram interchange (it opens laid out in bpmn.io /
// Camunda Modeler), BPSim parameters, and the sf:data extension for a lossless round trip.
import type { Department, Distribution, FlowEdge, FlowNode, Project } from '../../schema';
import { FORMAT_VERSION, MINUTES_PER_UNIT } from '../../schema';
import { bpsimValue } from '../bpsim';
import { DI_SCALE, SF_NAMESPACE } from './read';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const SIZE: Record<FlowNode['kind'], { w: number; h: number }> = { arrivals: { w: 36, h: 36 }, step: { w: 100, h: 80 }, delay: { w: 36, h: 36 }, decision: { w: 50, h: 50 }, exit: { w: 36, h: 36 }, split: { w: 50, h: 50 }, join: { w: 50, h: 50 } };

/** A scenario as BPMN 2.0 XML with diagram interchange, BPSim parameters and sf:data. */
export function exportBpmn(project: Project, scenarioId: string): string {
  const scenario = project.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}"`);
  const { nodes, edges, departments } = scenario.flow;
  const mpu = MINUTES_PER_UNIT[project.timeUnit];
  const data = (value: unknown) => `<bpmn:extensionElements><sf:data>${esc(JSON.stringify(value))}</sf:data></bpmn:extensionElements>`;
  const pid = 'Process_1';
  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:bpsim="http://www.bpsim.org/schemas/1.0" xmlns:sf="${SF_NAMESPACE}" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Serviceflow" exporterVersion="${FORMAT_VERSION}">`,
    `<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1" name="${esc(project.name)}" processRef="${pid}"/></bpmn:collaboration>`,
    `<bpmn:process id="${pid}" name="${esc(scenario.name)}" isExecutable="false">`,
    data({ project: { name: project.name, timeUnit: project.timeUnit, classes: project.classes, run: project.run, serviceLevels: project.serviceLevels, costs: project.costs, scenarioName: scenario.name }, pools: scenario.flow.pools, systems: scenario.flow.systems }),
  );
  const inLane = (d: Department) => nodes.filter((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === d.id);
  out.push('<bpmn:laneSet id="LaneSet_1">');
  for (const d of departments) {
    out.push(`<bpmn:lane id="${esc(d.id)}" name="${esc(d.name)}">${data({ color: d.color })}${inLane(d).map((n) => `<bpmn:flowNodeRef>${esc(n.id)}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`);
  }
  out.push('</bpmn:laneSet>');
  const orJoins = joinsOfInclusiveSplits(nodes, edges);
  const flowsOf = (id: string, dir: 'in' | 'out') => edges.filter((e) => (dir === 'in' ? e.target : e.source) === id).map((e) => `<bpmn:${dir === 'in' ? 'incoming' : 'outgoing'}>${esc(e.id)}</bpmn:${dir === 'in' ? 'incoming' : 'outgoing'}>`).join('');
  for (const n of nodes) {
    const io = flowsOf(n.id, 'in') + flowsOf(n.id, 'out');
    const attrs = `id="${esc(n.id)}" name="${esc(n.name)}"`;
    const body = data(n) + io;
    switch (n.kind) {
      case 'arrivals':
        out.push(`<bpmn:startEvent ${attrs}>${body}</bpmn:startEvent>`);
        break;
      case 'step':
        out.push(`<bpmn:userTask ${attrs}>${body}</bpmn:userTask>`);
        break;
      case 'delay': {
        const mean = n.duration.kind === 'constant' ? n.duration.value : 'mean' in n.duration ? n.duration.mean : 0;
        const minutes = Math.round(mean * mpu * 60);
        out.push(`<bpmn:intermediateCatchEvent ${attrs}>${body}<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">PT${minutes}S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);
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
    out.push(`<bpmn:sequenceFlow id="${esc(e.id)}" sourceRef="${esc(e.source)}" targetRef="${esc(e.target)}"${name ? ` name="${esc(name)}"` : ''}>${data(e)}</bpmn:sequenceFlow>`);
  }
  out.push('</bpmn:process>');
  // BPSim: arrivals, processing times, staff, routing shares (times in minutes).
  const params: string[] = [];
  for (const n of nodes) {
    if (n.kind === 'arrivals') {
      const d: Distribution = n.arrivals.mode === 'rate' ? { kind: 'exponential', mean: 1 / (n.arrivals.rate / ({ minute: 1, hour: 60, day: 1440, week: 10080 }[n.arrivals.per] / mpu)) } : n.arrivals.distribution;
      params.push(`<bpsim:ElementParameters elementRef="${esc(n.id)}"><bpsim:TimeParameters><bpsim:InterTriggerTimer>${bpsimValue(d, mpu)}</bpsim:InterTriggerTimer></bpsim:TimeParameters></bpsim:ElementParameters>`);
    } else if (n.kind === 'step') {
      params.push(
        `<bpsim:ElementParameters elementRef="${esc(n.id)}"><bpsim:TimeParameters><bpsim:ProcessingTime>${bpsimValue(n.service, mpu)}</bpsim:ProcessingTime></bpsim:TimeParameters><bpsim:ResourceParameters><bpsim:Quantity><bpsim:NumericParameter value="${n.staff}"/></bpsim:Quantity></bpsim:ResourceParameters></bpsim:ElementParameters>`,
      );
    }
  }
  for (const e of edges)
    if (e.probability !== undefined) params.push(`<bpsim:ElementParameters elementRef="${esc(e.id)}"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="${e.probability}"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>`);
  out.push(
    `<bpmn:relationship id="Relationship_BPSim" type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData><bpsim:Scenario id="default" name="${esc(scenario.name)}"><bpsim:ScenarioParameters baseTimeUnit="min"/>${params.join('')}</bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>${pid}</bpmn:source><bpmn:target>${pid}</bpmn:target></bpmn:relationship>`,
  );
  // Diagram interchange: the pool, a lane band per department, shapes and edges.
  const size = (n: FlowNode) => SIZE[n.kind];
  const box = new Map(nodes.map((n) => [n.id, { x: Math.round(n.position.x / DI_SCALE.x), y: Math.round(n.position.y / DI_SCALE.y), ...size(n) }]));
  const all = [...box.values()];
  const left = Math.min(0, ...all.map((b) => b.x)) - 40;
  const right = Math.max(400, ...all.map((b) => b.x + b.w)) + 40;
  out.push('<bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">');
  const lanes = departments.map((d) => {
    const members = inLane(d).map((n) => box.get(n.id)!);
    const top = members.length ? Math.min(...members.map((b) => b.y)) - 25 : 0;
    const bottom = members.length ? Math.max(...members.map((b) => b.y + b.h)) + 25 : 100;
    return { d, top, bottom };
  });
  const poolTop = Math.min(...all.map((b) => b.y), ...lanes.map((l) => l.top)) - 20;
  const poolBottom = Math.max(...all.map((b) => b.y + b.h), ...lanes.map((l) => l.bottom)) + 20;
  out.push(`<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true"><dc:Bounds x="${left - 30}" y="${poolTop}" width="${right - left + 30}" height="${poolBottom - poolTop}"/></bpmndi:BPMNShape>`);
  for (const l of lanes) out.push(`<bpmndi:BPMNShape id="${esc(l.d.id)}_di" bpmnElement="${esc(l.d.id)}" isHorizontal="true"><dc:Bounds x="${left}" y="${l.top}" width="${right - left}" height="${l.bottom - l.top}"/></bpmndi:BPMNShape>`);
  for (const n of nodes) {
    const b = box.get(n.id)!;
    out.push(`<bpmndi:BPMNShape id="${esc(n.id)}_di" bpmnElement="${esc(n.id)}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/></bpmndi:BPMNShape>`);
  }
  for (const e of edges) {
    const a = box.get(e.source);
    const b = box.get(e.target);
    if (!a || !b) continue;
    out.push(`<bpmndi:BPMNEdge id="${esc(e.id)}_di" bpmnElement="${esc(e.id)}"><di:waypoint x="${a.x + a.w}" y="${a.y + a.h / 2}"/><di:waypoint x="${b.x}" y="${b.y + b.h / 2}"/></bpmndi:BPMNEdge>`);
  }
  out.push('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>', '</bpmn:definitions>');
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
