// The transition: the proposal from its first day (empty, no warm-up), week by week, next to
// today's steady state — how bad it gets while staff learn and systems settle, for how long, and
// from which week it is better than today. Run in the worker pool.
import { line, scaleLinear, area } from 'd3';
import { useEffect, useState } from 'react';
import type { Project } from '../../model/schema';
import { formatDuration, formatMoney } from '../../engine/format';
import { fromWeekSentence, summarizeTransition, transitionProject, TRANSITION_REPLICATIONS, TRANSITION_WEEKS, type TransitionSummary, type WeeklyCosts } from '../../engine/transition';
import { runExperimentInPool } from '../../worker/experiment';
import { getPool } from '../run/pool';
import { Modal } from '../Modal';

const W = 560;
const H = 220;
const M = { l: 56, r: 12, t: 10, b: 30 };

export function TransitionView({ project, proposalId, steady, onClose }: { project: Project; proposalId: string; steady: number | undefined; onClose: () => void }) {
  const [summary, setSummary] = useState<TransitionSummary | undefined>();
  const [error, setError] = useState('');
  const proposal = project.scenarios.find((s) => s.id === proposalId)!;
  const baseline = project.scenarios.find((s) => s.kind === 'baseline')!;
  useEffect(() => {
    let live = true;
    runExperimentInPool(getPool(), transitionProject(project, proposalId), { timelineBins: TRANSITION_WEEKS })
      .then((r) => live && setSummary(summarizeTransition(r, proposalId, steady, project.costs)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [project, proposalId, steady]);
  const unit = project.timeUnit;
  return (
    <Modal title={`Transition: “${proposal.name}” from its first day`} onClose={onClose} testId="transition">
      {!summary && !error && <p data-testid="transition-running">Simulating the first {TRANSITION_WEEKS} weeks ({TRANSITION_REPLICATIONS} replications, no warm-up)…</p>}
      {error && <p className="sf-move-preview is-error">{error}</p>}
      {summary && <TransitionChart s={summary} unit={unit} proposalName={proposal.name} baselineName={baseline.name} />}
      {summary?.costs && <TransitionCosts c={summary.costs} currency={project.costs?.currency} proposalName={proposal.name} />}
    </Modal>
  );
}

function TransitionChart({ s, unit, proposalName, baselineName }: { s: TransitionSummary; unit: Project['timeUnit']; proposalName: string; baselineName: string }) {
  const yMax = Math.max(s.steady, ...s.weeks.map((w) => w.proposal.mean + w.proposal.ci95)) * 1.1 || 1;
  const x = scaleLinear().domain([1, Math.max(2, s.weeks.length)]).range([M.l, W - M.r]);
  const y = scaleLinear().domain([0, yMax]).range([H - M.b, M.t]);
  const pts = s.weeks.map((w) => [w.week, w.proposal.mean, w.proposal.ci95] as const);
  const path = line<(typeof pts)[number]>().x((d) => x(d[0])).y((d) => y(d[1]))(pts) ?? '';
  const band = area<(typeof pts)[number]>().x((d) => x(d[0])).y0((d) => y(Math.max(0, d[1] - d[2]))).y1((d) => y(d[1] + d[2]))(pts) ?? '';
  const f = (v: number) => formatDuration(v, unit);
  return (
    <>
      <ul className="sf-transition__facts" data-testid="transition-facts">
        <li>
          Worst week: week {s.worst.week}, mean wait {f(s.worst.mean)} (today, steady: {f(s.steady)}).
        </li>
        <li>{s.weeksWorse === 0 ? 'No week is worse than today.' : `${s.weeksWorse} of ${s.weeks.length} weeks are worse than today.`}</li>
        <li data-testid="transition-payoff">
          {fromWeekSentence(proposalName, "has a mean wait no longer than today's", s.paysOffFrom, s.betterWeeks, s.weeks.length)}
        </li>
      </ul>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Mean wait per week" data-testid="transition-chart">
        <path d={band} fill="#f28e2b" opacity={0.2} />
        <path d={path} fill="none" stroke="#f28e2b" strokeWidth={2} />
        {pts.map((d) => (
          <circle key={d[0]} cx={x(d[0])} cy={y(d[1])} r={3} fill="#f28e2b" />
        ))}
        <line x1={M.l} x2={W - M.r} y1={y(s.steady)} y2={y(s.steady)} stroke="#4e79a7" strokeDasharray="5 4" strokeWidth={1.5} />
        <text x={W - M.r} y={y(s.steady) - 4} textAnchor="end" fontSize={10} fill="#4e79a7">
          {baselineName} (steady): {f(s.steady)}
        </text>
        <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} stroke="#8a96a3" />
        {s.weeks.map((w) => (
          <text key={w.week} x={x(w.week)} y={H - M.b + 14} textAnchor="middle" fontSize={10} fill="#5f6b7a">
            {w.week}
          </text>
        ))}
        <text x={(M.l + W - M.r) / 2} y={H - 2} textAnchor="middle" fontSize={10} fill="#5f6b7a">
          week after the change
        </text>
        {[0, 0.5, 1].map((k) => (
          <text key={k} x={M.l - 6} y={y(yMax * k) + 3} textAnchor="end" fontSize={10} fill="#5f6b7a">
            {f(yMax * k)}
          </text>
        ))}
      </svg>
      <p className="sf-muted">Mean wait of the customers who left each week, with its 95 % confidence band; the proposal starts empty on day one, with its learning curves and outages.</p>
    </>
  );
}

/** Money week by week: the proposal against today's steady week, and the running difference. */
function TransitionCosts({ c, currency, proposalName }: { c: WeeklyCosts; currency: string | undefined; proposalName: string }) {
  const money = (v: number) => formatMoney(v, currency);
  const signed = (v: number) => (v > 0 ? `+${money(v)}` : v < 0 ? `−${money(-v)}` : money(0));
  return (
    <div className="sf-transition__costs" data-testid="transition-costs">
      <h3>Cost week by week</h3>
      <ul className="sf-transition__facts">
        <li>
          Today costs {money(c.steady)} a week (staff, plus lost customers and customers at risk at the prices you entered in Project settings).
        </li>
        <li data-testid="transition-cheaper">
          {fromWeekSentence(proposalName, 'is cheaper than today', c.cheaperFrom, c.cheaperWeeks, c.weeks.length)}
        </li>
        <li data-testid="transition-recovered">
          {c.recoveredBy === 1
            ? `Its running total stays below today's from the first week; after ${c.weeks.length} weeks it has saved ${money(-c.differenceAtEnd)}.`
            : c.recoveredBy !== undefined
            ? `The extra cost of the first weeks is recovered by week ${c.recoveredBy}; after ${c.weeks.length} weeks it has saved ${money(-c.differenceAtEnd)}.`
            : c.differenceAtEnd > 0
              ? `After ${c.weeks.length} weeks it has cost ${money(c.differenceAtEnd)} more than today.`
              : `After ${c.weeks.length} weeks it has saved ${money(-c.differenceAtEnd)}.`}
        </li>
      </ul>
      <table className="sf-table sf-table--compact" data-testid="transition-cost-table">
        <thead>
          <tr>
            <th>Week</th>
            <th>{proposalName}</th>
            <th>Against today, so far</th>
          </tr>
        </thead>
        <tbody>
          {c.weeks.map((w) => (
            <tr key={w.week}>
              <td>{w.week}</td>
              <td>
                {money(w.proposal.mean)} <span className="sf-muted">± {money(w.proposal.ci95)}</span>
              </td>
              <td className={w.cumulativeDifference > 0 ? 'sf-worse' : 'sf-better'}>{signed(w.cumulativeDifference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sf-muted">Staff cost is counted on shift hours; no one-off cost of the change itself is included — add it in your head to the running total.</p>
    </div>
  );
}
