// Which calendar measures working time where. The rule: the flow's MAIN calendar is the arrivals'
// calendar (the first arrivals node that has one), else the calendar most steps use (a step on a
// pool uses the pool's; ties: the first met in the flow), else the project's first calendar. A
// customer's waiting and time in system in working time are counted against the main calendar;
// the waiting at a step against the step's own calendar (its pool's, else the main one); a delay
// in working time against its own calendar, else the main one. Projects without calendars get
// none of this (undefined), so their runs and results stay exactly the same.
import { MINUTES_PER_UNIT, type Flow, type Project } from '../model/schema';
import { startOffsetMinutes } from '../model/clock';
import { openHoursPerWeek, type Calendar } from '../model/calendar';
import { planOf, simStart } from './calendars';
import { SimulationError } from './types';
import { WorkClock } from './workclock';

export interface WorkModel {
  mainId: string;
  main: WorkClock;
  /** Per node: the clock of a step's waiting (steps only). */
  step: (WorkClock | undefined)[];
  /** Per node: the clock of a delay in working time (undefined: elapsed time). */
  delay: (WorkClock | undefined)[];
}

/** The main calendar's id for a flow, or undefined when the project has no calendars. */
export function mainCalendarId(project: Pick<Project, 'calendars'>, flow: Flow): string | undefined {
  const cals = project.calendars ?? [];
  if (cals.length === 0) return undefined;
  for (const n of flow.nodes) if (n.kind === 'arrivals' && n.calendarId !== undefined) return n.calendarId;
  const count = new Map<string, number>();
  for (const id of stepCalendarIds(flow)) if (id !== undefined) count.set(id, (count.get(id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, k] of count) if (best === undefined || k > count.get(best)!) best = id;
  return best ?? cals[0]!.id;
}

/** Per node: a step's calendar (its own, else its pool's), undefined for others. */
function stepCalendarIds(flow: Flow): (string | undefined)[] {
  const pools = new Map((flow.pools ?? []).map((p) => [p.id, p]));
  return flow.nodes.map((n) => (n.kind !== 'step' ? undefined : n.poolId !== undefined ? pools.get(n.poolId)?.calendarId : n.calendarId));
}

/** Open hours of an average open day of the regular week ("a working day"). */
export function hoursPerWorkingDay(cal: Pick<Calendar, 'week'>): number {
  const open = cal.week.filter((_, d) => openHoursPerWeek({ week: cal.week.map((x, e) => (e === d ? x : '')) }) > 0).length;
  return open > 0 ? openHoursPerWeek(cal) / open : 0;
}

/** The working-time clocks of a flow, or undefined when the project has no calendars. */
export function compileWork(project: Project, flow: Flow): WorkModel | undefined {
  const mainId = mainCalendarId(project, flow);
  if (mainId === undefined) return undefined;
  const calendars = new Map((project.calendars ?? []).map((c) => [c.id, c]));
  const start = simStart(project);
  const slot = 60 / MINUTES_PER_UNIT[project.timeUnit];
  const offset = startOffsetMinutes(project.run.start) / MINUTES_PER_UNIT[project.timeUnit];
  const clocks = new Map<string, WorkClock>();
  const clock = (id: string, who: string): WorkClock => {
    let c = clocks.get(id);
    if (c) return c;
    const cal = calendars.get(id);
    if (!cal) throw new SimulationError('invalid-model', `"${who}" uses calendar "${id}", which does not exist.`);
    clocks.set(id, (c = new WorkClock(planOf(cal, project, start).open, slot, offset, cal.name)));
    return c;
  };
  const main = clock(mainId, flow.nodes.find((n) => n.kind === 'arrivals')?.name ?? 'The flow');
  const stepIds = stepCalendarIds(flow);
  return {
    mainId,
    main,
    step: flow.nodes.map((n, i) => (n.kind !== 'step' ? undefined : stepIds[i] !== undefined ? clock(stepIds[i]!, n.name) : main)),
    delay: flow.nodes.map((n) => (n.kind === 'delay' && n.workingTime ? (n.calendarId !== undefined ? clock(n.calendarId, n.name) : main) : undefined)),
  };
}
