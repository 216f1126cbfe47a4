// An overloaded system: which steps cannot keep up, and how fast their backlog grows in the run.
//
// A step is unstable when the traffic equations give it more work than its staff can do (and no
// customers giving up or being turned away keep its queue in check), or — whatever the equations
// say — when its queue visibly keeps growing over the run. Its backlog growth is measured per
// replication as the least-squares slope of its queue length over the timeline's bins (each bin's
// time-average against the bin's middle), in customers per 24 hours of simulated time, and
// summarised across replications with the Student-t 95 % interval.
import { MINUTES_PER_UNIT, type Project, type Scenario } from '../model/schema';
import { formatNumber } from './format';
import { meanCI, type Estimate } from './stats';
import { trafficEquations } from './traffic';
import type { ReplicationResult } from './types';

export interface InstabilityStep {
  stepId: string;
  name: string;
  /** Utilisation the traffic equations give the step (offered work / staff; ≥ 1 when overloaded). */
  offeredUtilization: number;
  /** Growth of the step's queue in customers per 24 hours of simulated time (slope over the run). */
  backlogGrowthPerDay: Estimate;
}

export interface Instability {
  steps: InstabilityStep[];
  /** "The system is unstable: …" — in users' words, for the screen, the report and the CLI. */
  statement: string;
}

/** Least-squares slope (customers per time unit) of one replication's queue-length bins. */
export function queueSlope(bins: readonly number[], binWidth: number, windowLength: number): number {
  const n = bins.length;
  if (n < 2 || !(binWidth > 0)) return 0;
  const t: number[] = [];
  for (let b = 0; b < n; b++) {
    const start = b * binWidth;
    const width = b === n - 1 ? Math.max(0, Math.min(binWidth, windowLength - start)) : binWidth;
    t.push(start + width / 2);
  }
  const mt = t.reduce((s, x) => s + x, 0) / n;
  const my = bins.reduce((s, x) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let b = 0; b < n; b++) {
    sxy += (t[b]! - mt) * (bins[b]! - my);
    sxx += (t[b]! - mt) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return Number.isFinite(slope) ? slope : 0;
}

/** The queue grows when the last fifth of the run averages well above the second fifth. */
export function isGrowing(series: readonly number[]): boolean {
  const n = series.length;
  if (n < 10) return false;
  const fifth = Math.floor(n / 5);
  const avg = (a: number, b: number) => series.slice(a, b).reduce((s, x) => s + x, 0) / Math.max(1, b - a);
  const early = avg(fifth, 2 * fifth);
  const late = avg(n - fifth, n);
  return late > 2 * early + 5;
}

/**
 * The unstable steps of a scenario and their measured backlog growth; undefined when the system is
 * stable (no step overloaded by the traffic equations and no queue growing over the run).
 * `meanQueue` gives the across-replication mean queue bins by step id (for the growth test).
 */
export function findInstability(
  project: Project,
  scenario: Scenario,
  reps: readonly ReplicationResult[],
  steps: Readonly<Record<string, { name: string; kind: 'step' | 'delay' }>>,
  meanQueue: Readonly<Record<string, readonly number[]>>,
): Instability | undefined {
  const traffic = trafficEquations(project, scenario);
  const offered = new Map<string, number>();
  const candidates: string[] = [];
  for (const node of scenario.flow.nodes) {
    if (node.kind !== 'step' || !steps[node.id]) continue;
    const load = traffic.solvable && !traffic.tooComplex ? traffic.steps[node.id] : undefined;
    const u = load && load.arrivalRate > 0 && load.staff > 0 ? load.utilization : 0;
    offered.set(node.id, Number.isFinite(u) ? u : 0);
    const relieved = node.patience !== undefined || node.capacity !== undefined;
    if ((u >= 1 && !relieved) || isGrowing(meanQueue[node.id] ?? [])) candidates.push(node.id);
  }
  if (candidates.length === 0) return undefined;
  const dayFactor = 1440 / MINUTES_PER_UNIT[project.timeUnit];
  const list: InstabilityStep[] = candidates.map((id) => ({
    stepId: id,
    name: steps[id]!.name,
    offeredUtilization: offered.get(id) ?? 0,
    backlogGrowthPerDay: meanCI(reps.map((r) => queueSlope(r.timeline.queueLength[id] ?? [], r.timeline.binWidth, r.windowEnd - r.windowStart) * dayFactor)),
  }));
  list.sort((a, b) => b.backlogGrowthPerDay.mean - a.backlogGrowthPerDay.mean);
  return { steps: list, statement: instabilityStatement(list, reps.length) };
}

function instabilityStatement(list: readonly InstabilityStep[], replications: number): string {
  const sentences = list.map((s) => {
    const g = s.backlogGrowthPerDay;
    if (!(g.mean > 0)) return `${s.name} has more work than staff, though its queue did not measurably grow in this run.`;
    const ci = replications > 1 && g.ci95 > 0 ? ` (95 % CI ${formatNumber(Math.max(0, g.mean - g.ci95))} to ${formatNumber(g.mean + g.ci95)})` : '';
    return `${s.name} cannot keep up: its queue grows by about ${formatNumber(g.mean)} customers a day${ci}.`;
  });
  return `The system is unstable. ${sentences.join(' ')} The backlog keeps growing for as long as the run lasts, so waiting times and queue lengths depend on the length of the run: they are not steady-state figures.`;
}

/**
 * What a comparison means when one side cannot keep up: its waits and queues grow with the run's
 * length, so the size of the difference does too. Undefined when both scenarios are stable.
 */
export function comparisonCaveat(baseline: { name: string; instability?: Instability }, proposal: { name: string; instability?: Instability }): string | undefined {
  const unstable = [baseline, proposal].filter((s) => s.instability && s.instability.steps.length > 0);
  if (unstable.length === 0) return undefined;
  const names = unstable.map((s) => `“${s.name}”`).join(' and ');
  return `${names} cannot keep up: queues grow for as long as the run lasts, so waiting figures — and the size of this difference — depend on the length of the run. Compare them as a direction, not as a steady-state gain.`;
}
