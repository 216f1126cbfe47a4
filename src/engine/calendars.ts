// Calendars in the engine: before a scenario is compiled, every step, staff pool and arrivals node
// that refers to a calendar is given the equivalent hour-by-hour plan the simulation already runs:
// staff on shift (closed = nobody, with the step's or pool's behaviour at the end of a shift) and
// an arrival rate per hour (none while closed). Rates per day or week with an hourly profile or a
// calendar are volumes: the profile and the open hours only spread them. A flow with no calendar and
// no such volume is returned as it is, so its results stay exactly the same.
import { calendarSlots, hasDates, type Calendar } from '../model/calendar';
import { minutesIntoWeek, parseLocalDateTime } from '../model/clock';
import { MINUTES_PER_PERIOD, MINUTES_PER_UNIT, type ArrivalsNode, type Flow, type FlowNode, type Project, type StaffPool, type StaffShifts } from '../model/schema';
import { SimulationError } from './types';

/** Hours covered by dated plans when the run's length is not known in advance (a horizon in customers). */
export const DATED_HOURS_UNKNOWN_HORIZON = 2 * 52 * 168;

/**
 * Where the run starts: `monday`, the day number of the Monday 00:00 before (or at) `run.start`
 * (undefined without a start: then holidays and exceptions cannot be placed), and `hour`, the hours
 * from that Monday 00:00 to time 0. Plans are written from that Monday, as the simulation reads
 * weekly grids (compile.ts clockOffset).
 */
export interface SimStart {
  monday: number | undefined;
  hour: number;
}

export function simStart(project: Project): SimStart {
  const start = project.run.start;
  const ms = start === undefined ? undefined : parseLocalDateTime(start);
  if (ms === undefined) return { monday: undefined, hour: 0 };
  const minutes = minutesIntoWeek(ms);
  const day = Math.floor(ms / 86_400_000);
  return { monday: day - Math.floor(minutes / 1440), hour: Math.floor(minutes / 60) };
}

/** Hours the plans must cover: from the Monday before the start to the end of the run, in whole weeks. */
function planHours(project: Project, start: SimStart): number {
  const run = project.run;
  if (run.horizon.kind !== 'duration') return DATED_HOURS_UNKNOWN_HORIZON;
  const hours = ((run.warmup + run.horizon.duration) * MINUTES_PER_UNIT[project.timeUnit]) / 60;
  return Math.max(168, Math.ceil((start.hour + hours + 1) / 168) * 168);
}

export interface Plan {
  open: Uint8Array;
  extra: Int32Array;
  /** The regular week (no holidays or exceptions), 168 flags from Monday 00:00. */
  week: Uint8Array;
}

/** A calendar's open hours from the Monday before the start: a week (repeating) or, with dates, the whole run. */
export function planOf(cal: Calendar, project: Project, start: SimStart): Plan {
  const week = calendarSlots(cal, 168).open;
  if (start.monday === undefined || !hasDates(cal)) return { open: week, extra: new Int32Array(168), week };
  return { ...calendarSlots(cal, planHours(project, start), start.monday), week };
}

function staffPlan(plan: Plan, staff: number, shifts: StaffShifts | undefined): number[] {
  const out = new Array<number>(plan.open.length);
  for (let j = 0; j < out.length; j++) {
    const grid = shifts ? shifts.staff[j % shifts.staff.length]! : staff;
    out[j] = plan.open[j] ? grid + plan.extra[j]! : 0;
  }
  return out;
}

/** Does the engine need to rewrite anything in this flow? */
export function usesCalendarsOrVolumes(flow: Flow): boolean {
  if ((flow.pools ?? []).some((p) => p.calendarId !== undefined)) return true;
  return flow.nodes.some(
    (n) =>
      (n.kind === 'step' && n.calendarId !== undefined && n.poolId === undefined) ||
      (n.kind === 'arrivals' && (n.calendarId !== undefined || (n.schedule !== undefined && n.arrivals.mode === 'rate' && (n.arrivals.per === 'day' || n.arrivals.per === 'week')))),
  );
}

/** The flow with calendars and volumes turned into hour-by-hour staff and arrival rates. */
export function resolveCalendars(project: Project, flow: Flow): Flow {
  if (!usesCalendarsOrVolumes(flow)) return flow;
  const calendars = new Map((project.calendars ?? []).map((c) => [c.id, c]));
  const start = simStart(project);
  const plans = new Map<string, Plan>();
  const planFor = (id: string, who: string): Plan => {
    const cal = calendars.get(id);
    if (!cal) throw new SimulationError('invalid-model', `"${who}" uses calendar "${id}", which does not exist.`);
    let p = plans.get(id);
    if (!p) plans.set(id, (p = planOf(cal, project, start)));
    return p;
  };
  const pools = flow.pools?.map((pool): StaffPool => {
    if (pool.calendarId === undefined) return pool;
    const plan = planFor(pool.calendarId, pool.name);
    const atShiftEnd = pool.shifts?.atShiftEnd ?? pool.atClose;
    return { ...pool, shifts: { repeat: 'week', staff: staffPlan(plan, pool.size, pool.shifts), ...(atShiftEnd ? { atShiftEnd } : {}) } };
  });
  const nodes = flow.nodes.map((node): FlowNode => {
    if (node.kind === 'step' && node.calendarId !== undefined && node.poolId === undefined) {
      const plan = planFor(node.calendarId, node.name);
      const atShiftEnd = node.shifts?.atShiftEnd ?? node.atClose;
      return { ...node, shifts: { repeat: 'week', staff: staffPlan(plan, node.staff, node.shifts), ...(atShiftEnd ? { atShiftEnd } : {}) } };
    }
    if (node.kind === 'arrivals') return arrivalsPlan(node, node.calendarId === undefined ? undefined : planFor(node.calendarId, node.name));
    return node;
  });
  return { ...flow, nodes, ...(pools ? { pools } : {}) };
}

/**
 * Arrivals hour by hour from the grid's first hour: weights (the profile's multiplier × open) and,
 * for a volume per day or week, each day (or week) scaled so that its hours add up to the volume
 * (a day the calendar closes, e.g. a holiday, loses its customers). Written back as a rate of 1 per
 * hour with the hourly rates as multipliers, which the simulation generates by thinning.
 */
export function arrivalsPlan(node: ArrivalsNode, plan: Plan | undefined): ArrivalsNode {
  const a = node.arrivals;
  if (a.mode !== 'rate') {
    if (plan) throw new SimulationError('invalid-model', `"${node.name}": arrivals that follow a calendar need a rate (customers per hour, day or week).`);
    return node;
  }
  const volume = a.per === 'day' || a.per === 'week';
  const profile = node.schedule?.multipliers;
  if (!plan && !(volume && profile)) return node;
  const len = plan ? plan.open.length : profile!.length === 168 || a.per === 'week' ? 168 : 24;
  const m = (j: number) => (profile ? profile[j % profile.length]! : 1);
  const w = Float64Array.from({ length: len }, (_, j) => (plan && !plan.open[j] ? 0 : m(j)));
  const rates = new Array<number>(len).fill(0);
  if (!volume) {
    const hourly = (a.rate * 60) / MINUTES_PER_PERIOD[a.per];
    for (let j = 0; j < len; j++) rates[j] = hourly * w[j]!;
  } else if (a.per === 'day') {
    for (let d = 0; d < len; d += 24) {
      let total = 0;
      for (let j = d; j < d + 24; j++) total += w[j]!;
      if (total > 0) for (let j = d; j < d + 24; j++) rates[j] = (a.rate * w[j]!) / total;
    }
  } else {
    let total = 0;
    for (let h = 0; h < 168; h++) total += plan && !plan.week[h] ? 0 : m(h);
    if (total > 0) for (let j = 0; j < len; j++) rates[j] = (a.rate * w[j]!) / total;
  }
  if (!rates.some((r) => r > 0)) throw new SimulationError('invalid-model', `"${node.name}": no customers can arrive: the calendar is closed in every hour the profile has arrivals.`);
  return { ...node, arrivals: { mode: 'rate', rate: 1, per: 'hour' }, schedule: { repeat: 'week', multipliers: rates } };
}

/** What arrivals add up to in a regular week: customers on an open day (on average) and the busiest hour. */
export interface ArrivalVolumes {
  perOpenDay: number;
  openDays: number;
  peakPerHour: number;
  perWeek: number;
}

/** The daily volume and hourly peak of an arrivals node in a regular week (no holidays), or undefined for a time between arrivals. */
export function arrivalVolumes(node: ArrivalsNode, calendar: Calendar | undefined): ArrivalVolumes | undefined {
  const a = node.arrivals;
  if (a.mode !== 'rate') return undefined;
  const week = calendar ? calendarSlots(calendar, 168).open : undefined;
  const plan = week ? { open: week, extra: new Int32Array(168), week } : undefined;
  let rates: readonly number[];
  try {
    const resolved = arrivalsPlan(node, plan);
    if (resolved === node) {
      const hourly = (a.rate * 60) / MINUTES_PER_PERIOD[a.per];
      rates = Array.from({ length: 168 }, (_, j) => hourly * (node.schedule ? node.schedule.multipliers[j % node.schedule.multipliers.length]! : 1));
    } else {
      const m = resolved.schedule!.multipliers;
      rates = Array.from({ length: 168 }, (_, j) => m[j % m.length]!);
    }
  } catch {
    return { perOpenDay: 0, openDays: 0, peakPerHour: 0, perWeek: 0 };
  }
  let perWeek = 0;
  let openDays = 0;
  for (let d = 0; d < 7; d++) {
    let day = 0;
    for (let h = 0; h < 24; h++) day += rates[d * 24 + h]!;
    perWeek += day;
    if (day > 0) openDays++;
  }
  return { perOpenDay: openDays > 0 ? perWeek / openDays : 0, openDays, peakPerHour: Math.max(...rates), perWeek };
}
