// BPSim 1.0 simulation parameters (www.bpsim.org), read from the raw XML with a tolerant
// scanner (bpmn-moddle does not know the BPSim schema) and written for export. Values become the
// file format's distributions (by mean and sd) in the project's time unit.
import type { Distribution, TimeUnit } from '../schema';
import { MINUTES_PER_UNIT } from '../schema';
import type { Calendar } from '../calendar';
import { iCalToWeek } from './bpsimCalendar';
import { calendarIdFrom, toCalendar } from './timetables';
import { attrOf, elements, scanTags, type XmlTag } from './xmlScan';

export interface BpsimElement {
  interTriggerTimer?: Distribution;
  processingTime?: Distribution;
  quantity?: number;
  probability?: number;
  /** The other tool's resource (BIMP / Prosimos) the task uses: steps sharing one share staff. */
  resourceId?: string;
  /** The project calendar a BPSim value of the element is `validFor` (availability, staff, arrivals). */
  calendarId?: string;
  /** What could not be read, for the import report. */
  unread: string[];
}

const MINUTES: Record<string, number> = { ms: 1 / 60_000, s: 1 / 60, min: 1, hour: 60, day: 1440, year: 525_600 };

const attr = (tag: string, name: string): string | undefined => attrOf(tag, name);
const num = (tag: string, name: string): number | undefined => {
  const v = attr(tag, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

/** ISO 8601 duration (PnDTnHnMnS) in minutes, or undefined. */
export function isoDurationMinutes(text: string): number | undefined {
  const m = /^\s*P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/.exec(text);
  if (!m || text.trim() === 'P' || text.trim() === 'PT') return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0) + Number(s ?? 0) / 60;
}

/** The first BPSim value element among `tags`, as a distribution in `unit` (time values scaled by `toUnit`). */
function readValue(tags: readonly XmlTag[], toUnit: number, minutesPerUnit = 1): { dist?: Distribution; plain?: number; note?: string } {
  const first = tags.find((t) => !t.closing);
  if (!first) return { note: 'no value' };
  const kind = first.name;
  const tag = first.attrs;
  const t = (x: number | undefined) => (x === undefined ? undefined : x * toUnit);
  switch (kind) {
    case 'NumericParameter':
    case 'FloatingParameter': {
      const v = num(tag, 'value');
      return v === undefined ? { note: `${kind} without a value` } : { plain: v, dist: { kind: 'constant', value: Math.max(0, v * toUnit) } };
    }
    case 'DurationParameter': {
      const v = attr(tag, 'value');
      const minutes = v ? isoDurationMinutes(v) : undefined;
      return minutes === undefined ? { note: `duration "${v ?? ''}" is not an ISO 8601 duration` } : { dist: { kind: 'constant', value: minutes / minutesPerUnit } };
    }
    case 'ExponentialDistribution': {
      const mean = t(num(tag, 'mean'));
      return mean && mean > 0 ? { dist: { kind: 'exponential', mean } } : { note: 'exponential without a mean' };
    }
    case 'NormalDistribution':
    case 'TruncatedNormalDistribution': {
      const mean = t(num(tag, 'mean'));
      const sd = t(num(tag, 'standardDeviation'));
      return mean && mean > 0 && sd !== undefined && sd >= 0 ? { dist: { kind: 'normal', mean, sd } } : { note: `${kind} needs mean and standardDeviation` };
    }
    case 'LogNormalDistribution': {
      const mean = t(num(tag, 'mean'));
      const sd = t(num(tag, 'standardDeviation'));
      return mean && mean > 0 && sd && sd > 0 ? { dist: { kind: 'lognormal', mean, sd } } : { note: 'lognormal needs mean and standardDeviation' };
    }
    case 'UniformDistribution': {
      const min = t(num(tag, 'min'));
      const max = t(num(tag, 'max'));
      return min !== undefined && max !== undefined && max >= min && min >= 0 ? { dist: { kind: 'uniform', min, max } } : { note: 'uniform needs 0 ≤ min ≤ max' };
    }
    case 'TriangularDistribution': {
      const min = t(num(tag, 'min'));
      const mode = t(num(tag, 'mode'));
      const max = t(num(tag, 'max'));
      return min !== undefined && mode !== undefined && max !== undefined && min >= 0 && min <= mode && mode <= max && max > min
        ? { dist: { kind: 'triangular', min, mode, max } }
        : { note: 'triangular needs min ≤ mode ≤ max' };
    }
    case 'GammaDistribution': {
      const shape = num(tag, 'shape');
      const scale = t(num(tag, 'scale'));
      return shape && shape > 0 && scale && scale > 0 ? { dist: { kind: 'gamma', mean: shape * scale, sd: Math.sqrt(shape) * scale } } : { note: 'gamma needs shape and scale' };
    }
    case 'ErlangDistribution': {
      const mean = t(num(tag, 'mean'));
      const k = num(tag, 'k');
      return mean && mean > 0 && k && k >= 1 ? { dist: { kind: 'erlang', mean, k: Math.round(k) } } : { note: 'Erlang needs mean and k' };
    }
    case 'WeibullDistribution': {
      // BPSim gives shape and scale; the file format keeps Weibull by mean and sd.
      const shape = num(tag, 'shape');
      const scale = t(num(tag, 'scale'));
      if (!(shape && shape > 0 && scale && scale > 0)) return { note: 'Weibull needs shape and scale' };
      const g = (x: number) => Math.exp(lgamma(x));
      const mean = scale * g(1 + 1 / shape);
      const sd = scale * Math.sqrt(Math.max(0, g(1 + 2 / shape) - g(1 + 1 / shape) ** 2));
      return { dist: { kind: 'weibull', mean, sd } };
    }
    default:
      return { note: `${kind} is not supported` };
  }
}

/** log Γ(x) for x > 0 (Lanczos); only for reading Weibull parameters. */
function lgamma(x: number): number {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const k of c) ser += k / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

/** BPSim element parameters by element id, in `unit`; the time unit the file declares. Read
 * with a linear-time tag scanner over the raw text (see xmlScan). Probabilities written in percent
 * (jBPM writes 100.0) are read as such when a file's probabilities go above 1 but not above 100. */
export function readBpsim(xml: string, unit: TimeUnit): { elements: Map<string, BpsimElement>; baseTimeUnit: string | undefined; found: boolean; percent: boolean; calendars: Calendar[]; calendarNotes: string[] } {
  const found = new Map<string, BpsimElement>();
  const tags = scanTags(xml);
  // Scenario calendars (iCalendar text), by their BPSim id.
  const calendars: Calendar[] = [];
  const calendarNotes: string[] = [];
  const calendarOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of elements(tags, 'Calendar')) {
    const rawId = attr(c.open.attrs, 'id');
    if (!rawId) continue;
    const name = attr(c.open.attrs, 'name') ?? rawId;
    const text = decodeText(xml.slice(c.inner[0], Math.min(c.inner[1], c.inner[0] + 200_000)));
    const { week, notes } = iCalToWeek(text, `calendar "${name}"`);
    calendarNotes.push(...notes);
    const cal = toCalendar(calendarIdFrom(rawId, taken), name, week);
    if (typeof cal === 'string') calendarNotes.push(cal.replace(/^timetable/, 'calendar'));
    else {
      calendars.push(cal);
      calendarOf.set(rawId, cal.id);
    }
  }
  const scenario = tags.find((t) => t.name === 'ScenarioParameters' && !t.closing);
  const baseTimeUnit = scenario ? attr(scenario.attrs, 'baseTimeUnit') : undefined;
  const toUnit = (MINUTES[baseTimeUnit ?? 'ms'] ?? MINUTES.ms!) / MINUTES_PER_UNIT[unit];
  const params = elements(tags, 'ElementParameters');
  const probabilities: { el: BpsimElement; value: number }[] = [];
  for (const p of params) {
    const ref = attr(p.open.attrs, 'elementRef');
    if (!ref) continue;
    const body = tags.slice(p.from + 1, p.to);
    const el: BpsimElement = found.get(ref) ?? { unread: [] };
    const parts = new Map<string, XmlTag[]>();
    for (const e of elements(body, '*')) if (!parts.has(e.open.name)) parts.set(e.open.name, body.slice(e.from + 1, e.to));
    const part = (name: string) => parts.get(name);
    const validFor = body.map((t) => (t.closing ? undefined : attr(t.attrs, 'validFor'))).find((v) => v !== undefined);
    const calendarId = validFor !== undefined ? calendarOf.get(validFor.trim().split(/\s+/)[0]!) : undefined;
    if (calendarId) el.calendarId = calendarId;
    else if (validFor !== undefined) el.unread.push(`a value valid for calendar "${validFor}", which the file does not define, was read as always valid`);
    const timer = part('InterTriggerTimer');
    if (timer !== undefined) {
      const v = readValue(timer, toUnit, MINUTES_PER_UNIT[unit]);
      if (v.dist) el.interTriggerTimer = v.dist;
      else el.unread.push(`inter-arrival time: ${v.note}`);
    }
    const processing = part('ProcessingTime');
    if (processing !== undefined) {
      const v = readValue(processing, toUnit, MINUTES_PER_UNIT[unit]);
      if (v.dist) el.processingTime = v.dist;
      else el.unread.push(`processing time: ${v.note}`);
    }
    const quantity = part('Quantity');
    if (quantity !== undefined) {
      const v = readValue(quantity, 1);
      if (v.plain !== undefined && v.plain > 0) el.quantity = Math.round(v.plain);
      else if (v.plain === 0) el.unread.push('a resource quantity of 0 (as some tools write when none is set) was read as not given');
      else el.unread.push(`resource quantity: ${v.note ?? 'not a number'}`);
    }
    const probability = part('Probability');
    if (probability !== undefined) {
      const v = readValue(probability, 1);
      if (v.plain !== undefined && v.plain >= 0 && v.plain <= 100) probabilities.push({ el, value: v.plain });
      else el.unread.push(`probability: ${v.note ?? 'not between 0 and 1'}`);
    }
    for (const other of ['WaitTime', 'SetupTime', 'ValidationTime', 'ReworkTime', 'TransferTime', 'QueueLength', 'FixedCost', 'UnitCost', 'Priority', 'Interruptible', 'TriggerCount', 'Availability', 'Selection', 'Role', 'Condition', 'Calendar']) {
      if (calendarId && (other === 'Availability' || other === 'Calendar')) continue;
      if (part(other) !== undefined) el.unread.push(`${other} is not simulated`);
    }
    found.set(ref, el);
  }
  const percent = probabilities.some((p) => p.value > 1);
  for (const p of probabilities) p.el.probability = percent ? p.value / 100 : p.value;
  return { elements: found, baseTimeUnit, found: params.length > 0 || calendars.length > 0, percent, calendars, calendarNotes };
}

/** Element text with XML entities (named and numeric, e.g. &#13;&#10; line ends) decoded. */
function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Math.min(0x10ffff, parseInt(e.slice(2), 16)));
    if (e.startsWith('#')) return String.fromCodePoint(Math.min(0x10ffff, Number(e.slice(1))));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** A distribution as a BPSim value element, times in minutes (baseTimeUnit "min"). */
export function bpsimValue(d: Distribution, minutesPerUnit: number): string {
  const t = (x: number) => +(x * minutesPerUnit).toPrecision(15);
  switch (d.kind) {
    case 'constant':
      return `<bpsim:NumericParameter value="${t(d.value)}"/>`;
    case 'exponential':
      return `<bpsim:ExponentialDistribution mean="${t(d.mean)}"/>`;
    case 'normal':
      return `<bpsim:NormalDistribution mean="${t(d.mean)}" standardDeviation="${t(d.sd)}"/>`;
    case 'lognormal':
      return `<bpsim:LogNormalDistribution mean="${t(d.mean)}" standardDeviation="${t(d.sd)}"/>`;
    case 'uniform':
      return `<bpsim:UniformDistribution min="${t(d.min)}" max="${t(d.max)}"/>`;
    case 'triangular':
      return `<bpsim:TriangularDistribution min="${t(d.min)}" mode="${t(d.mode)}" max="${t(d.max)}"/>`;
    case 'gamma': {
      const shape = (d.mean / d.sd) ** 2;
      return `<bpsim:GammaDistribution shape="${+shape.toPrecision(15)}" scale="${t(d.mean / shape)}"/>`;
    }
    case 'erlang':
      return `<bpsim:ErlangDistribution mean="${t(d.mean)}" k="${d.k}"/>`;
    case 'weibull':
    case 'empirical': {
      // No exact BPSim form kept here: the mean as a constant; the exact form travels in sf:data.
      const mean = d.kind === 'weibull' ? d.mean : d.values.reduce((s, v) => s + v, 0) / d.values.length;
      return `<bpsim:NumericParameter value="${t(mean)}"/>`;
    }
  }
}
