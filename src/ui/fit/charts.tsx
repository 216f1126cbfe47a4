// Small side-by-side charts for the fit view: the log's bars (or curve) next to the simulated
// ones, with d3 scales and axes as in the results charts.
import { axisBottom, axisLeft, line, scaleBand, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import { ChartFrame } from '../results/ChartFrame';

export const LOG_COLOR = '#4e79a7';
export const SIM_COLOR = '#f28e2b';

const W = 380;
const H = 170;
const M = { l: 46, r: 8, t: 8, b: 30 };

function Legend() {
  return (
    <div className="sf-legend">
      <span>
        <i style={{ background: LOG_COLOR }} /> log
      </span>
      <span>
        <i style={{ background: SIM_COLOR }} /> simulated
      </span>
    </div>
  );
}

/** Every k-th category label so that they do not overlap. */
const thin = (n: number, room: number) => Math.max(1, Math.ceil(n / room));

export function PairedBars(props: {
  title: string;
  testId: string;
  categories: string[];
  log: number[];
  simulated: number[];
  format: (v: number) => string;
  /** Room for this many category labels along the axis. */
  labels?: number;
}) {
  const { categories, log, simulated, format } = props;
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const max = Math.max(1e-9, ...log, ...simulated);
  const x = scaleBand<string>().domain(categories).range([M.l, W - M.r]).paddingInner(0.2);
  const y = scaleLinear().domain([0, max]).nice().range([H - M.b, M.t]);
  const every = thin(categories.length, props.labels ?? 12);
  useEffect(() => {
    if (xAxis.current) {
      select(xAxis.current).call(
        axisBottom(x)
          .tickValues(categories.filter((_, i) => i % every === 0))
          .tickSizeOuter(0),
      );
    }
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(4).tickFormat((v) => format(Number(v))));
  });
  const bw = x.bandwidth() / 2;
  return (
    <ChartFrame title={props.title} name={props.title} testId={props.testId} legend={<Legend />}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
        <g ref={xAxis} transform={`translate(0,${H - M.b})`} className="sf-axis" />
        <g ref={yAxis} transform={`translate(${M.l},0)`} className="sf-axis" />
        {categories.map((c, i) => (
          <g key={c}>
            <rect x={x(c)!} y={y(log[i] ?? 0)} width={bw} height={y(0) - y(log[i] ?? 0)} fill={LOG_COLOR}>
              <title>{`${c} — log: ${format(log[i] ?? 0)}`}</title>
            </rect>
            <rect x={x(c)! + bw} y={y(simulated[i] ?? 0)} width={bw} height={y(0) - y(simulated[i] ?? 0)} fill={SIM_COLOR}>
              <title>{`${c} — simulated: ${format(simulated[i] ?? 0)}`}</title>
            </rect>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}

/** Two curves over the same x values (e.g. the cumulative share of cases by cycle time). */
export function PairedCurves(props: { title: string; testId: string; xs: number[]; log: number[]; simulated: number[]; formatX: (v: number) => string; formatY: (v: number) => string }) {
  const { xs, log, simulated } = props;
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const x = scaleLinear().domain([0, Math.max(1e-9, xs.at(-1) ?? 1)]).range([M.l, W - M.r]);
  const y = scaleLinear().domain([0, 1]).range([H - M.b, M.t]);
  useEffect(() => {
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(5).tickFormat((v) => props.formatX(Number(v))));
    if (yAxis.current) select(yAxis.current).call(axisLeft(y).ticks(4).tickFormat((v) => props.formatY(Number(v))));
  });
  const path = (ys: number[]) => line<number>().x((_, i) => x(xs[i]!)).y((v) => y(v))([0, ...ys].slice(0, xs.length)) ?? '';
  return (
    <ChartFrame title={props.title} name={props.title} testId={props.testId} legend={<Legend />}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
        <g ref={xAxis} transform={`translate(0,${H - M.b})`} className="sf-axis" />
        <g ref={yAxis} transform={`translate(${M.l},0)`} className="sf-axis" />
        <path d={path(log)} fill="none" stroke={LOG_COLOR} strokeWidth={2.2} />
        <path d={path(simulated)} fill="none" stroke={SIM_COLOR} strokeWidth={2.2} strokeDasharray="5 3" />
      </svg>
    </ChartFrame>
  );
}
