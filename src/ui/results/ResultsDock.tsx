// The results below the canvas in a panel of their own: drag its top edge to give the canvas or the
// results more room, hide it to see the whole flow, or open it over the whole work area.
// Before there is anything to show, the panel is a slim bar with a word on what will appear there:
// the flow keeps the room. It opens when the first figures arrive, not at the click on Run all, so
// the click itself does not lay the flow out again (that was its longest task, docs/performance.md).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useApp } from '../context';
import { FIT_VIEW } from '../editor/layout';

export type DockMode = 'open' | 'hidden' | 'full';
const MIN = 120;
const KEY = 'serviceflow:results-height';

/** The height the results get: the wanted height, kept between MIN and the room left above the canvas' minimum. */
export function clampHeight(wanted: number, room: number, canvasMin = 160): number {
  const max = Math.max(MIN, room - canvasMin);
  return Math.round(Math.min(max, Math.max(MIN, wanted)));
}

export function ResultsDock({ children }: { children: ReactNode }) {
  const shown = useApp((s) => s.results !== undefined || s.early !== undefined || (s.runStatus !== 'idle' && s.runStatus !== 'running'));
  const running = useApp((s) => s.runStatus === 'running');
  const [mode, setMode] = useState<DockMode>('open');
  const [height, setHeight] = useState<number | undefined>(() => {
    const v = Number(typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : NaN);
    return Number.isFinite(v) && v > 0 ? v : undefined;
  });
  const dock = useRef<HTMLDivElement>(null);
  const rf = useReactFlow();
  // The canvas changes size with the dock: fit the flow again once it has settled.
  const [refit, setRefit] = useState(0);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the canvas fits the flow itself when it first shows
      return;
    }
    const t = setTimeout(() => void rf.fitView({ ...FIT_VIEW, duration: 200 }), 60);
    return () => clearTimeout(t);
  }, [rf, refit, mode, shown]);
  const room = () => dock.current?.parentElement?.getBoundingClientRect().height ?? 600;

  // A new run brings hidden results back.
  useEffect(() => {
    if (running) setMode((m) => (m === 'hidden' ? 'open' : m));
  }, [running]);

  const startDrag = useCallback((e: React.PointerEvent) => {
    e.preventDefault();
    const startY = e.clientY;
    const startH = dock.current?.getBoundingClientRect().height ?? 300;
    setMode('open');
    const move = (ev: PointerEvent) => setHeight(clampHeight(startH + (startY - ev.clientY), room()));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setHeight((h) => {
        if (h !== undefined) localStorage.setItem(KEY, String(h));
        return h;
      });
      setRefit((n) => n + 1);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, []);

  const nudge = (by: number) => {
    const h = clampHeight((dock.current?.getBoundingClientRect().height ?? 300) + by, room());
    setHeight(h);
    localStorage.setItem(KEY, String(h));
    setRefit((n) => n + 1);
  };

  if (!shown) {
    return (
      <div ref={dock} className="sf-dock sf-dock--slim" data-testid="results-dock" data-mode="slim">
        <div className="sf-dock__bar">
          <span className="sf-dock__empty" data-testid="results-empty">
            {running ? 'Simulating… the first figures appear here in a moment.' : <>Results appear here: <strong>▶ Run all</strong> simulates every scenario and shows where customers wait, how long, and how precise each figure is.</>}
          </span>
        </div>
      </div>
    );
  }
  const style = mode === 'open' ? { height: height !== undefined ? `${height}px` : '36%' } : undefined;
  return (
    <div ref={dock} className={`sf-dock sf-dock--${mode}`} style={style} data-testid="results-dock" data-mode={mode}>
      <div className="sf-dock__bar">
        <div
          className="sf-dock__handle"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Drag to resize the results (arrow keys also work)"
          tabIndex={0}
          onPointerDown={startDrag}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp') nudge(40);
            if (e.key === 'ArrowDown') nudge(-40);
          }}
          data-testid="results-resize"
        />
        {mode === 'hidden' && <span className="sf-dock__title">Results are hidden</span>}
        <span className="sf-header__spacer" />
        {mode !== 'full' && (
          <button className="sf-link" onClick={() => setMode('full')} data-testid="results-full" title="The results over the whole work area">
            ⤢ Full view
          </button>
        )}
        {mode !== 'open' && (
          <button className="sf-link" onClick={() => setMode('open')} data-testid="results-open" title="Results below the flow">
            {mode === 'full' ? '⤡ Back to the flow' : '▴ Show results'}
          </button>
        )}
        {mode !== 'hidden' && (
          <button className="sf-link" onClick={() => setMode('hidden')} data-testid="results-hide" title="Hide the results to see the whole flow">
            ▾ Hide
          </button>
        )}
      </div>
      <div className="sf-dock__body" hidden={mode === 'hidden'}>
        {children}
      </div>
    </div>
  );
}
