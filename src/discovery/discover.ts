// Discovery: an event log in, an ordinary project (the baseline) out, with every choice made
// listed in a report in the user's words. Pure TypeScript (runs in a worker). The method, step by
// step (each in its own module; see docs/discovery.md):
//   cases.ts       events of each case in time order
//   durations.ts   estimated starts for logs with end times only; working time of each event
//   resources.ts   groups of resources that do the same work → departments, staff pools
//   calendar.ts    weekly working hours of each group → shifts; off-duty time
//   arrivals.ts    arrival rate and its hour-of-week profile
//   fit.ts         service times fitted to the engine's distributions
//   concurrency.ts activities done in parallel → split and join
//   routing.ts     directly-follows counts → decisions, loops, rare paths, coverage
//   waiting.ts     waiting staff does not explain → delays
//   build.ts       the flow's nodes and connections; layout.ts positions
import type { EventLog } from '../model/interop/eventlog/types';
import type { Distribution, Project, TimeUnit } from '../model/schema';
import { FORMAT_VERSION, MINUTES_PER_UNIT } from '../model/schema';
import { loadProject, describeProblem } from '../model/load';
import { discoverArrivals } from './arrivals';
import { buildFlow, type StaffPlan } from './build';
import { indexCases } from './cases';
import { discoverCalendar, type WorkCalendar } from './calendar';
import { findConcurrency } from './concurrency';
import { estimateStarts, workTimes } from './durations';
import { fitDuration, type Fit } from './servicefit';
import { moments } from '../engine/distributions';
import { layoutFlow } from './layout';
import { groupResources } from './resources';
import { discoverRouting } from './routing';
import type { Discovery, DiscoveryOptions, Progress, ReportLine } from './types';
import { unexplainedWaits } from './waiting';
import { describeFit, describeWeek, fmtShare, fmtTime } from './words';
import { discoverClasses } from './classes';

const MS_PER_MINUTE = 60_000;

export function discover(log: EventLog, options: DiscoveryOptions = {}, progress?: Progress): Discovery {
  const report: ReportLine[] = [];
  const say = (topic: ReportLine['topic'], message: string, severity: ReportLine['severity'] = 'info') => report.push({ topic, severity, message });
  const n = log.caseOf.length;
  const nCases = log.cases.length;
  if (n === 0 || nCases === 0) throw new Error('The event log has no events: there is nothing to discover.');
  const total = 8;
  const tick = (k: number, what: string) => progress?.(k, total, what);
  const rarePaths = Math.min(1, Math.max(0, options.rarePaths ?? 0.01));

  tick(0, 'Ordering the cases');
  const cases = indexCases(log);
  let start = log.start;
  if (!log.hasStart) {
    start = estimateStarts(log, cases);
    say('service-times', 'The log has end times only: each activity is taken to start when both the case\'s previous activity and its resource\'s previous activity had ended (the first activity of a case: the median of the others).', 'warning');
    for (let c = 0; c < nCases; c++) {
      cases.caseStart[c] = Infinity;
      for (let k = cases.first[c]!; k < cases.first[c + 1]!; k++) cases.caseStart[c] = Math.min(cases.caseStart[c]!, start[cases.order[k]!]!);
    }
  }
  let logFrom = Infinity, logTo = -Infinity;
  for (let c = 0; c < nCases; c++) { logFrom = Math.min(logFrom, cases.caseStart[c]!); logTo = Math.max(logTo, cases.caseEnd[c]!); }
  say('log', `${n.toLocaleString('en')} events in ${nCases.toLocaleString('en')} cases, ${log.activities.length} activities${log.hasResource ? `, ${log.resources.length} resources` : ' (no resources named)'}, from ${new Date(logFrom + log.utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 16).replace('T', ' ')} to ${new Date(logTo + log.utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 16).replace('T', ' ')}.`);

  tick(1, 'Grouping resources');
  const grouping = groupResources(log);
  const groupOfEvent = (i: number) => (log.resourceOf[i]! >= 0 && grouping.groupOfResource[log.resourceOf[i]!]! >= 0 ? grouping.groupOfResource[log.resourceOf[i]!]! : grouping.groupOfActivity[log.activityOf[i]!]!);
  say('departments', `Departments: resources that do the same mix of activities form one group (mixes overlapping by at least 50 %), named after the resources' common name or else their main activity; each activity belongs to the group that did most of it. ${grouping.groups.length} group${grouping.groups.length === 1 ? '' : 's'}: ${grouping.groups.map((g) => `${g.name} (${g.resources.length || 'no named'} resource${g.resources.length === 1 ? '' : 's'})`).join(', ')}.`);

  tick(2, 'Finding working hours');
  const G = grouping.groups.length;
  const moments: number[][] = Array.from({ length: G }, () => []);
  const people: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < n; i++) {
    const g = groupOfEvent(i);
    if (log.hasStart) { moments[g]!.push(start[i]!); people[g]!.push(log.resourceOf[i]!); }
    moments[g]!.push(log.end[i]!);
    people[g]!.push(log.resourceOf[i]!);
  }
  const concurrencyOf = maxConcurrency(log, start, groupOfEvent, G);
  const calendars: WorkCalendar[] = grouping.groups.map((g, k) => discoverCalendar(moments[k]!, people[k]!, logFrom, logTo, log.utcOffsetMinutes, g.resources.length ? 1 : concurrencyOf[k]!));
  const staffOfGroup: StaffPlan[] = calendars.map((cal) => {
    const size = Math.max(1, ...cal.staff);
    const varies = cal.staff.some((s) => s !== size);
    return { size, shifts: varies ? { repeat: 'week', staff: cal.staff, atShiftEnd: 'hand-over' } : undefined };
  });
  grouping.groups.forEach((g, k) => {
    const cal = calendars[k]!;
    say('working-time', `${g.name}: ${cal.roundTheClock ? 'works round the clock' : `works ${describeWeek(cal.onSlot)} (${Math.round(cal.hoursPerWeek)} hours a week)`}; ${staffOfGroup[k]!.size} on duty at most${staffOfGroup[k]!.shifts ? ' (shifts hour by hour; work in progress at the end of a shift is handed over and carried on next shift)' : ''}.`);
  });
  say('working-time', 'Rule: an hour of the week is worked when the group\'s work starts and ends there at least 5 % as often as in its busy hours; short breaks within a day are filled and thin quarter hours at the edges trimmed; a person counts as on duty in the hours they work at least 10 % as often as in their usual hours.');
  if (!log.hasResource) say('staff', 'No resources are named in the log: each activity gets a team of its own, as large as the most cases it was seen working on at once.', 'warning');

  tick(3, 'Measuring service times');
  const work = workTimes(log, start, (i) => calendars[groupOfEvent(i)]!);
  const unit = options.timeUnit ?? chooseUnit(work);
  const msPerUnit = MINUTES_PER_UNIT[unit] * MS_PER_MINUTE;
  const A = log.activities.length;
  const samples: number[][] = Array.from({ length: A }, () => []);
  for (let i = 0; i < n; i++) samples[log.activityOf[i]!]!.push(work[i]! / msPerUnit);
  const fits = samples.map((s, a) => fitDuration(s, `fit:${a}`));
  fits.forEach((f, a) => say('service-times', `${log.activities[a]}: ${describeFit(f, unit)}.`, f.distribution.kind === 'empirical' && f.n < 20 ? 'warning' : 'info'));
  say('service-times', `Service times are the working time from start to end (time off duty taken out), in ${unit}. Rule: constant, exponential, gamma, lognormal, Weibull, normal, uniform and triangular are each fitted by their mean and spread (or range); the one whose quantiles differ least from the observed ones (earth mover's distance) is taken if that distance is at most 10 % of the mean, else the observed times themselves are resampled.`);

  tick(4, 'Finding parallel work and routing');
  const conc = findConcurrency(log, cases, start);
  for (const [a, b] of conc.pairs) say('routing', `${log.activities[a]} and ${log.activities[b]} are done in parallel (their work overlaps or comes in either order): split and join.`);
  const routing = discoverRouting(log, cases, conc, rarePaths);
  const tokenName = (t: number) => (t === routing.START ? 'the start' : t === routing.END ? 'the end' : t < A ? log.activities[t]! : `the parallel work (${conc.blocks[t - A]!.branches.flat().map((a) => log.activities[a]).join(', ')})`);
  for (const d of routing.dropped.sort((x, y) => y.cases - x.cases).slice(0, 20)) say('routing', `Left out as rare: from ${tokenName(d.from)} to ${tokenName(d.to)} (${fmtShare(d.cases)} of cases).`);
  if (routing.dropped.length > 20) say('routing', `${routing.dropped.length - 20} more rare paths left out.`);
  for (const t of routing.unreachable) say('routing', `${tokenName(t)} is only reached by rare paths and is left out.`, 'warning');
  const withCases = casesWith(log);
  for (let a = 0; a < A; a++) {
    const reps = samples[a]!.length - withCases[a]!;
    if (reps > 0 && routing.edges.has(a)) say('routing', `${log.activities[a]} is repeated in ${fmtShare(reps / samples[a]!.length)} of its visits (rework loop).`);
  }
  say('coverage', `Rare paths are left out: from each step, the least-followed ways out that together carry at most ${fmtShare(rarePaths)} of its cases; the model covers ${fmtShare(routing.coverage)} of the log's cases.`, routing.coverage < 0.8 ? 'warning' : 'info');

  tick(5, 'Looking for waiting staff does not explain');
  const typical = samples.map((s) => medianOf(s) * msPerUnit);
  const waits = log.hasStart ? unexplainedWaits(log, cases, start, groupOfEvent, calendars, (a) => typical[a]!) : new Map<number, number[]>();
  const delayOf = new Map<number, Distribution>();
  for (const [a, w] of waits) {
    const f = fitDuration(w.map((x) => x / msPerUnit), `delay:${a}`);
    delayOf.set(a, f.distribution);
    say('routing', `Before ${log.activities[a]} cases often waited while staff were free (${fmtShare(w.length / samples[a]!.length)} of visits): a delay of ${describeFit(f, unit)}.`);
  }
  if (waits.size === 0 && log.hasStart) say('routing', 'No waiting beyond what busy or off-duty staff explain: no delays added.');

  tick(6, 'Arrivals');
  const arr = discoverArrivals(cases.caseStart, log.utcOffsetMinutes);
  // Few cases an hour read better as a weekly volume; the hour-of-week profile then spreads that
  // volume over the week (format 4: a rate per week with a profile is the week's volume).
  const perWeek = arr.ratePerHour < 0.1;
  const rate = Number((perWeek ? arr.ratePerHour * 168 : arr.ratePerHour).toPrecision(6));
  say('arrivals', `Cases arrive at ${rate} per ${perWeek ? 'week' : 'hour'} on average over the week${arr.multipliers ? `, in ${arr.openHours} hours of the week; the hour-of-week profile multiplies that rate hour by hour (cases that started in each hour of the week, over how often that hour occurs in the log)` : ', evenly through the week'} (random arrivals).`);

  tick(7, 'Building the flow');
  const classes = discoverClasses(log, cases, options.classAttribute, say);
  const byClass = classes.classOfCase ? serviceByClass(log, work, msPerUnit, fits, classes.classOfCase, classes.classes.map((k) => k.id)) : new Map<number, Record<string, Distribution>>();
  for (const [a, m] of byClass) say('classes', `${log.activities[a]}: its own service time for ${Object.keys(m).map((id) => classes.classes.find((k) => k.id === id)!.name).join(', ')} (their mean differs from the others' by more than 10 %).`);
  const built = buildFlow({
    log, grouping, staffOfGroup, routing, conc,
    serviceOf: (a) => fits[a]!.distribution,
    serviceByClassOf: (a) => byClass.get(a),
    delayBefore: (a) => delayOf.get(a),
    arrivals: { rate, per: perWeek ? 'week' : 'hour', schedule: arr.multipliers ? { repeat: 'week', multipliers: arr.multipliers } : undefined },
  });
  for (const pool of built.pools) say('staff', `${pool.name} serve several steps (${built.nodes.filter((x) => x.kind === 'step' && x.poolId === pool.id).map((x) => x.name).join(', ')}): one staff pool of ${pool.size}.`);
  for (const node of built.nodes) if (node.kind === 'step' && !node.poolId) say('staff', `${node.name}: ${node.staff} staff${node.shifts ? ' at most, on shifts' : ''}.`);
  layoutFlow(built.nodes, built.edges, built.departments);

  const project: Project = {
    formatVersion: FORMAT_VERSION,
    name: (options.name ?? `Discovered from ${log.source.name}`).slice(0, 120) || 'Discovered process',
    description: `Discovered from the event log ${log.source.name} (${nCases} cases).`,
    timeUnit: unit,
    classes: classes.classes,
    run: { horizon: { kind: 'customers', count: Math.max(1, nCases) }, warmup: 0, replications: { kind: 'fixed', count: 10 }, seed: 1, start: localIso(logFrom, log.utcOffsetMinutes), maxEvents: 200_000_000 },
    serviceLevels: [],
    scenarios: [{ id: 'baseline', name: 'As discovered', kind: 'baseline', flow: { departments: built.departments, ...(built.pools.length ? { pools: built.pools } : {}), nodes: built.nodes, edges: built.edges } }],
  };
  const loaded = loadProject(project);
  if (!loaded.ok) throw new Error(`The discovered model is not valid: ${loaded.problems.slice(0, 3).map(describeProblem).join('; ')}`);
  say('log', `Simulation settings: as many cases as the log (${nCases}), 10 replications, seed 1, no warm-up; the simulated clock starts at the log's first case (${localIso(logFrom, log.utcOffsetMinutes).replace('T', ' ')}), so simulated arrivals, shifts and events fall on the same weekdays and hours as the log's.`);
  progress?.(total, total, 'Done');
  return { project: loaded.project, report, coverage: routing.coverage };
}

/** Per activity: service times of the classes (with at least 30 observations) whose mean differs by more than 10 %. */
function serviceByClass(log: EventLog, work: Float64Array, msPerUnit: number, fits: Fit[], classOfCase: Int32Array, classIds: string[]): Map<number, Record<string, Distribution>> {
  const samples = new Map<number, number[]>();
  const K = classIds.length;
  for (let i = 0; i < log.caseOf.length; i++) {
    const key = log.activityOf[i]! * K + classOfCase[log.caseOf[i]!]!;
    (samples.get(key) ?? samples.set(key, []).get(key)!).push(work[i]! / msPerUnit);
  }
  const out = new Map<number, Record<string, Distribution>>();
  for (const [key, v] of samples) {
    const a = Math.floor(key / K), k = key % K;
    if (v.length < 30) continue;
    const all = moments(fits[a]!.distribution).mean;
    const own = v.reduce((x, y) => x + y, 0) / v.length;
    if (!(all > 0) || Math.abs(own - all) <= 0.1 * all) continue;
    const m = out.get(a) ?? out.set(a, Object.create(null) as Record<string, Distribution>).get(a)!;
    m[classIds[k]!] = fitDuration(v, `fit:${a}:${k}`).distribution;
  }
  return out;
}

/** Local date and time (to the second) of an instant: what `run.start` takes. */
export function localIso(t: number, utcOffsetMinutes: number): string {
  return new Date(Math.floor((t + utcOffsetMinutes * MS_PER_MINUTE) / 1000) * 1000).toISOString().slice(0, 19);
}

/** The unit that reads best for the typical (median) working time. */
function chooseUnit(work: Float64Array): TimeUnit {
  const m = medianOf(Array.from(work)) / MS_PER_MINUTE;
  return m < 1 ? 'seconds' : m < 180 ? 'minutes' : m < 4320 ? 'hours' : 'days';
}

function medianOf(v: number[]): number {
  if (v.length === 0) return 0;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Per activity: the number of cases that have it. */
function casesWith(log: EventLog): Int32Array {
  const out = new Int32Array(log.activities.length);
  const seen = new Set<number>();
  for (let i = 0; i < log.caseOf.length; i++) {
    const key = log.caseOf[i]! * log.activities.length + log.activityOf[i]!;
    if (!seen.has(key)) { seen.add(key); out[log.activityOf[i]!]!++; }
  }
  return out;
}

/** Per group: the most of its work in progress at once (for groups without named resources). */
function maxConcurrency(log: EventLog, start: Float64Array, groupOf: (i: number) => number, G: number): number[] {
  const ev: [number, number, number][] = [];
  for (let i = 0; i < log.caseOf.length; i++) if (log.resourceOf[i]! < 0 && log.end[i]! > start[i]!) { ev.push([start[i]!, 1, groupOf(i)]); ev.push([log.end[i]!, -1, groupOf(i)]); }
  ev.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const now = new Array<number>(G).fill(0), most = new Array<number>(G).fill(1);
  for (const [, d, g] of ev) { now[g]! += d; most[g] = Math.max(most[g]!, now[g]!); }
  return most;
}
