// Customers inside and the queues of the busiest steps over simulated time: mean across
// replications with a 95 % band. The steps that cannot keep up (an unstable scenario) always come
// first, with their growth per day in the legend.
import { area, axisBottom, axisLeft, line, max as d3max, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { ScenarioResults } from '../../engine/aggregate';
import type { TimeUnit } from '../../model/schema';
import { formatDuration, formatNumber } from '../../engine/format';
import { ChartFrame } from './ChartFrame';

const W = 420;
const H = 200;
const M = { l: 40, r: 12, t: 10, b: 34 };
const COLORS = ['#e15759', '#f28e2b', '#76b7b2'];

export function QueueOverTime({ scenario, unit, stepIds }: { scenario: ScenarioResults; unit: TimeUnit; stepIds: string[] }) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const tl = scenario.timeline;
  const unstable = scenario.instability?.steps ?? [];
  const ids = [...new Set([...unstable.map((u) => u.stepId), ...stepIds])].slice(0, Math.max(3, stepIds.length));
  const growth = new Map(unstable.map((u) => [u.stepId, u.backlogGrowthPerDay.mean]));
  const series = ids.map((id) => ({ id, name: scenario.steps[id]?.name ?? id, band: tl.queueLength[id] })).filter((s) => s.band && s.band.mean.length > 0);
  const n = Math.max(0, ...series.map((s) => s.band!.mean.length));
  const x = scaleLinear().domain([0, Math.max(1, n) * tl.binWidth]).range([M.l, W - M.r]);
  const yMax = d3max(series.flatMap((s) => s.band!.mean.map((m, i) => m + s.band!.ci95[i]!))) ?? 1;
  const y = scaleLinear().domain([0, Math.max(1, yMax)]).nice().range([H - M.b, M.t]);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(5).tickFormat((v) => formatDuration(Number(v), unit)));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(5));
  });
  return (
    <ChartFrame
      title={`Customers waiting over time — ${scenario.name}`}
      name={`${scenario.name} queues over time`}
      testId="chart-queue-time"
      legend={
        <div className="sf-legend">
          {series.map((s, i) => (
            <span key={s.id} data-testid={growth.has(s.id) ? 'queue-growing' : undefined}>
              <i style={{ background: COLORS[i % COLORS.length] }} /> {s.name}
              {(growth.get(s.id) ?? 0) > 0 && <strong> — grows by about {formatNumber(growth.get(s.id))} a day</strong>}
            </span>
          ))}
          <span className="sf-muted">band: 95 % CI across replications; time after the warm-up</span>
        </div>
      }
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Queue length over simulated time">
        <g ref={xAxis} transform={`translate(0,${H - M.b})`} className="sf-axis" />
        <g ref={yAxis} transform={`translate(${M.l},0)`} className="sf-axis" />
        {series.map((s, k) => {
          const pts = s.band!.mean.map((m, i) => ({ t: (i + 0.5) * tl.binWidth, m, c: s.band!.ci95[i]! }));
          const color = COLORS[k % COLORS.length]!;
          return (
            <g key={s.id}>
              <path d={area<(typeof pts)[number]>().x((d) => x(d.t)).y0((d) => y(Math.max(0, d.m - d.c))).y1((d) => y(d.m + d.c))(pts) ?? ''} fill={color} opacity={0.15} />
              <path d={line<(typeof pts)[number]>().x((d) => x(d.t)).y((d) => y(d.m))(pts) ?? ''} fill="none" stroke={color} strokeWidth={2} />
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
