// Format 3 → 4: a rate per day or week with an hourly profile (`schedule`) used to be an hourly rate
// (rate ÷ 24 or ÷ 168) scaled by the multipliers, so "40 a day" with closed hours gave fewer than
// 40 a day. From format 4 the rate is the volume of the day or week and the profile only spreads
// it. Older files are rewritten to the number of customers they really gave, with a note for the
// load report whenever the written number changes.
import { formatLimit } from './limits';

type Doc = Record<string, unknown>;
const isObj = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const tidy = (x: number) => Number(x.toPrecision(10));

/**
 * The new rate and period that keep an old arrivals node's meaning, or undefined when nothing needs
 * to change. `per` is 'day' or 'week'; multipliers are 24 (daily) or 168 (weekly) numbers.
 */
export function keepVolumeMeaning(rate: number, per: 'day' | 'week', multipliers: readonly number[]): { rate: number; per: 'day' | 'week' } | undefined {
  const s = sum(multipliers);
  if (!(s > 0) || !Number.isFinite(s)) return undefined;
  const weekly = multipliers.length === 168;
  // Old hourly rate in hour h: rate / (24 or 168) × m_h. New: the period's volume × m_h / (sum over the day or week).
  let out: { rate: number; per: 'day' | 'week' };
  if (per === 'day' && !weekly) out = { rate: (rate * s) / 24, per: 'day' };
  else if (per === 'day') out = { rate: (rate * s) / 24, per: 'week' };
  else if (weekly) out = { rate: (rate * s) / 168, per: 'week' };
  else out = { rate: (rate * s) / 24, per: 'week' };
  out.rate = tidy(out.rate);
  if (out.per === per && Math.abs(out.rate - rate) <= 1e-9 * rate) return undefined;
  return out;
}

/** Rewrites the arrivals of a format-3 document in place of a copy; returns the notes. */
export function migrateVolumes(doc: Doc): { doc: Doc; notes: string[] } {
  const notes: string[] = [];
  if (!Array.isArray(doc.scenarios)) return { doc, notes };
  const scenarios = doc.scenarios.map((sc: unknown) => {
    if (!isObj(sc) || !isObj(sc.flow) || !Array.isArray(sc.flow.nodes)) return sc;
    const nodes = sc.flow.nodes.map((node: unknown) => {
      if (!isObj(node) || node.kind !== 'arrivals' || !isObj(node.arrivals) || !isObj(node.schedule)) return node;
      const a = node.arrivals;
      const m = node.schedule.multipliers;
      if (a.mode !== 'rate' || typeof a.rate !== 'number' || (a.per !== 'day' && a.per !== 'week')) return node;
      if (!Array.isArray(m) || !(m.length === 24 || m.length === 168) || !m.every((x) => typeof x === 'number' && Number.isFinite(x))) return node;
      const kept = keepVolumeMeaning(a.rate, a.per, m as number[]);
      if (!kept) return node;
      const where = typeof sc.name === 'string' ? ` (${sc.name})` : '';
      const name = typeof node.name === 'string' ? node.name : String(node.id);
      notes.push(
        `"${name}"${where}: ${formatLimit(a.rate)} customers per ${a.per} with an hourly profile now means ${formatLimit(a.rate)} in each ${a.per}; ` +
          `the file's arrivals are kept as they were, now written as ${formatLimit(kept.rate)} per ${kept.per}.`,
      );
      return { ...node, arrivals: { ...a, rate: kept.rate, per: kept.per } };
    });
    return { ...sc, flow: { ...sc.flow, nodes } };
  });
  return { doc: { ...doc, scenarios }, notes };
}
