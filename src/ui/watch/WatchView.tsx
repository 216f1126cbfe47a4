// "Watch": the flow animated while one replication runs in a worker. Customers move along the
// flow as dots in their class colour, queues grow and shrink as stacks of dots, busy staff are
// filled squares, and the simulated clock runs at an adjustable speed. With "together", the
// baseline and a proposal play on the same clock with the same arrivals (same seed and
// replication). Events come from the worker in batches (src/worker/watch.ts); this thread only
// replays them and draws on a canvas, updating counters through refs rather than React renders.
import { staffOnDuty } from './onDuty';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project, Scenario } from '../../model/schema';
import { MINUTES_PER_UNIT } from '../../model/schema';
import { baselineId } from '../store/documentSlice';
import { flowPicture, type FlowPicture } from '../picture/flowSvg';
import { startWatch, type WatchHandle } from '../../worker/watch';
import { Playback, type Flight } from './playback';
import { formatClock } from './clock';

/** Simulated seconds per real second. */
export const SPEEDS = [1, 10, 100, 1000, 10_000, 100_000];
const FLIGHT_MS = 650;
const MAX_FLIGHTS = 400;

interface Pane {
  scenario: Scenario;
  picture: FlowPicture;
  playback: Playback;
  flights: { f: Flight; born: number }[];
  status: string;
}

/** Two flows side by side when that draws them larger than one above the other (pane chrome: ~40 px of counters, ~30 px of padding). */
export function twoPanesSideBySide(area: { w: number; h: number }, picture: { width: number; height: number }): boolean {
  const padX = 24;
  const chromeY = 60;
  const gap = 10;
  const side = Math.min(((area.w - gap) / 2 - padX) / picture.width, (area.h - chromeY) / picture.height);
  const stacked = Math.min((area.w - padX) / picture.width, ((area.h - gap) / 2 - chromeY) / picture.height);
  return side >= stacked;
}

export function WatchView({ project, scenarioId, onClose }: { project: Project; scenarioId: string; onClose: () => void }) {
  const current = project.scenarios.find((s) => s.id === scenarioId)!;
  const partner = current.kind === 'baseline' ? project.scenarios.find((s) => s.kind === 'proposal') : project.scenarios.find((s) => s.id === baselineId(project));
  const [together, setTogether] = useState(false);
  const [playing, setPlaying] = useState(true);
  const [speed, setSpeed] = useState(1000);
  const shown = useMemo(() => (together && partner ? (current.kind === 'baseline' ? [current, partner] : [partner, current]) : [current]), [together, partner, current]);
  const clockRef = useRef<HTMLSpanElement>(null);
  const panesRef = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState({ w: 1200, h: 600 });
  useEffect(() => {
    const el = panesRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setArea({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const counters = useRef<(HTMLDivElement | null)[]>([]);
  const state = useRef({ playing, speed, simTime: 0, jump: false });
  state.current.playing = playing;
  state.current.speed = speed;

  const panes = useMemo<Pane[]>(
    () =>
      shown.map((scenario) => ({
        scenario,
        picture: flowPicture(scenario, { unit: project.timeUnit, compact: true, classNames: Object.fromEntries(project.classes.map((c) => [c.id, c.name])) }),
        playback: new Playback(
          scenario.flow.nodes.map((n) => n.kind),
          project.classes.length,
        ),
        flights: [],
        status: 'Simulating…',
      })),
    [shown, project],
  );

  // One worker per pane streams its run; the clock starts again from 0 when the panes change.
  useEffect(() => {
    state.current.simTime = 0;
    const handles: WatchHandle[] = panes.map((pane) =>
      startWatch(project, pane.scenario.id, (batch, end) => {
        pane.playback.push(batch);
        if (end) {
          pane.playback.finish(end.endTime);
          pane.status = !end.ok ? `The run stopped: ${end.message}` : end.truncated ? 'Showing the start of the run (it is too long to watch whole).' : '';
        }
      }),
    );
    return () => handles.forEach((h) => h.stop());
  }, [panes, project]);

  // The animation loop.
  useEffect(() => {
    let raf = 0;
    let last = performance.now();
    const secondsPerUnit = 60 * MINUTES_PER_UNIT[project.timeUnit];
    const colors = project.classes.map((c) => c.color);
    const frame = (now: number) => {
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      const st = state.current;
      const horizon = Math.min(...panes.map((p) => p.playback.horizon));
      if (st.jump) {
        st.jump = false;
        if (panes.every((p) => p.playback.complete)) st.simTime = horizon;
      } else if (st.playing) st.simTime = Math.min(horizon, st.simTime + (dt * st.speed) / secondsPerUnit);
      panes.forEach((pane, i) => {
        pane.playback.advance(st.simTime, (f) => {
          if (pane.flights.length < MAX_FLIGHTS) pane.flights.push({ f, born: now });
        });
        pane.flights = pane.flights.filter((x) => now - x.born < FLIGHT_MS);
        const canvas = canvases.current[i];
        if (canvas) draw(canvas, pane, project, colors, now);
        const box = counters.current[i];
        if (box) {
          const p = pane.playback;
          let waiting = 0;
          for (let k = 0; k < p.waiting.length; k++) waiting += p.waiting[k]!;
          setText(box, 'waiting', String(waiting));
          setText(box, 'gave-up', String(p.gaveUp + p.turnedAway));
          setText(box, 'served', String(p.served));
          setText(box, 'inside', String(p.inside));
          setText(box, 'status', pane.status);
        }
      });
      if (clockRef.current) clockRef.current.textContent = formatClock(st.simTime, project.timeUnit, project.run.start) + (st.simTime >= horizon && panes.every((p) => p.playback.complete) ? ' · end of the run' : '');
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [panes, project]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      if (e.key === ' ' && (e.target as HTMLElement).tagName !== 'BUTTON') {
        e.preventDefault();
        setPlaying((p) => !p);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="sf-watch" data-testid="watch">
      <div className="sf-watch__toolbar">
        <strong>Watch</strong>
        <button className="sf-button" onClick={() => setPlaying((p) => !p)} data-testid="watch-play" aria-pressed={playing}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label>
          Speed{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="watch-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s.toLocaleString('en')}×
              </option>
            ))}
          </select>
        </label>
        <button className="sf-button" onClick={() => (state.current.jump = true)} data-testid="watch-end" title="Show the state at the end of the run">
          Jump to end
        </button>
        <span className="sf-watch__clock" data-testid="watch-clock" ref={clockRef} />
        {partner && (
          <label className="sf-watch__together">
            <input type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} data-testid="watch-together" /> Together with “{partner.name}” (same arrivals, same clock)
          </label>
        )}
        <span className="sf-header__spacer" />
        <span className="sf-muted">Real time × speed · one run, seed {project.run.seed}</span>
        <button className="sf-button" onClick={onClose} data-testid="watch-close">
          Close
        </button>
      </div>
      <div ref={panesRef} className={`sf-watch__panes ${panes.length > 1 ? `is-two is-${twoPanesSideBySide(area, panes[0]!.picture) ? 'side' : 'stacked'}` : ''}`}>
        {panes.map((pane, i) => (
          <section key={pane.scenario.id} className="sf-watch__pane" data-testid={`watch-pane-${pane.scenario.id}`}>
            <div className="sf-watch__counters" ref={(el) => void (counters.current[i] = el)}>
              <strong>{pane.scenario.name}</strong>
              <span>
                Waiting now <b data-k="waiting">0</b>
              </span>
              <span>
                Gave up or turned away <b data-k="gave-up">0</b>
              </span>
              <span>
                Served <b data-k="served">0</b>
              </span>
              <span>
                Inside <b data-k="inside">0</b>
              </span>
              <span className="sf-muted" data-k="status" />
            </div>
            <div className="sf-watch__stage" style={{ aspectRatio: `${pane.picture.width} / ${pane.picture.height}` }}>
              <div className="sf-watch__flow" dangerouslySetInnerHTML={{ __html: pane.picture.svg }} />
              <canvas ref={(el) => void (canvases.current[i] = el)} data-testid={`watch-canvas-${pane.scenario.id}`} />
            </div>
          </section>
        ))}
      </div>
      <div className="sf-watch__legend">
        {project.classes.map((c) => (
          <span key={c.id}>
            <i style={{ background: c.color }} /> {c.name}
          </span>
        ))}
        <span>
          <i className="sf-watch__busy" /> busy staff
        </span>
        <span>
          <i className="sf-watch__idle" /> free staff
        </span>
      </div>
    </div>
  );
}

function setText(box: HTMLElement, key: string, text: string): void {
  const el = box.querySelector<HTMLElement>(`[data-k="${key}"]`);
  if (el && el.textContent !== text) el.textContent = text;
}

/** Draws queues, busy staff and moving customers over the flow picture. */
function draw(canvas: HTMLCanvasElement, pane: Pane, project: Project, colors: string[], now: number): void {
  const rect = canvas.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(rect.width * dpr);
  const h = Math.round(rect.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx || w === 0) return;
  // The same fit as the SVG underneath (preserveAspectRatio "xMidYMid meet").
  const fit = Math.min(rect.width / pane.picture.width, rect.height / pane.picture.height);
  const offX = (rect.width - pane.picture.width * fit) / 2;
  const offY = (rect.height - pane.picture.height * fit) / 2;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(fit * dpr, 0, 0, fit * dpr, offX * dpr, offY * dpr);
  const nodes = pane.scenario.flow.nodes;
  const p = pane.playback;
  const classes = project.classes.length;
  nodes.forEach((n, i) => {
    const b = pane.picture.boxes.get(n.id)!;
    if (n.kind === 'step') {
      // Staff on duty now (its shift plan's hour, or its pool's): one square each above the node,
      // filled when busy. A pool's free members are shown at each of its steps.
      const duty = staffOnDuty(pane.scenario.flow, n, p.time, project.timeUnit, project.run.start);
      const busy = p.busy[i]!;
      let free = Math.max(0, duty.count - busy);
      if (duty.pool) {
        let poolBusy = 0;
        nodes.forEach((m, j) => {
          if (m.kind === 'step' && m.poolId === duty.pool!.id) poolBusy += p.busy[j]!;
        });
        free = Math.max(0, duty.count - poolBusy);
      }
      const staff = busy + free;
      const shown = Math.min(staff, 16);
      for (let s = 0; s < shown; s++) {
        ctx.fillStyle = s < busy ? '#1d2733' : '#ffffff';
        ctx.strokeStyle = '#1d2733';
        ctx.lineWidth = 1;
        ctx.fillRect(b.x + 8 + s * 9, b.y - 10, 7, 7);
        ctx.strokeRect(b.x + 8 + s * 9 + 0.5, b.y - 9.5, 6, 6);
      }
      ctx.fillStyle = '#1d2733';
      ctx.font = '9px system-ui, sans-serif';
      if (staff === 0) ctx.fillText('nobody on duty', b.x + 8, b.y - 3);
      else if (staff > 16) ctx.fillText(`${busy}/${staff}`, b.x + 8 + 16 * 9 + 2, b.y - 3);
      // Queue: a stack of dots to the left of the node, in class colours.
      const waiting = p.waiting[i]!;
      if (waiting > 0) {
        let drawn = 0;
        for (let c = 0; c < classes && drawn < 24; c++) {
          const count = p.waitingByClass[i * classes + c]!;
          ctx.fillStyle = colors[c] ?? '#4e79a7';
          for (let q = 0; q < count && drawn < 24; q++, drawn++) {
            const col = Math.floor(drawn / 8);
            const row = drawn % 8;
            ctx.beginPath();
            ctx.arc(b.x - 6 - col * 8, b.y + b.h - 5 - row * 7, 3, 0, Math.PI * 2);
            ctx.fill();
          }
        }
        ctx.fillStyle = waiting >= 10 ? '#9b1c1c' : '#1d2733';
        ctx.font = 'bold 10px system-ui, sans-serif';
        ctx.fillText(`${waiting} waiting`, b.x + b.w - 58, b.y - 3);
      }
    } else if (n.kind === 'join') {
      const parts = p.atJoin[i]!;
      if (parts > 0) {
        ctx.fillStyle = '#5b3f86';
        ctx.font = '10px system-ui, sans-serif';
        ctx.fillText(`${parts} part${parts === 1 ? '' : 's'} waiting for the others`, b.x + 4, b.y - 3);
      }
    } else if (n.kind === 'delay') {
      const inside = p.inDelay[i]!;
      if (inside > 0) {
        ctx.fillStyle = '#3d4856';
        ctx.font = '10px system-ui, sans-serif';
        ctx.fillText(`${inside} in progress`, b.x + 8, b.y - 3);
      }
    }
  });
  // Customers on the move.
  for (const { f, born } of pane.flights) {
    const a = pane.picture.boxes.get(nodes[f.from]!.id);
    const z = pane.picture.boxes.get(nodes[f.to]!.id);
    if (!a || !z) continue;
    const t = Math.min(1, (now - born) / FLIGHT_MS);
    const x0 = a.x + a.w;
    const y0 = a.y + a.h / 2;
    const x1 = z.x;
    const y1 = z.y + z.h / 2;
    const e = t * t * (3 - 2 * t);
    const x = x0 + (x1 - x0) * e;
    const y = y0 + (y1 - y0) * e;
    ctx.fillStyle = colors[f.cls] ?? '#4e79a7';
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}
