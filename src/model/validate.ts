// Checks of a scenario's flow beyond the schema: can every customer get in, through and out?
// Each finding names the node by its name and carries the JSON path of the element.
import { calendarFindings } from './validateCalendars';
import { LIMITS, formatLimit, type Distribution, type FlowEdge, type FlowNode, type Project } from './schema';

export interface Finding {
  severity: 'error' | 'warning';
  /** JSON path of the element, e.g. scenarios[0].flow.nodes[3]. */
  path: string;
  nodeId?: string;
  edgeId?: string;
  message: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Outgoing edges of a node that route by probability (all but a decision in class mode and a parallel split). */
export function routesByProbability(node: FlowNode): boolean {
  return !(node.kind === 'decision' && node.mode === 'class') && node.kind !== 'split';
}

export function validateScenario(project: Project, scenarioIndex: number): Finding[] {
  const scenario = project.scenarios[scenarioIndex];
  if (!scenario) return [{ severity: 'error', path: `scenarios[${scenarioIndex}]`, message: 'there is no such scenario' }];
  const at = `scenarios[${scenarioIndex}].flow`;
  const { nodes, edges } = scenario.flow;
  const findings: Finding[] = [];
  const nodePath = new Map(nodes.map((n, i) => [n.id, `${at}.nodes[${i}]`]));
  const edgePath = new Map(edges.map((e, i) => [e.id, `${at}.edges[${i}]`]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const poolById = new Map((scenario.flow.pools ?? []).map((p) => [p.id, p]));
  const out = new Map<string, FlowEdge[]>(nodes.map((n) => [n.id, []]));
  const inc = new Map<string, FlowEdge[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    out.get(e.source)?.push(e);
    inc.get(e.target)?.push(e);
  }
  const nodeFinding = (severity: Finding['severity'], node: FlowNode, message: string) =>
    findings.push({ severity, path: nodePath.get(node.id)!, nodeId: node.id, message });
  const edgeFinding = (severity: Finding['severity'], e: FlowEdge, message: string) =>
    findings.push({ severity, path: edgePath.get(e.id)!, edgeId: e.id, message });

  const sources = nodes.filter((n) => n.kind === 'arrivals');
  const exits = nodes.filter((n) => n.kind === 'exit');
  if (sources.length === 0) findings.push({ severity: 'error', path: `${at}.nodes`, message: 'The flow has no arrivals: add where customers come in.' });
  if (exits.length === 0) findings.push({ severity: 'error', path: `${at}.nodes`, message: 'The flow has no exit: add where customers leave.' });

  // Reachability from the arrivals, and the nodes that can reach an exit.
  const reach = (starts: string[], next: (id: string) => string[]) => {
    const seen = new Set(starts);
    const stack = [...starts];
    while (stack.length) {
      for (const m of next(stack.pop()!)) {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      }
    }
    return seen;
  };
  // Only edges that can carry customers count (probability 0 carries none).
  const live = (e: FlowEdge) => e.probability === undefined || e.probability > 0 || !routesByProbability(byId.get(e.source)!) || out.get(e.source)!.length === 1;
  const fromSources = reach(sources.map((n) => n.id), (id) => (out.get(id) ?? []).filter(live).map((e) => e.target));
  const toExit = reach(exits.map((n) => n.id), (id) => (inc.get(id) ?? []).filter(live).map((e) => e.source));
  // Nodes on a loop of connections that carry customers (in a strongly connected component of
  // more than one node, or with a connection to themselves).
  const onLoop = nodesOnLoops(nodes.map((n) => n.id), (id) => (out.get(id) ?? []).filter(live).map((e) => e.target));
  const onCycle = (id: string) => onLoop.has(id);

  // Joins that some reachable parallel split leads to, and splits that lead to a join.
  const reachableSplits = nodes.filter((n) => n.kind === 'split' && fromSources.has(n.id)).map((n) => n.id);
  const afterSomeSplit = reach(reachableSplits, (id) => (out.get(id) ?? []).filter(live).map((e) => e.target));
  const beforeSomeJoin = reach(
    nodes.filter((n) => n.kind === 'join').map((n) => n.id),
    (id) => (inc.get(id) ?? []).filter(live).map((e) => e.source),
  );

  for (const node of nodes) {
    const o = out.get(node.id)!;
    const i = inc.get(node.id)!;
    if (node.kind === 'arrivals' && i.length > 0) nodeFinding('error', node, `"${node.name}" is where customers arrive: it cannot receive connections.`);
    if (node.kind === 'exit' && o.length > 0) nodeFinding('error', node, `"${node.name}" is an exit: it cannot have outgoing connections.`);
    if (node.kind !== 'exit' && o.length === 0) {
      nodeFinding('error', node, `"${node.name}" has no outgoing connection: customers would be stuck there.`);
    } else if (node.kind !== 'arrivals' && sources.length > 0 && !fromSources.has(node.id)) {
      nodeFinding('error', node, `"${node.name}" cannot be reached from any arrivals.`);
    } else if (node.kind !== 'exit' && exits.length > 0 && fromSources.has(node.id) && !toExit.has(node.id)) {
      nodeFinding(
        'error',
        node,
        onCycle(node.id)
          ? `"${node.name}" is on a loop with no way out: customers would go round for ever.`
          : `"${node.name}" has no path to an exit.`,
      );
    }

    if (node.kind === 'step' && node.poolId !== undefined) {
      const pool = poolById.get(node.poolId);
      if (pool && pool.size === 0) nodeFinding(fromSources.has(node.id) ? 'error' : 'warning', node, `"${node.name}" draws on the staff pool "${pool.name}", which has no staff${fromSources.has(node.id) ? ' but the step receives customers' : ''}.`);
    } else if (node.kind === 'step' && node.shifts && node.shifts.staff.every((x) => x === 0)) {
      nodeFinding(fromSources.has(node.id) ? 'error' : 'warning', node, `"${node.name}" has nobody on shift at any hour${fromSources.has(node.id) ? ' but receives customers' : ''}.`);
    } else if (node.kind === 'step' && !node.shifts && node.staff === 0) {
      nodeFinding(fromSources.has(node.id) ? 'error' : 'warning', node, `"${node.name}" has no staff${fromSources.has(node.id) ? ' but receives customers' : ''}.`);
    }

    if (o.length >= 2 && routesByProbability(node)) {
      const missing = o.filter((e) => e.probability === undefined);
      if (missing.length > 0) {
        nodeFinding('error', node, `"${node.name}" has ${o.length} outgoing connections: give each a share of customers (${missing.length} without one).`);
      } else {
        const sum = o.reduce((s, e) => s + e.probability!, 0);
        if (Math.abs(sum - 1) > 1e-6) {
          nodeFinding('error', node, `The shares of customers leaving "${node.name}" add up to ${+(sum * 100).toFixed(1)} %, not 100 %.`);
        }
      }
      for (const e of o) if (e.probability === 0) edgeFinding('warning', e, `No customer takes the connection from "${node.name}" to "${byId.get(e.target)?.name ?? e.target}" (0 %).`);
    }

    if (node.kind === 'decision' && node.mode === 'class') {
      const seen = new Map<string, string>();
      const hasDefault = o.some((e) => !e.classIds || e.classIds.length === 0);
      for (const e of o) {
        for (const c of e.classIds ?? []) {
          if (seen.has(c)) edgeFinding('error', e, `"${node.name}" sends customer class "${className(project, c)}" along two connections.`);
          seen.set(c, e.id);
        }
      }
      const defaults = o.filter((e) => !e.classIds || e.classIds.length === 0);
      if (defaults.length > 1) {
        nodeFinding('error', node, `"${node.name}" has ${defaults.length} connections for "all other classes": keep one, and tick classes on the others.`);
      }
      const uncovered = project.classes.filter((c) => !seen.has(c.id));
      if (!hasDefault && uncovered.length > 0) {
        nodeFinding('error', node, `"${node.name}" has no route for ${uncovered.map((c) => `"${c.name}"`).join(', ')}: route every class, or leave one connection without classes for the others.`);
      }
    }
    if (node.kind === 'split' && node.mode === 'inclusive') {
      const missing = o.filter((e) => e.probability === undefined);
      if (missing.length > 0) {
        nodeFinding('error', node, `"${node.name}" takes one or more of its paths: give each outgoing connection the chance that a case takes it (${missing.length} without one).`);
      } else if (o.length > 0 && o.every((e) => e.probability === 0)) {
        nodeFinding('error', node, `"${node.name}" takes one or more of its paths, but every path has a chance of 0 %: give at least one a chance above 0.`);
      } else {
        for (const e of o) if (e.probability === 0) edgeFinding('warning', e, `No case takes the path from "${node.name}" to "${byId.get(e.target)?.name ?? e.target}" (0 %).`);
      }
    }
    if (node.kind === 'decision' && o.length === 1) nodeFinding('warning', node, `"${node.name}" is a decision with only one way out.`);
    if (node.kind === 'split' && o.length === 1) nodeFinding('warning', node, `"${node.name}" is a parallel split with only one way out: there is nothing to do in parallel.`);
    if (node.kind === 'join' && i.length < 2) nodeFinding('warning', node, `"${node.name}" is a join with ${i.length === 0 ? 'no connection' : 'one connection'} in: parts of a case meet where their paths come together, so a join usually has one connection in per parallel path.`);
    if (node.kind === 'join' && fromSources.has(node.id) && !afterSomeSplit.has(node.id)) {
      nodeFinding('warning', node, `No parallel split leads to "${node.name}": customers pass straight through it.`);
    }
    if (node.kind === 'split' && fromSources.has(node.id)) {
      // Parts meet at a join: warn when none can be reached from the split.
      if (!beforeSomeJoin.has(node.id)) {
        nodeFinding('warning', node, `"${node.name}" splits the work but no join follows it: each part goes its own way to an exit, and the case leaves when the last part does.`);
      }
    }
    if (node.kind === 'arrivals' && node.arrivals.mode === 'interarrival' && alwaysZero(node.arrivals.distribution)) {
      nodeFinding('error', node, `"${node.name}": a time between arrivals of 0 would bring infinitely many customers at once.`);
    }
  }
  (scenario.flow.systems ?? []).forEach((sys, k) => {
    if (alwaysZero(sys.timeBetweenFailures)) {
      findings.push({ severity: 'error', path: `${at}.systems[${k}].timeBetweenFailures`, message: `The system "${sys.name}" would fail again the moment it is repaired: give it a time between failures above 0.` });
    }
  });

  // Splits and joins in a row are passed within one instant, one inside the other; the engine
  // follows at most LIMITS.maxZeroTimeDepth of them (a limit, not a fault of the flow).
  const run = longestZeroTimeRun(nodes, (id) => (out.get(id) ?? []).filter(live).map((e) => e.target), byId);
  if (run.length > LIMITS.maxZeroTimeDepth && run.start) {
    nodeFinding(
      'error',
      run.start,
      `From "${run.start.name}", ${formatLimit(run.length)} splits and joins follow one another with no step or delay between them: Serviceflow follows at most ${formatLimit(LIMITS.maxZeroTimeDepth)} in a row. Put a step or delay between them, or use fewer.`,
    );
  }
  findings.push(...calendarFindings(project, scenarioIndex));
  return findings;
}

/**
 * The longest run of splits and joins (decisions between them count for nothing) with no step,
 * delay or exit in between, and the node it starts at. Loops among them are cut where they close.
 */
function longestZeroTimeRun(nodes: readonly FlowNode[], next: (id: string) => string[], byId: ReadonlyMap<string, FlowNode>): { length: number; start: FlowNode | undefined } {
  const zeroTime = (n: FlowNode | undefined) => n !== undefined && (n.kind === 'split' || n.kind === 'join' || n.kind === 'decision');
  const best = new Map<string, number>();
  const state = new Map<string, 1 | 2>(); // 1: open, 2: done
  let length = 0;
  let start: FlowNode | undefined;
  for (const root of nodes) {
    if (!zeroTime(root) || state.has(root.id)) continue;
    const work: { id: string; succ: string[]; k: number }[] = [{ id: root.id, succ: next(root.id), k: 0 }];
    state.set(root.id, 1);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.k < top.succ.length) {
        const m = top.succ[top.k++]!;
        if (zeroTime(byId.get(m)) && !state.has(m)) {
          state.set(m, 1);
          work.push({ id: m, succ: next(m), k: 0 });
        }
        continue;
      }
      work.pop();
      state.set(top.id, 2);
      let after = 0;
      for (const m of top.succ) if (state.get(m) === 2) after = Math.max(after, best.get(m) ?? 0);
      const node = byId.get(top.id)!;
      const here = after + (node.kind === 'decision' ? 0 : 1);
      best.set(top.id, here);
      if (here > length) {
        length = here;
        start = node;
      }
    }
  }
  return { length, start };
}

/**
 * The nodes that lie on a loop: Tarjan's strongly connected components (iterative, so that long
 * flows do not overflow the stack), in time linear in nodes and connections.
 */
export function nodesOnLoops(ids: readonly string[], next: (id: string) => string[]): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; succ: string[]; k: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, succ: next(id), k: 0 });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.k < top.succ.length) {
        const m = top.succ[top.k++]!;
        if (m === top.id) result.add(m);
        if (!index.has(m)) open(m);
        else if (onStack.has(m)) low.set(top.id, Math.min(low.get(top.id)!, index.get(m)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === index.get(top.id)) {
        const component: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          component.push(m);
        } while (m !== top.id);
        if (component.length > 1) for (const c of component) result.add(c);
      }
    }
  }
  return result;
}

/** A duration that is always 0. */
function alwaysZero(d: Distribution): boolean {
  return (d.kind === 'constant' && d.value === 0) || (d.kind === 'uniform' && d.max === 0) || (d.kind === 'empirical' && d.values.every((v) => v === 0));
}

function className(project: Project, id: string): string {
  return project.classes.find((c) => c.id === id)?.name ?? id;
}

export function validateProject(project: Project): Finding[] {
  return project.scenarios.flatMap((_, i) => validateScenario(project, i));
}
