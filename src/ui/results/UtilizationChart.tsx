// Staff utilisation by step with 95 % CI whiskers, one bar per scenario.
import { scaleBand, scaleLinear } from 'd3';
import type { ScenarioResults } from '../../engine/aggregate';
import { utilizationColor } from './colors';
import { ChartFrame } from './ChartFrame';
import { wrapText } from '../picture/flowSvg';

const W = 420;
const ROW = 22;
const M = { l: 150, r: 40, t: 6, b: 20 };

export function UtilizationChart({ scenarios, colors }: { scenarios: ScenarioResults[]; colors: Record<string, string> }) {
  const stepIds: { id: string; name: string }[] = [];
  for (const s of scenarios) for (const st of Object.values(s.steps)) if (st.kind === 'step' && !stepIds.some((x) => x.id === st.id)) stepIds.push({ id: st.id, name: st.name });
  const H = M.t + M.b + stepIds.length * ROW * Math.max(1, scenarios.length * 0.7);
  const y = scaleBand().domain(stepIds.map((s) => s.id)).range([M.t, H - M.b]).padding(0.2);
  const inner = scaleBand().domain(scenarios.map((s) => s.id)).range([0, y.bandwidth()]).padding(0.1);
  const x = scaleLinear().domain([0, 1]).range([M.l, W - M.r]);
  return (
    <ChartFrame title="Busy share of staff by step (95 % CI)" name="utilisation by step" testId="chart-utilization">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Utilisation by step">
        {[0, 0.5, 0.85, 1].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.t} y2={H - M.b} className={t === 0.85 ? 'sf-grid sf-grid--warn' : 'sf-grid'} />
            <text x={x(t)} y={H - 4} textAnchor="middle" className="sf-tick">
              {Math.round(t * 100)} %
            </text>
          </g>
        ))}
        {stepIds.map((step) => (
          <g key={step.id}>
            <text x={M.l - 6} y={(y(step.id) ?? 0) + y.bandwidth() / 2 + 4} textAnchor="end" className="sf-tick sf-tick--label">
              {wrapText(step.name, 26, 2).map((line, i, all) => (
                <tspan key={i} x={M.l - 6} dy={i === 0 ? (all.length - 1) * -5.5 : 11}>
                  {line}
                </tspan>
              ))}
            </text>
            {scenarios.map((s) => {
              const st = s.steps[step.id];
              if (!st) return null;
              const top = (y(step.id) ?? 0) + (inner(s.id) ?? 0);
              const h = inner.bandwidth();
              const u = st.utilization;
              return (
                <g key={s.id}>
                  <rect x={x(0)} y={top} width={Math.max(0, x(Math.min(u.mean, 1)) - x(0))} height={h} fill={scenarios.length > 1 ? colors[s.id] : utilizationColor(u.mean)} opacity={0.85} />
                  <line x1={x(Math.max(0, u.mean - u.ci95))} x2={x(Math.min(1, u.mean + u.ci95))} y1={top + h / 2} y2={top + h / 2} className="sf-whisker" />
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
