// Mean time in system by customer class, per scenario, with 95 % CI whiskers.
import { scaleBand, scaleLinear } from 'd3';
import type { ScenarioResults } from '../../engine/aggregate';
import type { CustomerClass, TimeUnit } from '../../model/schema';
import { formatDuration } from '../../engine/format';
import { ChartFrame } from './ChartFrame';

const W = 420;
const M = { l: 110, r: 60, t: 6, b: 8 };

export function ClassTimes({ scenarios, classes, colors, unit }: { scenarios: ScenarioResults[]; classes: CustomerClass[]; colors: Record<string, string>; unit: TimeUnit }) {
  const rowH = 16 * scenarios.length + 10;
  const H = M.t + M.b + classes.length * rowH;
  const y = scaleBand().domain(classes.map((c) => c.id)).range([M.t, H - M.b]).padding(0.15);
  const inner = scaleBand().domain(scenarios.map((s) => s.id)).range([0, y.bandwidth()]).padding(0.1);
  const xMax = Math.max(1e-9, ...scenarios.flatMap((s) => Object.values(s.classes).map((c) => c.timeInSystem.mean + c.timeInSystem.ci95)));
  const x = scaleLinear().domain([0, xMax]).range([M.l, W - M.r]);
  return (
    <ChartFrame title="Mean total time by customer class (95 % CI)" name="time in system by class" testId="chart-class-times">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Time in system by customer class">
        {classes.map((c) => (
          <g key={c.id}>
            <text x={M.l - 6} y={(y(c.id) ?? 0) + y.bandwidth() / 2 + 4} textAnchor="end" className="sf-tick sf-tick--label">
              {c.name}
            </text>
            {scenarios.map((s) => {
              const e = s.classes[c.id]?.timeInSystem;
              if (!e) return null;
              const top = (y(c.id) ?? 0) + (inner(s.id) ?? 0);
              const h = inner.bandwidth();
              return (
                <g key={s.id}>
                  <rect x={x(0)} y={top} width={Math.max(0, x(e.mean) - x(0))} height={h} fill={colors[s.id]} opacity={0.85} />
                  <line x1={x(Math.max(0, e.mean - e.ci95))} x2={x(e.mean + e.ci95)} y1={top + h / 2} y2={top + h / 2} className="sf-whisker" />
                  <text x={x(e.mean + e.ci95) + 4} y={top + h / 2 + 3} className="sf-tick">
                    {formatDuration(e.mean, unit)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
