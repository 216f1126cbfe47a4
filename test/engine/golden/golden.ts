// Golden results: each shipped example (and variants that exercise the shift-end modes) run with
// a fixed seed and replication count, plus a fingerprint of the Watch trace of one replication.
// The engine must reproduce these bytes exactly; they change only on purpose, through
// `npm run golden:update`, with the reason in the commit message.
import { EXAMPLES } from '../../../src/model/examples';
import type { Project } from '../../../src/model/schema';
import { runExperiment } from '../../../src/engine/experiment';
import { simulateReplication } from '../../../src/engine/simulate';

export const GOLDEN_REPLICATIONS = 3;
export const GOLDEN_SEED = 20261201;

/** Every shift plan in the project set to one shift-end mode. */
function withShiftEnd(project: Project, mode: 'serve-waiting' | 'hand-over'): Project {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      if ('repeat' in o && Array.isArray(o.staff)) o.atShiftEnd = mode;
      return o;
    }
    return v;
  };
  return walk(project) as Project;
}

function goldenProject(id: string): Project {
  const [exampleId, variant] = id.split('+');
  const example = EXAMPLES.find((e) => e.id === exampleId);
  if (!example) throw new Error(`no example ${exampleId}`);
  if (variant === 'serve-waiting' || variant === 'hand-over') return withShiftEnd(example.project, variant);
  return example.project;
}

export const goldenIds = (): string[] => [...EXAMPLES.map((e) => e.id), 'contact-centre+serve-waiting', 'contact-centre+hand-over'];

export function goldenText(id: string): string {
  const doc = runExperiment(goldenProject(id), { replications: GOLDEN_REPLICATIONS, seed: GOLDEN_SEED, timelineBins: 12 });
  return JSON.stringify(doc, null, 1) + '\n';
}

/** Count and FNV-1a fingerprint of the Watch trace of replication 0 of every scenario. */
export function traceText(): string {
  const out: Record<string, { events: number; fingerprint: string }> = {};
  for (const id of goldenIds()) {
    const project = goldenProject(id);
    for (const s of project.scenarios) {
      let h = 0x811c9dc5;
      let n = 0;
      const mix = (x: number) => {
        const s = String(x);
        for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
        h = Math.imul(h ^ 44, 0x01000193);
      };
      simulateReplication(project, s.id, 0, {
        trace: (kind, time, customer, cls, a, b) => {
          n++;
          mix(kind), mix(time), mix(customer), mix(cls), mix(a), mix(b);
        },
      });
      out[`${id}/${s.id}`] = { events: n, fingerprint: (h >>> 0).toString(16).padStart(8, '0') };
    }
  }
  return JSON.stringify(out, null, 1) + '\n';
}

export const goldenFile = (id: string): string => new URL(`./${id}.json`, import.meta.url).pathname;
export const traceFile = (): string => new URL('./traces.json', import.meta.url).pathname;
