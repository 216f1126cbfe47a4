// A proposal against the baseline, paired by replication index: both ran with the same seeds
// and the same random stream for every shared step and source (common random numbers), so the
// paired difference is much sharper than comparing two independent means.
//
// For each metric: the difference (proposal − baseline) with its paired-t 95 % interval, and
// whether the change is significant (the interval excludes 0). The relative change R = b̄/ā − 1
// gets its interval by the delta method, Var(R) ≈ (Var(b̄) + (R+1)²·Var(ā) − 2(R+1)·Cov(ā, b̄)) / ā²,
// with a Student-t quantile; its lower end is cut at −100 % (a value cannot fall below zero).
import type { Project } from '../model/schema';
import { formatChangeWithCi, formatPair, type FigureKind } from './format';
import { mean, pairedDiffCI, tQuantile975 } from './stats';
import type { ReplicationResult } from './types';
import { own } from '../model/ids';

export type MetricKind = FigureKind;

export interface MetricComparison {
  metric: string;
  label: string;
  kind: MetricKind;
  baseline: number;
  proposal: number;
  difference: { mean: number; ci95: number };
  /** Relative change in % of the baseline, with its 95 % half-width in percentage points. */
  relative: { mean: number; ci95: number; low: number; high: number } | undefined;
  significant: boolean;
  /** True when a lower value is better for customers (waits, queues, losses). */
  lowerIsBetter: boolean;
  sentence: string;
}

export interface ScopeComparison {
  id: string;
  name: string;
  metrics: MetricComparison[];
}

export interface ScenarioComparison {
  baselineId: string;
  proposalId: string;
  replications: number;
  overall: MetricComparison[];
  departments: ScopeComparison[];
  steps: ScopeComparison[];
  /** Steps and departments that exist in only one of the two scenarios. */
  onlyInBaseline: { steps: string[]; departments: string[] };
  onlyInProposal: { steps: string[]; departments: string[] };
}

interface MetricDef {
  metric: string;
  label: string;
  kind: MetricKind;
  lowerIsBetter: boolean;
  get: (r: ReplicationResult) => number;
}

export function compareScenarios(
  project: Project,
  baselineReps: readonly ReplicationResult[],
  proposalReps: readonly ReplicationResult[],
): ScenarioComparison {
  const n = Math.min(baselineReps.length, proposalReps.length);
  const base = [...baselineReps].sort((a, b) => a.replication - b.replication).slice(0, n);
  const prop = [...proposalReps].sort((a, b) => a.replication - b.replication).slice(0, n);
  base.forEach((b, i) => {
    if (b.replication !== prop[i]!.replication) throw new Error('the baseline and the proposal must be run with the same replication indices');
  });
  const unit = project.timeUnit;
  const compareOne = (def: MetricDef, a: readonly ReplicationResult[], b: readonly ReplicationResult[]): MetricComparison => {
    const av = a.map(def.get);
    const bv = b.map(def.get);
    const d = pairedDiffCI(av, bv);
    const baseline = mean(av);
    const proposal = mean(bv);
    const relative = baseline !== 0 ? relativeChange(av, bv) : undefined;
    const c: MetricComparison = {
      metric: def.metric,
      label: def.label,
      kind: def.kind,
      baseline,
      proposal,
      difference: { mean: d.mean, ci95: d.ci95 },
      relative,
      significant: d.significant,
      lowerIsBetter: def.lowerIsBetter,
      sentence: '',
    };
    c.sentence = describeComparison(c, unit, project.costs?.currency);
    return c;
  };

  const overallDefs: MetricDef[] = [
    { metric: 'waitingTime.mean', label: 'Mean wait', kind: 'duration', lowerIsBetter: true, get: (r) => r.overall.waitingTime.mean },
    { metric: 'waitingTime.p90', label: '90th percentile of waiting', kind: 'duration', lowerIsBetter: true, get: (r) => r.overall.waitingTime.p90 },
    { metric: 'timeInSystem.mean', label: 'Mean total time', kind: 'duration', lowerIsBetter: true, get: (r) => r.overall.timeInSystem.mean },
    { metric: 'timeInSystem.p90', label: '90th percentile of total time', kind: 'duration', lowerIsBetter: true, get: (r) => r.overall.timeInSystem.p90 },
    { metric: 'throughput', label: 'Customers served', kind: 'rate', lowerIsBetter: false, get: (r) => r.overall.throughput },
    { metric: 'abandonedShare', label: 'Share who gave up', kind: 'share', lowerIsBetter: true, get: (r) => r.overall.abandonedShare },
    { metric: 'turnedAwayShare', label: 'Share turned away', kind: 'share', lowerIsBetter: true, get: (r) => r.overall.turnedAwayShare },
    { metric: 'workInProgress.mean', label: 'Customers inside on average', kind: 'count', lowerIsBetter: true, get: (r) => r.overall.workInProgress.mean },
    { metric: 'handoffsPerCustomer', label: 'Handoffs per customer', kind: 'count', lowerIsBetter: true, get: (r) => r.overall.handoffsPerCustomer },
    // With calendars (worktime.ts): the same in working time of each scenario's main calendar.
    ...(base.every((r) => r.working) && prop.every((r) => r.working)
      ? ([
          { metric: 'workingTime.waitingTime.mean', label: 'Mean wait in working time', kind: 'duration', lowerIsBetter: true, get: (r) => r.working!.waitingTime.mean },
          { metric: 'workingTime.timeInSystem.mean', label: 'Mean total time in working time', kind: 'duration', lowerIsBetter: true, get: (r) => r.working!.timeInSystem.mean },
        ] satisfies MetricDef[])
      : []),
    ...(project.costs?.tolerance !== undefined
      ? [{ metric: 'atRiskShare', label: 'Share of customers at risk', kind: 'share', lowerIsBetter: true, get: (r) => (r.overall.exited > 0 ? r.overall.atRisk / r.overall.exited : 0) } satisfies MetricDef]
      : []),
    ...(project.costs
      ? [
          { metric: 'costs.perCustomer', label: 'Cost per customer served', kind: 'money', lowerIsBetter: true, get: (r) => r.overall.costs.perCustomer } satisfies MetricDef,
          { metric: 'costs.perDay', label: 'Cost per day', kind: 'money', lowerIsBetter: true, get: (r) => r.overall.costs.perDay } satisfies MetricDef,
        ]
      : []),
    ...project.serviceLevels.map(
      (sl): MetricDef => ({
        metric: `serviceLevel.${sl.id}`,
        label: sl.name,
        kind: 'share',
        lowerIsBetter: false,
        get: (r) => own(r.overall.serviceLevel, sl.id) ?? 0,
      }),
    ),
  ];
  const overall = overallDefs.map((d) => compareOne(d, base, prop));

  const scope = (pick: 'steps' | 'departments') => {
    const bIds = Object.keys(base[0]?.[pick] ?? {});
    const pIds = new Set(Object.keys(prop[0]?.[pick] ?? {}));
    const bSet = new Set(bIds);
    const shared = bIds.filter((id) => pIds.has(id));
    const comparisons: ScopeComparison[] = shared.map((id) => {
      const get = <T>(r: ReplicationResult) => own(r[pick] as Record<string, unknown>, id) as T;
      const defs: MetricDef[] = [
        { metric: 'waitingTime.mean', label: 'Mean wait', kind: 'duration', lowerIsBetter: true, get: (r) => get<{ waitingTime: { mean: number } }>(r).waitingTime.mean },
        { metric: 'queueLength.mean', label: 'Mean queue', kind: 'count', lowerIsBetter: true, get: (r) => get<{ queueLength: { mean: number } }>(r).queueLength.mean },
        { metric: 'utilization', label: 'Busy share', kind: 'share', lowerIsBetter: true, get: (r) => get<{ utilization: number }>(r).utilization },
      ];
      const name = (own(base[0]![pick] as Record<string, unknown>, id) as { name: string }).name;
      return { id, name, metrics: defs.map((d) => compareOne(d, base, prop)) };
    });
    return { comparisons, onlyBase: bIds.filter((id) => !pIds.has(id)), onlyProp: [...pIds].filter((id) => !bSet.has(id)) };
  };
  const steps = scope('steps');
  const depts = scope('departments');
  return {
    baselineId: base[0]?.scenarioId ?? '',
    proposalId: prop[0]?.scenarioId ?? '',
    replications: n,
    overall,
    departments: depts.comparisons,
    steps: steps.comparisons,
    onlyInBaseline: { steps: steps.onlyBase, departments: depts.onlyBase },
    onlyInProposal: { steps: steps.onlyProp, departments: depts.onlyProp },
  };
}

/** Relative change in % with a delta-method 95 % interval: { mean, low, high }. */
function relativeChange(a: number[], b: number[]): { mean: number; ci95: number; low: number; high: number } {
  const n = a.length;
  const ma = mean(a);
  const mb = mean(b);
  const r = mb / ma;
  if (n < 2) return { mean: 100 * (r - 1), ci95: 0, low: 100 * (r - 1), high: 100 * (r - 1) };
  let va = 0;
  let vb = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
    cov += (a[i]! - ma) * (b[i]! - mb);
  }
  // Variances of the means.
  va /= (n - 1) * n;
  vb /= (n - 1) * n;
  cov /= (n - 1) * n;
  const varR = Math.max(0, (vb + r * r * va - 2 * r * cov) / (ma * ma));
  const half = 100 * tQuantile975(n - 1) * Math.sqrt(varR);
  const m = 100 * (r - 1);
  return { mean: m, ci95: half, low: Math.max(-100, m - half), high: m + half };
}

/** "Mean wait falls from 3.2 h to 1.1 h (−66 %, 95 % CI −70 % to −61 %)". */
export function describeComparison(c: MetricComparison, unit: Project['timeUnit'], currency?: string): string {
  const ctx = { unit, currency };
  const [from, to] = formatPair(c.kind, c.baseline, c.proposal, ctx, { distinct: c.significant });
  if (!c.significant) return `${c.label}: about the same (${from} before, ${to} after; the difference is within the noise of the simulation)`;
  const verb = c.proposal < c.baseline ? 'falls' : 'rises';
  return `${c.label} ${verb} from ${from} to ${to} (${formatChangeWithCi(c, ctx)})`;
}
