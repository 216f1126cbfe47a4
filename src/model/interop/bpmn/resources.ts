// Other tools' resources and timetables on the imported flow (BIMP qbp in the file, Prosimos /
// Simod parameters next to it): a resource used by one step gives it its staff and calendar; one
// used by several steps becomes one staff pool of its size shared by them (on its calendar). The
// arrival calendar (Prosimos) applies to the arrivals. One report line per calendar says which
// steps work on it, one per pool which steps share it.
import type { Calendar } from '../../calendar';
import type { FlowNode, StaffPool, TimeUnit } from '../../schema';
import { MINUTES_PER_UNIT } from '../../schema';
import { calendarIdFrom, describeWeek, type SimResource } from '../timetables';
import type { ReportLine } from './read';

export interface SimSide {
  /** Which tool the data came from, for the report ("BIMP", "Prosimos / Simod"). */
  source: string;
  calendars: Calendar[];
  resources: Map<string, SimResource>;
  arrivalCalendarId?: string;
  /** Calendars given to single elements (BPSim `validFor`), by node id. */
  byNode?: Map<string, string>;
}

type Note = (level: ReportLine['level'], message: string, element?: string) => void;

const names = (xs: string[]) => (xs.length <= 6 ? xs : [...xs.slice(0, 6), `${xs.length - 6} more`]).join(', ');
const q = (x: string) => `"${x}"`;

/** Sets staff, pools and calendars on `nodes` (in place); returns the calendars and new pools. */
export function applyResources(nodes: FlowNode[], resourceOf: ReadonlyMap<string, string>, sides: readonly SimSide[], timeUnit: TimeUnit, note: Note): { calendars: Calendar[]; pools: StaffPool[] } {
  const calendars: Calendar[] = [];
  const pools: StaffPool[] = [];
  if (sides.length === 0) return { calendars, pools };
  // Calendars of all sides, ids kept unique across them.
  const taken = new Set<string>();
  const rename = new Map<string, string>(); // `${side}|${id}` → project id
  sides.forEach((side, k) => {
    for (const c of side.calendars) {
      const id = calendarIdFrom(c.id, taken);
      rename.set(`${k}|${c.id}`, id);
      calendars.push({ ...c, id });
    }
  });
  const resources = new Map<string, { res: SimResource; side: number }>();
  sides.forEach((side, k) => side.resources.forEach((res, id) => resources.set(id, { res, side: k })));
  const calOf = (r: { res: SimResource; side: number }) => (r.res.calendarId ? rename.get(`${r.side}|${r.res.calendarId}`) : undefined);

  const stepsBy = new Map<string, Extract<FlowNode, { kind: 'step' }>[]>();
  for (const n of nodes) {
    const rid = n.kind === 'step' ? resourceOf.get(n.id) : undefined;
    if (n.kind !== 'step' || rid === undefined || !resources.has(rid)) continue;
    const list = stepsBy.get(rid);
    if (list) list.push(n);
    else stepsBy.set(rid, [n]);
  }
  const usersOf = new Map<string, string[]>(); // calendar id → step / pool descriptions
  const use = (cal: string | undefined, who: string) => {
    if (cal === undefined) return;
    const u = usersOf.get(cal);
    if (u) u.push(who);
    else usersOf.set(cal, [who]);
  };
  const poolIds = new Set(nodes.map((n) => n.id));
  for (const [rid, steps] of stepsBy) {
    const r = resources.get(rid)!;
    const cal = calOf(r);
    if (steps.length === 1) {
      const s = steps[0]!;
      if (r.res.size > 0) s.staff = r.res.size;
      if (cal) s.calendarId = cal;
      use(cal, `step ${q(s.name)}`);
      continue;
    }
    const depts = new Set(steps.map((s) => s.departmentId));
    const pool: StaffPool = { id: calendarIdFrom(`pool-${rid}`, poolIds), name: (r.res.name.replace(/\s+/g, ' ').trim() || rid).slice(0, 120), size: Math.max(1, r.res.size), ...(depts.size === 1 ? { departmentId: steps[0]!.departmentId } : {}), ...(cal ? { calendarId: cal } : {}) };
    pools.push(pool);
    for (const s of steps) {
      s.poolId = pool.id;
      delete s.calendarId;
    }
    use(cal, `staff pool "${pool.name}"`);
    note('info', `${sides[r.side]!.source} resource "${pool.name}" is used by ${steps.length} steps (${names(steps.map((s) => q(s.name)))}): they share one staff pool of ${pool.size}${r.res.size > 0 ? '' : ' (the file gives no number: 1 assumed)'}${cal ? `, working on calendar "${calendars.find((c) => c.id === cal)!.name}"` : ''}.`);
  }

  // Arrivals on a calendar need a rate: an exponential time between arrivals is one.
  const arrivalsOn = (n: Extract<FlowNode, { kind: 'arrivals' }>, cal: string, source: string) => {
    const a = n.arrivals;
    if (a.mode === 'interarrival' && a.distribution.kind === 'exponential' && a.distribution.mean > 0) {
      const perHour = 60 / (a.distribution.mean * MINUTES_PER_UNIT[timeUnit]);
      n.arrivals = { mode: 'rate', rate: +perHour.toPrecision(6), per: 'hour' };
      n.calendarId = cal;
      use(cal, `arrivals "${n.name}" (${+perHour.toFixed(2)} per open hour)`);
    } else if (a.mode === 'rate') {
      n.calendarId = cal;
      use(cal, `arrivals "${n.name}"`);
    } else note('warning', `${source}: the arrival calendar was not applied to "${n.name}", whose time between arrivals is not exponential; customers arrive around the clock.`, n.id);
  };
  sides.forEach((side, k) => {
    const cal = side.arrivalCalendarId ? rename.get(`${k}|${side.arrivalCalendarId}`) : undefined;
    if (cal) for (const n of nodes) if (n.kind === 'arrivals') arrivalsOn(n, cal, side.source);
    for (const n of nodes) {
      const own = side.byNode?.get(n.id);
      const c = own !== undefined ? rename.get(`${k}|${own}`) : undefined;
      if (!c) continue;
      if (n.kind === 'arrivals') arrivalsOn(n, c, side.source);
      else if (n.kind === 'step' && n.poolId === undefined) {
        n.calendarId = c;
        use(c, `step ${q(n.name)}`);
      }
    }
  });

  for (const c of calendars) {
    const who = usersOf.get(c.id) ?? [];
    const from = sides.find((_, k) => [...rename].some(([key, v]) => v === c.id && key.startsWith(`${k}|`)))?.source ?? 'the file';
    note('info', `Calendar "${c.name}" (${describeWeek(c.week)}) from the ${from} data: ${who.length > 0 ? `used by ${names(who)}` : 'used by no step (kept in the project)'}.`);
  }
  const without = [...stepsBy].filter(([rid, steps]) => steps.length === 1 && !calOf(resources.get(rid)!)).map(([, s]) => q(s[0]!.name));
  if (without.length > 0 && calendars.length > 0) note('info', `${names(without)}: no timetable in the file, so staff are there around the clock.`);
  return { calendars, pools };
}
