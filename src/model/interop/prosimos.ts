// Prosimos / Simod simulation parameters: the JSON file these tools write next to a BPMN model
// (arrival_time_distribution, task_resource_distribution, resource_profiles,
// gateway_branching_probabilities). Distributions are named as in scipy (expon, norm, lognorm,
// gamma, uniform, fix) with their parameters in seconds; the first resource of a task gives its
// duration and the size of its profile its staff. Resource calendars and the arrival calendar
// become project calendars (timetables.ts).
import type { Distribution, TimeUnit } from '../schema';
import { MINUTES_PER_UNIT } from '../schema';
import type { BpsimElement } from './bpsim';
import type { Calendar } from '../calendar';
import { calendarIdFrom, toCalendar, weekFromRules, type SimResource } from './timetables';

export interface ProsimosData {
  arrival?: Distribution;
  elements: Map<string, BpsimElement>;
  calendars: Calendar[];
  resources: Map<string, SimResource>;
  /** The calendar of the arrivals (arrival_time_calendar). */
  arrivalCalendarId?: string;
  notes: string[];
}

const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
const periods = (x: unknown) => arr(x).map((p) => ({ fromDay: str(obj(p)?.from), toDay: str(obj(p)?.to), fromTime: str(obj(p)?.beginTime), toTime: str(obj(p)?.endTime) }));

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : undefined);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x.slice(0, 100_000) : []);
const fin = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : undefined);

/** True when `value` looks like a Prosimos / Simod parameters document. */
export function isProsimos(value: unknown): boolean {
  const o = obj(value);
  return !!o && ('arrival_time_distribution' in o || 'task_resource_distribution' in o || 'gateway_branching_probabilities' in o);
}

function distribution(d: unknown, secondsToUnit: number): Distribution | string {
  const o = obj(d);
  const name = String(o?.distribution_name ?? '').toLowerCase();
  const p = arr(o?.distribution_params).map((x) => fin(obj(x)?.value) ?? fin(x) ?? 0);
  const t = (x: number) => x * secondsToUnit;
  switch (name) {
    case 'fix':
      return (p[0] ?? -1) >= 0 ? { kind: 'constant', value: t(p[0]!) } : 'a fixed time without a value';
    case 'expon': {
      // [scale] or [loc, scale, …]: the mean is loc + scale.
      const mean = p.length >= 2 ? p[0]! + p[1]! : (p[0] ?? 0);
      return mean > 0 ? { kind: 'exponential', mean: t(mean) } : 'an exponential without a mean';
    }
    case 'norm':
      return (p[0] ?? 0) > 0 ? { kind: 'normal', mean: t(p[0]!), sd: t(Math.max(0, p[1] ?? 0)) } : 'a normal without a mean';
    case 'uniform':
      return p.length >= 2 && p[1]! >= 0 && p[0]! >= 0 ? { kind: 'uniform', min: t(p[0]!), max: t(p[0]! + p[1]!) } : 'a uniform without its range';
    case 'lognorm':
    case 'gamma': {
      // Simod writes mean, variance, min, max.
      const mean = p[0] ?? 0;
      const sd = Math.sqrt(Math.max(0, p[1] ?? 0));
      return mean > 0 && sd > 0 ? { kind: name === 'lognorm' ? 'lognormal' : 'gamma', mean: t(mean), sd: Math.min(t(sd), 100 * t(mean)) } : `a ${name} without mean and variance`;
    }
    default:
      return `"${name || 'no name'}" is not a distribution read here`;
  }
}

export function readProsimos(value: unknown, unit: TimeUnit): ProsimosData {
  const out: ProsimosData = { elements: new Map(), calendars: [], resources: new Map(), notes: [] };
  const o = obj(value);
  if (!o) return out;
  const secondsToUnit = 1 / 60 / MINUTES_PER_UNIT[unit];
  if (o.arrival_time_distribution !== undefined) {
    const d = distribution(o.arrival_time_distribution, secondsToUnit);
    if (typeof d === 'string') out.notes.push(`arrivals: ${d}`);
    else out.arrival = d;
  }
  const taken = new Set<string>();
  const calendarOf = new Map<string, string>();
  const addCalendar = (rawId: string, name: string, list: unknown): string | undefined => {
    const { week, notes } = weekFromRules(periods(list), `calendar "${name}"`);
    out.notes.push(...notes);
    const cal = toCalendar(calendarIdFrom(rawId, taken), name, week);
    if (typeof cal === 'string') return void out.notes.push(cal);
    out.calendars.push(cal);
    return cal.id;
  };
  for (const c of arr(o.resource_calendars)) {
    const id = str(obj(c)?.id);
    if (!id) continue;
    const made = addCalendar(id, str(obj(c)?.name) || id, obj(c)?.time_periods);
    if (made) calendarOf.set(id, made);
  }
  if (arr(o.arrival_time_calendar).length > 0) out.arrivalCalendarId = addCalendar('arrivals', 'Arrivals', o.arrival_time_calendar);
  const size = new Map<string, number>();
  for (const prof of arr(o.resource_profiles)) {
    for (const r of arr(obj(prof)?.resource_list)) {
      const id = obj(r)?.id;
      if (typeof id !== 'string') continue;
      const n = Math.max(0, Math.round(fin(obj(r)?.amount) ?? 1));
      size.set(id, n);
      const calendarId = calendarOf.get(str(obj(r)?.calendar));
      out.resources.set(id, { id, name: str(obj(r)?.name) || id, size: n, ...(calendarId ? { calendarId } : {}) });
    }
  }
  for (const task of arr(o.task_resource_distribution)) {
    const id = obj(task)?.task_id;
    if (typeof id !== 'string') continue;
    const first = obj(arr(obj(task)?.resources)[0]);
    if (!first) continue;
    const el: BpsimElement = { unread: [] };
    const d = distribution(first, secondsToUnit);
    if (typeof d === 'string') el.unread.push(`duration: ${d}`);
    else el.processingTime = d;
    const n = typeof first.resource_id === 'string' ? size.get(first.resource_id) : undefined;
    if (n !== undefined && n > 0) el.quantity = n;
    if (typeof first.resource_id === 'string' && out.resources.has(first.resource_id)) el.resourceId = first.resource_id;
    out.elements.set(id, el);
  }
  for (const g of arr(o.gateway_branching_probabilities)) {
    for (const path of arr(obj(g)?.probabilities)) {
      const id = obj(path)?.path_id;
      const p = fin(obj(path)?.value);
      if (typeof id === 'string' && p !== undefined && p >= 0 && p <= 1) out.elements.set(id, { ...(out.elements.get(id) ?? { unread: [] }), probability: p });
    }
  }
  return out;
}
