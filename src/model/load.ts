// Loading a project document: JSON text or a parsed value in, a checked Project or a list of
// problems out. Never throws. Each problem names the JSON path and what is wrong.
import { z } from 'zod';
import { migrateVolumes } from './migrateVolumes';
import { FORMAT_VERSION, LIMITS, Project, formatLimit } from './schema';

export interface Problem {
  /** JSON path like `scenarios[0].flow.nodes[3].staff`; empty for the document itself. */
  path: string;
  message: string;
}

/** `notes`: what an upgrade from an older format changed (the load report), when anything did. */
export type LoadResult = { ok: true; project: Project; notes?: string[] } | { ok: false; problems: Problem[] };

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
    // A UTF-8 byte-order mark (as some editors on Windows write) is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
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
  if (typeof version === 'number' && Number.isFinite(version) && version > FORMAT_VERSION && version <= 1e6) {
    return {
      ok: false,
      problems: [
        {
          path: 'formatVersion',
          message: `the file is from a newer version of Serviceflow (format ${formatLimit(version)}; this version reads up to ${FORMAT_VERSION})`,
        },
      ],
    };
  }
  const upgraded = migrateWithNotes(value as Record<string, unknown>);
  const parsed = Project.safeParse(upgraded.doc);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, value) };
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return upgraded.notes.length > 0 ? { ok: true, project: parsed.data, notes: upgraded.notes } : { ok: true, project: parsed.data };
}

/**
 * Problems from a zod error; `root` (the checked value) lets messages name the step, department or
 * other element by its name and say what was found: "Intake: staff must be at most 10,000 staff".
 */
export function zodProblems(error: z.ZodError, root?: unknown): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const { where, rest } = placeOf(root, path);
    const words = fieldWords(rest);
    // Without a named element the path alone says where; "classes: classes needs…" would repeat it.
    const field = !where && rest.length === 1 && words === String(rest[0]) ? '' : words;
    const what = clean(issueMessage(issue, root));
    const message = [where ? `${where}:` : '', field, what].filter((x) => x !== '').join(' ');
    return { path: formatPath(path), message };
  });
}

/** Collections of named elements, and how to call an element without a name. */
const NAMED: Record<string, string> = {
  nodes: 'node',
  departments: 'department',
  pools: 'staff pool',
  systems: 'system',
  classes: 'customer class',
  serviceLevels: 'service level',
  scenarios: 'scenario',
  edges: 'connection',
  classMix: 'class share',
};

/** The innermost named element on the path ("Intake") and the rest of the path below it. */
function placeOf(root: unknown, path: readonly PropertyKey[]): { where: string; rest: PropertyKey[] } {
  let where = '';
  let restFrom = 0;
  let v: unknown = root;
  for (let k = 0; k < path.length; k++) {
    const key = path[k]!;
    v = v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
    const parent = path[k - 1];
    if (typeof key === 'number' && typeof parent === 'string' && Object.prototype.hasOwnProperty.call(NAMED, parent)) {
      const named = v !== null && typeof v === 'object' ? (v as { name?: unknown; id?: unknown }) : undefined;
      const label = typeof named?.name === 'string' && named.name.trim() !== '' ? named.name.trim() : typeof named?.id === 'string' && named.id !== '' ? `${NAMED[parent]} "${named.id}"` : `${NAMED[parent]} ${key + 1}`;
      where = label.length > 60 ? `${label.slice(0, 60)}…` : label;
      restFrom = k + 1;
    }
  }
  return { where, rest: path.slice(restFrom) as PropertyKey[] };
}

/** Field names in the user's words. */
const FIELD_WORDS: Record<string, string> = {
  staff: 'staff',
  size: 'staff',
  service: 'service time',
  serviceByClass: 'service time for class',
  patience: 'patience',
  duration: 'duration',
  capacity: 'waiting places',
  costPerHour: 'cost per staff hour',
  arrivals: 'arrivals',
  rate: 'rate',
  distribution: 'time between arrivals',
  schedule: 'rate schedule',
  multipliers: 'hourly multipliers',
  classMix: 'class mix',
  share: 'share',
  probability: 'share of customers',
  shifts: 'shifts',
  learning: 'learning curve',
  multiplier: 'slow-down',
  period: 'period',
  timeBetweenFailures: 'time between failures',
  timeToRepair: 'time to repair',
  threshold: 'threshold',
  target: 'target',
  tolerance: 'tolerated waiting',
  staffPerHour: 'staff cost per hour',
  lostCustomer: 'cost of a lost customer',
  shareLostAtRisk: 'share of customers at risk who are lost',
  horizon: 'run length',
  warmup: 'warm-up',
  replications: 'replications',
  relativeHalfWidth: 'precision',
  seed: 'seed',
  maxEvents: 'event limit',
  mean: 'mean',
  sd: 'spread (sd)',
  min: 'minimum',
  max: 'maximum',
  mode: 'most likely value',
  value: 'value',
  values: 'observed values',
  k: 'phases (k)',
  poolPriority: 'pool priority',
  priority: 'priority',
  count: 'count',
  name: 'name',
  id: 'id',
};

/** Containers that add nothing to the wording. */
const SKIPPED = new Set(['flow', 'run', 'costs']);

function fieldWords(rest: readonly PropertyKey[]): string {
  const words: string[] = [];
  rest.forEach((key, k) => {
    if (typeof key === 'number') {
      const prev = rest[k - 1];
      words.push(prev === 'staff' || prev === 'multipliers' ? `(hour ${key})` : `(${ordinal(key + 1)})`);
    } else if (rest[k - 1] === 'serviceByClass') words.push(`"${String(key)}"`);
    else if (key === 'mode' && rest[k - 1] === 'arrivals') words.push('kind');
    else if (!SKIPPED.has(String(key))) words.push(Object.prototype.hasOwnProperty.call(FIELD_WORDS, key) ? FIELD_WORDS[key as string]! : String(key));
  });
  return words.join(' ');
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** No raw Infinity, NaN, undefined or [object Object] reaches the user. */
function clean(message: string): string {
  return message
    .replace(/\[object Object\]/g, 'an object')
    .replace(/-Infinity/g, 'minus infinity')
    .replace(/\bInfinity\b/g, 'infinity')
    .replace(/\bNaN\b/g, 'not a number')
    .replace(/\bundefined\b/g, 'nothing');
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const received = valueAt(root, issue.path);
    if (received === undefined) return `is missing (it must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected})`;
    if (typeof received === 'number' && !Number.isFinite(received)) return 'must be a finite number';
    if (issue.expected === 'int' && typeof received === 'number') return `must be a whole number (got ${formatLimit(received)})`;
    return `must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, not ${describeValue(received)}`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const found = valueAt(root, issue.path);
    const options = 'options' in issue && Array.isArray(issue.options) ? (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ') : 'the documented kinds';
    return `${found === undefined ? 'is missing' : `${typeof found === 'string' ? JSON.stringify(found.slice(0, 30)) : describeValue(found)} is not a known kind`}; expected one of ${options}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    // Our schema words its own limits; zod's defaults ("Too big: expected number to be <=10") are reworded.
    if (!/^(Too big|Too small|Invalid)/.test(issue.message)) return issue.message;
    const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const n = formatLimit(bound);
    const at = issue.code === 'too_big' ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
    if (issue.origin === 'array' || issue.origin === 'set') return `must have ${at} ${n} ${bound === 1 ? 'entry' : 'entries'}`;
    if (issue.origin === 'string') return `must be ${at} ${n} characters long`;
    return `must be ${at} ${n}`;
  }
  if (/^Invalid input/.test(issue.message)) return 'is not valid here';
  return issue.message;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string' && /^\s*[-+]?(\d|\.\d|Infinity|NaN)/i.test(v)) return 'a number written as text (in quotes)';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${formatLimit(v)}` : 'a number that is not finite';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return 'an object';
  return `a value of type ${typeof v}`;
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

  const calendarIds = new Set<string>();
  (project.calendars ?? []).forEach((c, i) => {
    if (calendarIds.has(c.id)) add(`calendars[${i}].id`, `duplicate calendar id "${c.id}"`);
    calendarIds.add(c.id);
  });

  const slIds = new Set<string>();
  project.serviceLevels.forEach((s, i) => {
    if (slIds.has(s.id)) add(`serviceLevels[${i}].id`, `duplicate service-level id "${s.id}"`);
    slIds.add(s.id);
  });

  project.scenarios.forEach((scenario, si) => {
    const stations = scenario.flow.nodes.filter((n) => n.kind === 'step' || n.kind === 'delay').length;
    if (stations * project.classes.length > LIMITS.maxClassSteps) {
      add(
        `scenarios[${si}].flow.nodes`,
        `"${scenario.name}": ${formatLimit(project.classes.length)} customer classes × ${formatLimit(stations)} steps and delays is more than Serviceflow handles (at most ${formatLimit(LIMITS.maxClassSteps)} pairs, as service times are kept for each): use fewer classes or fewer steps`,
      );
    }
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
    (flow.pools ?? []).forEach((pool, i) => {
      if (pool.calendarId !== undefined && !calendarIds.has(pool.calendarId)) add(`${at}.flow.pools[${i}].calendarId`, `the pool "${pool.name}" works to calendar "${pool.calendarId}", which does not exist`);
    });
    flow.nodes.forEach((node, i) => {
      const np = `${at}.flow.nodes[${i}]`;
      if ((node.kind === 'step' || node.kind === 'arrivals' || node.kind === 'delay') && node.calendarId !== undefined && !calendarIds.has(node.calendarId)) {
        add(`${np}.calendarId`, `"${node.name}" uses calendar "${node.calendarId}", which does not exist`);
      }
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
          if (!classIds.has(cid)) add(`${np}.${formatPath(['serviceByClass', cid])}`, `"${node.name}" has a service time for unknown customer class "${cid}"`);
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
  return migrateWithNotes(value).doc;
}

/** The upgrade, with notes for the load report where the written numbers of a file change. */
export function migrateWithNotes(value: Record<string, unknown>): { doc: Record<string, unknown>; notes: string[] } {
  let doc = value;
  let notes: string[] = [];
  // 1 → 2: only new optional fields (costs); the version number moves on.
  if (doc.formatVersion === 1) doc = { ...doc, formatVersion: 2 };
  // 2 → 3: new node kinds (parallel split and join) only.
  if (doc.formatVersion === 2) doc = { ...doc, formatVersion: 3 };
  // 3 → 4: calendars (new, optional); rates per day or week with a profile become volumes.
  if (doc.formatVersion === 3) {
    ({ doc, notes } = migrateVolumes(doc));
    doc = { ...doc, formatVersion: 4 };
  }
  return { doc, notes };
}
