// What a proposal changes against the baseline, in plain words. Steps are matched by id.
import type { Distribution, FlowNode, Scenario } from './schema';
import { distributionMean } from './distributionMean';

export interface Change {
  kind: 'added' | 'removed' | 'staff' | 'time' | 'department' | 'routing' | 'other';
  nodeId?: string;
  text: string;
}

const sameDist = (a: Distribution | undefined, b: Distribution | undefined) => JSON.stringify(a) === JSON.stringify(b);

const meanOf = distributionMean;

const kindWord: Record<FlowNode['kind'], string> = { arrivals: 'arrivals', step: 'step', delay: 'delay', decision: 'decision', exit: 'exit', split: 'parallel split', join: 'join' };

export function diffScenarios(baseline: Scenario, proposal: Scenario): Change[] {
  const changes: Change[] = [];
  const before = new Map(baseline.flow.nodes.map((n) => [n.id, n]));
  const after = new Map(proposal.flow.nodes.map((n) => [n.id, n]));
  const deptName = (s: Scenario, id: string | undefined) => s.flow.departments.find((d) => d.id === id)?.name ?? id ?? '(none)';

  for (const n of proposal.flow.nodes) {
    if (!before.has(n.id)) {
      changes.push({ kind: 'added', nodeId: n.id, text: `New ${kindWord[n.kind]}: ${n.name}${n.kind === 'step' ? ` (${n.poolId ? 'staff from a pool' : n.shifts ? 'staff on shifts' : `${n.staff} staff`}, ${deptName(proposal, n.departmentId)})` : ''}` });
      if (n.kind === 'step') {
        if (n.learning) changes.push({ kind: 'time', nodeId: n.id, text: learningText(n.name, n.learning) });
        if (n.systemIds && n.systemIds.length > 0) changes.push({ kind: 'other', nodeId: n.id, text: systemsText(n.name, n.systemIds, proposal) });
      }
    }
  }
  for (const n of baseline.flow.nodes) {
    if (!after.has(n.id)) changes.push({ kind: 'removed', nodeId: n.id, text: `Removed ${kindWord[n.kind]}: ${n.name}` });
  }
  for (const a of proposal.flow.nodes) {
    const b = before.get(a.id);
    if (!b) continue;
    if (a.name !== b.name) changes.push({ kind: 'other', nodeId: a.id, text: `"${b.name}" renamed to "${a.name}"` });
    if (a.kind === 'step' && b.kind === 'step') {
      if (a.staff !== b.staff && a.poolId === undefined && !a.shifts) changes.push({ kind: 'staff', nodeId: a.id, text: `${a.name}: staff ${b.staff} → ${a.staff}` });
      if (!sameDist(a.service, b.service) || JSON.stringify(a.serviceByClass) !== JSON.stringify(b.serviceByClass)) {
        const mb = meanOf(b.service);
        const ma = meanOf(a.service);
        changes.push({ kind: 'time', nodeId: a.id, text: `${a.name}: service time changed${mb !== undefined && ma !== undefined && mb !== ma ? ` (mean ${+mb.toFixed(2)} → ${+ma.toFixed(2)})` : ''}` });
      }
      if (a.departmentId !== b.departmentId) changes.push({ kind: 'department', nodeId: a.id, text: `${a.name} moved from ${deptName(baseline, b.departmentId)} to ${deptName(proposal, a.departmentId)}` });
      if (a.discipline !== b.discipline) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: queue ${a.discipline === 'priority' ? 'now by class priority' : 'now first come, first served'}` });
      if (a.capacity !== b.capacity) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: waiting places ${b.capacity ?? 'unlimited'} → ${a.capacity ?? 'unlimited'}` });
      if (!sameDist(a.patience, b.patience)) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: customers' patience changed` });
      if (a.poolId !== b.poolId) {
        const pool = proposal.flow.pools?.find((x) => x.id === a.poolId);
        changes.push({ kind: 'staff', nodeId: a.id, text: pool ? `${a.name}: now served by the staff pool "${pool.name}" (${pool.size} people)` : `${a.name}: back to its own staff` });
      }
      if (JSON.stringify(a.shifts) !== JSON.stringify(b.shifts)) changes.push({ kind: 'staff', nodeId: a.id, text: a.shifts ? `${a.name}: ${shiftWords(b.shifts?.staff, a.shifts.staff)}` : `${a.name}: no more shifts` });
      if (JSON.stringify(a.learning) !== JSON.stringify(b.learning))
        changes.push({ kind: 'time', nodeId: a.id, text: a.learning ? learningText(a.name, a.learning) : `${a.name}: no learning curve` });
      if (JSON.stringify(a.systemIds ?? []) !== JSON.stringify(b.systemIds ?? [])) {
        changes.push({ kind: 'other', nodeId: a.id, text: (a.systemIds ?? []).length > 0 ? systemsText(a.name, a.systemIds!, proposal) : `${a.name}: no longer depends on a system` });
      }
    }
    if (a.kind === 'delay' && b.kind === 'delay' && !sameDist(a.duration, b.duration)) changes.push({ kind: 'time', nodeId: a.id, text: `${a.name}: duration changed` });
    if (a.kind === 'arrivals' && b.kind === 'arrivals' && JSON.stringify(a.arrivals) !== JSON.stringify(b.arrivals)) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: arrivals changed` });
  }
  // Staff pools and systems of the whole flow.
  for (const pool of proposal.flow.pools ?? []) {
    const old = baseline.flow.pools?.find((x) => x.id === pool.id);
    if (!old) changes.push({ kind: 'added', text: `New staff pool "${pool.name}": ${pool.size} cross-trained people` });
    else if (JSON.stringify(old.shifts) !== JSON.stringify(pool.shifts)) changes.push({ kind: 'staff', text: `Staff pool "${pool.name}": ${pool.shifts ? shiftWords(old.shifts?.staff, pool.shifts.staff) : 'no more shifts'}` });
    else if (old.size !== pool.size) changes.push({ kind: 'staff', text: `Staff pool "${pool.name}": ${old.size} → ${pool.size} people` });
  }
  for (const pool of baseline.flow.pools ?? []) if (!proposal.flow.pools?.some((x) => x.id === pool.id)) changes.push({ kind: 'removed', text: `Staff pool "${pool.name}" removed` });
  for (const sys of proposal.flow.systems ?? []) {
    const old = baseline.flow.systems?.find((x) => x.id === sys.id);
    if (!old) changes.push({ kind: 'added', text: `New system "${sys.name}" that can fail (about every ${+meanOf(sys.timeBetweenFailures).toFixed(1)} time units, repairs take about ${+meanOf(sys.timeToRepair).toFixed(1)})` });
    else if (JSON.stringify(old) !== JSON.stringify(sys)) changes.push({ kind: 'other', text: `System "${sys.name}": failures or repairs changed` });
  }
  for (const sys of baseline.flow.systems ?? []) if (!proposal.flow.systems?.some((x) => x.id === sys.id)) changes.push({ kind: 'removed', text: `System "${sys.name}" removed` });

  const edgeKey = (s: Scenario) => new Map(s.flow.edges.map((e) => [`${e.source}→${e.target}`, e]));
  const eb = edgeKey(baseline);
  const ea = edgeKey(proposal);
  const name = (id: string) => after.get(id)?.name ?? before.get(id)?.name ?? id;
  const touched = new Set<string>();
  for (const [k, e] of ea) {
    const old = eb.get(k);
    if (!old || old.probability !== e.probability || JSON.stringify(old.classIds) !== JSON.stringify(e.classIds)) touched.add(e.source);
  }
  for (const [k, e] of eb) if (!ea.has(k)) touched.add(e.source);
  for (const src of touched) {
    if (!after.has(src) || !before.has(src)) continue; // covered by added / removed
    changes.push({ kind: 'routing', nodeId: src, text: `Routing out of ${name(src)} changed` });
  }
  return changes;
}

function learningText(name: string, l: { multiplier: number; period: number }): string {
  return `${name}: staff still learning — ${Math.round((l.multiplier - 1) * 100)} % slower at first, normal after ${+l.period.toFixed(1)} time units`;
}

function systemsText(name: string, ids: readonly string[], s: Scenario): string {
  const names = ids.map((id) => s.flow.systems?.find((x) => x.id === id)?.name ?? id);
  return `${name}: needs ${names.map((x) => `"${x}"`).join(', ')} (stops during outages)`;
}

/** A change of a shift plan in words: "1 more on duty in every hour with staff (up to 12 → 13)". */
function shiftWords(before: readonly number[] | undefined, after: readonly number[]): string {
  const peak = (h: readonly number[]) => Math.max(0, ...h);
  if (!before || before.length !== after.length) return `staff on duty by the hour (up to ${peak(after)})`;
  const diffs = new Set(after.map((h, i) => h - before[i]!).filter((d, i) => before[i]! > 0 || d !== 0));
  const by = diffs.size === 1 ? [...diffs][0]! : undefined;
  if (by !== undefined && by !== 0 && after.every((h, i) => (before[i] === 0 ? h === 0 : true)))
    return `${Math.abs(by)} ${by > 0 ? 'more' : 'fewer'} on duty in every hour with staff (up to ${peak(before)} → ${peak(after)})`;
  return `staff on duty by the hour changed (up to ${peak(before)} → ${peak(after)})`;
}
