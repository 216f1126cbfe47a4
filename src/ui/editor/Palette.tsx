import type { NodeKind } from '../../model/schema';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../context';
import { activeScenario } from '../store';
import * as edits from '../store/edits';
import { PALETTE_MIME } from './Canvas';
import { placeNewNode } from './layout';

const ITEMS: { kind: NodeKind; label: string; hint: string }[] = [
  { kind: 'arrivals', label: 'Arrivals', hint: 'where customers come in' },
  { kind: 'step', label: 'Step', hint: 'work done by staff of a department' },
  { kind: 'delay', label: 'Delay', hint: 'time passing without staff: mail, handoff' },
  { kind: 'decision', label: 'Decision', hint: 'routes customers by share or by class' },
  { kind: 'split', label: 'Parallel split', hint: 'the case goes along every path at once (e.g. two checks at the same time)' },
  { kind: 'join', label: 'Join', hint: 'waits until every part of the case is done, then goes on' },
  { kind: 'exit', label: 'Exit', hint: 'where customers leave' },
];

/** Add a node by clicking (placed in the middle of the view) or by dragging onto the canvas. */
export function Palette() {
  const store = useAppStore();
  const rf = useReactFlow();
  const add = (kind: NodeKind) => {
    const s = store.getState();
    const scenario = activeScenario(s);
    const el = document.querySelector('.sf-canvas');
    const rect = el?.getBoundingClientRect();
    const centre = rect ? rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    let id = '';
    s.edit((p) => {
      // A free place near the centre of the view, in the band of the department it belongs to.
      const place = placeNewNode(scenario, kind, { x: Math.round(centre.x - 90), y: Math.round(centre.y - 45) });
      const r = edits.addNode(p, scenario.id, kind, place.position, place.departmentId);
      id = r.id;
      return r.project;
    });
    s.select({ nodes: [id], edges: [] });
  };
  return (
    <aside className="sf-palette" aria-label="Add to the flow">
      <div className="sf-panel-title">Add</div>
      {ITEMS.map((it) => (
        <button
          key={it.kind}
          type="button"
          className={`sf-palette__item sf-palette__item--${it.kind}`}
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, it.kind);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => add(it.kind)}
          title={`${it.label}: ${it.hint}. Click to add, or drag onto the canvas.`}
          data-testid={`palette-${it.kind}`}
        >
          <span className="sf-palette__icon" aria-hidden="true" />
          <span>{it.label}</span>
        </button>
      ))}
    </aside>
  );
}
