// Arrival peaks drawn as a curve: one bar per hour (a day or a week); press and drag across the
// bars to paint their height, released as one change (one undo step). The hour grid below stays
// for exact numbers.
import { useRef, useState, type PointerEvent } from 'react';

const W = 300;
const H = 120;
const PAD = { l: 26, r: 4, t: 6, b: 16 };
const STEP = 0.05;

/** The top of the scale: room above the highest hour, at least 2× the base rate. */
export function curveTop(multipliers: readonly number[]): number {
  return Math.max(2, Math.ceil(Math.max(0, ...multipliers) * 1.25 * 2) / 2);
}

/** The multiplier for a height on the chart (0 at the bottom, `top` at the top), in steps of 0.05. */
export function valueAt(y: number, top: number): number {
  const plot = H - PAD.t - PAD.b;
  const v = ((H - PAD.b - y) / plot) * top;
  return Math.round(Math.min(top, Math.max(0, v)) / STEP) * STEP;
}

export function ScheduleCurve({ multipliers, repeat, onCommit, testId }: { multipliers: number[]; repeat: 'day' | 'week'; onCommit: (next: number[]) => string | undefined; testId: string }) {
  const [draft, setDraft] = useState<number[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const last = useRef<number | undefined>(undefined);
  const svg = useRef<SVGSVGElement>(null);
  const values = draft ?? multipliers;
  const n = values.length;
  const top = curveTop(multipliers);
  const barW = (W - PAD.l - PAD.r) / n;
  const y = (v: number) => H - PAD.b - (v / top) * (H - PAD.t - PAD.b);

  const paint = (e: PointerEvent<SVGSVGElement>, base: number[]) => {
    const box = svg.current!.getBoundingClientRect();
    const sx = ((e.clientX - box.left) / box.width) * W;
    const sy = ((e.clientY - box.top) / box.height) * H;
    const i = Math.min(n - 1, Math.max(0, Math.floor((sx - PAD.l) / barW)));
    const v = +valueAt(sy, top).toFixed(2);
    const next = base.slice();
    // Fill the hours passed over since the last point, so a quick stroke leaves no gaps.
    const from = last.current ?? i;
    for (let k = Math.min(from, i); k <= Math.max(from, i); k++) next[k] = v;
    last.current = i;
    setDraft(next);
  };

  return (
    <div className="sf-curve" data-testid={testId}>
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="Arrival rate hour by hour: press and drag to draw"
        style={{ touchAction: 'none', cursor: 'crosshair' }}
        onPointerDown={(e) => {
          (e.target as Element).setPointerCapture?.(e.pointerId);
          last.current = undefined;
          paint(e, values);
        }}
        onPointerMove={(e) => draft && paint(e, draft)}
        onPointerUp={() => {
          if (draft) setError(onCommit(draft));
          setDraft(undefined);
          last.current = undefined;
        }}
        data-testid={`${testId}-svg`}
      >
        <line x1={PAD.l} x2={W - PAD.r} y1={y(1)} y2={y(1)} stroke="#4e79a7" strokeDasharray="3 3" />
        <text x={PAD.l - 3} y={y(1) + 3} fontSize={8} textAnchor="end" fill="#4e79a7">
          ×1
        </text>
        <text x={PAD.l - 3} y={y(top) + 6} fontSize={8} textAnchor="end" fill="#5f6b7a">
          ×{top}
        </text>
        <text x={PAD.l - 3} y={H - PAD.b} fontSize={8} textAnchor="end" fill="#5f6b7a">
          0
        </text>
        {values.map((v, i) => (
          <rect key={i} x={PAD.l + i * barW + 0.5} y={y(v)} width={Math.max(0.5, barW - 1)} height={Math.max(0, H - PAD.b - y(v))} fill={v === 0 ? '#c9d3df' : '#f28e2b'} opacity={0.85}>
            <title>{`${repeat === 'week' ? `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.floor(i / 24)]} ` : ''}${String(i % 24).padStart(2, '0')}:00 × ${v}`}</title>
          </rect>
        ))}
        {(repeat === 'week' ? [0, 24, 48, 72, 96, 120, 144] : [0, 6, 12, 18]).map((h) => (
          <text key={h} x={PAD.l + h * barW} y={H - 4} fontSize={8} fill="#5f6b7a">
            {repeat === 'week' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][h / 24] : `${String(h).padStart(2, '0')}h`}
          </text>
        ))}
      </svg>
      <p className="sf-muted">Press and drag across the hours to draw the peaks (×1 = the base rate, 0 = closed); the numbers below are the same values.</p>
      {error && <p className="sf-field__error">{error}</p>}
    </div>
  );
}
