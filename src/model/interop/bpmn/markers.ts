// Loop and multi-instance markers on tasks, with the node kinds the engine has: a standard loop is
// rework (a share goes back to the step), a parallel multi-instance a split into N parts that all
// go through the step and meet at a join, a sequential one N services in a row (one longer service).
import type { Distribution } from '../../schema';
import { type El, type Note, label } from './read';
import { FlowDraft, beside, percent } from './graph';

export interface MarkerOptions {
  /** Share sent back to a looping step when the file gives no loop maximum. */
  loopShare: number;
  /** Instances of a multi-instance task when the file gives no number. */
  instances: number;
}

/** The sum of n independent draws, approximated in the same family (exponential → Erlang exactly; constant and uniform-like ones scaled). */
export function repeatService(d: Distribution, n: number): Distribution {
  const r = Math.sqrt(n);
  switch (d.kind) {
    case 'constant':
      return { kind: 'constant', value: d.value * n };
    case 'exponential':
      return n === 1 ? d : { kind: 'erlang', mean: d.mean * n, k: n };
    case 'erlang':
      return { kind: 'erlang', mean: d.mean * n, k: d.k * n };
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return { ...d, mean: d.mean * n, sd: d.sd * r };
    case 'uniform':
      return { kind: 'uniform', min: d.min * n, max: d.max * n };
    case 'triangular':
      return { kind: 'triangular', min: d.min * n, mode: d.mode * n, max: d.max * n };
    case 'empirical':
      return { ...d, values: d.values.map((v) => v * n) };
  }
}

const numberIn = (x: unknown): number | undefined => {
  const text = typeof x === 'number' ? String(x) : typeof x === 'string' ? x : typeof (x as El | undefined)?.body === 'string' ? String((x as El).body) : '';
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/**
 * Applies the marker `lc` of the step `stepId` (the BPMN element `e`). Returns the node after
 * which the step's work is done (the join for parallel instances), for boundary events.
 */
export function applyMarker(draft: FlowDraft, stepId: string, e: El, lc: El, options: MarkerOptions, note: Note): string {
  const step = draft.node(stepId);
  if (!step || step.kind !== 'step') return stepId;
  if (lc.$type === 'bpmn:StandardLoopCharacteristics') {
    const max = numberIn(lc.loopMaximum);
    let share: number;
    if (max !== undefined && max >= 1) {
      if (max < 2) {
        note('info', `Loop on ${label(e)}: at most ${max} round, so the step runs once.`, e.id);
        return stepId;
      }
      // Mean runs halfway between 1 and the maximum: 1 / (1 − share) = (1 + max) / 2.
      share = 1 - 2 / (1 + max);
      note('info', `Loop on ${label(e)} (at most ${max} rounds): simulated as rework — ${percent(share)} go back to the step, so it runs ${+((1 + max) / 2).toFixed(2)} times on average (halfway between 1 and the maximum; a few may go past it).`, e.id);
    } else {
      share = options.loopShare;
      note('info', `Loop on ${label(e)} (no maximum in the file): simulated as rework — ${percent(share)} go back to the step, ${+(1 / (1 - share)).toFixed(2)} runs on average; change the share on the decision after it.`, e.id);
    }
    const again = draft.insertAfter(stepId, { id: `${stepId}-again`, name: `${step.name} again?`, kind: 'decision', mode: 'probability', position: beside(step, 200, 110) });
    FlowDraft.scaleShares(draft.out(again.id), 1 - share);
    draft.connect(again.id, stepId, { probability: share, label: 'again' });
    return stepId;
  }
  if (lc.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return stepId;
  const given = numberIn(lc.loopCardinality);
  const n = given !== undefined && given >= 1 ? Math.min(50, Math.round(given)) : options.instances;
  const whence = given !== undefined && given >= 1 ? `${n} instances, from the file` : `${n} instances assumed, as the file gives no number`;
  if (n === 1) {
    note('info', `Multi-instance ${label(e)}: 1 instance, so the step runs once.`, e.id);
    return stepId;
  }
  if (lc.isSequential) {
    step.service = repeatService(step.service, n);
    note('info', `Sequential multi-instance ${label(e)} (${whence}): one service ${n} times as long (${n} services in a row)${given !== undefined && given >= 1 ? '' : '; change the processing time on the step to change it'}.`, e.id);
    return stepId;
  }
  const split = draft.add({ id: `${stepId}-parts`, name: `${step.name} (${n} parts)`, kind: 'split', position: beside(step, -160, -90) });
  for (const edge of draft.in(stepId)) edge.target = split.id;
  draft.touched();
  for (let k = 0; k < n; k++) draft.connect(split.id, stepId);
  const join = draft.insertAfter(stepId, { id: `${stepId}-meet`, name: `${step.name} (all parts done)`, kind: 'join', position: beside(step, 200, -90) });
  note('info', `Parallel multi-instance ${label(e)} (${whence}): a parallel split sends ${n} parts of the case through the step at once; they meet at a join after it${given !== undefined && given >= 1 ? '' : ' (connect the split to the step more or fewer times to change the number)'}.`, e.id);
  return join.id;
}
