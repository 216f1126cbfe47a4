// The results document: what the CLI writes and the app exports, field for field the same.
// It holds no timestamps, so the same project and seed give byte-identical JSON in Node and in
// the browser. Documented in docs/results-format.md.
import type { Project } from '../model/schema';
import { aggregateScenario, type ScenarioResults } from './aggregate';
import { rankBottlenecks, type Bottlenecks } from './bottleneck';
import { compareScenarios, type ScenarioComparison } from './compare';
import type { ReplicationResult } from './types';

export const RESULTS_FORMAT_VERSION = 1;
export const ENGINE_VERSION = '0.2.0';

export interface ScenarioResultsWithBottlenecks extends ScenarioResults {
  bottlenecks: Bottlenecks;
}

export interface ResultsDocument {
  resultsFormatVersion: number;
  engineVersion: string;
  generatedBy: 'serviceflow';
  project: { name: string; hash: string; timeUnit: Project['timeUnit'] };
  settings: {
    seed: number;
    replications: number;
    replicationRule: Project['run']['replications'];
    horizon: Project['run']['horizon'];
    warmup: number;
  };
  scenarios: ScenarioResultsWithBottlenecks[];
  comparisons: ScenarioComparison[];
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** A 64-bit FNV-1a hash (two 32-bit lanes) of the canonical project JSON, as 16 hex digits. */
export function projectHash(project: Project): string {
  const text = canonicalJson(project);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Builds the document from the replications of each scenario (keyed by scenario id, in project order). */
export function buildResults(project: Project, repsByScenario: ReadonlyMap<string, readonly ReplicationResult[]>): ResultsDocument {
  const scenarios: ScenarioResultsWithBottlenecks[] = [];
  for (const scenario of project.scenarios) {
    const reps = repsByScenario.get(scenario.id);
    if (!reps) continue;
    const agg = aggregateScenario(project, scenario, reps);
    scenarios.push({ ...agg, bottlenecks: rankBottlenecks(agg) });
  }
  const baseline = project.scenarios.find((s) => s.kind === 'baseline');
  const baseReps = baseline ? repsByScenario.get(baseline.id) : undefined;
  const comparisons: ScenarioComparison[] = [];
  if (baseline && baseReps) {
    for (const s of project.scenarios) {
      const reps = repsByScenario.get(s.id);
      if (s.id !== baseline.id && reps) comparisons.push(compareScenarios(project, baseReps, reps));
    }
  }
  return {
    resultsFormatVersion: RESULTS_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    generatedBy: 'serviceflow',
    project: { name: project.name, hash: projectHash(project), timeUnit: project.timeUnit },
    settings: {
      seed: project.run.seed,
      replications: scenarios[0]?.replications ?? 0,
      replicationRule: project.run.replications,
      horizon: project.run.horizon,
      warmup: project.run.warmup,
    },
    scenarios,
    comparisons,
  };
}
