// The fuzz campaign of issue 17, kept as a property test: mutants of the shipped examples (numbers
// pushed to extremes, ids renamed to Object.prototype names, elements dropped or duplicated, long
// chains) are either refused with messages that name a place and contain no NaN, Infinity,
// undefined or [object Object], or checked and simulated (short run, one replication) with finite
// numbers in every result, within a time budget per mutant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblem, loadProject, loadProjectText, type Project } from '../../src/model';
import { checkScenario } from '../../src/engine/check';
import { runExperiment } from '../../src/engine/experiment';
import { SimulationError } from '../../src/engine/types';
import { MINUTES_PER_UNIT } from '../../src/model/schema';
import loan from '../../src/model/examples/loan.json';
import contactCentre from '../../src/model/examples/contact-centre.json';
import repair from '../../src/model/examples/repair.json';
import mortgage from '../../src/model/examples/mortgage.json';

const EXAMPLE_DOCS: unknown[] = [loan, contactCentre, repair, mortgage];

/** What users must never see. */
const RAW = /NaN|Infinity|undefined|\[object Object\]/;

const EXTREMES: unknown[] = [0, -1, 1e-8, 1e9, 1e-300, 5e-324, 1e308, -1e308, 'Infinity', 4_294_967_299, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, 1e200, 0.5, 2.5];

/** Object.prototype's names, "__proto__" included: every id-keyed object is null-prototype. */
const PROTO_NAMES = ['isPrototypeOf', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];
const ID_KEYS = new Set(['id', 'classId', 'source', 'target', 'departmentId', 'poolId']);

type Path = (string | number)[];
interface Places {
  numbers: Path[];
  ids: Path[];
  arrays: Path[];
}

function places(doc: unknown): Places {
  const out: Places = { numbers: [], ids: [], arrays: [] };
  const walk = (v: unknown, path: Path) => {
    if (typeof v === 'number') out.numbers.push(path);
    else if (typeof v === 'string' && ID_KEYS.has(String(path[path.length - 1]))) out.ids.push(path);
    else if (Array.isArray(v)) {
      if (v.length > 0) out.arrays.push(path);
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  return out;
}
const PLACES = EXAMPLE_DOCS.map(places);

function parentOf(doc: any, path: Path): [any, string | number] {
  // An earlier mutation may have removed the place: then there is nothing to change.
  let v = doc;
  for (const k of path.slice(0, -1)) v = v !== null && typeof v === 'object' ? v[k] : undefined;
  return [v, path[path.length - 1]!];
}

/** A flow of `n` nodes of one kind in a row, replacing the first scenario's flow. */
function chain(doc: any, n: number, kind: 'decision' | 'split' | 'join' | 'step') {
  const nodes: any[] = [{ id: 'in', kind: 'arrivals', name: 'Customers', arrivals: { mode: 'rate', rate: 2, per: 'hour' } }];
  const edges: any[] = [];
  let prev = 'in';
  for (let i = 0; i < n; i++) {
    const id = `n${i}`;
    nodes.push(kind === 'step' ? { id, kind, name: `Step ${i}`, departmentId: 'd', staff: 3, service: { kind: 'exponential', mean: 0.5 } } : { id, kind, name: `${kind} ${i}` });
    edges.push({ id: `e${i}`, source: prev, target: id });
    prev = id;
  }
  nodes.push({ id: 'out', kind: 'exit', name: 'Done' });
  edges.push({ id: 'last', source: prev, target: 'out' });
  doc.scenarios[0].flow = { departments: [{ id: 'd', name: 'Department' }], nodes, edges };
}

type Mutation =
  | { op: 'number'; at: number; value: number }
  | { op: 'id'; at: number; name: number }
  | { op: 'drop' | 'duplicate'; at: number; element: number }
  | { op: 'chain'; n: number; kind: 'decision' | 'split' | 'join' | 'step' };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.nat(EXTREMES.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('id' as const), at: fc.nat(), name: fc.nat(PROTO_NAMES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat(), element: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chain' as const), n: fc.constantFrom(300, 501, 2000, 5001), kind: fc.constantFrom('decision' as const, 'split' as const, 'join' as const, 'step' as const) }) },
);

function mutate(example: number, mutations: readonly Mutation[]): any {
  const doc = structuredClone(EXAMPLE_DOCS[example]) as any;
  const p = PLACES[example]!;
  for (const m of mutations) {
    if (m.op === 'number') {
      const [parent, key] = parentOf(doc, p.numbers[m.at % p.numbers.length]!);
      if (parent && typeof parent === 'object') parent[key] = EXTREMES[m.value];
    } else if (m.op === 'id') {
      // Rename an id everywhere it is used, so that the mutant stays consistent and reaches the engine.
      const [parent, key] = parentOf(doc, p.ids[m.at % p.ids.length]!);
      const old = parent?.[key];
      if (typeof old !== 'string') continue;
      const name = PROTO_NAMES[m.name]!;
      const rename = (v: any): any => {
        if (v === old) return name;
        if (Array.isArray(v)) return v.map(rename);
        if (v && typeof v === 'object') {
          const o: any = {};
          for (const [k, x] of Object.entries(v)) o[k === old ? name : k] = rename(x);
          return o;
        }
        return v;
      };
      doc.classes = rename(doc.classes);
      doc.serviceLevels = rename(doc.serviceLevels);
      doc.scenarios = rename(doc.scenarios);
    } else if (m.op === 'chain') chain(doc, m.n, m.kind);
    else {
      const [parent, key] = parentOf(doc, p.arrays[m.at % p.arrays.length]!);
      const arr = parent?.[key];
      if (!Array.isArray(arr) || arr.length === 0) continue;
      const i = m.element % arr.length;
      if (m.op === 'drop') arr.splice(i, 1);
      else arr.splice(i, 0, structuredClone(arr[i]));
    }
  }
  return doc;
}

/** Every number in the results, with its place, that is not finite. */
function nonFinite(v: unknown, path = '', out: string[] = []): string[] {
  if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${path} = ${v}`);
  else if (Array.isArray(v)) v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
  return out.slice(0, 5);
}

/** A short run: at most two days, no warm-up, one replication, few events. */
function shortRun(project: Project): Project {
  const twoDays = (2 * 1440) / MINUTES_PER_UNIT[project.timeUnit];
  return { ...project, run: { ...project.run, horizon: { kind: 'duration', duration: twoDays }, warmup: 0, replications: { kind: 'fixed', count: 1 }, maxEvents: 300_000 } };
}

/** Budget per mutant: generous for a busy 2-core machine; a hang or quadratic blow-up is far above. */
const BUDGET_MS = 8000;

function runMutant(doc: unknown, viaText: boolean): 'refused' | 'not simulable' | 'stopped' | 'simulated' {
  const loaded = viaText ? loadProjectText(`\ufeff${JSON.stringify(doc)}`) : loadProject(doc);
  if (!loaded.ok) {
    expect(loaded.problems.length).toBeGreaterThan(0);
    for (const p of loaded.problems) {
      const text = describeProblem(p);
      expect(p.path.length, text).toBeGreaterThan(0);
      expect(text).not.toMatch(RAW);
    }
    return 'refused';
  }
  const project = shortRun(loaded.project);
  const findings = project.scenarios.flatMap((_, i) => checkScenario(project, i));
  for (const f of findings) {
    expect(f.path.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(RAW);
  }
  if (findings.some((f) => f.severity === 'error')) return 'not simulable';
  try {
    const results = runExperiment(project);
    expect(nonFinite(results)).toEqual([]);
    expect(JSON.stringify(results)).not.toMatch(RAW);
    return 'simulated';
  } catch (err) {
    // A run may stop (event limit) — with a message in words, never a crash.
    expect(err).toBeInstanceOf(SimulationError);
    expect((err as Error).message).not.toMatch(RAW);
    return 'stopped';
  }
}

describe('fuzz campaign (issue 17): mutated examples', () => {
  it('are refused with path-naming messages, or check and simulate with finite results, each within a time budget', () => {
    const seen = { refused: 0, 'not simulable': 0, stopped: 0, simulated: 0 };
    fc.assert(
      fc.property(fc.nat(EXAMPLE_DOCS.length - 1), fc.array(arbMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (example, mutations, viaText) => {
        const doc = mutate(example, mutations);
        const t0 = performance.now();
        const outcome = runMutant(doc, viaText && !mutations.some((m) => m.op === 'number' && typeof EXTREMES[m.value] === 'number' && !Number.isFinite(EXTREMES[m.value] as number)));
        seen[outcome]++;
        expect(performance.now() - t0, `mutant took too long: ${JSON.stringify(mutations)}`).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 100, seed: 1717 },
    );
    // The campaign reaches both ends: some mutants are refused, some run.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.simulated).toBeGreaterThan(0);
  }, 120_000);

  it('the extremes of the issue are refused with the step named and limits in words', () => {
    const cases: [(doc: any) => void, RegExp][] = [
      [(d) => (d.scenarios[0].flow.nodes[1].service = { kind: 'gamma', mean: 1e-300, sd: 1e155 }), /Intake: service time mean must be at least 0\.000000001/],
      [(d) => (d.scenarios[0].flow.nodes[1].patience = { kind: 'triangular', min: 5e-324, mode: 1, max: 1e308 }), /Intake: patience maximum must be at most 1,000,000,000/],
      [(d) => (d.scenarios[0].flow.nodes[1].capacity = 4_294_967_299), /Intake: waiting places must be at most 1,000,000 waiting places/],
      [(d) => (d.costs.staffPerHour = 1e200), /staff cost per hour must be at most 1,000,000/],
      [(d) => (d.scenarios[0].flow.nodes[1].staff = 20_000), /Intake: staff must be at most 10,000 staff/],
      [(d) => (d.scenarios[0].flow.edges[1].probability = 1.5), /must be between 0 % and 100 %/],
      [(d) => (d.scenarios[0].flow.nodes[1].staff = 'Infinity'), /Intake: staff must be a number, not a number written as text/],
    ];
    for (const [change, expected] of cases) {
      const doc = structuredClone(loan) as any;
      change(doc);
      const r = loadProject(doc);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const text = r.problems.map(describeProblem).join('\n');
      expect(text).toMatch(expected);
      expect(text).toMatch(/^scenarios\[0\]\.flow\.|^costs\./);
      expect(text).not.toMatch(RAW);
    }
  });

  it('a chain of 500 joins simulates; 501 are refused by the check, saying the limit (not a loop)', () => {
    for (const n of [500, 501]) {
      const doc = structuredClone(loan) as any;
      doc.scenarios = [doc.scenarios[0]];
      chain(doc, n, 'join');
      const r = loadProject(doc);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const errors = checkScenario(r.project, 0).filter((f) => f.severity === 'error');
      if (n === 500) {
        expect(errors).toEqual([]);
        expect(runMutant(doc, false)).toBe('simulated');
      } else {
        expect(errors.map((f) => f.message).join('\n')).toMatch(/501 splits and joins follow one another .* at most 500 in a row/);
        expect(errors.map((f) => f.message).join('\n')).not.toMatch(/loop/);
      }
    }
  });

  // The per-replication results (steps, departments, pools, classes, serviceLevel, timeline
  // queues, systems, joins) are built with byId(): assigning "__proto__" to a plain {} would drop it.
  it('an id named "__proto__" survives into the results', () => {
    let text = JSON.stringify(loan);
    text = text.replaceAll('"intake"', '"__proto__"').replaceAll('"wait-2h"', '"__proto__"');
    const r = loadProjectText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const results = runExperiment(shortRun(r.project));
    const back = JSON.parse(JSON.stringify(results));
    expect(Object.keys(back.scenarios[0].steps)).toContain('__proto__');
    expect(Object.keys(back.scenarios[0].overall.serviceLevel)).toContain('__proto__');
    expect(nonFinite(back)).toEqual([]);
  });
});
