// Groups of resources that do the same work. Rule: each resource is described by the shares of
// its events per activity; groups are merged pairwise, most alike first, while their activity
// mixes overlap by at least GROUP_OVERLAP (overlap = Σ min(share in one, share in the other), 1 for
// the same mix, 0 for disjoint work). Each activity then belongs to the group that did most of its
// events. Groups are named after their resources' common name (digits and separators at the end
// dropped, e.g. "Clerk-000001", "Clerk-000002" → "Clerk"), else after their main activity.
import type { EventLog } from '../model/interop/eventlog/types';

export const GROUP_OVERLAP = 0.5;

export interface ResourceGroup {
  name: string;
  /** Resource indices (empty for a group made for an activity without resources). */
  resources: number[];
  /** Activities this group does most of (the steps it serves). */
  activities: number[];
}

export interface Grouping {
  groups: ResourceGroup[];
  /** Per activity: its group index. */
  groupOfActivity: Int32Array;
  /** Per resource: its group index (-1 if it did nothing). */
  groupOfResource: Int32Array;
}

export function groupResources(log: EventLog): Grouping {
  const A = log.activities.length;
  const R = log.resources.length;
  const counts: Float64Array[] = Array.from({ length: R }, () => new Float64Array(A));
  const perActivityRes = new Float64Array(A);
  for (let i = 0; i < log.caseOf.length; i++) {
    const r = log.resourceOf[i]!;
    if (r < 0) continue;
    counts[r]![log.activityOf[i]!]! += 1;
    perActivityRes[log.activityOf[i]!]! += 1;
  }
  // Agglomerative grouping on activity mixes.
  let groups = counts
    .map((c, r) => ({ members: [r], counts: c, total: c.reduce((s, x) => s + x, 0) }))
    .filter((g) => g.total > 0);
  // Activities each group does (sparse), so comparing two groups costs only their own activities.
  const nonZero = (c: Float64Array) => { const out: number[] = []; for (let k = 0; k < A; k++) if (c[k]! > 0) out.push(k); return out; };
  const nz = new Map<Float64Array, number[]>();
  const nzOf = (c: Float64Array) => nz.get(c) ?? nz.set(c, nonZero(c)).get(c)!;
  const overlap = (a: (typeof groups)[number], b: (typeof groups)[number]) => {
    const [x, y] = nzOf(a.counts).length <= nzOf(b.counts).length ? [a, b] : [b, a];
    let s = 0;
    for (const k of nzOf(x.counts)) s += Math.min(x.counts[k]! / x.total, y.counts[k]! / y.total);
    return s;
  };
  // Pairwise overlaps kept in a matrix; a merged group replaces its first member's row.
  const alive = groups.map(() => true);
  const sim = groups.map((a, i) => groups.map((b, j) => (j > i ? overlap(a, b) : 0)));
  for (;;) {
    let best = -1, bi = -1, bj = -1;
    for (let i = 0; i < groups.length; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < groups.length; j++) if (alive[j] && sim[i]![j]! > best) [best, bi, bj] = [sim[i]![j]!, i, j];
    }
    if (best < GROUP_OVERLAP || bi < 0) break;
    const a = groups[bi]!, b = groups[bj]!;
    const c = new Float64Array(A);
    for (let k = 0; k < A; k++) c[k] = a.counts[k]! + b.counts[k]!;
    groups[bi] = { members: [...a.members, ...b.members].sort((x, y) => x - y), counts: c, total: a.total + b.total };
    alive[bj] = false;
    for (let k = 0; k < groups.length; k++) {
      if (!alive[k] || k === bi) continue;
      const o = overlap(groups[bi]!, groups[k]!);
      if (k > bi) sim[bi]![k] = o;
      else sim[k]![bi] = o;
    }
  }
  groups = groups.filter((_, k) => alive[k]);
  groups.sort((a, b) => a.members[0]! - b.members[0]!);

  const out: ResourceGroup[] = groups.map((g) => ({ name: '', resources: g.members, activities: [] }));
  const groupOfActivity = new Int32Array(A).fill(-1);
  for (let a = 0; a < A; a++) {
    let best = -1, bestCount = 0;
    groups.forEach((g, k) => {
      if (g.counts[a]! > bestCount) [best, bestCount] = [k, g.counts[a]!];
    });
    if (best < 0) {
      // No resource ever named: the activity gets a group (team) of its own.
      best = out.length;
      out.push({ name: '', resources: [], activities: [] });
    }
    groupOfActivity[a] = best;
    out[best]!.activities.push(a);
  }
  const groupOfResource = new Int32Array(R).fill(-1);
  out.forEach((g, k) => g.resources.forEach((r) => (groupOfResource[r] = k)));

  // Names: the members' common name, else the main activity; made unique.
  const used = new Map<string, number>();
  out.forEach((g, k) => {
    let name = commonName(g.resources.map((r) => log.resources[r]!));
    if (!name) {
      const main = g.activities.length ? g.activities.reduce((x, y) => (activityCount(groups[k], x) >= activityCount(groups[k], y) ? x : y)) : -1;
      name = main >= 0 ? `Team for ${log.activities[main]}` : `Team ${k + 1}`;
    }
    name = name.slice(0, 110);
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    g.name = seen ? `${name} (${seen + 1})` : name;
  });
  return { groups: out, groupOfActivity, groupOfResource };
}

function activityCount(g: { counts: Float64Array } | undefined, a: number): number {
  return g ? g.counts[a]! : 0;
}

/** Common name of resources: their shared beginning without trailing digits or separators (at least 3 letters). */
export function commonName(names: string[]): string {
  if (names.length === 0) return '';
  let prefix = names[0]!;
  for (const n of names) {
    let k = 0;
    while (k < prefix.length && k < n.length && prefix[k] === n[k]) k++;
    prefix = prefix.slice(0, k);
  }
  const trimmed = prefix.replace(/[\s\-_#.:/0-9]+$/, '').trim();
  return /[A-Za-z\p{L}]{3}/u.test(trimmed) ? trimmed : '';
}
