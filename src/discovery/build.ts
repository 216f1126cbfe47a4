// The discovered flow as nodes and connections: arrivals, one step per activity, a split and a
// join around each parallel block (a decision in front of a branch's activity that some visits
// skip), a decision after every node with several ways out (shares from the log), and an exit.
import type { EventLog } from '../model/interop/eventlog/types';
import type { Distribution, FlowEdge, FlowNode, RateSchedule, StaffPool, StaffShifts, Department } from '../model/schema';
import type { Concurrency } from './concurrency';
import type { Routing } from './routing';
import type { Grouping } from './resources';
import { idMaker, roundShares } from './ids';

/** A branch activity is always done when its share of the block's visits is at least this. */
const ALWAYS = 0.99;
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export interface StaffPlan {
  /** Headcount (largest number on duty). */
  size: number;
  /** Shifts when the number on duty changes through the week. */
  shifts: StaffShifts | undefined;
}

export interface FlowParts {
  log: EventLog;
  grouping: Grouping;
  staffOfGroup: StaffPlan[];
  serviceOf: (activity: number) => Distribution;
  /** Service times of customer classes that differ (by class id), if any. */
  serviceByClassOf?: (activity: number) => Record<string, Distribution> | undefined;
  /** A delay before the activity's step (waiting staff does not explain), if any. */
  delayBefore: (activity: number) => Distribution | undefined;
  routing: Routing;
  conc: Concurrency;
  arrivals: { rate: number; per: 'hour' | 'day' | 'week'; schedule: RateSchedule | undefined };
}

export interface BuiltFlow {
  departments: Department[];
  pools: StaffPool[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Step id per activity (absent for activities left out). */
  stepOf: Map<number, string>;
}

export function buildFlow(p: FlowParts): BuiltFlow {
  const { log, grouping, routing, conc } = p;
  const A = log.activities.length;
  const nodeId = idMaker();
  const deptId = idMaker();
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  let edgeNo = 0;
  const connect = (source: string, target: string, probability?: number) =>
    edges.push({ id: `e${++edgeNo}`, source, target, ...(probability !== undefined ? { probability } : {}) });

  // Departments (one per group that serves a step) and pools (groups serving several steps).
  const used = new Set<number>();
  const reachedActivity = (a: number) => routing.visits[a]! > 0 && !routing.unreachable.includes(a);
  const blockReached = (b: number) => routing.visits[A + b]! > 0 && !routing.unreachable.includes(A + b);
  const inModel = (a: number) => (conc.blockOf[a]! >= 0 ? blockReached(conc.blockOf[a]!) : reachedActivity(a));
  for (let a = 0; a < A; a++) if (inModel(a)) used.add(grouping.groupOfActivity[a]!);
  const departments: Department[] = [];
  const pools: StaffPool[] = [];
  const deptOfGroup = new Map<number, string>();
  const poolOfGroup = new Map<number, string>();
  for (const g of [...used].sort((x, y) => x - y)) {
    const group = grouping.groups[g]!;
    const id = deptId(group.name);
    departments.push({ id, name: group.name, color: COLORS[departments.length % COLORS.length]! });
    deptOfGroup.set(g, id);
    const steps = group.activities.filter(inModel);
    if (steps.length > 1) {
      const plan = p.staffOfGroup[g]!;
      const poolId = `pool-${id}`.slice(0, 80);
      pools.push({ id: poolId, name: group.name.slice(0, 120), size: plan.size, departmentId: id, ...(plan.shifts ? { shifts: plan.shifts } : {}) });
      poolOfGroup.set(g, poolId);
    }
  }

  // One step per activity (with a delay in front where the log shows unexplained waiting).
  const stepOf = new Map<number, string>();
  const entryOf = new Map<number, string>();
  for (let a = 0; a < A; a++) {
    if (!inModel(a)) continue;
    const g = grouping.groupOfActivity[a]!;
    const plan = p.staffOfGroup[g]!;
    const id = nodeId(log.activities[a]!);
    const pool = poolOfGroup.get(g);
    nodes.push({
      id, kind: 'step', name: log.activities[a]!.slice(0, 120), position: { x: 0, y: 0 },
      departmentId: deptOfGroup.get(g)!, staff: plan.size, service: p.serviceOf(a), discipline: 'fifo',
      ...(p.serviceByClassOf?.(a) ? { serviceByClass: p.serviceByClassOf(a) } : {}),
      ...(pool ? { poolId: pool } : plan.shifts ? { shifts: plan.shifts } : {}),
    });
    stepOf.set(a, id);
    entryOf.set(a, id);
    const delay = p.delayBefore(a);
    if (delay) {
      const did = nodeId(`wait before ${log.activities[a]}`);
      nodes.push({ id: did, kind: 'delay', name: `Waiting before ${log.activities[a]}`.slice(0, 120), position: { x: 0, y: 0 }, departmentId: deptOfGroup.get(g)!, duration: delay });
      connect(did, id);
      entryOf.set(a, did);
    }
  }

  // Tokens: entry node and exit node of each.
  const entry = new Map<number, string>();
  const exitOf = new Map<number, string>();
  const arrive = nodeId('Cases arrive');
  nodes.unshift({ id: arrive, kind: 'arrivals', name: 'Cases arrive', position: { x: 0, y: 0 }, arrivals: { mode: 'rate', rate: p.arrivals.rate, per: p.arrivals.per }, ...(p.arrivals.schedule ? { schedule: p.arrivals.schedule } : {}) });
  exitOf.set(routing.START, arrive);
  const done = nodeId('Done');
  nodes.push({ id: done, kind: 'exit', name: 'Done', position: { x: 0, y: 0 } });
  entry.set(routing.END, done);
  for (let a = 0; a < A; a++) if (conc.blockOf[a]! < 0 && stepOf.has(a)) { entry.set(a, entryOf.get(a)!); exitOf.set(a, stepOf.get(a)!); }
  conc.blocks.forEach((block, b) => {
    if (!blockReached(b)) return;
    const names = block.branches.map((br) => br.map((a) => log.activities[a]!).join(' → '));
    const split = nodeId(`together: ${names.join(' + ')}`);
    const join = nodeId(`all done: ${names.join(' + ')}`);
    nodes.push({ id: split, kind: 'split', name: 'Work in parallel', position: { x: 0, y: 0 } });
    nodes.push({ id: join, kind: 'join', name: 'All parallel work done', position: { x: 0, y: 0 } });
    const shares = routing.memberShare[b]!;
    for (const branch of block.branches) {
      // Each activity of the branch, in order; one a visit may skip gets a decision in front.
      let from = split;
      for (let k = 0; k < branch.length; k++) {
        const a = branch[k]!;
        const share = shares.get(a) ?? 0;
        if (share >= ALWAYS) {
          connect(from, entryOf.get(a)!);
        } else {
          const dec = nodeId(`do ${log.activities[a]}?`);
          nodes.push({ id: dec, kind: 'decision', name: `${log.activities[a]}?`.slice(0, 120), position: { x: 0, y: 0 }, mode: 'probability' });
          connect(from, dec);
          const [yes, no] = roundShares([share, 1 - share]);
          connect(dec, entryOf.get(a)!, yes);
          // Skipping leads to the next activity of the branch (its entry), or to the join.
          const next = k + 1 < branch.length ? `__next:${b}:${branch[k + 1]}` : join;
          edges.push({ id: `e${++edgeNo}`, source: dec, target: next, probability: no });
        }
        from = stepOf.get(a)!;
      }
      connect(from, join);
    }
    entry.set(A + b, split);
    exitOf.set(A + b, join);
  });
  // Resolve skip targets that point at the next activity's entry (a decision in front of it, if any).
  for (const e of edges)
    if (e.target.startsWith('__next:')) {
      const a = Number(e.target.split(':')[2]);
      const dec = edges.find((x) => x.target === entryOf.get(a) && nodes.find((n) => n.id === x.source)?.kind === 'decision' && x.source !== e.source);
      e.target = dec ? dec.source : entryOf.get(a)!;
    }

  // Ways out of each token, through a decision when there are several.
  for (const [from, outs] of routing.edges) {
    const src = exitOf.get(from);
    if (!src) continue;
    const targets = [...outs].filter(([to]) => entry.has(to));
    if (targets.length === 0) { connect(src, done); continue; }
    if (targets.length === 1) { connect(src, entry.get(targets[0]![0])!); continue; }
    const srcName = nodes.find((n) => n.id === src)!.name;
    const dec = nodeId(`after ${srcName}`);
    nodes.push({ id: dec, kind: 'decision', name: from === routing.START ? 'First step' : `After ${srcName}`.slice(0, 120), position: { x: 0, y: 0 }, mode: 'probability' });
    connect(src, dec);
    const shares = roundShares(targets.map(([, v]) => v));
    targets.forEach(([to], k) => connect(dec, entry.get(to)!, shares[k]));
  }
  return { departments, pools, nodes, edges, stepOf };
}
