// Everything that is checked before a run (and live in the editor): the flow's structure, then —
// when the structure is sound — the load implied by the traffic equations.
import { hasErrors, validateScenario, type Finding } from '../model/validate';
import type { Project } from '../model/schema';
import { formatRate, formatShare } from './format';
import { trafficEquations } from './traffic';
import { selfLoopFindings } from './selfLoops';

export { hasErrors, type Finding };

/** A step at or above this utilisation gets a warning. */
export const HIGH_LOAD = 0.85;

export function checkScenario(project: Project, scenarioIndex: number): Finding[] {
  const findings = validateScenario(project, scenarioIndex);
  const scenario = project.scenarios[scenarioIndex];
  if (scenario) findings.push(...selfLoopFindings(scenario, `scenarios[${scenarioIndex}].flow`));
  if (hasErrors(findings) || !scenario) return findings;
  const traffic = trafficEquations(project, scenario);
  const at = `scenarios[${scenarioIndex}].flow`;
  if (!traffic.solvable) {
    findings.push({ severity: 'error', path: `${at}.edges`, message: 'Some customers would never leave: a loop has no way out once its shares are taken into account.' });
    return findings;
  }
  if (traffic.tooComplex) {
    findings.push({ severity: 'warning', path: `${at}.edges`, message: 'The flow’s loops are too intertwined for the load check: staff loads are not checked before the run.' });
  }
  const overloadedDepts = new Set<string>();
  scenario.flow.nodes.forEach((node, i) => {
    if (node.kind !== 'step') return;
    const load = traffic.steps[node.id];
    if (!load || load.arrivalRate === 0 || load.staff === 0) return;
    const path = `${at}.nodes[${i}]`;
    const relieved = node.patience !== undefined || node.capacity !== undefined;
    if (load.utilization >= 1) {
      overloadedDepts.add(node.departmentId);
      // Overload is a warning: the run goes ahead and shows the queue growing (results: instability).
      const pool = node.poolId !== undefined ? 'with its staff pool, ' : '';
      const needs = `its work needs ${staffFigure(load.utilization * load.staff)} staff on average and it has ${staffFigure(load.staff)} (${formatShare(load.utilization)})`;
      findings.push({
        severity: 'warning',
        path,
        nodeId: node.id,
        message: relieved
          ? `"${node.name}" is overloaded: ${pool}${needs} — only customers giving up or being turned away keep the queue in check.`
          : `"${node.name}" is overloaded: ${pool}${needs} — ${shortfallWords(project, load.arrivalRate * (1 - 1 / load.utilization))}.`,
      });
    } else if (load.utilization >= HIGH_LOAD) {
      findings.push({
        severity: 'warning',
        path,
        nodeId: node.id,
        message: `"${node.name}" is ${formatShare(load.utilization)} busy: small changes will make waits much longer.`,
      });
    }
  });
  // Departments overloaded as a whole (one not already named through an overloaded step of its own),
  // and those whose every loaded step is relieved by customers giving up or being turned away.
  const relievedDept = new Map<string, boolean>();
  for (const node of scenario.flow.nodes) {
    if (node.kind !== 'step' || !(traffic.steps[node.id]?.arrivalRate ?? 0)) continue;
    const relieved = node.patience !== undefined || node.capacity !== undefined;
    relievedDept.set(node.departmentId, (relievedDept.get(node.departmentId) ?? true) && relieved);
  }
  const deptIndex = new Map(scenario.flow.departments.map((d, i) => [d.id, i]));
  for (const d of Object.values(traffic.departments)) {
    if (d.utilization >= 1 && d.staff > 0 && !relievedDept.get(d.departmentId) && !overloadedDepts.has(d.departmentId)) {
      const di = deptIndex.get(d.departmentId) ?? -1;
      const name = scenario.flow.departments[di]?.name ?? d.departmentId;
      const visits = scenario.flow.nodes.reduce((sum, n) => sum + (n.kind === 'step' && n.departmentId === d.departmentId ? (traffic.steps[n.id]?.arrivalRate ?? 0) : 0), 0);
      findings.push({
        severity: 'warning',
        path: `${at}.departments[${di}]`,
        message: `The department "${name}" is overloaded: its steps need ${staffFigure(d.offeredLoad)} staff and it has ${staffFigure(d.staff)} (${formatShare(d.utilization)}) — ${shortfallWords(project, shortfall(visits, d.offeredLoad, d.staff))}.`,
      });
    }
  }
  return findings;
}

export function checkProject(project: Project): Finding[] {
  return project.scenarios.flatMap((_, i) => checkScenario(project, i));
}

/** A number of staff for a message: one decimal, thousands separated, never "Infinity". */
function staffFigure(v: number): string {
  if (!Number.isFinite(v)) return 'more staff than can be counted';
  return v.toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: Number.isInteger(v) ? 0 : 1 });
}

/**
 * Visits per time unit that arrive beyond what the staff can serve: arrivals × (1 − staff / load),
 * i.e. arrivals minus the rate at which the staff, all busy, finish work.
 */
export function shortfall(arrivalRate: number, offeredLoad: number, staff: number): number {
  if (!(offeredLoad > 0) || !Number.isFinite(offeredLoad)) return arrivalRate;
  return Math.max(0, arrivalRate * (1 - staff / offeredLoad));
}

/**
 * "about 14 more customers a day arrive than it can serve, so its queue will keep growing for as
 * long as the run lasts" — per day for processes in hours or days, per hour (with the day's
 * figure) for processes in minutes or seconds.
 */
function shortfallWords(project: Project, perUnit: number): string {
  const daily = project.timeUnit === 'hours' || project.timeUnit === 'days';
  const noun = 'more customers';
  const rate = daily
    ? formatRate(perUnit, project.timeUnit, { period: 'day', noun })
    : `${formatRate(perUnit, project.timeUnit, { period: 'hour', noun })} (${formatRate(perUnit, project.timeUnit, { period: 'day', noun: '' })})`;
  const text = Number.isFinite(perUnit) ? `about ${rate} arrive than it can serve` : 'more customers arrive than it can serve';
  return `${text}, so its queue will keep growing for as long as the run lasts`;
}
