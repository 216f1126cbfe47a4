// A scenario's key figures with their 95 % confidence intervals, the bottleneck in words, and
// what an unstable scenario's growing queues mean.
import type { CSSProperties } from 'react';
import { formatDuration, formatMoney, formatNumber, formatRate, formatShare, rateIn, ratePeriod } from '../../engine/format';
import type { ScenarioResults } from '../../engine/aggregate';
import type { Costs, TimeUnit } from '../../model/schema';
import { WorkingNote } from './WorkingTime';

/** A figure with its 95 % confidence interval: "14 min ± 2 min". */
export const pm = (v: string, ci: string) => (
  <>
    {v} <span className="sf-ci">± {ci}</span>
  </>
);

export function KeyFigures({ s, unit, color, bottleneck, costs }: { s: ScenarioResults; unit: TimeUnit; color: string; bottleneck: string | undefined; costs?: Costs }) {
  const o = s.overall;
  const money = (v: number) => formatMoney(v, costs?.currency);
  const per = ratePeriod(o.throughput.mean, unit);
  const d = (e: { mean: number; ci95: number }) => pm(formatDuration(e.mean, unit), formatDuration(e.ci95, unit));
  const sh = (e: { mean: number; ci95: number }) => pm(formatShare(e.mean), formatShare(e.ci95));
  const warn = (kind: string) => s.warnings.filter((w) => w.kind === kind);
  const wt = o.workingTime;
  const wn = { unit, hoursPerDay: wt?.hoursPerWorkingDay ?? 0, calendarName: wt?.calendarName ?? '' };
  return (
    <article className="sf-card sf-keyfigures" style={{ '--tab': color } as CSSProperties} data-testid={`figures-${s.id}`}>
      <h3>
        <span className="sf-tab__dot" /> {s.name}
      </h3>
      {bottleneck && (
        <p className="sf-bottleneck" data-testid={`bottleneck-${s.id}`}>
          Bottleneck — {bottleneck}
        </p>
      )}
      {s.instability && <Unstable s={s} />}
      <dl>
        <dt>Mean wait</dt>
        <dd data-testid="mean-wait">{d(o.waitingTime)}{wt && <WorkingNote e={wt.waitingTime} {...wn} testId="mean-wait-working" />}</dd>
        <dt>90 % wait less than</dt>
        <dd>{d(o.waitingTime.p90)}{wt && <WorkingNote e={wt.waitingTime.p90} {...wn} />}</dd>
        <dt>Mean total time</dt>
        <dd>{d(o.timeInSystem)}{wt && <WorkingNote e={wt.timeInSystem} {...wn} testId="total-time-working" />}</dd>
        {wt && (
          <>
            <dt>90 % done within</dt>
            <dd>{d(o.timeInSystem.p90)}<WorkingNote e={wt.timeInSystem.p90} {...wn} /></dd>
          </>
        )}
        {Object.entries(o.serviceLevel).map(([id, sl]) => (
          <div key={id} className="sf-dl-row">
            <dt>{sl.name}{sl.clock === 'working' && <span className="sf-muted"> (working time)</span>}</dt>
            <dd className={sl.met ? 'is-met' : 'is-missed'}>
              {sh(sl)} <span className="sf-muted">(target {formatShare(sl.target)})</span>
            </dd>
          </div>
        ))}
        <dt>Gave up</dt>
        <dd>{sh(o.abandonedShare)}</dd>
        <dt>Turned away</dt>
        <dd>{sh(o.turnedAwayShare)}</dd>
        <dt>Customers served</dt>
        <dd data-testid="throughput">{pm(formatRate(o.throughput.mean, unit, { period: per, noun: '' }), formatNumber(rateIn(o.throughput.ci95, unit, per)))}</dd>
        <dt>Staff busy</dt>
        <dd>{sh(o.utilization)}</dd>
        <dt>Handoffs per customer</dt>
        <dd>{pm(formatNumber(o.handoffsPerCustomer.mean), formatNumber(o.handoffsPerCustomer.ci95))}</dd>
        {costs?.tolerance !== undefined && (
          <>
            <dt>At risk (waited over {formatDuration(costs.tolerance, unit)})</dt>
            <dd data-testid="at-risk">{sh(o.atRiskShare)}</dd>
          </>
        )}
        {costs && (
          <>
            <dt>Cost per customer served</dt>
            <dd data-testid="cost-per-customer">
              {pm(money(o.costs.perCustomer.mean), money(o.costs.perCustomer.ci95))}
            </dd>
            <dt>Cost per day</dt>
            <dd data-testid="cost-per-day">
              {pm(money(o.costs.perDay.mean), money(o.costs.perDay.ci95))} <span className="sf-muted">(your assumptions)</span>
            </dd>
          </>
        )}
      </dl>
      {[...warn('unstable').filter((w) => !s.instability?.steps.some((u) => u.stepId === w.stepId)), ...warn('warm-up'), ...warn('precision'), ...warn('few-customers')].map((w, i) => (
        <p key={i} className="sf-warning" data-testid="engine-warning">
          ⚠ {w.message}
        </p>
      ))}
    </article>
  );
}

/** An unstable scenario: which steps cannot keep up and how fast their queues grow (the statement in full on hover). */
function Unstable({ s }: { s: ScenarioResults }) {
  const inst = s.instability!;
  return (
    <div className="sf-bottleneck" data-testid={`instability-${s.id}`} title={inst.statement}>
      ⚠ Unstable — the backlog keeps growing for as long as the run lasts:
      <ul>
        {inst.steps.map((u) => (
          <li key={u.stepId}>
            {u.name}: {u.backlogGrowthPerDay.mean > 0 ? <>queue grows by about {formatNumber(u.backlogGrowthPerDay.mean)} customers a day{s.replications > 1 && u.backlogGrowthPerDay.ci95 > 0 && <> (95 % CI ± {formatNumber(u.backlogGrowthPerDay.ci95)})</>}</> : 'more work than staff, though its queue did not measurably grow in this run'}
          </li>
        ))}
      </ul>
      <p className="sf-warning" data-testid="grows-with-run">
        These figures grow with the length of the run: they are not steady-state waits and queues.
      </p>
    </div>
  );
}
