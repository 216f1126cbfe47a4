// Everything that is checked before a run (and live in the editor): the flow's structure, then —
// when the structure is sound — the load implied by the traffic equations.
import { hasErrors, validateScenario, type Finding } from '../model/validate';
import type { Project } from '../model/schema';
import { formatShare } from './format';
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
  scenario.flow.nodes.forEach((node, i) => {
    if (node.kind !== 'step') return;
    const load = traffic.steps[node.id];
    if (!load || load.arrivalRate === 0 || load.staff === 0) return;
    const path = `${at}.nodes[${i}]`;
    const relieved = node.patience !== undefined || node.capacity !== undefined;
    if (load.utilization >= 1) {
      findings.push({
        severity: relieved ? 'warning' : 'error',
        path,
        nodeId: node.id,
        message:
          `"${node.name}" is overloaded: ${node.poolId !== undefined ? 'with its staff pool, ' : ''}its work needs ${staffFigure(load.utilization * load.staff)} staff on average and it has ${staffFigure(load.staff)} (${formatShare(load.utilization)})` +
          (relieved ? ' — only customers giving up or being turned away keep the queue in check.' : ' — its queue would grow without limit.'),
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
  // Departments whose every loaded step is relieved by customers giving up or being turned away.
  const relievedDept = new Map<string, boolean>();
  for (const node of scenario.flow.nodes) {
    if (node.kind !== 'step' || !(traffic.steps[node.id]?.arrivalRate ?? 0)) continue;
    const relieved = node.patience !== undefined || node.capacity !== undefined;
    relievedDept.set(node.departmentId, (relievedDept.get(node.departmentId) ?? true) && relieved);
  }
  const deptIndex = new Map(scenario.flow.departments.map((d, i) => [d.id, i]));
  for (const d of Object.values(traffic.departments)) {
    if (d.utilization >= 1 && d.staff > 0 && !relievedDept.get(d.departmentId)) {
      const di = deptIndex.get(d.departmentId) ?? -1;
      const name = scenario.flow.departments[di]?.name ?? d.departmentId;
      findings.push({
        severity: 'error',
        path: `${at}.departments[${di}]`,
        message: `The department "${name}" is overloaded: its steps need ${staffFigure(d.offeredLoad)} staff and it has ${staffFigure(d.staff)} (${formatShare(d.utilization)}).`,
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
