// Results: key figures with 95 % confidence intervals per scenario, the bottleneck in words, the
// before/after comparison, a step table and charts. Marked stale when the model changed since.
import { startTransition, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Report } from '../report/Report';
import { TransitionView } from './TransitionView';
import { formatCount, formatDuration, formatNumber, formatRate, formatShare, formatWhole } from '../../engine/format';
import { projectHash, type ResultsDocument } from '../../engine/results';
import { comparisonCaveat } from '../../engine/instability';
import type { EarlyResults } from '../store/runSlice';
import type { ScenarioResults } from '../../engine/aggregate';
import { useApp, useAppStore } from '../context';
import { activeScenario } from '../store';
import { downloadText, fileName } from '../persist';
import { WaitingCdf } from './WaitingCdf';
import { UtilizationChart } from './UtilizationChart';
import { HourHeatmap } from './HourHeatmap';
import { QueueOverTime } from './QueueOverTime';
import { ClassTimes } from './ClassTimes';
import { ExportLogButton } from './ExportLogButton';
import { KeyFigures, pm } from './KeyFigures';
import { stepTableCsv, stepTableRows, type StepRow } from './table';
import { formatWorkingDuration } from '../../model/duration';
import { ResultsStatus } from '../run/ResultsStatus';
import { RunProgress } from '../run/RunProgress';

/** While a run goes on, its early figures (key figures and comparisons only) replace the previous results. */
function shownResults(s: { early: EarlyResults | undefined; results: ResultsDocument | undefined; resultsHash: string | undefined }) {
  return { early: s.early, results: s.early?.results ?? s.results, hash: s.early?.hash ?? s.resultsHash };
}

export function ResultsPanel() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const scenario = useApp(activeScenario);
  // New figures are drawn in a transition (an interruptible render that yields to the page every
  // few milliseconds), so that drawing them never blocks the page in one long task while the
  // workers deliver results.
  const [{ early, results, hash: resultsHash }, setShownResults] = useState(() => shownResults(store.getState()));
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.early !== prev.early || s.results !== prev.results || s.resultsHash !== prev.resultsHash) startTransition(() => setShownResults(shownResults(s)));
      }),
    [store],
  );
  const status = useApp((s) => s.runStatus);
  const error = useApp((s) => s.runError);
  const [sortKey, setSortKey] = useState<keyof StepRow>('waitingShare');
  const [deptSort, setDeptSort] = useState<DeptSortKey>('waitingShare');
  const [reportOpen, setReportOpen] = useState(false);
  const [transition, setTransition] = useState<string | undefined>();
  useEffect(() => {
    document.body.classList.toggle('has-report', reportOpen);
    return () => document.body.classList.remove('has-report');
  }, [reportOpen]);
  const stale = results !== undefined && resultsHash !== projectHash(project);
  const unit = results?.project.timeUnit ?? project.timeUnit;

  const colors = useMemo(() => Object.fromEntries(project.scenarios.map((s, i) => [s.id, s.color ?? ['#4e79a7', '#f28e2b', '#59a14f', '#e15759'][i % 4]!])), [project.scenarios]);
  if (status === 'idle' && !results) return null;

  const shown = results?.scenarios.find((s) => s.id === scenario.id) ?? results?.scenarios[0];
  const rows = shown ? stepTableRows(shown).sort((a, b) => (typeof a[sortKey] === 'string' ? String(a[sortKey]).localeCompare(String(b[sortKey])) : Number(b[sortKey]) - Number(a[sortKey]))) : [];

  return (
    <section className="sf-results" aria-label="Results" data-testid="results" data-state={results ? (early ? 'early' : 'final') : undefined}>
      {transition && (
        <TransitionView
          project={project}
          proposalId={transition}
          steady={stale ? undefined : results?.scenarios.find((x) => x.kind === 'baseline')?.overall.waitingTime.mean}
          onClose={() => setTransition(undefined)}
        />
      )}
      {reportOpen && results && createPortal(<Report project={project} results={results} stale={stale} onClose={() => setReportOpen(false)} />, document.body)}
      <RunProgress />
      {status === 'error' && (
        <div className="sf-banner sf-banner--error" role="alert" data-testid="run-error">
          The simulation stopped: {error}
        </div>
      )}
      {status === 'cancelled' && <div className="sf-banner">The run was cancelled. {results ? 'The figures below are from the previous run.' : ''}</div>}
      {stale && (
        <div className="sf-banner sf-banner--stale" data-testid="stale">
          The model has changed since these results were computed. Run again to update them.
        </div>
      )}
      {results && (
        <>
          <div className="sf-results__head">
            <h2>Results</h2>
            <ResultsStatus results={results} early={early} />
            <span className="sf-header__spacer" />
            {project.scenarios.some((x) => x.kind === 'proposal') && (
              <button
                className="sf-link"
                onClick={() => setTransition(scenario.kind === 'proposal' ? scenario.id : project.scenarios.find((x) => x.kind === 'proposal')!.id)}
                data-testid="open-transition"
                title="The proposal from its first day, week by week, next to today's steady state"
              >
                Transition
              </button>
            )}
            <button className="sf-link" onClick={() => setReportOpen(true)} data-testid="open-report" disabled={!!early} title="One page per scenario, to print or save as PDF">
              Printable report
            </button>
            <button className="sf-link" onClick={() => downloadText(fileName(project).replace(/\.json$/, '.results.json'), JSON.stringify(results, null, 2) + '\n')} data-testid="export-json" disabled={!!early}>
              Export results (JSON)
            </button>
            {shown && (
              <button className="sf-link" onClick={() => downloadText(`${shown.name}.steps.csv`, stepTableCsv(shown), 'text/csv')} data-testid="export-csv" disabled={!!early}>
                Step table (CSV)
              </button>
            )}
            <ExportLogButton project={project} scenarioId={scenario.id} />
          </div>
          <div className="sf-cards">
            {results.scenarios.map((s) => (
              <KeyFigures key={s.id} s={early ? { ...s, warnings: s.warnings.filter((w) => w.kind !== 'precision') } : s} unit={unit} color={colors[s.id]!} bottleneck={s.bottlenecks.statement} costs={project.costs} />
            ))}
          </div>
          {results.comparisons.map((c) => {
            const prop = results.scenarios.find((s) => s.id === c.proposalId);
            const base = results.scenarios.find((s) => s.id === c.baselineId);
            return (
              <div className="sf-compare" key={c.proposalId} data-testid={`comparison-${c.proposalId}`}>
                <h3>
                  {prop?.name} compared with {base?.name}
                </h3>
                {base && prop && comparisonCaveat(base, prop) && (
                  <p className="sf-warning" data-testid="comparison-caveat">
                    ⚠ {comparisonCaveat(base, prop)}
                  </p>
                )}
                <ul>
                  {c.overall
                    .filter((m) => m.baseline !== 0 || m.proposal !== 0)
                    .map((m) => (
                      <li key={m.metric} className={m.significant ? ((m.proposal < m.baseline) === m.lowerIsBetter ? 'is-better' : 'is-worse') : 'is-same'}>
                        {m.sentence}
                      </li>
                    ))}
                </ul>
                {c.departments.length > 0 && (
                  <details>
                    <summary>By department</summary>
                    <ul>
                      {c.departments.map((d) => (
                        <li key={d.id}>
                          <strong>{d.name}:</strong> {d.metrics[0]!.sentence.replace(/^Mean wait/, 'mean wait')}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {(c.onlyInBaseline.steps.length > 0 || c.onlyInProposal.steps.length > 0) && (
                  <p className="sf-muted">
                    {c.onlyInProposal.steps.length > 0 && <>Only in the proposal: {c.onlyInProposal.steps.map((id) => prop?.steps[id]?.name ?? id).join(', ')}. </>}
                    {c.onlyInBaseline.steps.length > 0 && <>Only in the baseline: {c.onlyInBaseline.steps.map((id) => base?.steps[id]?.name ?? id).join(', ')}.</>}
                  </p>
                )}
              </div>
            );
          })}
          {early && (
            <p className="sf-muted" data-testid="early-note">
              Charts and tables follow when the run has finished.
            </p>
          )}
          {!early && <div className="sf-charts">
            <WaitingCdf scenarios={results.scenarios} colors={colors} unit={unit} />
            <UtilizationChart scenarios={results.scenarios} colors={colors} />
            {shown && <QueueOverTime scenario={shown} unit={unit} stepIds={shown.bottlenecks.ranking.slice(0, 3).map((b) => b.stepId)} />}
            {project.classes.length > 1 && <ClassTimes scenarios={results.scenarios} classes={project.classes} colors={colors} unit={unit} />}
          </div>}
          {shown && !early && <HourHeatmap scenario={shown} />}
          {shown && !early && (
            <div className="sf-table-wrap">
              <h3>Steps of “{shown.name}”</h3>
              <table className="sf-table" data-testid="step-table">
                <SortableHead columns={STEP_COLUMNS} sortKey={sortKey} onSort={setSortKey} />
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} onClick={() => store.getState().select({ nodes: [r.id], edges: [] })}>
                      <td>{r.name}</td>
                      <td>{formatRate(r.arrivalRate, unit)}</td>
                      <td>{formatShare(r.waitedShare)}</td>
                      <td>
                        {pm(formatDuration(r.waitMean, unit), formatDuration(r.waitMeanCi, unit))}
                        {r.workWaitMean !== undefined && <span className="sf-muted" data-testid="step-wait-working"> · {formatWorkingDuration(r.workWaitMean, unit, shown.overall.workingTime?.hoursPerWorkingDay ?? 0)}</span>}
                      </td>
                      <td>{formatDuration(r.waitP90, unit)}</td>
                      <td>{formatDuration(r.waitMax, unit)}</td>
                      <td>{pm(formatNumber(r.queueMean), formatNumber(r.queueMeanCi))}</td>
                      <td>{formatWhole(r.queueMax)}</td>
                      <td>{pm(formatShare(r.utilization), formatShare(r.utilizationCi))}</td>
                      <td>{formatRate(r.throughput, unit)}</td>
                      <td>{formatDuration(r.timeAtStep, unit)}</td>
                      <td title={r.abandoned > 0 ? `those who gave up waited ${formatDuration(r.abandonedWait, unit)} on average` : undefined}>
                        {formatCount(r.abandoned)}
                        {r.abandoned > 0 && <span className="sf-muted"> after {formatDuration(r.abandonedWait, unit)}</span>}
                      </td>
                      <td>{formatShare(r.waitingShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>Departments of “{shown.name}”</h3>
              <table className="sf-table" data-testid="department-table">
                <SortableHead columns={DEPT_COLUMNS} sortKey={deptSort} onSort={setDeptSort} />
                <tbody>
                  {Object.values(shown.departments)
                    .sort((a, b) => (deptSort === 'name' ? a.name.localeCompare(b.name) : deptValue(b, deptSort) - deptValue(a, deptSort)))
                    .map((d) => (
                      <tr key={d.id}>
                        <td>{d.name}</td>
                        <td>{formatCount(d.staff)}</td>
                        <td>{pm(formatDuration(d.waitingTime.mean, unit), formatDuration(d.waitingTime.ci95, unit))}</td>
                        <td>{formatDuration(d.waitingTime.p90.mean, unit)}</td>
                        <td>{formatDuration(d.waitingTime.max.mean, unit)}</td>
                        <td>{pm(formatNumber(d.queueLength.mean.mean), formatNumber(d.queueLength.mean.ci95))}</td>
                        <td>{formatWhole(d.queueLength.max.mean)}</td>
                        <td>{pm(formatShare(d.utilization.mean), formatShare(d.utilization.ci95))}</td>
                        <td>{formatRate(d.throughput.mean, unit)}</td>
                        <td>{formatCount(d.abandoned.mean)}</td>
                        <td>{formatShare(d.waitingShare.mean)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {Object.keys(shown.systems ?? {}).length > 0 && (
                <>
                  <h3>Systems of “{shown.name}”</h3>
                  <table className="sf-table" data-testid="system-table">
                    <thead>
                      <tr>
                        <th>System</th>
                        <th>Available</th>
                        <th>Failures in the run</th>
                        <th title="Customers waiting at the steps that need the system while it was down, or whose service was paused by it, in customer-hours per day. Backlog left after a repair is not counted.">Customers held up while down (customer-hours a day)</th>
                        <th title="Of all the time customers spent waiting at steps (including paused service)">Share of all waiting</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.values(shown.systems).map((x) => (
                        <tr key={x.id}>
                          <td>{x.name}</td>
                          <td>{pm(formatShare(x.availability.mean), formatShare(x.availability.ci95))}</td>
                          <td>{pm(formatCount(x.failures.mean), formatNumber(x.failures.ci95))}</td>
                          <td data-testid={`system-held-up-${x.id}`}>{pm(formatNumber(x.heldUpHoursPerDay.mean), formatNumber(x.heldUpHoursPerDay.ci95))}</td>
                          <td>{pm(formatShare(x.waitingWhileDownShare.mean), formatShare(x.waitingWhileDownShare.ci95))}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
              {Object.keys(shown.joins ?? {}).length > 0 && (
                <>
                  <h3>Parallel work in “{shown.name}”</h3>
                  <table className="sf-table" data-testid="join-table">
                    <thead>
                      <tr>
                        <th>Join</th>
                        <th>Cases joined</th>
                        <th title="Per case: from the arrival of its first part at the join until its last part arrived">Waiting for the other parts (mean)</th>
                        <th>90th percentile</th>
                        <th title="Average over every part: how long it waited at the join for the others">Per part (mean)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.values(shown.joins).map((j) => (
                        <tr key={j.id} data-testid={`join-row-${j.id}`}>
                          <td>{j.name}</td>
                          <td>{pm(formatCount(j.cases.mean), formatCount(j.cases.ci95))}</td>
                          <td>{pm(formatDuration(j.waitForParts.mean, unit), formatDuration(j.waitForParts.ci95, unit))}</td>
                          <td>{formatDuration(j.waitForParts.p90.mean, unit)}</td>
                          <td>{pm(formatDuration(j.partWait.mean, unit), formatDuration(j.partWait.ci95, unit))}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
              {Object.keys(shown.pools ?? {}).length > 0 && (
                <>
                  <h3>Staff pools of “{shown.name}”</h3>
                  <table className="sf-table" data-testid="pool-table">
                    <thead>
                      <tr>
                        <th>Pool</th>
                        <th>People</th>
                        <th>Busy</th>
                        <th>Steps served</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.values(shown.pools).map((p) => (
                        <tr key={p.id}>
                          <td>{p.name}</td>
                          <td>{p.size}</td>
                          <td>{pm(formatShare(p.utilization.mean), formatShare(p.utilization.ci95))}</td>
                          <td>{p.steps.map((id) => shown.steps[id]?.name ?? id).join(', ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function SortableHead<K extends string>({ columns, sortKey, onSort }: { columns: [K, string][]; sortKey: K; onSort: (k: K) => void }) {
  return (
    <thead>
      <tr>
        {columns.map(([k, label]) => (
          <th key={k} aria-sort={sortKey === k ? 'descending' : undefined}>
            <button onClick={() => onSort(k)}>{label}</button>
          </th>
        ))}
      </tr>
    </thead>
  );
}

const STEP_COLUMNS: [keyof StepRow, string][] = [
  ['name', 'Step'],
  ['arrivalRate', 'Arriving'],
  ['waitedShare', 'Had to wait'],
  ['waitMean', 'Mean wait'],
  ['waitP90', 'p90 wait'],
  ['waitMax', 'Longest wait'],
  ['queueMean', 'Mean queue'],
  ['queueMax', 'Longest queue'],
  ['utilization', 'Busy'],
  ['throughput', 'Served'],
  ['timeAtStep', 'Time there per visit'],
  ['abandoned', 'Gave up'],
  ['waitingShare', 'Share of waiting'],
];

type DeptSortKey = 'name' | 'staff' | 'waitMean' | 'waitP90' | 'waitMax' | 'queueMean' | 'queueMax' | 'utilization' | 'throughput' | 'abandoned' | 'waitingShare';
const DEPT_COLUMNS: [DeptSortKey, string][] = [
  ['name', 'Department'],
  ['staff', 'Staff'],
  ['waitMean', 'Mean wait'],
  ['waitP90', 'p90 wait'],
  ['waitMax', 'Longest wait'],
  ['queueMean', 'Mean queue'],
  ['queueMax', 'Longest queue'],
  ['utilization', 'Busy'],
  ['throughput', 'Served'],
  ['abandoned', 'Gave up'],
  ['waitingShare', 'Share of waiting'],
];

function deptValue(d: ScenarioResults['departments'][string], k: DeptSortKey): number {
  switch (k) {
    case 'staff':
      return d.staff;
    case 'waitMean':
      return d.waitingTime.mean;
    case 'waitP90':
      return d.waitingTime.p90.mean;
    case 'waitMax':
      return d.waitingTime.max.mean;
    case 'queueMean':
      return d.queueLength.mean.mean;
    case 'queueMax':
      return d.queueLength.max.mean;
    case 'utilization':
      return d.utilization.mean;
    case 'throughput':
      return d.throughput.mean;
    case 'abandoned':
      return d.abandoned.mean;
    default:
      return d.waitingShare.mean;
  }
}
