// Heat map of the week for steps whose hours close (a calendar or shifts): customers waiting and
// staff busy by hour of day × weekday. Shows at a glance whether waiting builds up overnight and at
// weekends (opening hours) or while open (staff).
import { useState } from 'react';
import type { ScenarioResultsWithBottlenecks as ScenarioResults } from '../../engine/results';
import { formatShare } from '../../engine/format';
import { WEEKDAYS_SHORT } from '../../model/calendar';

export const cellColor = (x: number, max: number) => {
  if (!(max > 0) || !(x > 0)) return '#f3f5f8';
  const t = Math.min(1, x / max);
  // white → orange → deep red
  const r = 255;
  const g = Math.round(245 - 170 * t);
  const b = Math.round(235 - 200 * t);
  return `rgb(${r - Math.round(60 * Math.max(0, t - 0.6))},${g},${b})`;
};

export function HourHeatmap({ scenario }: { scenario: ScenarioResults }) {
  const steps = Object.values(scenario.steps).filter((s) => s.byHour);
  const [stepId, setStepId] = useState<string | undefined>();
  const [measure, setMeasure] = useState<'queue' | 'busy'>('queue');
  if (steps.length === 0) return null;
  // The worst bottleneck with a heat map first.
  const ranked = scenario.bottlenecks.ranking.map((b) => b.stepId).filter((id) => scenario.steps[id]?.byHour);
  const step = scenario.steps[stepId ?? ranked[0] ?? steps[0]!.id]!;
  const values = step.byHour![measure];
  const max = measure === 'busy' ? 1 : Math.max(...values);
  const label = (x: number) => (measure === 'busy' ? formatShare(x) : x >= 10 ? x.toFixed(0) : x.toFixed(1));
  return (
    <div className="sf-heatmap" data-testid="hour-heatmap">
      <h3>
        By hour of the week:{' '}
        <select value={step.id} onChange={(e) => setStepId(e.target.value)} aria-label="Step" data-testid="heatmap-step">
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value as 'queue' | 'busy')} aria-label="Measure" data-testid="heatmap-measure">
          <option value="queue">customers waiting</option>
          <option value="busy">staff busy (of those on duty)</option>
        </select>
      </h3>
      {step.waitingWhileClosed && (
        <p className="sf-muted" data-testid="heatmap-closed">
          {formatShare(step.waitingWhileClosed.mean)} of the waiting at “{step.name}” is while it is closed (open {formatShare(step.openShare ?? 0)} of the week’s hours).
        </p>
      )}
      <HeatGrid values={values} max={max} label={label} what={measure === 'busy' ? 'busy' : 'waiting on average'} />
      <p className="sf-muted">Darker: {measure === 'busy' ? 'staff busier' : `more customers waiting (darkest ≈ ${label(max)})`}. Hours from the run’s start date (a Monday 00:00 without one).</p>
    </div>
  );
}

/** The week as a grid: weekdays down, hours of the day across, darker for larger values. */
export function HeatGrid({ values, max, label, what, testIdPrefix = 'heat' }: { values: readonly number[]; max: number; label: (x: number) => string; what: string; testIdPrefix?: string }) {
  return (
    <table className="sf-heatmap__grid">
      <thead>
        <tr>
          <th />
          {Array.from({ length: 24 }, (_, h) => (
            <th key={h}>{h % 3 === 0 ? String(h).padStart(2, '0') : ''}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS_SHORT.map((day, d) => (
          <tr key={day}>
            <th>{day}</th>
            {Array.from({ length: 24 }, (_, h) => {
              const x = values[d * 24 + h]!;
              return <td key={h} style={{ background: cellColor(x, max) }} title={`${day} ${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00: ${label(x)} ${what}`} data-testid={`${testIdPrefix}-${d * 24 + h}`} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
