// Figures derived from the project for the canvas: checks and the traffic equations, memoised
// per scenario object (edits replace the object, so identity is the cache key).
import { checkScenario, type Finding } from '../engine/check';
import { trafficEquations, type TrafficResult } from '../engine/traffic';
import type { Project, Scenario } from '../model/schema';

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
