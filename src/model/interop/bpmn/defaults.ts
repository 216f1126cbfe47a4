// Assumed figures that fit the flow: when the file gives no arrival rate, the rate is chosen so
// that the busiest step is about 70 % busy (visit rates from the traffic equations, loops and
// parallel parts included); when it gives rates but no staff, steps that would be overloaded get
// enough staff for about 70 %.
import type { Project, Scenario } from '../../schema';
import type { Note } from './read';
import { percent } from './graph';

export const TARGET_LOAD = 0.7;

/** What fitting needs of the engine's traffic equations (passed in: the model does not import the engine). */
export type TrafficSolver = (
  project: Project,
  scenario: Scenario,
) => { solvable: boolean; steps: Record<string, { nodeId: string; arrivalRate: number; staff: number; utilization: number; offeredLoad: number; visitsPerCustomer: number }> };

/** Two significant digits, for a rate a person would write down. */
const round2 = (x: number) => Number(x.toPrecision(2));

/**
 * `assumedRate`: arrivals nodes whose rate was assumed; `assumedStaff`: steps whose staff was.
 * Changes the project in place (it is fresh from loading) and says what it did.
 */
export function fitAssumedLoad(project: Project, assumedRate: Set<string>, assumedStaff: Set<string>, note: Note, solve: TrafficSolver): boolean {
  const scenario = project.scenarios[0]!;
  const traffic = solve(project, scenario);
  if (!traffic.solvable) return false;
  const steps = Object.values(traffic.steps).filter((s) => s.arrivalRate > 0 && s.staff > 0 && Number.isFinite(s.utilization));
  if (steps.length === 0) return false;
  const busiest = steps.reduce((a, b) => (b.utilization > a.utilization ? b : a));
  const nameOf = (id: string) => scenario.flow.nodes.find((n) => n.id === id)?.name ?? id;
  const sources = scenario.flow.nodes.filter((n) => n.kind === 'arrivals');
  if (sources.length > 0 && sources.every((n) => assumedRate.has(n.id) && n.kind === 'arrivals' && n.arrivals.mode === 'rate')) {
    const factor = TARGET_LOAD / busiest.utilization;
    let first: number | undefined;
    for (const n of sources) {
      if (n.kind !== 'arrivals' || n.arrivals.mode !== 'rate') continue;
      n.arrivals = { ...n.arrivals, rate: round2(n.arrivals.rate * factor) };
      first ??= n.arrivals.rate;
    }
    const visits = busiest.visitsPerCustomer;
    note(
      'info',
      `No arrival rate in the file: ${first} customers per ${sources[0]!.kind === 'arrivals' && sources[0]!.arrivals.mode === 'rate' ? sources[0]!.arrivals.per : 'hour'}${sources.length > 1 ? ' at each start' : ''} assumed, so that the busiest step, "${nameOf(busiest.nodeId)}" (${+visits.toFixed(2)} visit${visits === 1 ? '' : 's'} per customer), is about ${percent(TARGET_LOAD)} busy — set the real rate on the arrivals.`,
    );
    return true;
  }
  // Rates from the file: add staff where it was assumed and would not be enough.
  const raised: string[] = [];
  for (const s of steps) {
    if (!assumedStaff.has(s.nodeId) || s.utilization <= 0.85) continue;
    const node = scenario.flow.nodes.find((n) => n.id === s.nodeId);
    if (node?.kind !== 'step') continue;
    node.staff = Math.max(1, Math.ceil(s.offeredLoad / TARGET_LOAD));
    raised.push(`"${node.name}" ${node.staff}`);
  }
  if (raised.length > 0) note('info', `No staff numbers in the file, and 1 person would be overloaded at the file's arrival rate: staff assumed for about ${percent(TARGET_LOAD)} busy — ${raised.join(', ')}.`);
  return false;
}
