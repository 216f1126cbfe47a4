// BPMN 2.0 in and out. Import (bpmn-moddle parses the XML): start events become arrivals, tasks
// steps, lanes (or pools) departments, exclusive/inclusive gateways decisions, end events exits,
// timer events delays, sequence flows connections; diagram positions are kept. Simulation
// parameters come from BPSim where present, and exactly from Serviceflow's own extension
// (sf:data, written by the export) when the file came from here. Everything that cannot be mapped
// gets a line in the import report; nothing is dropped silently, and the import never throws.
// Export writes BPMN with diagram interchange (it opens laid out in bpmn.io / Camunda Modeler),
// BPSim parameters, and the sf:data extension for a lossless round trip.
import { BpmnModdle } from 'bpmn-moddle';
import type { Department, Distribution, FlowEdge, FlowNode, Project, Scenario, TimeUnit } from '../schema';
import { FORMAT_VERSION, MINUTES_PER_UNIT } from '../schema';
import { loadProject, describeProblem } from '../load';
import { bpsimValue, isoDurationMinutes, readBpsim } from './bpsim';

export const SF_NAMESPACE = 'https://serviceflow.app/bpmn/1';

/** Our nodes are drawn larger than BPMN shapes (a task is 100 × 80 there): diagram coordinates are scaled by this on import and back on export. */
export const DI_SCALE = { x: 1.8, y: 1.3 };

export interface ReportLine {
  level: 'info' | 'warning' | 'error';
  /** The BPMN element concerned. */
  element?: string;
  message: string;
}

export type BpmnImport = { ok: true; project: Project; report: ReportLine[] } | { ok: false; error: string; report: ReportLine[] };

// Loose shapes of the bpmn-moddle objects we read.
interface El {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}
const list = (x: unknown): El[] => (Array.isArray(x) ? (x as El[]) : []);

const TASKS = new Set(['bpmn:Task', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ManualTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask', 'bpmn:SendTask', 'bpmn:ReceiveTask']);
const SUBPROCESSES = new Set(['bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:AdHocSubProcess', 'bpmn:Transaction']);
const QUIET = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation']);
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];

const word = (t: string) => t.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const label = (e: El) => (e.name ? `"${e.name}"` : (e.id ?? word(e.$type)));
const cleanId = (id: string) => (/^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/.test(id) ? id.slice(0, 80) : id.replace(/[^A-Za-z0-9_.:-]+/g, '_').slice(0, 80) || 'element');
const nameOf = (e: El, fallback: string) => ((e.name ?? '').trim() || fallback).slice(0, 120);

function sfData(e: El): Record<string, unknown> | undefined {
  const values = list((e.extensionElements as El | undefined)?.values);
  const data = values.find((v) => v.$type === 'sf:data');
  if (!data || typeof data.$body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data.$body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `options.name` is used when the file names neither its pool nor its process (e.g. the file name). */
export async function importBpmn(xml: string, options: { name?: string; timeUnit?: TimeUnit } = {}): Promise<BpmnImport> {
  const report: ReportLine[] = [];
  const note = (level: ReportLine['level'], message: string, element?: string) => report.push({ level, message, ...(element ? { element } : {}) });
  if (!xml.trim()) return { ok: false, error: 'The file is empty.', report };
  let definitions: El;
  try {
    const parsed = await new BpmnModdle().fromXML(xml);
    definitions = parsed.rootElement as unknown as El;
    for (const w of parsed.warnings.slice(0, 10)) note('warning', `The BPMN reader skipped something: ${String((w as { message?: string }).message ?? w)}`);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { ok: false, error: `This is not a readable BPMN 2.0 file (${msg}).`, report };
  }

  const roots = list(definitions.rootElements);
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const participants = list(collaboration?.participants);
  const withFlow = processes.filter((p) => list(p.flowElements).length > 0);
  if (withFlow.length === 0) return { ok: false, error: 'The file has no process with tasks or events to import.', report };
  const process = withFlow[0]!;
  for (const other of withFlow.slice(1)) note('warning', `Only the first process is imported; process ${label(other)} was left out.`, other.id);
  if (list(collaboration?.messageFlows).length > 0) note('warning', `${list(collaboration?.messageFlows).length} message flow(s) between pools are not simulated.`);
  const pool = participants.find((p) => (p.processRef as El | undefined)?.id === process.id);

  const own = sfData(process) as { project?: Partial<Project> } | undefined;
  const timeUnit: TimeUnit = options.timeUnit ?? (own?.project?.timeUnit as TimeUnit | undefined) ?? 'minutes';
  const mpu = MINUTES_PER_UNIT[timeUnit];
  const bpsim = readBpsim(xml, timeUnit);
  if (bpsim.found) note('info', `BPSim parameters found; their times read in ${bpsim.baseTimeUnit ?? 'milliseconds (the BPSim default)'}.`);

  // Departments: leaf lanes, or the pool.
  const departments: Department[] = [];
  const deptOf = new Map<string, string>();
  const addDept = (id: string, name: string, color?: string) => {
    const d = { id: cleanId(id), name: name.slice(0, 120), color: color ?? PALETTE[departments.length % PALETTE.length]! };
    departments.push(d);
    return d.id;
  };
  const leafLanes = (sets: El[]): El[] => sets.flatMap((s) => list(s.lanes).flatMap((l) => (l.childLaneSet ? leafLanes([l.childLaneSet as El]) : [l])));
  for (const lane of leafLanes(list(process.laneSets))) {
    const sf = sfData(lane) as { color?: string } | undefined;
    const id = addDept(lane.id ?? `lane-${departments.length + 1}`, nameOf(lane, 'Lane'), sf?.color);
    for (const ref of list(lane.flowNodeRef)) if (ref.id) deptOf.set(ref.id, id);
  }
  let fallbackDept: string | undefined;
  const fallback = () => (fallbackDept ??= addDept(pool?.id ?? process.id ?? 'process', nameOf(pool ?? process, 'Unassigned')));

  // Positions from the diagram.
  const positions = new Map<string, { x: number; y: number }>();
  for (const diagram of list(definitions.diagrams)) {
    for (const shape of list((diagram.plane as El | undefined)?.planeElement)) {
      const ref = shape.bpmnElement as El | undefined;
      const b = shape.bounds as { x: number; y: number } | undefined;
      if (ref?.id && b) positions.set(ref.id, { x: Math.round(b.x * DI_SCALE.x), y: Math.round(b.y * DI_SCALE.y) });
    }
  }
  if (positions.size === 0) note('info', 'The file has no diagram layout; the flow was laid out left to right.');

  const elements = list(process.flowElements);
  const nodes: FlowNode[] = [];
  const passThrough = new Set<string>(); // gateways and events customers just pass
  const skipped = new Set<string>();
  let quiet = 0;
  const outgoing = (e: El) => elements.filter((f) => f.$type === 'bpmn:SequenceFlow' && (f.sourceRef as El | undefined)?.id === e.id);
  const incoming = (e: El) => elements.filter((f) => f.$type === 'bpmn:SequenceFlow' && (f.targetRef as El | undefined)?.id === e.id);
  // Parallel gateways that join and split: the split node that follows the join, by join id.
  const splitAfter = new Map<string, string>();
  const defaultTime = (what: string, id: string): Distribution => {
    note('warning', `No ${what} for ${id}: 10 minutes on average (exponential) assumed — set it in the inspector.`, id);
    return { kind: 'exponential', mean: 10 / mpu };
  };

  for (const e of elements) {
    const id = e.id ?? `element-${nodes.length + 1}`;
    const sf = sfData(e) as Partial<FlowNode> | undefined;
    const position = positions.get(id) ?? { x: 0, y: 0 };
    const base = { id: cleanId(id), name: nameOf(e, word(e.$type)), position };
    const p = bpsim.elements.get(id);
    for (const u of p?.unread ?? []) note('warning', `BPSim on ${label(e)}: ${u}.`, id);
    if (sf && typeof sf.kind === 'string') {
      nodes.push({ ...base, ...(sf as FlowNode), id: base.id });
      continue;
    }
    if (e.$type === 'bpmn:SequenceFlow') continue;
    if (e.$type === 'bpmn:StartEvent') {
      if (list(e.eventDefinitions).length > 0) note('info', `Start event ${label(e)} (${list(e.eventDefinitions).map((d) => word(d.$type)).join(', ')}) imported as arrivals.`, id);
      const t = p?.interTriggerTimer;
      if (!t) note('warning', `No arrival rate for ${label(e)}: 4 customers per hour assumed — set it in the inspector.`, id);
      nodes.push({ ...base, kind: 'arrivals', arrivals: t ? { mode: 'interarrival', distribution: t } : { mode: 'rate', rate: 4, per: 'hour' } });
    } else if (TASKS.has(e.$type) || SUBPROCESSES.has(e.$type)) {
      if (SUBPROCESSES.has(e.$type)) note('warning', `${word(e.$type)} ${label(e)} imported as one step: what happens inside it is not simulated.`, id);
      if (p?.quantity === undefined) note('info', `No staff number for ${label(e)}: 1 assumed.`, id);
      nodes.push({ ...base, kind: 'step', departmentId: deptOf.get(id) ?? fallback(), staff: Math.max(0, p?.quantity ?? 1), service: p?.processingTime ?? defaultTime('processing time', label(e)), discipline: 'fifo' });
    } else if (e.$type === 'bpmn:ExclusiveGateway' || e.$type === 'bpmn:InclusiveGateway' || e.$type === 'bpmn:EventBasedGateway' || e.$type === 'bpmn:ComplexGateway') {
      if (outgoing(e).length <= 1) {
        passThrough.add(id);
        continue;
      }
      if (e.$type !== 'bpmn:ExclusiveGateway') note('warning', `${word(e.$type)} ${label(e)} imported as an exclusive choice: each customer takes one path.`, id);
      nodes.push({ ...base, kind: 'decision', mode: 'probability' });
    } else if (e.$type === 'bpmn:ParallelGateway') {
      const outs = outgoing(e).length;
      const ins = incoming(e).length;
      if (outs <= 1 && ins <= 1) {
        passThrough.add(id);
        continue;
      }
      if (outs > 1 && ins > 1) {
        // Both at once: a join, then a split right after it.
        nodes.push({ ...base, kind: 'join' });
        const splitId = `${base.id}-split`;
        splitAfter.set(base.id, splitId);
        nodes.push({ id: splitId, name: `${base.name} (split)`, position: { x: position.x + 120, y: position.y }, kind: 'split' });
        note('info', `Parallel gateway ${label(e)} both joins and splits: imported as a join followed by a parallel split.`, id);
      } else if (outs > 1) {
        nodes.push({ ...base, kind: 'split' });
        note('info', `Parallel gateway ${label(e)} imported as a parallel split: every case goes along its ${outs} paths at once.`, id);
      } else {
        nodes.push({ ...base, kind: 'join' });
        note('info', `Parallel gateway ${label(e)} imported as a join: the parts wait for each other there.`, id);
      }
    } else if (e.$type === 'bpmn:EndEvent') {
      nodes.push({ ...base, kind: 'exit' });
    } else if (e.$type === 'bpmn:IntermediateCatchEvent' || e.$type === 'bpmn:IntermediateThrowEvent') {
      const timer = list(e.eventDefinitions).find((d) => d.$type === 'bpmn:TimerEventDefinition');
      if (!timer) {
        note('info', `Intermediate event ${label(e)} takes no time here: customers pass straight through.`, id);
        passThrough.add(id);
        continue;
      }
      const body = String((timer.timeDuration as El | undefined)?.body ?? '');
      const minutes = isoDurationMinutes(body);
      if (minutes === undefined) note('warning', `Timer ${label(e)} has no duration we can read ("${body}"): 1 hour assumed.`, id);
      nodes.push({ ...base, kind: 'delay', departmentId: deptOf.get(id), duration: { kind: 'constant', value: (minutes ?? 60) / mpu } });
    } else if (e.$type === 'bpmn:BoundaryEvent') {
      note('warning', `Boundary event ${label(e)} (on ${label((e.attachedToRef as El | undefined) ?? { $type: 'task' })}) is not simulated.`, id);
      skipped.add(id);
    } else if (QUIET.has(e.$type)) {
      quiet++;
      skipped.add(id);
    } else {
      note('warning', `${word(e.$type)} ${label(e)} is not supported and was left out.`, id);
      skipped.add(id);
    }
  }
  quiet += list(process.artifacts).length; // text annotations, associations, groups
  if (quiet > 0) note('info', `${quiet} data object(s), annotation(s) and association(s) carry no simulation meaning and were left out.`);

  // Connections; pass-through nodes are bridged (predecessor → successor).
  const flows = elements.filter((f) => f.$type === 'bpmn:SequenceFlow');
  const nodeIds = new Set(nodes.map((n) => n.id));
  const raw = flows.map((f) => {
    const source = cleanId((f.sourceRef as El | undefined)?.id ?? '');
    return { el: f, id: cleanId(f.id ?? 'flow'), source: splitAfter.get(source) ?? source, target: cleanId((f.targetRef as El | undefined)?.id ?? '') };
  });
  for (const [join, split] of splitAfter) raw.push({ el: { $type: 'bpmn:SequenceFlow', id: `${join}-to-split` } as El, id: `${join}-to-split`, source: join, target: split });
  const through = new Set([...passThrough].map(cleanId));
  const edges: FlowEdge[] = [];
  const used = new Set<string>();
  const targetsFrom = (id: string, seen = new Set<string>()): { target: string; via: El }[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    return raw.filter((r) => r.source === id).flatMap((r) => (through.has(r.target) ? targetsFrom(r.target, seen) : [{ target: r.target, via: r.el }]));
  };
  for (const r of raw) {
    if (through.has(r.source)) continue;
    const ends = through.has(r.target) ? targetsFrom(r.target) : [{ target: r.target, via: r.el }];
    for (const end of ends) {
      if (!nodeIds.has(r.source) || !nodeIds.has(end.target)) {
        note('warning', `Sequence flow ${r.id} leads to or from something that was not imported; it was left out.`, r.id);
        continue;
      }
      let id = r.id;
      for (let k = 2; used.has(id); k++) id = `${r.id}-${k}`;
      used.add(id);
      const sf = (sfData(r.el) ?? {}) as Partial<FlowEdge>;
      const cond = String((r.el.conditionExpression as El | undefined)?.body ?? '').trim();
      const edge: FlowEdge = { id, source: r.source, target: end.target };
      const prob = sf.probability ?? bpsim.elements.get(r.el.id ?? '')?.probability;
      if (prob !== undefined) edge.probability = prob;
      if (sf.classIds) edge.classIds = sf.classIds;
      const text = sf.label ?? (r.el.name as string | undefined) ?? (cond && cond.length <= 120 ? cond : undefined);
      if (text) edge.label = String(text).slice(0, 120);
      edges.push(edge);
    }
  }
  // Shares on decisions: given, or equal.
  for (const n of nodes) {
    const outs = edges.filter((e) => e.source === n.id);
    if ((n.kind === 'decision' && n.mode === 'class') || n.kind === 'split') {
      if (n.kind === 'split') for (const e of outs) delete e.probability;
      continue;
    }
    if (outs.length <= 1) {
      for (const e of outs) delete e.probability;
      continue;
    }
    const given = outs.filter((e) => e.probability !== undefined);
    const sum = given.reduce((s, e) => s + e.probability!, 0);
    if (given.length === outs.length && Math.abs(sum - 1) < 1e-6) continue;
    if (given.length > 0) note('warning', `The shares on the paths out of ${n.name} did not add up to 100 %: equal shares used.`, n.id);
    else note('info', `No shares on the paths out of "${n.name}": ${outs.length} equal shares of ${Math.round(1000 / outs.length) / 10} % used.`, n.id);
    for (const e of outs) e.probability = 1 / outs.length;
  }
  layoutIfNeeded(nodes, edges, positions.size === 0);

  const ownPools = (own as { pools?: Scenario['flow']['pools'] } | undefined)?.pools;
  const ownSystems = (own as { systems?: Scenario['flow']['systems'] } | undefined)?.systems;
  const scenario: Scenario = { id: 'baseline', name: (own?.project as { scenarioName?: string } | undefined)?.scenarioName ?? 'Imported', kind: 'baseline', flow: { departments, ...(ownPools ? { pools: ownPools } : {}), ...(ownSystems ? { systems: ownSystems } : {}), nodes, edges } };
  if (departments.length === 0 && nodes.some((n) => n.kind === 'step')) scenario.flow.departments.push({ id: 'unassigned', name: 'Unassigned', color: PALETTE[0]! });
  const candidate = {
    formatVersion: FORMAT_VERSION,
    name: (own?.project?.name ?? pool?.name ?? process.name ?? (definitions.name as string | undefined) ?? options.name ?? 'Imported process').toString().slice(0, 120) || 'Imported process',
    timeUnit,
    classes: own?.project?.classes ?? [{ id: 'customer', name: 'Customer', share: 1 }],
    run: own?.project?.run ?? { horizon: { kind: 'duration', duration: (4 * 10080) / mpu }, warmup: 1440 / mpu, replications: { kind: 'fixed', count: 10 }, seed: 1 },
    serviceLevels: own?.project?.serviceLevels ?? [],
    ...(own?.project?.costs ? { costs: own.project.costs } : {}),
    scenarios: [scenario],
  };
  if (!own?.project?.run) note('info', 'Run settings: 4 weeks after a 1-day warm-up, 10 replications, seed 1 (change them in Project settings).');
  const loaded = loadProject(JSON.parse(JSON.stringify(candidate)));
  if (!loaded.ok) return { ok: false, error: `The imported flow is not valid: ${loaded.problems.slice(0, 3).map(describeProblem).join('; ')}`, report };
  note('info', `Imported ${nodes.filter((n) => n.kind === 'step').length} step(s), ${departments.length} department(s) and ${edges.length} connection(s) from ${label(process)}.`);
  return { ok: true, project: loaded.project, report };
}

/** Lays nodes out left to right by their distance from the arrivals when the file had no layout. */
function layoutIfNeeded(nodes: FlowNode[], edges: FlowEdge[], needed: boolean): void {
  if (!needed) return;
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => n.kind === 'arrivals').map((n) => n.id);
  queue.forEach((id) => depth.set(id, 0));
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of edges)
      if (e.source === id && !depth.has(e.target)) {
        depth.set(e.target, depth.get(id)! + 1);
        queue.push(e.target);
      }
  }
  const row = new Map<number, number>();
  for (const n of nodes) {
    const d = depth.get(n.id) ?? 0;
    const r = row.get(d) ?? 0;
    row.set(d, r + 1);
    n.position = { x: d * 230, y: r * 130 };
  }
}

// ---------------------------------------------------------------------------------------------
// Export

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
      case 'join':
        out.push(`<bpmn:parallelGateway ${attrs}>${body}</bpmn:parallelGateway>`);
        break;
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
