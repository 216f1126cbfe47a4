// The transition view: a proposal simulated from its first day (empty, no warm-up) for some
// weeks, next to the baseline's steady state — how bad it gets while staff learn and systems
// settle, for how long, and from which week it is better than today. Weekly figures come from
// the timeline with one bin per week.
import { MINUTES_PER_UNIT, type Project } from '../model/schema';
import type { ResultsDocument } from './results';

export const TRANSITION_WEEKS = 12;
export const TRANSITION_REPLICATIONS = 10;

/** The project to simulate for the transition of `proposalId`: both scenarios from day one. */
export function transitionProject(project: Project, proposalId: string, weeks = TRANSITION_WEEKS): Project {
  const week = 10080 / MINUTES_PER_UNIT[project.timeUnit];
  const baseline = project.scenarios.find((s) => s.kind === 'baseline')!;
  const proposal = project.scenarios.find((s) => s.id === proposalId)!;
  return {
    ...project,
    run: { ...project.run, warmup: 0, horizon: { kind: 'duration', duration: weeks * week }, replications: { kind: 'fixed', count: TRANSITION_REPLICATIONS } },
    scenarios: [baseline, proposal],
  };
}

export interface TransitionSummary {
  weeks: { week: number; proposal: { mean: number; ci95: number }; baseline: { mean: number; ci95: number } }[];
  /** The baseline's steady-state mean wait (from a normal run, or its own last weeks). */
  steady: number;
  worst: { week: number; mean: number };
  /** Weeks in which the proposal's mean wait was above the steady state of today. */
  weeksWorse: number;
  /** First week from which the proposal stays at or below today's steady state; undefined if never. */
  paysOffFrom: number | undefined;
  /** Every week in which the proposal's mean wait was at or below today's steady state. */
  betterWeeks: number[];
  /** Money week by week, when the project has cost assumptions (see WeeklyCosts). */
  costs: WeeklyCosts | undefined;
}

/**
 * Weekly money from the cost assumptions (staff, lost customers, customers at risk): the
 * proposal's cost each week against today's steady weekly cost (the baseline's last four weeks),
 * and the running total of the difference (positive: the proposal has cost more so far).
 */
export interface WeeklyCosts {
  weeks: { week: number; proposal: { mean: number; ci95: number }; cumulativeDifference: number }[];
  /** Today's weekly cost in steady state. */
  steady: number;
  /** First week from which the proposal's weekly cost stays at or below today's; undefined if never. */
  cheaperFrom: number | undefined;
  /** Every week in which the proposal cost at most today's week (also those before `cheaperFrom`). */
  cheaperWeeks: number[];
  /** First week from which the running difference stays at or below 0 (the extra cost of the first weeks is recovered); undefined if not within the weeks. */
  recoveredBy: number | undefined;
  /** Running difference at the end of the weeks. */
  differenceAtEnd: number;
}

/** `costs`: the project's cost assumptions; weekly money is summarised when they put a price on anything. */
export function summarizeTransition(results: ResultsDocument, proposalId: string, steadyBaseline?: number, costs?: Project['costs']): TransitionSummary {
  const base = results.scenarios.find((s) => s.kind === 'baseline')!;
  const prop = results.scenarios.find((s) => s.id === proposalId)!;
  const b = base.timeline.waitingTime;
  const p = prop.timeline.waitingTime;
  const n = Math.min(b.mean.length, p.mean.length);
  const weeks = Array.from({ length: n }, (_, i) => ({ week: i + 1, proposal: { mean: p.mean[i]!, ci95: p.ci95[i]! }, baseline: { mean: b.mean[i]!, ci95: b.ci95[i]! } }));
  const tail = weeks.slice(Math.max(0, n - 4));
  const steady = steadyBaseline ?? tail.reduce((a, w) => a + w.baseline.mean, 0) / Math.max(1, tail.length);
  let worst = { week: 1, mean: -Infinity };
  for (const w of weeks) if (w.proposal.mean > worst.mean) worst = { week: w.week, mean: w.proposal.mean };
  const weeksWorse = weeks.filter((w) => w.proposal.mean > steady).length;
  let paysOffFrom: number | undefined;
  for (let i = n - 1; i >= 0 && weeks[i]!.proposal.mean <= steady; i--) paysOffFrom = i + 1;
  const betterWeeks = weeks.filter((w) => w.proposal.mean <= steady).map((w) => w.week);
  return { weeks, steady, worst, weeksWorse, paysOffFrom, betterWeeks, costs: hasCosts(costs) ? weeklyCosts(base.timeline.costs, prop.timeline.costs) : undefined };
}

function hasCosts(c: Project['costs']): boolean {
  return c !== undefined && ((c.staffPerHour ?? 0) > 0 || (c.lostCustomer ?? 0) > 0);
}

/** Weekly costs of the proposal against today's steady weekly cost (bins are weeks). */
export function weeklyCosts(baseline: { mean: number[] } | undefined, proposal: { mean: number[]; ci95: number[] } | undefined): WeeklyCosts | undefined {
  if (!baseline || !proposal) return undefined;
  const n = Math.min(baseline.mean.length, proposal.mean.length);
  if (n === 0) return undefined;
  const tail = baseline.mean.slice(Math.max(0, n - 4), n);
  const steady = tail.reduce((a, b) => a + b, 0) / tail.length;
  let running = 0;
  const weeks = Array.from({ length: n }, (_, i) => {
    running += proposal.mean[i]! - steady;
    return { week: i + 1, proposal: { mean: proposal.mean[i]!, ci95: proposal.ci95[i]! }, cumulativeDifference: running };
  });
  let cheaperFrom: number | undefined;
  for (let i = n - 1; i >= 0 && weeks[i]!.proposal.mean <= steady; i--) cheaperFrom = i + 1;
  let recoveredBy: number | undefined;
  for (let i = n - 1; i >= 0 && weeks[i]!.cumulativeDifference <= 0; i--) recoveredBy = i + 1;
  const cheaperWeeks = weeks.filter((w) => w.proposal.mean <= steady).map((w) => w.week);
  return { weeks, steady, cheaperFrom, cheaperWeeks, recoveredBy, differenceAtEnd: running };
}

/** Weeks as people write them: [1, 2, 3, 4, 6] → "1–4 and 6". */
export function weekList(weeks: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < weeks.length; ) {
    let j = i;
    while (j + 1 < weeks.length && weeks[j + 1] === weeks[j]! + 1) j++;
    runs.push(j === i ? `${weeks[i]}` : `${weeks[i]}–${weeks[j]}`);
    i = j + 1;
  }
  return runs.length <= 1 ? (runs[0] ?? '') : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`;
}

/**
 * The sentence under the week-by-week figures, consistent with the table: from which week on the
 * proposal is better every week, and which earlier weeks already were. `better`: e.g. "costs less
 * a week than today"; `from`: the first week from which it stays so; `weeks`: every such week.
 */
export function fromWeekSentence(name: string, better: string, from: number | undefined, weeks: readonly number[], total: number): string {
  const who = `“${name}”`;
  if (from === 1) return `${who} ${better} in every one of the ${total} weeks.`;
  const earlier = weeks.filter((w) => from === undefined || w < from);
  const s = (list: number[]) => `week${list.length === 1 ? '' : 's'} ${weekList(list)}`;
  if (from !== undefined) return `${who} ${better} every week from week ${from} on${earlier.length > 0 ? ` (and already in ${s(earlier)})` : ''}.`;
  if (earlier.length > 0) return `Within ${total} weeks, ${who} ${better} only in ${s(earlier)}, not every week to the end.`;
  return `Within ${total} weeks ${who} ${better.startsWith('is ') ? `is never ${better.slice(3)}` : `never ${better}`}.`;
}
