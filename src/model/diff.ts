// What a proposal changes against the baseline, in plain words. Steps are matched by id.
import type { Distribution, FlowNode, Scenario } from './schema';

export interface Change {
  kind: 'added' | 'removed' | 'staff' | 'time' | 'department' | 'routing' | 'other';
  nodeId?: string;
  text: string;
}

const sameDist = (a: Distribution | undefined, b: Distribution | undefined) => JSON.stringify(a) === JSON.stringify(b);

function meanOf(d: Distribution): number | undefined {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    default:
      return d.mean;
  }
}

const kindWord: Record<FlowNode['kind'], string> = { arrivals: 'arrivals', step: 'step', delay: 'delay', decision: 'decision', exit: 'exit' };

export function diffScenarios(baseline: Scenario, proposal: Scenario): Change[] {
  const changes: Change[] = [];
  const before = new Map(baseline.flow.nodes.map((n) => [n.id, n]));
  const after = new Map(proposal.flow.nodes.map((n) => [n.id, n]));
  const deptName = (s: Scenario, id: string | undefined) => s.flow.departments.find((d) => d.id === id)?.name ?? id ?? '(none)';

  for (const n of proposal.flow.nodes) {
    if (!before.has(n.id)) changes.push({ kind: 'added', nodeId: n.id, text: `New ${kindWord[n.kind]}: ${n.name}${n.kind === 'step' ? ` (${n.staff} staff, ${deptName(proposal, n.departmentId)})` : ''}` });
  }
  for (const n of baseline.flow.nodes) {
    if (!after.has(n.id)) changes.push({ kind: 'removed', nodeId: n.id, text: `Removed ${kindWord[n.kind]}: ${n.name}` });
  }
  for (const a of proposal.flow.nodes) {
    const b = before.get(a.id);
    if (!b) continue;
    if (a.name !== b.name) changes.push({ kind: 'other', nodeId: a.id, text: `"${b.name}" renamed to "${a.name}"` });
    if (a.kind === 'step' && b.kind === 'step') {
      if (a.staff !== b.staff) changes.push({ kind: 'staff', nodeId: a.id, text: `${a.name}: staff ${b.staff} → ${a.staff}` });
      if (!sameDist(a.service, b.service) || JSON.stringify(a.serviceByClass) !== JSON.stringify(b.serviceByClass)) {
        const mb = meanOf(b.service);
        const ma = meanOf(a.service);
        changes.push({ kind: 'time', nodeId: a.id, text: `${a.name}: service time changed${mb !== undefined && ma !== undefined && mb !== ma ? ` (mean ${+mb.toFixed(2)} → ${+ma.toFixed(2)})` : ''}` });
      }
      if (a.departmentId !== b.departmentId) changes.push({ kind: 'department', nodeId: a.id, text: `${a.name} moved from ${deptName(baseline, b.departmentId)} to ${deptName(proposal, a.departmentId)}` });
      if (a.discipline !== b.discipline) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: queue ${a.discipline === 'priority' ? 'now by class priority' : 'now first come, first served'}` });
      if (a.capacity !== b.capacity) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: waiting places ${b.capacity ?? 'unlimited'} → ${a.capacity ?? 'unlimited'}` });
      if (!sameDist(a.patience, b.patience)) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: customers' patience changed` });
    }
    if (a.kind === 'delay' && b.kind === 'delay' && !sameDist(a.duration, b.duration)) changes.push({ kind: 'time', nodeId: a.id, text: `${a.name}: duration changed` });
    if (a.kind === 'arrivals' && b.kind === 'arrivals' && JSON.stringify(a.arrivals) !== JSON.stringify(b.arrivals)) changes.push({ kind: 'other', nodeId: a.id, text: `${a.name}: arrivals changed` });
  }
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
