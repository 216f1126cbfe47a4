// The report's heat map: for the worst bottleneck among the steps whose hours close (a calendar or
// shifts), customers waiting by hour of the week, next to staff busy while on duty — printed as
// it is (no choosers), with the share of its waiting while closed.
import type { ScenarioResultsWithBottlenecks as ScenarioResults } from '../../engine/results';
import { formatShare } from '../../engine/format';
import { HeatGrid } from '../results/HourHeatmap';

export function ReportHeatmap({ s }: { s: ScenarioResults }) {
  const ranked = s.bottlenecks.ranking.map((b) => s.steps[b.stepId]).find((st) => st?.byHour);
  const step = ranked ?? Object.values(s.steps).find((st) => st.byHour);
  if (!step?.byHour) return null;
  const queue = step.byHour.queue;
  const max = Math.max(...queue);
  const count = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
  return (
    <div className="sf-heatmap sf-report__heatmap" data-testid={`report-heatmap-${s.id}`}>
      <h2>By hour of the week: “{step.name}”</h2>
      {step.waitingWhileClosed && (
        <p className="sf-muted">
          {formatShare(step.waitingWhileClosed.mean)} of the waiting here is while it is closed (open {formatShare(step.openShare ?? 0)} of the week’s hours).
        </p>
      )}
      <div className="sf-report__heatmaps">
        <figure>
          <HeatGrid values={queue} max={max} label={count} what="waiting on average" testIdPrefix={`report-heat-${s.id}`} />
          <figcaption className="sf-muted">Customers waiting (darkest ≈ {count(max)})</figcaption>
        </figure>
        <figure>
          <HeatGrid values={step.byHour.busy} max={1} label={formatShare} what="busy" testIdPrefix={`report-busy-${s.id}`} />
          <figcaption className="sf-muted">Staff busy, of those on duty</figcaption>
        </figure>
      </div>
    </div>
  );
}
