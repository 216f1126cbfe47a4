// Waiting-time distribution per scenario, overlaid: share of customers who waited at most t.
import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { ScenarioResults } from '../../engine/aggregate';
import type { TimeUnit } from '../../model/schema';
import { formatDuration } from '../../engine/format';
import { ChartFrame } from './ChartFrame';

const W = 420;
const H = 200;
const M = { l: 44, r: 12, t: 10, b: 34 };

export function WaitingCdf({ scenarios, colors, unit }: { scenarios: ScenarioResults[]; colors: Record<string, string>; unit: TimeUnit }) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  // Clip the x axis at the largest 95th percentile so the bulk of the curve is readable.
  const xMax = Math.max(1e-9, ...scenarios.map((s) => s.waitingCdf[95] ?? 0)) * 1.05;
  const x = scaleLinear().domain([0, xMax]).range([M.l, W - M.r]);
  const y = scaleLinear().domain([0, 1]).range([H - M.b, M.t]);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(5).tickFormat((v) => formatDuration(Number(v), unit)));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(5).tickFormat((v) => `${Math.round(Number(v) * 100)} %`));
  });
  return (
    <ChartFrame
      title="Share of customers who waited at most this long"
      name="waiting time distribution"
      testId="chart-waiting-cdf"
      legend={
        <div className="sf-legend">
          {scenarios.map((s) => (
            <span key={s.id}>
              <i style={{ background: colors[s.id] }} /> {s.name}
            </span>
          ))}
        </div>
      }
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Waiting-time distribution by scenario">
        <g ref={xAxis} transform={`translate(0,${H - M.b})`} className="sf-axis" />
        <g ref={yAxis} transform={`translate(${M.l},0)`} className="sf-axis" />
        {scenarios.map((s) => {
          const pts = s.waitingCdf.map((t, q) => [Math.min(t, xMax), q / 100] as [number, number]);
          return <path key={s.id} d={line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]))(pts) ?? ''} fill="none" stroke={colors[s.id]} strokeWidth={2.2} />;
        })}
      </svg>
    </ChartFrame>
  );
}
