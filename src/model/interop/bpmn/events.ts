// Events: how long a timer waits (ISO 8601, else read from its name: "7 days", "24 Hours", "15m",
// "7 Tage"), and boundary events, simulated with the node kinds the engine has — a share of the
// step's customers leaves through the event's path.
import { isoDurationMinutes } from '../bpsim';
import type { FlowEdge } from '../../schema';
import { type El, type Note, label, list, word } from './read';
import { FlowDraft, beside, percent } from './graph';

const UNITS: [RegExp, number][] = [
  [/^(s|secs?|seconds?|sek|sekunden?)$/i, 1 / 60],
  [/^(m|mins?|minutes?|minuten?)$/i, 1],
  [/^(h|hrs?|hours?|std|stunden?)$/i, 60],
  [/^(d|days?|tage?n?|werktage?n?|business days?|working days?)$/i, 1440],
  [/^(w|wks?|weeks?|wochen?)$/i, 10080],
  [/^(months?|monate?n?)$/i, 43200],
  [/^(y|yrs?|years?|jahre?n?)$/i, 525600],
];
const ONE = /^(a|an|one|ein|eine|einen|einem)$/i;

/** A duration written in words in a name ("Wait 7 days", "24 Hours", "15m", "7 Tage", "one week"), in minutes. */
export function durationFromName(name: string): number | undefined {
  const re = /(\d+(?:[.,]\d+)?|\b[A-Za-z]+)\s*-?\s*([A-Za-zäöü]+)\b/g;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const [, amount, unit] = m as unknown as [string, string, string];
    const n = ONE.test(amount) ? 1 : Number(amount.replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0) {
      re.lastIndex = m.index + amount.length; // "a" may be a word; try the unit as the next amount
      continue;
    }
    const factor = UNITS.find(([u]) => u.test(unit))?.[1];
    if (factor !== undefined) return n * factor;
    re.lastIndex = m.index + amount.length;
  }
  return undefined;
}

/** How long a timer event waits, in minutes, and where that came from. */
export function timerMinutes(e: El): { minutes: number; from: 'file' | 'name' | 'default'; text: string } {
  const timer = list(e.eventDefinitions).find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const body = (k: string) => String((timer?.[k] as El | undefined)?.body ?? '').trim();
  const text = body('timeDuration') || body('timeCycle') || body('timeDate');
  // A cycle "R3/PT10H" waits its period.
  const iso = isoDurationMinutes(body('timeDuration')) ?? isoDurationMinutes(/P[^/]*$/.exec(body('timeCycle'))?.[0] ?? '');
  if (iso !== undefined && iso > 0) return { minutes: iso, from: 'file', text };
  const named = durationFromName(`${e.name ?? ''} ${text}`);
  if (named !== undefined) return { minutes: named, from: 'name', text };
  return { minutes: 60, from: 'default', text };
}

export interface Boundary {
  el: El;
  /** The node (step) it is attached to. */
  attachedTo: string;
  interrupting: boolean;
  /** Share of the step's customers that leave through the event's path. */
  share: number;
  /** Where the share came from, for the report. */
  source: string;
}

const kindOf = (b: El) => {
  const defs = list(b.eventDefinitions).map((d) => word(d.$type).replace(/ event definition$/, ''));
  return defs.length ? defs.join(' / ') : 'plain';
};

/**
 * Boundary events after their step: a decision right after the step sends the event's share
 * down the event's path. Interrupting: those customers leave the step's normal path. Not
 * interrupting: they are split in two parts, one going on normally and one taking the event's
 * path (the case leaves when both parts are done). `tagged` says which connections out of the
 * step came from which boundary event (the rest are the normal path).
 */
export function applyBoundaries(draft: FlowDraft, boundaries: Boundary[], tagged: Map<FlowEdge, El>, note: Note): void {
  const byNode = new Map<string, Boundary[]>();
  for (const b of boundaries) byNode.set(b.attachedTo, [...(byNode.get(b.attachedTo) ?? []), b]);
  for (const [stepId, list] of byNode) {
    const step = draft.node(stepId)!;
    const outs = draft.out(stepId);
    const pathOf = (b: Boundary) => outs.filter((e) => tagged.get(e) === b.el);
    let normal = outs.filter((e) => !tagged.has(e));
    const active = list.filter((b) => {
      if (pathOf(b).length > 0 || b.interrupting) return true;
      note('info', `Boundary event ${label(b.el)} on ${label({ $type: '', name: step.name })} does not interrupt and nothing follows it: it changes nothing here.`, b.el.id);
      return false;
    });
    if (active.length === 0) continue;
    // The normal path as one connection: a new exit when the step ended the path, a decision holding the shares when there were several.
    if (normal.length === 0) {
      const end = draft.add({ id: `${stepId}-end`, name: `After ${step.name}`, kind: 'exit', position: beside(step, 250) });
      normal = [draft.connect(stepId, end.id)];
    } else if (normal.length > 1) {
      const fork = draft.insertAfter(stepId, { id: `${stepId}-next`, name: `After ${step.name}`, kind: 'decision', mode: 'probability', position: beside(step, 250, 80) }, normal);
      normal = draft.out(stepId).filter((e) => e.target === fork.id);
    }
    let total = active.reduce((s, b) => s + b.share, 0);
    if (total >= 1) {
      for (const b of active) b.share *= 0.9 / total;
      note('warning', `The events on "${step.name}" took all its customers (${percent(total)}): scaled down to 90 % together so that some go on normally.`, stepId);
      total = 0.9;
    }
    const decide = draft.insertAfter(stepId, { id: `${stepId}-event`, name: `${step.name}: event?`, kind: 'decision', mode: 'probability', position: beside(step, 120, 110) }, [...normal, ...active.flatMap(pathOf)]);
    const cont = normal[0]!;
    cont.probability = 1 - total;
    for (const b of active) {
      let path = pathOf(b);
      if (path.length === 0) {
        const end = draft.add({ id: `${b.el.id ?? stepId}-end`, name: `${b.el.name ? b.el.name.replace(/\s+/g, ' ').trim() : 'Event'} (end)`, kind: 'exit', position: beside(step, 120, 230) });
        path = [draft.connect(decide.id, end.id)];
      }
      const how = `${b.interrupting ? 'interrupting' : 'non-interrupting'} ${kindOf(b.el)} boundary event ${label(b.el)} on "${step.name}"`;
      if (b.interrupting) {
        for (const e of path) e.probability = b.share / path.length;
        note('info', `The ${how}: ${percent(b.share)} of the step's customers (${b.source}) leave through its path after the step instead of going on; its timing is not simulated.`, b.el.id);
      } else {
        const split = draft.add({ id: `${b.el.id ?? stepId}-split`, name: `${b.el.name ? b.el.name.replace(/\s+/g, ' ').trim() : 'Event'} (also)`, kind: 'split', position: beside(step, 250, 200) });
        for (const e of path) {
          e.source = split.id;
          draft.touched();
          delete e.probability;
        }
        draft.connect(split.id, cont.target);
        draft.connect(decide.id, split.id, { probability: b.share });
        note('info', `The ${how}: for ${percent(b.share)} of the step's customers (${b.source}) a second part takes its path while the case goes on normally (a parallel split); its timing is not simulated.`, b.el.id);
      }
    }
  }
}
