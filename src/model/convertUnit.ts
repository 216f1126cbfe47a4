// Changing the project's time unit converts every time in the project, so that the model means the
// same thing: 15 min becomes 0.25 h, never 15 h. Pure: a new project, the old one untouched.
//
// Scaled: every distribution of a time (service times, per-class service times, patience, delays,
// times between arrivals, time between failures and time to repair) — all its time parameters
// (mean, sd, min, max, mode, value, observed values; an Erlang's phase count k is not a time) —
// the run length and warm-up, learning periods, service-level thresholds and the waiting
// tolerance. Not scaled: arrival rates (stored per minute / hour / day / week, whatever the unit),
// hourly rate profiles and shifts (by the clock hour), costs (per hour), shares and counts.
import { MINUTES_PER_UNIT, type Distribution, type FlowNode, type LearningCurve, type Project, type Scenario, type TimeUnit } from './schema';
import { byId } from './ids';
import { TIME_UNIT_LABEL } from './duration';

/** x × factor, without the last-digit noise of the multiplication (2.5 × 60 = 150, 0.1 h = 6 min). */
const scale = (x: number, f: number) => (x === 0 ? 0 : +(x * f).toPrecision(15));

export function scaleDistribution(d: Distribution, f: number): Distribution {
  switch (d.kind) {
    case 'exponential':
      return { ...d, mean: scale(d.mean, f) };
    case 'constant':
      return { ...d, value: scale(d.value, f) };
    case 'uniform':
      return { ...d, min: scale(d.min, f), max: scale(d.max, f) };
    case 'triangular':
      return { ...d, min: scale(d.min, f), mode: scale(d.mode, f), max: scale(d.max, f) };
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return { ...d, mean: scale(d.mean, f), sd: scale(d.sd, f) };
    case 'erlang':
      return { ...d, mean: scale(d.mean, f) };
    case 'empirical':
      return { ...d, values: d.values.map((v) => scale(v, f)) };
  }
}

const scaleLearning = (l: LearningCurve | undefined, f: number) => (l ? { ...l, period: scale(l.period, f) } : l);

function scaleNode(n: FlowNode, f: number): FlowNode {
  switch (n.kind) {
    case 'arrivals':
      return n.arrivals.mode === 'interarrival' ? { ...n, arrivals: { ...n.arrivals, distribution: scaleDistribution(n.arrivals.distribution, f) } } : n;
    case 'step': {
      const out = { ...n, service: scaleDistribution(n.service, f) };
      if (n.serviceByClass) {
        const byClass = byId<Distribution>();
        for (const key of Object.keys(n.serviceByClass)) byClass[key] = scaleDistribution(n.serviceByClass[key]!, f);
        out.serviceByClass = byClass;
      }
      if (n.patience) out.patience = scaleDistribution(n.patience, f);
      if (n.learning) out.learning = scaleLearning(n.learning, f);
      return out;
    }
    case 'delay':
      return { ...n, duration: scaleDistribution(n.duration, f) };
    default:
      return n;
  }
}

function scaleScenario(s: Scenario, f: number): Scenario {
  const flow = { ...s.flow, nodes: s.flow.nodes.map((n) => scaleNode(n, f)) };
  if (s.flow.pools) flow.pools = s.flow.pools.map((p) => (p.learning ? { ...p, learning: scaleLearning(p.learning, f)! } : p));
  if (s.flow.systems) flow.systems = s.flow.systems.map((x) => ({ ...x, timeBetweenFailures: scaleDistribution(x.timeBetweenFailures, f), timeToRepair: scaleDistribution(x.timeToRepair, f) }));
  return { ...s, flow };
}

/** How many of the new unit one of the old unit is: minutes → hours gives 1/60. */
export const unitFactor = (from: TimeUnit, to: TimeUnit) => MINUTES_PER_UNIT[from] / MINUTES_PER_UNIT[to];

/** The same project with every time expressed in `newUnit`. */
export function convertTimeUnit(project: Project, newUnit: TimeUnit): Project {
  if (newUnit === project.timeUnit) return project;
  const f = unitFactor(project.timeUnit, newUnit);
  const run = { ...project.run, warmup: scale(project.run.warmup, f) };
  if (run.horizon.kind === 'duration') run.horizon = { ...run.horizon, duration: scale(run.horizon.duration, f) };
  const out: Project = {
    ...project,
    timeUnit: newUnit,
    run,
    serviceLevels: project.serviceLevels.map((sl) => ({ ...sl, threshold: scale(sl.threshold, f) })),
    scenarios: project.scenarios.map((s) => scaleScenario(s, f)),
  };
  if (project.costs) out.costs = project.costs.tolerance !== undefined ? { ...project.costs, tolerance: scale(project.costs.tolerance, f) } : project.costs;
  return out;
}

/** The first time parameter of a distribution (its mean where it has one). */
function firstTime(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.min;
    case 'empirical':
      return d.values[0]!;
    default:
      return d.mean;
  }
}

const num = (v: number) => {
  const r = +v.toPrecision(6);
  const [int, frac] = String(r).split('.');
  return /e/.test(String(r)) ? String(r) : `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
};

/**
 * What a conversion did, in words, with one example from the project: "All times converted to
 * hours: a service time of 15 min is now 0.25 h."
 */
export function describeConversion(before: Project, after: Project): string {
  const label = TIME_UNIT_LABEL;
  const head = `All times converted to ${after.timeUnit}`;
  const example = (what: string, a: number, b: number) => `${head}: ${what} of ${num(a)} ${label[before.timeUnit]} is now ${num(b)} ${label[after.timeUnit]}.`;
  for (let i = 0; i < before.scenarios.length; i++) {
    const nodes = before.scenarios[i]!.flow.nodes;
    const j = nodes.findIndex((n) => n.kind === 'step');
    if (j >= 0) {
      const a = nodes[j] as Extract<FlowNode, { kind: 'step' }>;
      const b = after.scenarios[i]!.flow.nodes[j] as Extract<FlowNode, { kind: 'step' }>;
      return example(`the service time at “${a.name}”`, firstTime(a.service), firstTime(b.service));
    }
  }
  if (before.run.horizon.kind === 'duration' && after.run.horizon.kind === 'duration') return example('the simulated time', before.run.horizon.duration, after.run.horizon.duration);
  return `${head}.`;
}
