// fast-check arbitraries shared by property tests: random valid projects (stable by
// construction: every step's offered load stays well below its staff) and mutated documents.
import fc from 'fast-check';
import { Project } from '../src/model/schema';

const dist = (mean: number) =>
  fc.oneof(
    fc.constant({ kind: 'exponential', mean }),
    fc.constant({ kind: 'constant', value: mean }),
    fc.constant({ kind: 'uniform', min: mean * 0.5, max: mean * 1.5 }),
    fc.constant({ kind: 'triangular', min: mean * 0.5, mode: mean, max: mean * 1.5 }),
    fc.constant({ kind: 'lognormal', mean, sd: mean * 0.8 }),
    fc.constant({ kind: 'gamma', mean, sd: mean * 0.5 }),
    fc.constant({ kind: 'erlang', mean, k: 3 }),
    fc.constant({ kind: 'weibull', mean, sd: mean * 0.6 }),
    fc.constant({ kind: 'normal', mean, sd: mean * 0.3 }),
    fc.constant({ kind: 'empirical', values: [mean * 0.5, mean, mean * 1.5] }),
  );

/**
 * A chain of 1–6 steps in 1–3 departments, each step optionally followed by a rework decision
 * sending a share back to an earlier step (loops always have a way out), optional delays,
 * capacities and patience, 1–2 classes; a step may run in parallel with a delay (split → step ‖
 * delay → join) when `parallel` is set, and rework may then send parts back before their split. Arrival rate 0.05–0.2 per minute; staff sized so that
 * every step's utilisation stays below ~0.6 even with rework.
 */
export const arbValidProject = (opts: { parallel?: boolean } = {}) =>
  fc
    .record({
      rate: fc.double({ min: 0.05, max: 0.2, noNaN: true }),
      steps: fc.array(
        fc.record({
          dept: fc.integer({ min: 0, max: 2 }),
          mean: fc.double({ min: 0.5, max: 5, noNaN: true }),
          dist: fc.integer({ min: 0, max: 9 }),
          rework: fc.option(fc.record({ p: fc.double({ min: 0.05, max: 0.4, noNaN: true }), back: fc.nat() }), { nil: undefined }),
          delay: fc.option(fc.double({ min: 0.1, max: 10, noNaN: true }), { nil: undefined }),
          capacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          patience: fc.option(fc.double({ min: 1, max: 20, noNaN: true }), { nil: undefined }),
          priority: fc.boolean(),
          parallel: opts.parallel ? fc.boolean() : fc.constant(false),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      twoClasses: fc.boolean(),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      duration: fc.integer({ min: 200, max: 1500 }),
      warmup: fc.integer({ min: 0, max: 100 }),
    })
    .chain((spec) =>
      fc.tuple(...spec.steps.map((s) => dist(s.mean)), fc.constant(spec)).map((all) => {
        const s = all[all.length - 1] as typeof spec;
        const dists = all.slice(0, -1);
        return buildProject(s, dists as unknown[]);
      }),
    );

function buildProject(spec: any, dists: unknown[]): Project {
  const nodes: any[] = [{ id: 'in', kind: 'arrivals', name: 'Arrivals', arrivals: { mode: 'rate', rate: spec.rate, per: 'minute' } }];
  const edges: any[] = [];
  let prev = 'in';
  let e = 0;
  const connect = (source: string, target: string, probability?: number) =>
    edges.push({ id: `e${e++}`, source, target, ...(probability !== undefined ? { probability } : {}) });
  // Worst-case visit multiplier from rework (each loop at most 1/(1 − 0.4)); compounding over 6 loops.
  let visits = 1;
  spec.steps.forEach((st: any, i: number) => {
    if (st.rework) visits /= 1 - st.rework.p;
  });
  spec.steps.forEach((st: any, i: number) => {
    if (st.delay !== undefined) {
      const d = `delay${i}`;
      nodes.push({ id: d, kind: 'delay', name: `Delay ${i}`, departmentId: `d${st.dept}`, duration: { kind: 'exponential', mean: st.delay } });
      connect(prev, d);
      prev = d;
    }
    const id = `s${i}`;
    const load = spec.rate * visits * st.mean * 1.5; // 1.5: margin for the widest distribution's mean
    nodes.push({
      id,
      kind: 'step',
      name: `Step ${i}`,
      departmentId: `d${st.dept}`,
      staff: Math.max(1, Math.ceil(load / 0.6)),
      service: dists[i],
      discipline: st.priority ? 'priority' : 'fifo',
      ...(st.capacity !== undefined ? { capacity: st.capacity } : {}),
      ...(st.patience !== undefined ? { patience: { kind: 'exponential', mean: st.patience } } : {}),
    });
    if (st.parallel) {
      // Split → the step ‖ a delay → join.
      nodes.push({ id: `split${i}`, kind: 'split', name: `Split ${i}` }, { id: `join${i}`, kind: 'join', name: `Join ${i}` });
      nodes.push({ id: `branch${i}`, kind: 'delay', name: `Branch ${i}`, duration: { kind: 'exponential', mean: st.mean * 2 } });
      connect(prev, `split${i}`);
      connect(`split${i}`, id);
      connect(`split${i}`, `branch${i}`);
      connect(id, `join${i}`);
      connect(`branch${i}`, `join${i}`);
      prev = `join${i}`;
    } else {
      connect(prev, id);
      prev = id;
    }
    if (st.rework) {
      const dec = `r${i}`;
      nodes.push({ id: dec, kind: 'decision', name: `Rework ${i}?` });
      connect(prev, dec);
      const back = `s${st.rework.back % (i + 1)}`;
      connect(dec, back, st.rework.p);
      prev = dec;
      // The forward edge is added by the next connect with the remaining share.
      nextProbability = 1 - st.rework.p;
    }
  });
  connect(prev, 'out', takeNext());
  nodes.push({ id: 'out', kind: 'exit', name: 'Done' });
  // A node with a single way out carries no share.
  for (const n of nodes) {
    const out = edges.filter((x) => x.source === n.id);
    if (out.length === 1) delete out[0].probability;
  }
  // Fix the forward edges of rework decisions (added without a probability).
  for (const n of nodes) {
    if (n.kind !== 'decision') continue;
    const out = edges.filter((x) => x.source === n.id);
    const back = out.find((x) => x.probability !== undefined)!;
    for (const x of out) if (x !== back) x.probability = 1 - back.probability;
  }
  return Project.parse({
    formatVersion: 4,
    name: 'random',
    classes: spec.twoClasses
      ? [
          { id: 'a', name: 'A', share: 0.6, priority: 0 },
          { id: 'b', name: 'B', share: 0.4, priority: 1 },
        ]
      : [{ id: 'a', name: 'A', share: 1 }],
    run: { horizon: { kind: 'duration', duration: spec.duration }, warmup: spec.warmup, replications: { kind: 'fixed', count: 1 }, seed: spec.seed },
    scenarios: [{ id: 'base', name: 'Base', kind: 'baseline', flow: { departments: [0, 1, 2].map((d) => ({ id: `d${d}`, name: `Dept ${d}` })), nodes, edges } }],
  });
}
let nextProbability: number | undefined;
function takeNext() {
  const p = nextProbability;
  nextProbability = undefined;
  return p;
}

type Json = unknown;
const mutations: ((doc: any, pick: (n: number) => number, junk: Json) => void)[] = [
  (d, pick) => delete d.scenarios[0].flow.nodes[pick(d.scenarios[0].flow.nodes.length)].kind,
  (d, pick, junk) => (d.scenarios[0].flow.nodes[pick(d.scenarios[0].flow.nodes.length)].staff = junk),
  (d, pick) => (d.scenarios[0].flow.edges[pick(d.scenarios[0].flow.edges.length)].target = 'nowhere'),
  (d, pick) => d.scenarios[0].flow.edges.push({ ...d.scenarios[0].flow.edges[pick(d.scenarios[0].flow.edges.length)] }),
  (d, _p, junk) => (d.run.horizon = junk),
  (d) => (d.run.seed = -1),
  (d, _p, junk) => (d.classes = junk),
  (d) => (d.scenarios = []),
  (d, pick, junk) => (d.scenarios[0].flow.nodes[pick(d.scenarios[0].flow.nodes.length)].service = junk),
  (d) => (d.formatVersion = 2),
  (d) => (d.scenarios[0].kind = 'proposal'),
  (d, pick) => (d.scenarios[0].flow.nodes[pick(d.scenarios[0].flow.nodes.length)].id = 'in'),
  (d) => (d.scenarios[0].flow.nodes[0].arrivals = { mode: 'rate', rate: 1e308 * 10 }),
  (d, _p, junk) => (d.name = junk),
  (d) => (d.scenarios[0].flow.nodes = d.scenarios[0].flow.nodes.filter((n: any) => n.kind !== 'exit')),
  (d, pick) => (d.scenarios[0].flow.edges[pick(d.scenarios[0].flow.edges.length)].probability = 0.3),
];

/** A valid project's JSON with 1–3 random mutations applied. */
export const arbMutatedDocument = () =>
  fc
    .tuple(arbValidProject(), fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(), fc.jsonValue()), { minLength: 1, maxLength: 3 }))
    .map(([project, muts]) => {
      const doc = JSON.parse(JSON.stringify(project));
      for (const [m, seed, junk] of muts) {
        try {
          mutations[m]!(doc, (n) => (n > 0 ? seed % n : 0), junk);
        } catch {
          // a mutation that does not apply to this document leaves it as it is
        }
      }
      return doc as unknown;
    });
