// Checks of a scenario's use of calendars, in the user's words: holidays and exceptions need a
// start date, arrivals on a calendar need a rate, a pool's step follows the pool's calendar.
import { hasDates } from './calendar';
import type { Finding } from './validate';
import type { Project } from './schema';

export function calendarFindings(project: Project, scenarioIndex: number): Finding[] {
  const scenario = project.scenarios[scenarioIndex];
  if (!scenario) return [];
  const at = `scenarios[${scenarioIndex}].flow`;
  const calendars = new Map((project.calendars ?? []).map((c) => [c.id, c]));
  const findings: Finding[] = [];
  const warned = new Set<string>();
  const needsStart = (id: string | undefined, path: string, nodeId?: string) => {
    const cal = id === undefined ? undefined : calendars.get(id);
    if (!cal || project.run.start !== undefined || !hasDates(cal) || warned.has(cal.id)) return;
    warned.add(cal.id);
    findings.push({
      severity: 'warning',
      path,
      ...(nodeId ? { nodeId } : {}),
      message: `The calendar "${cal.name}" has holidays or date exceptions, which need a start date: set the run's start in Project settings (until then only its weekly hours count).`,
    });
  };
  if (calendars.size === 0) {
    project.serviceLevels.forEach((sl, i) => {
      if (sl.clock === 'working' && scenarioIndex === 0) findings.push({ severity: 'warning', path: `serviceLevels[${i}].clock`, message: `The target "${sl.name}" counts working time, but the project has no calendar: it is measured in elapsed time until you add one.` });
    });
  }
  (scenario.flow.pools ?? []).forEach((pool, i) => needsStart(pool.calendarId, `${at}.pools[${i}]`));
  scenario.flow.nodes.forEach((node, i) => {
    const path = `${at}.nodes[${i}]`;
    if (node.kind === 'step') {
      needsStart(node.calendarId, path, node.id);
      if (node.calendarId !== undefined && node.poolId !== undefined) {
        findings.push({ severity: 'warning', path, nodeId: node.id, message: `"${node.name}" draws on a staff pool, so the pool's calendar applies, not the step's own.` });
      }
    }
    if (node.kind === 'delay' && node.workingTime && calendars.size === 0) {
      findings.push({ severity: 'error', path, nodeId: node.id, message: `"${node.name}" lasts working time, but the project has no calendar: add a calendar (Project settings) or untick "Counts working time".` });
    }
    if (node.kind === 'arrivals' && node.calendarId !== undefined) {
      needsStart(node.calendarId, path, node.id);
      if (node.arrivals.mode !== 'rate') findings.push({ severity: 'error', path, nodeId: node.id, message: `"${node.name}": arrivals that follow a calendar need a rate (customers per hour, day or week).` });
    }
  });
  return findings;
}
