// A week of opening hours to paint: 7 rows × 24 hours. Press on an hour and drag across others to
// open (or close) them all; each row also shows its hours as text.
import { useEffect, useRef, useState } from 'react';
import { WEEKDAYS_SHORT, formatHours } from '../../model/calendar';

export function WeekGrid({ open, onCommit, testId }: { open: readonly boolean[]; onCommit: (next: boolean[]) => void; testId: string }) {
  // While painting, the grid shows the painted hours; they are committed when the button is let go.
  const [draft, setDraft] = useState<boolean[] | undefined>();
  const paint = useRef<boolean | undefined>(undefined);
  const shown = draft ?? open;
  useEffect(() => {
    const up = () => {
      if (paint.current === undefined) return;
      paint.current = undefined;
      setDraft((d) => {
        if (d) onCommit(d);
        return undefined;
      });
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, [onCommit]);
  const set = (k: number) => setDraft((d) => {
    const next = (d ?? open).slice();
    next[k] = paint.current!;
    return next;
  });
  return (
    <div className="sf-week" data-testid={testId} onPointerLeave={() => undefined}>
      <div className="sf-week__row sf-week__head">
        <span className="sf-week__day" />
        {Array.from({ length: 24 }, (_, h) => (
          <span key={h} className="sf-week__hour">{h % 3 === 0 ? String(h).padStart(2, '0') : ''}</span>
        ))}
      </div>
      {WEEKDAYS_SHORT.map((day, d) => (
        <div className="sf-week__row" key={day}>
          <span className="sf-week__day">{day}</span>
          {Array.from({ length: 24 }, (_, h) => {
            const k = d * 24 + h;
            return (
              <button
                type="button"
                key={h}
                className={`sf-week__cell ${shown[k] ? 'is-open' : ''}`}
                aria-label={`${day} ${String(h).padStart(2, '0')}:00 ${shown[k] ? 'open' : 'closed'}`}
                aria-pressed={shown[k]}
                data-testid={`${testId}-${k}`}
                onPointerDown={(e) => {
                  e.preventDefault();
                  (e.target as HTMLElement).releasePointerCapture?.(e.pointerId);
                  paint.current = !shown[k];
                  set(k);
                }}
                onPointerEnter={() => paint.current !== undefined && set(k)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  const next = open.slice();
                  next[k] = !open[k];
                  onCommit(next);
                }}
              />
            );
          })}
        </div>
      ))}
      <p className="sf-week__text" data-testid={`${testId}-text`}>
        {weekText(shown)}
      </p>
    </div>
  );
}

/** "Mon–Fri 08:00-12:00, 13:00-17:00 · Sat 09:00-12:00 · Sun closed": days with the same hours grouped. */
export function weekText(open: readonly boolean[]): string {
  const days = WEEKDAYS_SHORT.map((_, d) => formatHours(open.slice(d * 24, d * 24 + 24)) || 'closed');
  const parts: string[] = [];
  for (let d = 0; d < 7; ) {
    let e = d;
    while (e + 1 < 7 && days[e + 1] === days[d]) e++;
    parts.push(`${WEEKDAYS_SHORT[d]}${e > d ? `–${WEEKDAYS_SHORT[e]}` : ''} ${days[d]}`);
    d = e + 1;
  }
  return parts.join(' · ');
}
