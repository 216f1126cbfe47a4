// Figures derived from the project for the canvas: checks and the traffic equations, memoised
// per scenario object (edits replace the object, so identity is the cache key).
import { checkScenario, type Finding } from '../engine/check';
import { trafficEquations, type TrafficResult } from '../engine/traffic';
import type { Project, Scenario, StepNode } from '../model/schema';

const findingsCache = new WeakMap<Project, Finding[][]>();
const trafficCache = new WeakMap<Scenario, { project: Project; result: TrafficResult }>();

export function scenarioFindings(project: Project, index: number): Finding[] {
  let all = findingsCache.get(project);
  if (!all) {
    all = [];
    findingsCache.set(project, all);
  }
  all[index] ??= checkScenario(project, index);
  return all[index]!;
}

export function scenarioTraffic(project: Project, scenario: Scenario): TrafficResult {
  const hit = trafficCache.get(scenario);
  if (hit && hit.project.classes === project.classes && hit.project.timeUnit === project.timeUnit) return hit.result;
  const result = trafficEquations(project, scenario);
  trafficCache.set(scenario, { project, result });
  return result;
}

export const UNIT_LABEL: Record<Project['timeUnit'], string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' };

/** Who serves a step, in words: its staff pool, its shifts, or its own staff (with a tooltip). */
export function staffLabel(step: StepNode, pool: { name: string; size: number; shifts?: { staff: number[] } } | undefined): { text: string; title: string } {
  if (step.poolId !== undefined) {
    if (!pool) return { text: 'a staff pool', title: 'Staff from a shared pool' };
    if (pool.shifts) return { text: `pool ${pool.name} (shifts, up to ${Math.max(...pool.shifts.staff)})`, title: 'Staff from a shared pool, on duty hour by hour' };
    return { text: `pool ${pool.name} (${pool.size})`, title: 'Staff from a shared pool' };
  }
  if (step.shifts) return { text: `shifts, up to ${Math.max(...step.shifts.staff)} staff`, title: 'Staff on duty change through the day or week' };
  return { text: `${step.staff} staff`, title: 'Staff working in parallel' };
}
