// Customer classes from a case attribute the user picks: one class per value, its share of the
// cases as its share of arrivals. Cases without a value form a class "Other". Without an
// attribute: one class, "Case". Routing is shared by all classes; discover.ts gives a class its
// own service time at a step where its mean differs by more than 10 %.
import type { EventLog } from '../model/interop/eventlog/types';
import type { CustomerClass } from '../model/schema';
import type { CaseIndex } from './cases';
import type { ReportLine } from './types';
import { idMaker } from './ids';

const MAX_CLASSES = 50;
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function discoverClasses(
  log: EventLog,
  _cases: CaseIndex,
  attribute: string | undefined,
  say: (topic: ReportLine['topic'], message: string, severity?: ReportLine['severity']) => void,
): { classes: CustomerClass[]; classOfCase: Int32Array | undefined } {
  const single = { classes: [{ id: 'case', name: 'Case', share: 1, priority: 0, color: COLORS[0]! }], classOfCase: undefined };
  if (!attribute) return single;
  const attr = log.caseAttributes.find((a) => a.name === attribute);
  if (!attr) {
    say('classes', `The log has no case attribute “${attribute}”: one class of customers is used.`, 'warning');
    return single;
  }
  const counts = new Float64Array(attr.values.length + 1);
  for (let c = 0; c < log.cases.length; c++) counts[attr.valueOf[c]! >= 0 ? attr.valueOf[c]! : attr.values.length]! += 1;
  const used = [...counts.keys()].filter((k) => counts[k]! > 0);
  if (used.length > MAX_CLASSES) {
    say('classes', `“${attribute}” has ${used.length} different values, too many for customer classes (at most ${MAX_CLASSES}): one class is used.`, 'warning');
    return single;
  }
  const makeId = idMaker();
  const idOf = new Map<number, number>();
  const classes: CustomerClass[] = used.map((k, i) => {
    idOf.set(k, i);
    const name = (k < attr.values.length ? attr.values[k]! : 'Other').slice(0, 120) || 'Empty';
    return { id: makeId(name), name, share: counts[k]!, priority: 0, color: COLORS[i % COLORS.length]! };
  });
  const classOfCase = new Int32Array(log.cases.length);
  for (let c = 0; c < log.cases.length; c++) classOfCase[c] = idOf.get(attr.valueOf[c]! >= 0 ? attr.valueOf[c]! : attr.values.length)!;
  say('classes', `Customer classes from “${attribute}”: ${classes.map((c) => `${c.name} (${Math.round((c.share / log.cases.length) * 100)} %)`).join(', ')}. Routing is shared by all classes; service times too, except where a class's differ (below).`);
  return { classes, classOfCase };
}
