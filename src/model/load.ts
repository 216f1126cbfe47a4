// Loading a project document: JSON text or a parsed value in, a checked Project or a list of
// problems out. Never throws. Each problem names the JSON path and what is wrong.
import { z } from 'zod';
import { FORMAT_VERSION, Project } from './schema';

export interface Problem {
  /** JSON path like `scenarios[0].flow.nodes[3].staff`; empty for the document itself. */
  path: string;
  message: string;
}

export type LoadResult = { ok: true; project: Project } | { ok: false; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function describeProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/** Parse JSON text and load it as a project. */
export function loadProjectText(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ path: '', message: `the file is not valid JSON (${detail})` }] };
  }
  return loadProject(value);
}

/** Check a parsed value against the schema and the cross-references between its parts. */
export function loadProject(value: unknown): LoadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: '', message: 'a project must be a JSON object' }] };
  }
  const version = (value as Record<string, unknown>).formatVersion;
  if (version === undefined) {
    return { ok: false, problems: [{ path: 'formatVersion', message: 'is missing: this does not look like a Serviceflow project' }] };
  }
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'formatVersion',
          message: `the file is from a newer version of Serviceflow (format ${version}; this version reads up to ${FORMAT_VERSION})`,
        },
      ],
    };
  }
  const parsed = Project.safeParse(migrate(value as Record<string, unknown>));
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, value) };
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, project: parsed.data };
}

/** Problems from a zod error; `root` (the checked value) lets messages say what was found. */
export function zodProblems(error: z.ZodError, root?: unknown): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue, root) }));
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const received = valueAt(root, issue.path);
    if (received === undefined) return `is missing (expected ${issue.expected})`;
    return `expected ${issue.expected}, got ${describeValue(received)}`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    return `unknown kind; expected one of the documented kinds`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return `${typeof v} ${typeof v === 'object' ? '' : String(v)}`.trim();
}

/**
 * Integrity checks the schema cannot express: unique ids, edges and steps that refer to things
 * that exist, exactly one baseline. These are errors: such a project cannot be simulated.
 */
export function crossReferenceProblems(project: Project): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const classIds = new Set<string>();
  project.classes.forEach((c, i) => {
    if (classIds.has(c.id)) add(`classes[${i}].id`, `duplicate customer class id "${c.id}"`);
    classIds.add(c.id);
  });
  if (project.classes.every((c) => c.share === 0)) add('classes', 'at least one customer class needs a share above 0');

  const slIds = new Set<string>();
  project.serviceLevels.forEach((s, i) => {
    if (slIds.has(s.id)) add(`serviceLevels[${i}].id`, `duplicate service-level id "${s.id}"`);
    slIds.add(s.id);
  });

  const baselines = project.scenarios.filter((s) => s.kind === 'baseline').length;
  if (baselines !== 1) add('scenarios', `needs exactly one baseline scenario (found ${baselines})`);

  const scenarioIds = new Set<string>();
  project.scenarios.forEach((scenario, si) => {
    const at = `scenarios[${si}]`;
    if (scenarioIds.has(scenario.id)) add(`${at}.id`, `duplicate scenario id "${scenario.id}"`);
    scenarioIds.add(scenario.id);
    const flow = scenario.flow;

    const deptIds = new Set<string>();
    flow.departments.forEach((d, i) => {
      if (deptIds.has(d.id)) add(`${at}.flow.departments[${i}].id`, `duplicate department id "${d.id}"`);
      deptIds.add(d.id);
    });

    const poolIds = new Set<string>();
    (flow.pools ?? []).forEach((pool, i) => {
      const pp = `${at}.flow.pools[${i}]`;
      if (poolIds.has(pool.id)) add(`${pp}.id`, `duplicate staff pool id "${pool.id}"`);
      poolIds.add(pool.id);
      if (pool.departmentId !== undefined && !deptIds.has(pool.departmentId)) add(`${pp}.departmentId`, `the pool "${pool.name}" refers to department "${pool.departmentId}", which does not exist`);
    });

    const systemIds = new Set<string>();
    (flow.systems ?? []).forEach((sys, i) => {
      if (systemIds.has(sys.id)) add(`${at}.flow.systems[${i}].id`, `duplicate system id "${sys.id}"`);
      systemIds.add(sys.id);
    });

    const nodeIds = new Set<string>();
    flow.nodes.forEach((node, i) => {
      const np = `${at}.flow.nodes[${i}]`;
      if (node.kind === 'step')
        (node.systemIds ?? []).forEach((sid, k) => {
          if (!systemIds.has(sid)) add(`${np}.systemIds[${k}]`, `"${node.name}" depends on system "${sid}", which does not exist`);
        });
      if (node.kind === 'step' && node.poolId !== undefined && !poolIds.has(node.poolId)) add(`${np}.poolId`, `"${node.name}" uses staff pool "${node.poolId}", which does not exist`);
      if (nodeIds.has(node.id)) add(`${np}.id`, `duplicate node id "${node.id}"`);
      nodeIds.add(node.id);
      if ((node.kind === 'step' || node.kind === 'delay') && node.departmentId !== undefined && !deptIds.has(node.departmentId)) {
        add(`${np}.departmentId`, `"${node.name}" refers to department "${node.departmentId}", which does not exist`);
      }
      if (node.kind === 'step' && node.serviceByClass) {
        for (const cid of Object.keys(node.serviceByClass)) {
          if (!classIds.has(cid)) add(`${np}.serviceByClass.${cid}`, `"${node.name}" has a service time for unknown customer class "${cid}"`);
        }
      }
      if (node.kind === 'arrivals') {
        node.classMix?.forEach((m, j) => {
          if (!classIds.has(m.classId)) add(`${np}.classMix[${j}].classId`, `"${node.name}" refers to unknown customer class "${m.classId}"`);
        });
        if (node.classMix && node.classMix.every((m) => m.share === 0)) {
          add(`${np}.classMix`, `"${node.name}": at least one class needs a share above 0`);
        }
        if (node.schedule && node.arrivals.mode !== 'rate') {
          add(`${np}.schedule`, `"${node.name}": a rate schedule needs arrivals given as a rate`);
        }
      }
    });

    const edgeIds = new Set<string>();
    flow.edges.forEach((edge, i) => {
      const ep = `${at}.flow.edges[${i}]`;
      if (edgeIds.has(edge.id)) add(`${ep}.id`, `duplicate edge id "${edge.id}"`);
      edgeIds.add(edge.id);
      if (!nodeIds.has(edge.source)) add(`${ep}.source`, `connection starts at unknown node "${edge.source}"`);
      if (!nodeIds.has(edge.target)) add(`${ep}.target`, `connection ends at unknown node "${edge.target}"`);
      edge.classIds?.forEach((cid, j) => {
        if (!classIds.has(cid)) add(`${ep}.classIds[${j}]`, `refers to unknown customer class "${cid}"`);
      });
    });
  });
  return problems;
}

/**
 * Upgrades a project document from an older format version, step by step, without changing what
 * it means. Each step is documented in FORMAT_HISTORY (schema.ts).
 */
export function migrate(value: Record<string, unknown>): Record<string, unknown> {
  let doc = value;
  // 1 → 2: only new optional fields (costs); the version number moves on.
  if (doc.formatVersion === 1) doc = { ...doc, formatVersion: 2 };
  // 2 → 3: new node kinds (parallel split and join) only.
  if (doc.formatVersion === 2) doc = { ...doc, formatVersion: 3 };
  return doc;
}
