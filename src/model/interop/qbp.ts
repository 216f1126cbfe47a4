// BIMP / Prosimos / Simod simulation data (`qbp:processSimulationInfo`, namespace
// http://www.qbp-simulator.com/Schema201212) in a BPMN file's process extension: the arrival
// distribution, each task's duration and resource, the resources' numbers and the shares on
// sequence flows. Times in the file are in seconds (`timeUnit` only says how the tool showed
// them). Read with the linear-time tag scanner. Timetables become project calendars
// (timetables.ts); each task keeps the id of its resource so shared ones can become staff pools.
import type { Distribution, TimeUnit } from '../schema';
import { MINUTES_PER_UNIT } from '../schema';
import type { BpsimElement } from './bpsim';
import type { Calendar } from '../calendar';
import { calendarIdFrom, toCalendar, weekFromRules, type SimResource } from './timetables';
import { attrOf, elements, scanTags, type XmlTag } from './xmlScan';

export interface QbpData {
  found: boolean;
  arrival?: Distribution;
  /** By BPMN element id: processing time and staff (tasks), probability (sequence flows). */
  elements: Map<string, BpsimElement>;
  timetables: number;
  /** The timetables as calendars, and the resources by id (size, calendar). */
  calendars: Calendar[];
  resources: Map<string, SimResource>;
  notes: string[];
}

const num = (t: XmlTag, name: string): number | undefined => {
  const v = attrOf(t.attrs, name);
  if (v === undefined || v.trim() === '') return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

/** A qbp distribution tag (type, mean, arg1, arg2 in seconds) in the project's time unit. */
function distribution(t: XmlTag, secondsToUnit: number): Distribution | string {
  const type = (attrOf(t.attrs, 'type') ?? '').toUpperCase();
  const mean = (num(t, 'mean') ?? 0) * secondsToUnit;
  const a1 = (num(t, 'arg1') ?? 0) * secondsToUnit;
  const a2 = (num(t, 'arg2') ?? 0) * secondsToUnit;
  switch (type) {
    case 'FIXED':
      return mean >= 0 ? { kind: 'constant', value: mean } : 'a fixed time below 0';
    case 'EXPONENTIAL': {
      const m = a1 > 0 ? a1 : mean;
      return m > 0 ? { kind: 'exponential', mean: m } : 'an exponential without a mean';
    }
    case 'NORMAL':
      return mean > 0 ? { kind: 'normal', mean, sd: Math.max(0, a1) } : 'a normal without a mean';
    case 'UNIFORM':
      return a2 >= a1 && a1 >= 0 ? { kind: 'uniform', min: a1, max: a2 } : 'a uniform with min above max';
    case 'TRIANGULAR':
      return a1 >= 0 && a1 <= mean && mean <= a2 ? { kind: 'triangular', min: a1, mode: mean, max: a2 } : 'a triangular whose mode is not between min and max';
    case 'LOGNORMAL':
    case 'GAMMA': {
      // arg1 is the variance (in seconds²): scale it once more for the sd.
      const sd = Math.sqrt(Math.max(0, num(t, 'arg1') ?? 0)) * secondsToUnit;
      if (!(mean > 0 && sd > 0)) return `a ${type.toLowerCase()} without mean and variance`;
      return { kind: type === 'LOGNORMAL' ? 'lognormal' : 'gamma', mean, sd: Math.min(sd, 100 * mean) };
    }
    default:
      return `a ${type.toLowerCase() || 'missing'} distribution is not supported`;
  }
}

export function readQbp(xml: string, unit: TimeUnit): QbpData {
  const out: QbpData = { found: false, elements: new Map(), timetables: 0, calendars: [], resources: new Map(), notes: [] };
  if (!xml.includes('processSimulationInfo')) return out;
  const tags = scanTags(xml);
  const info = elements(tags, 'processSimulationInfo')[0];
  if (!info) return out;
  out.found = true;
  const body = tags.slice(info.from + 1, info.to);
  const secondsToUnit = 1 / 60 / MINUTES_PER_UNIT[unit];
  const arrival = body.find((t) => t.name === 'arrivalRateDistribution' && !t.closing);
  if (arrival) {
    const d = distribution(arrival, secondsToUnit);
    if (typeof d === 'string') out.notes.push(`arrivals: ${d}`);
    else out.arrival = d;
  }
  const calendarOf = new Map<string, string>();
  const taken = new Set<string>();
  let defaultCalendar: string | undefined;
  for (const tt of elements(body, 'timetable')) {
    out.timetables++;
    const id = attrOf(tt.open.attrs, 'id') ?? `timetable-${out.timetables}`;
    const name = attrOf(tt.open.attrs, 'name') ?? id;
    const rules = body.slice(tt.from + 1, tt.to).filter((t) => t.name === 'rule' && !t.closing).map((t) => ({ fromDay: attrOf(t.attrs, 'fromWeekDay') ?? '', toDay: attrOf(t.attrs, 'toWeekDay') ?? '', fromTime: attrOf(t.attrs, 'fromTime') ?? '', toTime: attrOf(t.attrs, 'toTime') ?? '' }));
    const { week, notes } = weekFromRules(rules, `timetable "${name}"`);
    out.notes.push(...notes);
    const cal = toCalendar(calendarIdFrom(id, taken), name, week);
    if (typeof cal === 'string') out.notes.push(cal);
    else {
      out.calendars.push(cal);
      calendarOf.set(id, cal.id);
      if (attrOf(tt.open.attrs, 'default') === 'true') defaultCalendar = cal.id;
    }
  }
  const amount = new Map<string, number>();
  for (const r of body) {
    if (r.name !== 'resource' || r.closing) continue;
    const id = attrOf(r.attrs, 'id') ?? '';
    amount.set(id, num(r, 'totalAmount') ?? 0);
    const tt = attrOf(r.attrs, 'timetableId');
    const calendarId = tt !== undefined ? calendarOf.get(tt) : defaultCalendar;
    out.resources.set(id, { id, name: attrOf(r.attrs, 'name') ?? id, size: Math.max(0, Math.round(num(r, 'totalAmount') ?? 0)), ...(calendarId ? { calendarId } : {}) });
  }
  for (const e of elements(body, 'element')) {
    const id = attrOf(e.open.attrs, 'elementId');
    if (!id) continue;
    const el: BpsimElement = { unread: [] };
    const inner = body.slice(e.from + 1, e.to);
    const dur = inner.find((t) => t.name === 'durationDistribution' && !t.closing);
    if (dur) {
      const d = distribution(dur, secondsToUnit);
      if (typeof d === 'string') el.unread.push(`duration: ${d}`);
      else el.processingTime = d;
    }
    // The resource: the text of the first resourceId.
    const rid = elements(inner, 'resourceId')[0];
    if (rid) {
      const name = xml.slice(rid.inner[0], rid.inner[1]).trim();
      const n = amount.get(name);
      if (n !== undefined && n > 0) el.quantity = Math.round(n);
      if (out.resources.has(name)) el.resourceId = name;
    }
    out.elements.set(id, el);
  }
  for (const f of body) {
    if (f.name !== 'sequenceFlow' || f.closing) continue;
    const id = attrOf(f.attrs, 'elementId');
    const p = num(f, 'executionProbability');
    if (id && p !== undefined && p >= 0 && p <= 1) out.elements.set(id, { ...(out.elements.get(id) ?? { unread: [] }), probability: p });
  }
  return out;
}
