// Parts of the BPMN import kept apart from the element mapping: the project's own ids back from
// sf:data, leaf lanes walked without recursion, the size limit checked before any work, and
// other tools' simulation data (BIMP qbp in the file, Prosimos / Simod parameters next to it)
// merged where the file's BPSim leaves an element open.
import type { TimeUnit } from '../../schema';
import { LIMITS, formatLimit } from '../../limits';
import type { BpsimElement } from '../bpsim';
import { readQbp } from '../qbp';
import type { SimSide } from './resources';
import { isProsimos, readProsimos } from '../prosimos';
import { type El, type ReportLine, list, sfData } from './read';

export const QUIET = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation']);

/**
 * Our own ids, back from sf:data: an export writes ids as XML names (e.g. "_1st-check" for
 * "1st-check"), and the project's id next to each; any other id is cleaned as usual. An id that
 * two elements claim, or that is not a valid project id, is not taken back.
 */
export function projectIds(process: El, plain: (id: string) => string): (id: string) => string {
  const back = new Map<string, string>();
  const claimed = new Set<string>();
  const lanes = (sets: El[]): El[] => {
    const found: El[] = [];
    const stack = [...sets];
    while (stack.length > 0 && found.length < 100_000) {
      for (const l of list(stack.pop()!.lanes)) {
        found.push(l);
        if (l.childLaneSet) stack.push(l.childLaneSet as El);
      }
    }
    return found;
  };
  for (const e of [...list(process.flowElements), ...lanes(list(process.laneSets))]) {
    const sf = sfData(e);
    const want = sf?.id;
    if (!e.id || typeof want !== 'string' || want === e.id || plain(want) !== want) continue;
    if (claimed.has(want)) back.delete([...back].find(([, v]) => v === want)?.[0] ?? '');
    else back.set(e.id, want);
    claimed.add(want);
  }
  return (id) => back.get(id) ?? plain(id);
}

/** The leaf lanes of nested lane sets, in document order, walked without recursion (a file may nest thousands). */
export function leafLanes(sets: El[]): El[] {
  const leaves: El[] = [];
  const stack: El[] = [...sets].reverse();
  while (stack.length > 0) {
    const set = stack.pop()!;
    const lanes = list(set.lanes);
    for (let k = lanes.length - 1; k >= 0; k--) {
      const l = lanes[k]!;
      if (l.childLaneSet) stack.push(l.childLaneSet as El);
      else stack.push({ $type: 'leaf', lanes: [], leaf: l });
    }
    if (set.$type === 'leaf') leaves.push(set.leaf as El);
  }
  return leaves;
}

/** A reason to refuse a process too large to simulate, before any work is done on it. */
export function tooLarge(elements: readonly El[], name: string): string | undefined {
  let flows = 0;
  let others = 0;
  for (const e of elements) {
    if (e.$type === 'bpmn:SequenceFlow') flows++;
    else if (!QUIET.has(e.$type)) others++;
  }
  if (others > LIMITS.maxNodes) return `The process "${name}" has ${formatLimit(others)} tasks, events and gateways; Serviceflow simulates at most ${formatLimit(LIMITS.maxNodes)}. Split the model into smaller processes.`;
  if (flows > LIMITS.maxEdges) return `The process "${name}" has ${formatLimit(flows)} sequence flows; Serviceflow simulates at most ${formatLimit(LIMITS.maxEdges)}. Split the model into smaller processes.`;
  return undefined;
}

/** BIMP / Prosimos data (qbp) where the file has no BPSim for the same element; reported. */
export function mergeQbp(xml: string, timeUnit: TimeUnit, into: Map<string, BpsimElement>, elements: El[], note: (level: ReportLine['level'], message: string) => void): SimSide | undefined {
  const qbp = readQbp(xml, timeUnit);
  if (!qbp.found) return undefined;
  let tasks = 0;
  let flows = 0;
  for (const [id, el] of qbp.elements) {
    const had = into.get(id) ?? { unread: [] };
    if (el.processingTime || el.quantity !== undefined) tasks++;
    if (el.probability !== undefined) flows++;
    into.set(id, { ...el, ...Object.fromEntries(Object.entries(had).filter(([, v]) => v !== undefined)), unread: [...had.unread, ...el.unread] });
  }
  let starts = 0;
  if (qbp.arrival)
    for (const e of elements)
      if (e.$type === 'bpmn:StartEvent' && e.id) {
        const had = into.get(e.id) ?? { unread: [] };
        if (!had.interTriggerTimer) into.set(e.id, { ...had, interTriggerTimer: qbp.arrival }), starts++;
      }
  note('info', `BIMP simulation data found: ${starts > 0 ? 'the time between arrivals, ' : ''}${tasks} task(s) with durations or resources, shares on ${flows} sequence flow(s) (times read in seconds).`);
  for (const n of qbp.notes) note('warning', `BIMP data: ${n}${/left out|rounded/.test(n) ? '' : '; left out'}.`);
  if (qbp.timetables > 0) note('info', `${qbp.timetables} timetable(s) in the BIMP data became ${qbp.calendars.length} calendar(s); staff work only in their hours (arrivals come around the clock, as in BIMP).`);
  return { source: 'BIMP', calendars: qbp.calendars, resources: qbp.resources };
}

/** Prosimos / Simod parameters given next to the file: they fill what BPSim and BIMP data leave open; reported. */
export function mergeProsimos(value: unknown, timeUnit: TimeUnit, into: Map<string, BpsimElement>, elements: El[], note: (level: ReportLine['level'], message: string) => void): SimSide | undefined {
  if (!isProsimos(value)) {
    note('warning', 'The simulation parameters given with the file are not Prosimos / Simod parameters; left out.');
    return undefined;
  }
  const data = readProsimos(value, timeUnit);
  let tasks = 0;
  let flows = 0;
  for (const [id, el] of data.elements) {
    const had = into.get(id) ?? { unread: [] };
    if (el.processingTime || el.quantity !== undefined) tasks++;
    if (el.probability !== undefined) flows++;
    into.set(id, { ...el, ...Object.fromEntries(Object.entries(had).filter(([, v]) => v !== undefined)), unread: [...had.unread, ...el.unread] });
  }
  let starts = 0;
  if (data.arrival)
    for (const e of elements)
      if (e.$type === 'bpmn:StartEvent' && e.id) {
        const had = into.get(e.id) ?? { unread: [] };
        if (!had.interTriggerTimer) into.set(e.id, { ...had, interTriggerTimer: data.arrival }), starts++;
      }
  note('info', `Prosimos / Simod parameters read: ${starts > 0 ? 'the time between arrivals, ' : ''}${tasks} task(s) with durations or staff, shares on ${flows} path(s) (times read in seconds).`);
  for (const n of data.notes) note('warning', `Prosimos / Simod parameters: ${n}.`);
  return { source: 'Prosimos / Simod', calendars: data.calendars, resources: data.resources, ...(data.arrivalCalendarId ? { arrivalCalendarId: data.arrivalCalendarId } : {}) };
}
