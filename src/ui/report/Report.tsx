// The printable report: one page per scenario with the flow picture, the key figures with their
// confidence intervals, the bottleneck, the comparison with the baseline, charts and the
// assumptions behind the numbers. "Print / Save as PDF" uses the browser's print dialog; the print
// stylesheet hides the app and prints only this.
import type { ResultsDocument } from '../../engine/results';
import type { ScenarioResults } from '../../engine/aggregate';
import { comparisonCaveat } from '../../engine/instability';
import type { Project, Scenario, TimeUnit } from '../../model/schema';
import { describeDuration } from '../../engine/distributions';
import { formatChangeWithCi, formatCount, formatDuration, formatMoney, formatNumber, formatPair, formatRate, formatShare, rateIn, ratePeriod } from '../../engine/format';
import { staffLabel } from '../derived';
import { flowPicture } from '../picture/flowSvg';
import { WaitingCdf } from '../results/WaitingCdf';
import { UtilizationChart } from '../results/UtilizationChart';
import { QueueOverTime } from '../results/QueueOverTime';
import { ReportHeatmap } from './ReportHeatmap';

const UNIT: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'd' };
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759'];

export function Report({ project, results, stale, onClose }: { project: Project; results: ResultsDocument; stale: boolean; onClose: () => void }) {
  const unit = results.project.timeUnit;
  const colors = Object.fromEntries(project.scenarios.map((s, i) => [s.id, s.color ?? PALETTE[i % 4]!]));
  const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <div className="sf-report" data-testid="report">
      <div className="sf-report__toolbar">
        <strong>Report — {project.name}</strong>
        <span className="sf-muted">Each scenario starts on a new page. Use “Save as PDF” in the print dialog for a PDF.</span>
        <span className="sf-header__spacer" />
        <button className="sf-button sf-button--primary" onClick={() => window.print()} data-testid="report-print">
          Print / Save as PDF
        </button>
        <button className="sf-button" onClick={onClose} data-testid="report-close">
          Close
        </button>
      </div>
      {stale && (
        <p className="sf-banner sf-banner--stale sf-report__stale" data-testid="report-stale">
          The model has changed since these results were computed: run again before presenting them.
        </p>
      )}
      {results.scenarios.map((s) => {
        const scenario = project.scenarios.find((x) => x.id === s.id);
        return scenario ? <ScenarioPage key={s.id} project={project} scenario={scenario} s={s} results={results} unit={unit} colors={colors} date={date} /> : null;
      })}
    </div>
  );
}

function ScenarioPage({
  project,
  scenario,
  s,
  results,
  unit,
  colors,
  date,
}: {
  project: Project;
  scenario: Scenario;
  s: ScenarioResults & { bottlenecks: ResultsDocument['scenarios'][number]['bottlenecks'] };
  results: ResultsDocument;
  unit: TimeUnit;
  colors: Record<string, string>;
  date: string;
}) {
  const figures: Record<string, { utilization: number; meanWait: number }> = {};
  for (const st of Object.values(s.steps)) if (st.kind === 'step') figures[st.id] = { utilization: st.utilization.mean, meanWait: st.waitingTime.mean };
  const picture = flowPicture(scenario, { unit, figures, classNames: Object.fromEntries(project.classes.map((c) => [c.id, c.name])) });
  const comparison = results.comparisons.find((c) => c.proposalId === s.id);
  const baseline = comparison ? results.scenarios.find((x) => x.id === comparison.baselineId) : undefined;
  const o = s.overall;
  const shownScenarios = results.scenarios.filter((x) => x.id === s.id || x.id === comparison?.baselineId);
  const dur = (e: { mean: number; ci95: number }) => `${formatDuration(e.mean, unit)} ± ${formatDuration(e.ci95, unit)}`;
  const share = (e: { mean: number; ci95: number }) => `${formatShare(e.mean)} ± ${formatShare(e.ci95)}`;
  const per = ratePeriod(o.throughput.mean, unit);
  const money = (e: { mean: number; ci95: number }) => `${formatMoney(e.mean, project.costs?.currency)} ± ${formatMoney(e.ci95, project.costs?.currency)}`;
  // An unstable scenario's waits depend on how long the run was: said next to them.
  const grows = s.instability ? ' (grows with the length of the run)' : '';
  const rows: [string, string][] = [
    ['Mean waiting time', dur(o.waitingTime) + grows],
    ['90 % of customers waited less than', dur(o.waitingTime.p90) + grows],
    ['Mean time from arrival to exit', dur(o.timeInSystem) + grows],
    ...Object.values(o.serviceLevel).map((sl): [string, string] => [sl.name, `${share(sl)} (target ${formatShare(sl.target)}${sl.met ? ', met' : ', missed'})`]),
    ['Customers who gave up', share(o.abandonedShare)],
    ['Customers turned away', share(o.turnedAwayShare)],
    ['Customers served', `${formatRate(o.throughput.mean, unit, { period: per, noun: '' })} ± ${formatNumber(rateIn(o.throughput.ci95, unit, per))}`],
    ['Staff busy (all steps)', share(o.utilization)],
    ['Handoffs between departments per customer', `${formatNumber(o.handoffsPerCustomer.mean)} ± ${formatNumber(o.handoffsPerCustomer.ci95)}`],
    ...Object.values(s.joins ?? {}).map((j): [string, string] => [`Waiting for the other parts at “${j.name}”`, dur(j.waitForParts)]),
    ...Object.values(s.systems ?? {}).map((x): [string, string] => [
      `“${x.name}” available / customer-hours held up a day while down`,
      `${share(x.availability)} / ${formatNumber(x.heldUpHoursPerDay.mean)} ± ${formatNumber(x.heldUpHoursPerDay.ci95)}`,
    ]),
    ...(project.costs?.tolerance !== undefined ? [[`Customers at risk (waited over ${formatDuration(project.costs.tolerance, unit)})`, share(o.atRiskShare)] as [string, string]] : []),
    ...(project.costs
      ? ([
          ['Cost per customer served (assumptions)', money(o.costs.perCustomer)],
          ['Cost per day (assumptions)', money(o.costs.perDay)],
        ] as [string, string][])
      : []),
  ];
  return (
    <section className="sf-report__page" data-testid={`report-page-${s.id}`}>
      <header className="sf-report__head">
        <h1>
          {project.name}: {s.name} <span className="sf-report__kind">{s.kind === 'baseline' ? 'baseline' : 'proposal'}</span>
        </h1>
        <p className="sf-muted">
          {date} · {results.settings.replications} replications · seed {results.settings.seed} · figures are means with 95 % confidence intervals · Serviceflow engine{' '}
          {results.engineVersion}
        </p>
      </header>
      <div className="sf-report__top">
        <div className="sf-report__flow" dangerouslySetInnerHTML={{ __html: picture.svg }} />
        <div className="sf-report__summary">
          {s.bottlenecks.statement && (
            <p className="sf-report__bottleneck" data-testid={`report-bottleneck-${s.id}`}>
              <strong>Bottleneck:</strong> {s.bottlenecks.statement}.
            </p>
          )}
          {s.instability && (
            <p className="sf-report__bottleneck" data-testid={`report-instability-${s.id}`}>
              <strong>Unstable:</strong> {s.instability.statement.replace(/^The system is unstable\. /, '')}
            </p>
          )}
          <table className="sf-table sf-report__figures" data-testid={`report-figures-${s.id}`}>
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="sf-report__columns">
        {comparison && baseline ? (
          <div className="sf-report__compare" data-testid={`report-compare-${s.id}`}>
            <h2>Compared with {baseline.name}</h2>
            {comparisonCaveat(baseline, s) && <p className="sf-warning">⚠ {comparisonCaveat(baseline, s)}</p>}
            <table className="sf-table">
              <thead>
                <tr>
                  <th>Figure</th>
                  <th>{baseline.name}</th>
                  <th>{s.name}</th>
                  <th>Change (95 % CI)</th>
                </tr>
              </thead>
              <tbody>
                {comparison.overall
                  .filter((m) => m.baseline !== 0 || m.proposal !== 0)
                  .map((m) => {
                    const ctx = { unit, currency: project.costs?.currency };
                    const [from, to] = formatPair(m.kind, m.baseline, m.proposal, ctx, { distinct: m.significant });
                    return (
                      <tr key={m.metric} className={m.significant ? ((m.proposal < m.baseline) === m.lowerIsBetter ? 'is-better' : 'is-worse') : 'is-same'}>
                        <td>{m.label}</td>
                        <td>{from}</td>
                        <td>{to}</td>
                        <td>{m.significant ? formatChangeWithCi(m, ctx) : 'about the same (within the noise of the simulation)'}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="sf-report__compare sf-muted">
            <h2>The baseline</h2>
            <p>This is the situation today; each proposal’s page compares itself with it.</p>
          </div>
        )}
        <div className="sf-report__charts">
          <WaitingCdf scenarios={shownScenarios} colors={colors} unit={unit} />
          <UtilizationChart scenarios={shownScenarios} colors={colors} />
          {s.instability && <QueueOverTime scenario={s} unit={unit} stepIds={s.bottlenecks.ranking.slice(0, 3).map((b) => b.stepId)} />}
          <ReportHeatmap s={s} />
        </div>
      </div>
      <Assumptions project={project} scenario={scenario} results={results} />
    </section>
  );
}

function Assumptions({ project, scenario, results }: { project: Project; scenario: Scenario; results: ResultsDocument }) {
  const u = UNIT[project.timeUnit];
  const dept = new Map(scenario.flow.departments.map((d) => [d.id, d.name]));
  const h = results.settings.horizon;
  const reps = results.settings.replicationRule;
  const calendarName = (id: string) => project.calendars?.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="sf-report__assumptions" data-testid={`report-assumptions-${scenario.id}`}>
      <h2>Assumptions</h2>
      <p>
        Simulated {h.kind === 'duration' ? `for ${formatDuration(h.duration, project.timeUnit)}` : `until ${formatCount(h.count)} customers had arrived`} after a warm-up of{' '}
        {formatDuration(results.settings.warmup, project.timeUnit)}, {results.settings.replications} replications (
        {reps.kind === 'fixed' ? 'fixed number' : `until the mean wait was within ${formatShare(reps.relativeHalfWidth)}`}), seed {results.settings.seed}. Customer classes:{' '}
        {project.classes.map((c) => `${c.name} (${formatShare(c.share)})`).join(', ')}.
      </p>
      <table className="sf-table">
        <thead>
          <tr>
            <th>Step</th>
            <th>Department</th>
            <th>Staff</th>
            <th>Time</th>
            <th>Other</th>
          </tr>
        </thead>
        <tbody>
          {scenario.flow.nodes.map((n) => {
            if (n.kind === 'arrivals')
              return (
                <AssumptionRow
                  key={n.id}
                  cells={[n.name, '—', '—', n.arrivals.mode === 'rate' ? `${n.arrivals.rate} customers / ${n.arrivals.per}` : `every ${describeDuration(n.arrivals.distribution, project.timeUnit)}`, [n.schedule ? `${n.schedule.repeat === 'day' ? 'daily' : 'weekly'} peak profile` : '', n.calendarId ? `arrive while open: ${calendarName(n.calendarId)}` : ''].filter(Boolean).join('; ')]}
                />
              );
            if (n.kind === 'step')
              return (
                <AssumptionRow
                  key={n.id}
                  cells={[
                    n.name,
                    dept.get(n.departmentId ?? '') ?? '—',
                    staffLabel(n, scenario.flow.pools?.find((p) => p.id === n.poolId)).text,
                    describeDuration(n.service, project.timeUnit),
                    [
                      n.calendarId && n.poolId === undefined ? `open ${calendarName(n.calendarId)}` : '',
                      n.discipline === 'priority' ? 'priority by class' : '',
                      n.capacity !== undefined ? `room for ${n.capacity} waiting` : '',
                      n.patience ? `patience ${describeDuration(n.patience, project.timeUnit)}` : '',
                      n.learning ? `learning: ×${n.learning.multiplier} at first` : '',
                      n.systemIds?.length ? `needs ${n.systemIds.map((id) => scenario.flow.systems?.find((x) => x.id === id)?.name ?? id).join(', ')}` : '',
                    ]
                      .filter(Boolean)
                      .join('; '),
                  ]}
                />
              );
            if (n.kind === 'delay') return <AssumptionRow key={n.id} cells={[n.name, dept.get(n.departmentId ?? '') ?? '—', '—', describeDuration(n.duration, project.timeUnit), 'no staff (handoff or waiting)']} />;
            if (n.kind === 'split') {
              const outs = scenario.flow.edges.filter((e) => e.source === n.id);
              const to = outs.map((e) => scenario.flow.nodes.find((x) => x.id === e.target)?.name ?? e.target);
              if (n.mode === 'inclusive') {
                const chances = to.map((name, k) => `${name} (${outs[k]!.probability !== undefined ? formatShare(outs[k]!.probability!) : '?'})`);
                return <AssumptionRow key={n.id} cells={[n.name, '—', '—', '—', `split into one or more of: ${chances.join(', ')}, each on its own chance`]} />;
              }
              return <AssumptionRow key={n.id} cells={[n.name, '—', '—', '—', `parallel split: at once to ${to.join(', ')}`]} />;
            }
            if (n.kind === 'join') return <AssumptionRow key={n.id} cells={[n.name, '—', '—', '—', 'join: waits for all parts']} />;
            return null;
          })}
        </tbody>
      </table>
    </div>
  );
}

function AssumptionRow({ cells }: { cells: [string, string, string, string, string] }) {
  return (
    <tr>
      {cells.map((c, i) => (
        <td key={i}>{c}</td>
      ))}
    </tr>
  );
}
