// BPMN 2.0 in and out. Import (bpmn-moddle parses the XML): the main process (most tasks, or the
// one asked for), start events become arrivals, tasks steps, lanes (or pools) departments,
// exclusive gateways decisions, parallel gateways splits and joins, end events exits, timer events
// delays, boundary events and loop markers small patterns of those (bpmn/events.ts,
// bpmn/markers.ts), sequence flows connections; diagram positions are kept. Simulation parameters
// come from BPSim where present, and exactly from Serviceflow's own extension (sf:data, written
// by the export) when the file came from here; assumed figures are chosen to fit the flow
// (bpmn/defaults.ts). Everything that cannot be mapped gets a line in the import report; nothing
// is dropped silently, and the import never throws.
import type { Department, Distribution, FlowEdge, FlowNode, Project, Scenario, TimeUnit } from '../schema';
import { FORMAT_VERSION, MINUTES_PER_UNIT } from '../schema';
import { loadProject, describeProblem } from '../load';
import { readBpsim } from './bpsim';
import { QUIET, leafLanes, mergeProsimos, mergeQbp, projectIds, tooLarge } from './bpmn/importParts';
import { type BpmnProcessInfo, type El, type ReportLine, SUBPROCESSES, TASKS, cleanId as plainId, decodeXml, label, list, listProcesses, nameOf, parseBpmn, sfData, word, DI_SCALE } from './bpmn/read';
import { applyBoundaries, timerMinutes, type Boundary } from './bpmn/events';
import { applyMarker } from './bpmn/markers';
import { fitAssumedLoad, type TrafficSolver } from './bpmn/defaults';
import { FlowDraft } from './bpmn/graph';
import { completeEnds, layoutIfNeeded, normaliseShares } from './bpmn/finish';
import { applyResources, type SimSide } from './bpmn/resources';
import type { Calendar } from '../calendar';

export { exportBpmn } from './bpmn/export';
export { DI_SCALE, SF_NAMESPACE, type BpmnProcessInfo, type ReportLine } from './bpmn/read';

export type BpmnImport =
  | { ok: true; project: Project; report: ReportLine[]; processes: BpmnProcessInfo[]; processId: string }
  | { ok: false; error: string; report: ReportLine[]; processes?: BpmnProcessInfo[] };

export interface BpmnImportOptions {
  /** Used when the file names neither its pool nor its process (e.g. the file name). */
  name?: string;
  timeUnit?: TimeUnit;
  /** The process to import (an id from `processes` of an earlier import); the one with most tasks by default. */
  processId?: string;
  /** A Prosimos / Simod simulation-parameters document (parsed JSON) given with the file. */
  simulationParameters?: unknown;
  /** Share of a step's customers that leave through a boundary event when the file gives none (default 0.1). */
  boundaryShare?: number;
  /** Share sent back to a looping task without a loop maximum (default 0.2). */
  loopShare?: number;
  /** Instances of a multi-instance task without a number in the file (default 3). */
  instances?: number;
  /**
   * Visit rates and loads of a scenario (the engine's traffic equations), used to choose assumed
   * rates and staff that fit the flow. The model layer does not depend on the engine: callers pass
   * it (src/engine/bpmnImport.ts does); without it, assumed figures are left as read.
   */
  traffic?: TrafficSolver;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];
const share01 = (x: number | undefined, fallback: number) => (x !== undefined && Number.isFinite(x) && x > 0 && x < 1 ? x : fallback);

/** `input`: the file's text, or its bytes (decoded by the encoding its XML declaration names). */
export async function importBpmn(input: string | Uint8Array, options: BpmnImportOptions = {}): Promise<BpmnImport> {
  const report: ReportLine[] = [];
  const note = (level: ReportLine['level'], message: string, element?: string) => report.push({ level, message, ...(element ? { element } : {}) });
  const { text: xml, encoding } = decodeXml(input);
  if (!xml.trim()) return { ok: false, error: 'The file is empty.', report };
  if (encoding) note('info', `The file is written in ${encoding}; it was read as such.`);
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) return { ok: false, error: parsed.error, report };
  const { definitions } = parsed.parsed;
  for (const w of parsed.parsed.warnings.slice(0, 10)) note('warning', w);
  if (parsed.parsed.warnings.length > 10) note('warning', `${parsed.parsed.warnings.length - 10} more things the BPMN reader skipped are not listed.`);

  const roots = list(definitions.rootElements);
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const participants = list(collaboration?.participants);
  const candidates = listProcesses(definitions);
  const processes = candidates.map((c) => c.info);
  if (candidates.length === 0) return { ok: false, error: parsed.parsed.warnings.some((w) => /was skipped/.test(w)) ? `The file has no process that could be read: ${parsed.parsed.warnings.find((w) => /was skipped/.test(w))}` : 'The file has no process with tasks or events to import.', report };
  const main = candidates.reduce((a, b) => (b.info.tasks > a.info.tasks ? b : a));
  const asked = options.processId !== undefined ? candidates.find((c) => c.info.id === options.processId) : undefined;
  if (options.processId !== undefined && !asked) note('warning', `The file has no process "${options.processId}"; the main one was imported instead.`);
  const chosen = asked ?? main;
  const process = chosen.process;
  if (candidates.length > 1) {
    const others = candidates.filter((c) => c !== chosen).map((c) => `"${c.info.name}" (${c.info.tasks} task${c.info.tasks === 1 ? '' : 's'})`);
    note('info', `The file has ${candidates.length} processes: "${chosen.info.name}" (${chosen.info.tasks} task${chosen.info.tasks === 1 ? '' : 's'}) was imported${asked ? ' as asked' : ', the one with the most tasks'}; left out: ${others.join(', ')}. You can import another one instead.`, process.id);
  }
  if (list(collaboration?.messageFlows).length > 0) note('warning', `${list(collaboration?.messageFlows).length} message flow(s) between pools are not simulated.`);
  const pool = participants.find((p) => (p.processRef as El | undefined)?.id === process.id);

  const own = sfData(process) as { project?: Partial<Project> } | undefined;
  const cleanId = projectIds(process, plainId);
  const timeUnit: TimeUnit = options.timeUnit ?? (own?.project?.timeUnit as TimeUnit | undefined) ?? 'minutes';
  const mpu = MINUTES_PER_UNIT[timeUnit];
  const bpsim = readBpsim(xml, timeUnit);
  if (bpsim.found) note('info', `BPSim parameters found; their times read in ${bpsim.baseTimeUnit ?? 'milliseconds (the BPSim default)'}.`);
  if (bpsim.percent) note('info', 'BPSim probabilities in the file go above 1: read as percentages (as jBPM writes them).');
  const sides = [mergeQbp(xml, timeUnit, bpsim.elements, list(process.flowElements), note), options.simulationParameters !== undefined ? mergeProsimos(options.simulationParameters, timeUnit, bpsim.elements, list(process.flowElements), note) : undefined].filter((x): x is SimSide => x !== undefined);
  const resourceOf = new Map<string, string>();
  const calendarOfNode = new Map<string, string>();
  if (bpsim.calendars.length > 0 && !own) sides.unshift({ source: 'BPSim', calendars: bpsim.calendars, resources: new Map(), byNode: calendarOfNode });
  for (const n of bpsim.calendarNotes) note('warning', `BPSim: ${n}.`);

  // Departments: leaf lanes, or the pool.
  const departments: Department[] = [];
  const deptOf = new Map<string, string>();
  const addDept = (id: string, name: string, color?: string) => {
    const d = { id: cleanId(id), name: name.slice(0, 120), color: color ?? PALETTE[departments.length % PALETTE.length]! };
    departments.push(d);
    return d.id;
  };
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
  let quiet = 0;
  const flowsBy = (end: 'sourceRef' | 'targetRef') => {
    const m = new Map<string, El[]>();
    for (const f of elements) {
      const id = f.$type === 'bpmn:SequenceFlow' ? (f[end] as El | undefined)?.id : undefined;
      if (id === undefined) continue;
      const fs = m.get(id);
      if (fs) fs.push(f);
      else m.set(id, [f]);
    }
    return m;
  };
  const bySource = flowsBy('sourceRef');
  const byTarget = flowsBy('targetRef');
  const outgoing = (e: El) => bySource.get(e.id ?? '') ?? [];
  const incoming = (e: El) => byTarget.get(e.id ?? '') ?? [];
  const size = tooLarge(elements, chosen.info.name);
  if (size) return { ok: false, error: size, report, processes };
  // Parallel gateways that join and split: the split node that follows the join, by join id.
  const splitAfter = new Map<string, string>();
  const assumedRate = new Set<string>();
  const assumedStaff = new Set<string>();
  const markers: { stepId: string; el: El; lc: El }[] = [];
  const boundaryEls: El[] = [];
  const noTime: string[] = [];
  const defaultTime = (name: string): Distribution => {
    noTime.push(name);
    return { kind: 'exponential', mean: 10 / mpu };
  };

  // An inclusive gateway: a join where paths meet (it waits for the parts that were started;
  // customers not split pass), an inclusive split where they part, or both in a row.
  const inclusiveGateway = (e: El, base: { id: string; name: string; position: { x: number; y: number } }, position: { x: number; y: number }) => {
    const outs = outgoing(e).length;
    const ins = incoming(e).length;
    if (ins > 1) nodes.push({ ...base, kind: 'join' });
    if (outs > 1 && ins > 1) {
      const splitId = `${base.id.slice(0, 74)}-split`;
      splitAfter.set(base.id, splitId);
      nodes.push({ id: splitId, name: `${base.name} (split)`, position: { x: position.x + 120, y: position.y }, kind: 'split', mode: 'inclusive' });
    } else if (outs > 1) nodes.push({ ...base, kind: 'split', mode: 'inclusive' });
    const what = outs > 1 && ins > 1 ? 'a join followed by an inclusive split' : outs > 1 ? 'an inclusive split: each case takes one or more of its paths' : 'a join: the case waits for the paths it took';
    note('info', `Inclusive gateway ${label(e)} imported as ${what}.`, e.id);
  };

  for (const e of elements) {
    const id = e.id ?? `element-${nodes.length + 1}`;
    const sf = sfData(e) as Partial<FlowNode> | undefined;
    const position = positions.get(id) ?? { x: 0, y: 0 };
    const base = { id: cleanId(id), name: nameOf(e, word(e.$type)), position };
    const p = bpsim.elements.get(id);
    for (const u of p?.unread ?? []) note('warning', `BPSim on ${label(e)}: ${u}.`, id);
    if (p?.calendarId !== undefined) calendarOfNode.set(base.id, p.calendarId);
    if (sf && typeof sf.kind === 'string') {
      nodes.push({ ...base, ...(sf as FlowNode), id: base.id });
      continue;
    }
    if (e.$type === 'bpmn:SequenceFlow') continue;
    if (e.$type === 'bpmn:StartEvent') {
      if (list(e.eventDefinitions).length > 0) note('info', `Start event ${label(e)} (${list(e.eventDefinitions).map((d) => word(d.$type)).join(', ')}) imported as arrivals.`, id);
      const t = p?.interTriggerTimer;
      if (!t) assumedRate.add(base.id);
      nodes.push({ ...base, kind: 'arrivals', arrivals: t ? { mode: 'interarrival', distribution: t } : { mode: 'rate', rate: 4, per: 'hour' } });
    } else if (e.$type === 'bpmn:SubProcess' && e.triggeredByEvent) {
      const trigger = list(e.flowElements).find((f) => f.$type === 'bpmn:StartEvent');
      const kinds = list(trigger?.eventDefinitions).map((d) => word(d.$type).replace(/ event definition$/, ''));
      note('warning', `Event sub-process ${label(e)}${kinds.length ? ` (started by ${/^[aeiou]/.test(kinds[0]!) ? 'an' : 'a'} ${kinds.join(' / ')} event)` : ''} runs only when its event happens, which the file gives no figures for: left out; the rest of the flow runs without it.`, id);
    } else if (TASKS.has(e.$type) || SUBPROCESSES.has(e.$type)) {
      if (SUBPROCESSES.has(e.$type)) note('warning', `${word(e.$type)} ${label(e)} imported as one step: what happens inside it is not simulated.`, id);
      if (p?.quantity === undefined) assumedStaff.add(base.id);
      if (p?.resourceId !== undefined) resourceOf.set(base.id, p.resourceId);
      nodes.push({ ...base, kind: 'step', departmentId: deptOf.get(id) ?? fallback(), staff: Math.max(0, p?.quantity ?? 1), service: p?.processingTime ?? defaultTime(label(e)), discipline: 'fifo' });
      const lc = e.loopCharacteristics as El | undefined;
      if (lc) markers.push({ stepId: base.id, el: e, lc });
    } else if (e.$type === 'bpmn:InclusiveGateway' && (outgoing(e).length > 1 || incoming(e).length > 1)) {
      inclusiveGateway(e, base, position);
    } else if (e.$type === 'bpmn:ExclusiveGateway' || e.$type === 'bpmn:InclusiveGateway' || e.$type === 'bpmn:EventBasedGateway' || e.$type === 'bpmn:ComplexGateway') {
      if (outgoing(e).length <= 1) {
        if (e.$type !== 'bpmn:ExclusiveGateway' && incoming(e).length > 1) note('warning', `${word(e.$type)} ${label(e)} merges paths: customers pass straight through it (each took one path, so nobody waits for other parts there).`, id);
        passThrough.add(id);
        continue;
      }
      if (e.$type !== 'bpmn:ExclusiveGateway') note('warning', `${word(e.$type)} ${label(e)} imported as an exclusive choice: each customer takes one of its paths.`, id);
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
        const splitId = `${base.id.slice(0, 74)}-split`;
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
      if (!list(e.eventDefinitions).some((d) => d.$type === 'bpmn:TimerEventDefinition')) {
        note('info', `Intermediate event ${label(e)} takes no time here: customers pass straight through.`, id);
        passThrough.add(id);
        continue;
      }
      if (p?.processingTime) {
        nodes.push({ ...base, kind: 'delay', departmentId: deptOf.get(id), duration: p.processingTime });
        continue;
      }
      const t = timerMinutes(e);
      if (t.from === 'name') note('info', `Timer ${label(e)} has no ISO 8601 duration${t.text ? ` ("${t.text}")` : ''}: ${formatMinutes(t.minutes)} read from its name.`, id);
      if (t.from === 'default') note('warning', `Timer ${label(e)} has no duration we can read${t.text ? ` ("${t.text}")` : ''}: 1 hour assumed.`, id);
      nodes.push({ ...base, kind: 'delay', departmentId: deptOf.get(id), duration: { kind: 'constant', value: t.minutes / mpu } });
    } else if (e.$type === 'bpmn:BoundaryEvent') {
      boundaryEls.push(e);
      passThrough.add(id);
    } else if (QUIET.has(e.$type)) {
      quiet++;
    } else {
      note('warning', `${word(e.$type)} ${label(e)} is not supported and was left out.`, id);
    }
  }
  if (noTime.length > 0) {
    const which = noTime.length === 1 ? noTime[0]! : `${noTime.length} steps (${noTime.slice(0, 4).join(', ')}${noTime.length > 4 ? ', …' : ''})`;
    note('warning', `No processing time for ${which}: 10 minutes on average (exponential) assumed${noTime.length > 1 ? ' for each' : ''} — set ${noTime.length > 1 ? 'them' : 'it'} in the inspector.`);
  }
  quiet += list(process.artifacts).length; // text annotations, associations, groups
  if (quiet > 0) note('info', `${quiet} data object(s), annotation(s) and association(s) carry no simulation meaning and were left out.`);

  // Connections; pass-through nodes are bridged (predecessor → successor). A boundary event is
  // reached from the step it is attached to; those connections are tagged with the event.
  const flows = elements.filter((f) => f.$type === 'bpmn:SequenceFlow');
  const nodeIds = new Set(nodes.map((n) => n.id));
  type Raw = { el: El; id: string; source: string; target: string; boundary?: El };
  const raw: Raw[] = flows.map((f) => {
    const source = cleanId((f.sourceRef as El | undefined)?.id ?? '');
    return { el: f, id: cleanId(f.id ?? 'flow'), source: splitAfter.get(source) ?? source, target: cleanId((f.targetRef as El | undefined)?.id ?? '') };
  });
  for (const [join, split] of splitAfter) raw.push({ el: { $type: 'bpmn:SequenceFlow', id: `${join}-to-split` }, id: `${join.slice(0, 70)}-to-split`, source: join, target: split });
  const boundaries: Boundary[] = [];
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const defaultBoundary = share01(options.boundaryShare, 0.1);
  for (const b of boundaryEls) {
    const host = cleanId((b.attachedToRef as El | undefined)?.id ?? '');
    const hostNode = nodeById.get(host);
    if (hostNode?.kind !== 'step') {
      note('warning', `Boundary event ${label(b)} is attached to something that was not imported as a step; it was left out.`, b.id);
      continue;
    }
    const firstFlow = outgoing(b)[0];
    const given = bpsim.elements.get(b.id ?? '')?.probability ?? (firstFlow ? bpsim.elements.get(firstFlow.id ?? '')?.probability : undefined);
    const fromFile = given !== undefined && given > 0 && given < 1;
    boundaries.push({ el: b, attachedTo: host, interrupting: b.cancelActivity !== false, share: fromFile ? given : defaultBoundary, source: fromFile ? 'from the file' : 'assumed, as the file gives no share; change it on the decision after the step' });
    raw.push({ el: { $type: 'bpmn:SequenceFlow', id: `${b.id}-path` }, id: cleanId(`${b.id ?? 'event'}-path`), source: host, target: cleanId(b.id ?? ''), boundary: b });
  }
  const through = new Set([...passThrough].map(cleanId));
  const edges: FlowEdge[] = [];
  const tagged = new Map<FlowEdge, El>();
  const used = new Set<string>();
  const rawFrom = new Map<string, Raw[]>();
  for (const r of raw) {
    const rs = rawFrom.get(r.source);
    if (rs) rs.push(r);
    else rawFrom.set(r.source, [r]);
  }
  const memo = new Map<string, { target: string; via: El }[]>();
  // Where customers go on from a node they pass through: walked without recursion, once per node.
  const targetsFrom = (start: string): { target: string; via: El }[] => {
    const known = memo.get(start);
    if (known) return known;
    const found: { target: string; via: El }[] = [];
    const seen = new Set<string>([start]);
    const stack = [...(rawFrom.get(start) ?? [])].reverse();
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (!through.has(r.target)) found.push({ target: r.target, via: r.el });
      else if (!seen.has(r.target)) {
        seen.add(r.target);
        stack.push(...[...(rawFrom.get(r.target) ?? [])].reverse());
      }
    }
    memo.set(start, found);
    return found;
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
      for (let k = 2; used.has(id); k++) id = `${r.id.slice(0, 74)}-${k}`;
      used.add(id);
      const via = r.boundary ? end.via : r.el;
      const sf = (sfData(via) ?? {}) as Partial<FlowEdge>;
      const cond = String((via.conditionExpression as El | undefined)?.body ?? '').trim();
      const edge: FlowEdge = { id, source: r.source, target: end.target };
      const prob = r.boundary ? undefined : (sf.probability ?? bpsim.elements.get(r.el.id ?? '')?.probability);
      if (prob !== undefined) edge.probability = prob;
      if (sf.classIds) edge.classIds = sf.classIds;
      const text = typeof sf.id === 'string' ? sf.label : sf.label ?? (r.boundary ? (r.boundary.name as string | undefined) : undefined) ?? (via.name as string | undefined) ?? (cond && cond.length <= 120 ? cond : undefined);
      if (text && text.replace(/\s+/g, ' ').trim()) edge.label = text.replace(/\s+/g, ' ').trim().slice(0, 120);
      edges.push(edge);
      if (r.boundary) tagged.set(edge, r.boundary);
    }
  }

  // Markers, then boundary events after the step's work (after the join of parallel instances).
  const draft = new FlowDraft(nodes, edges);
  const doneAt = new Map<string, string>();
  const markerOptions = { loopShare: share01(options.loopShare, 0.2), instances: Math.max(1, Math.min(50, Math.round(options.instances ?? 3))) };
  for (const m of markers) doneAt.set(m.stepId, applyMarker(draft, m.stepId, m.el, m.lc, markerOptions, note));
  for (const b of boundaries) {
    const after = doneAt.get(b.attachedTo);
    if (after && after !== b.attachedTo) {
      for (const e of draft.out(b.attachedTo)) if (tagged.has(e)) e.source = after;
      draft.touched();
      b.attachedTo = after;
    }
  }
  applyBoundaries(draft, boundaries, tagged, note);
  if (!draft.nodes.some((n) => n.kind === 'step' || n.kind === 'delay')) return { ok: false, error: `The process "${chosen.info.name}" has no tasks or timers: there is nothing to simulate.`, report, processes };
  completeEnds(draft, note);
  normaliseShares(draft, note);
  layoutIfNeeded(draft.nodes, draft.edges, positions.size === 0);

  const sim = applyResources(draft.nodes, resourceOf, sides, timeUnit, note);
  const ownPools = [...((own as { pools?: Scenario['flow']['pools'] } | undefined)?.pools ?? []), ...sim.pools];
  const calendars = [...((own?.project as { calendars?: Calendar[] } | undefined)?.calendars ?? []), ...sim.calendars];
  const ownSystems = (own as { systems?: Scenario['flow']['systems'] } | undefined)?.systems;
  const scenario: Scenario = { id: 'baseline', name: (own?.project as { scenarioName?: string } | undefined)?.scenarioName ?? 'Imported', kind: 'baseline', flow: { departments, ...(ownPools.length > 0 ? { pools: ownPools } : {}), ...(ownSystems ? { systems: ownSystems } : {}), nodes: draft.nodes, edges: draft.edges } };
  if (departments.length === 0 && draft.nodes.some((n) => n.kind === 'step')) scenario.flow.departments.push({ id: 'unassigned', name: 'Unassigned', color: PALETTE[0]! });
  const candidate = {
    formatVersion: FORMAT_VERSION,
    name: String([own?.project?.name, pool?.name, process.name, definitions.name, options.name].find((x) => typeof x === 'string' && x.trim()) ?? 'Imported process').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Imported process',
    timeUnit,
    classes: own?.project?.classes ?? [{ id: 'customer', name: 'Customer', share: 1 }],
    run: own?.project?.run ?? { horizon: { kind: 'duration', duration: (4 * 10080) / mpu }, warmup: 1440 / mpu, replications: { kind: 'fixed', count: 10 }, seed: 1 },
    serviceLevels: own?.project?.serviceLevels ?? [],
    ...(own?.project?.costs ? { costs: own.project.costs } : {}),
    ...(calendars.length > 0 ? { calendars } : {}),
    scenarios: [scenario],
  };
  if (!own?.project?.run) note('info', 'Run settings: 4 weeks after a 1-day warm-up, 10 replications, seed 1 (change them in Project settings).');
  const loaded = loadProject(JSON.parse(JSON.stringify(candidate)));
  if (!loaded.ok) return { ok: false, error: `The imported flow is not valid: ${loaded.problems.slice(0, 3).map(describeProblem).join('; ')}`, report, processes };
  const stepCount = draft.nodes.filter((n) => n.kind === 'step').length;
  const finalIds = new Set(draft.nodes.map((n) => n.id));
  const staffNote = [...assumedStaff].some((id) => finalIds.has(id));
  for (const n of draft.nodes) if (n.kind === 'arrivals' && n.id.startsWith('implied-start')) assumedRate.add(n.id);
  const rateFitted = !own && options.traffic ? fitAssumedLoad(loaded.project, assumedRate, assumedStaff, note, options.traffic) : false;
  // One line about assumed rates: the fitted one says it all; else one per start.
  if (!rateFitted)
    for (const n of loaded.project.scenarios[0]!.flow.nodes)
    if (n.kind === 'arrivals' && n.arrivals.mode === 'rate' && assumedRate.has(n.id)) note('warning', `No arrival rate for "${n.name}": ${n.arrivals.rate} customers per ${n.arrivals.per} assumed — set it in the inspector.`, n.id);
  if (staffNote && !own) note('info', `No staff numbers in the file: 1 person assumed at each of ${[...assumedStaff].filter((id) => finalIds.has(id)).length} step(s)${assumedRate.size > 0 ? '' : ' (unless raised above)'}.`);
  note('info', `Imported ${stepCount} step(s), ${departments.length} department(s) and ${draft.edges.length} connection(s) from ${label({ $type: '', name: chosen.info.name })}.`);
  return { ok: true, project: loaded.project, report, processes, processId: chosen.info.id };
}

const formatMinutes = (m: number) => {
  const [n, unit] = m >= 1440 && m % 1440 === 0 ? [m / 1440, 'day'] : m >= 60 && m % 60 === 0 ? [m / 60, 'hour'] : m >= 1 ? [m, 'minute'] : [m * 60, 'second'];
  const v = +(+n).toFixed(2);
  return `${v} ${unit}${v === 1 ? '' : 's'}`;
};
