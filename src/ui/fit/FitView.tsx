// How well the simulated baseline reproduces the log: the six distance measures, each explained in
// one line, then the log beside the simulation — cycle times, when cases start and work is done,
// how often each step occurs and how long customers wait before it.
import type { FitComparison } from '../../discovery/fit';
import { MEASURES } from '../../discovery/measures';
import { formatCount, formatDuration, formatNumber, formatShare } from '../../engine/format';
import { LOG_COLOR, PairedBars, PairedCurves, SIM_COLOR } from './charts';
import './fit.css';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const hours = (v: number) => formatDuration(v, 'hours');

function period(from: number, to: number): string {
  if (!(to > 0)) return '';
  const f = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${f(from)} – ${f(to)}`;
}

function measureValue(key: keyof typeof MEASURES, v: number): string {
  return MEASURES[key].unit === 'hours' ? hours(v) : formatNumber(v);
}

export function FitView({ fit, title = 'How well the simulation fits the log' }: { fit: FitComparison; title?: string }) {
  const runs = fit.simulated.runs;
  const ct = fit.cycleTime;
  const binLabels = Array.from({ length: ct.bins }, (_, i) => (i === ct.bins - 1 ? `≥ ${hours(i * ct.binHours)}` : hours(i * ct.binHours)));
  const edges = Array.from({ length: ct.bins + 1 }, (_, i) => i * ct.binHours);
  const maxCount = Math.max(1, ...fit.activities.map((a) => Math.max(a.log, a.simulated)));
  const maxWait = Math.max(1e-9, ...fit.waiting.map((w) => Math.max(w.log ?? 0, w.simulated ?? 0)));
  return (
    <section className="sf-fit" aria-label={title} data-testid="fit-view">
      <header className="sf-fit__head">
        <h2>{title}</h2>
        <p data-testid="fit-summary">
          <b style={{ color: LOG_COLOR }}>Log</b>: {formatCount(fit.log.cases)} cases, {formatCount(fit.log.events)} activities{fit.log.to > 0 ? `, ${period(fit.log.from, fit.log.to)}` : ''}.{' '}
          <b style={{ color: SIM_COLOR }}>Simulated</b>: {runs === 1 ? 'one run' : `${runs} runs`} of {formatCount(fit.simulated.cases)} cases and {formatCount(fit.simulated.events)} activities{runs > 1 ? ' on average' : ''}.
        </p>
      </header>
      <table className="sf-fit__measures" data-testid="fit-measures">
        <thead>
          <tr>
            <th>Distance (lower is closer)</th>
            <th>{runs > 1 ? `Mean (range over ${runs} runs)` : 'Value'}</th>
            <th>What it says</th>
          </tr>
        </thead>
        <tbody>
          {fit.measures.map((m) => (
            <tr key={m.key} data-testid={`fit-measure-${m.key}`}>
              <th scope="row">
                {MEASURES[m.key].name} <abbr>({MEASURES[m.key].short})</abbr>
              </th>
              <td className="sf-num">
                {measureValue(m.key, m.mean)}
                {runs > 1 && <span className="sf-ci"> ({measureValue(m.key, m.min)} – {measureValue(m.key, m.max)})</span>}
              </td>
              <td className="sf-fit__explain">{MEASURES[m.key].explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sf-fit__charts">
        <PairedBars title="Cycle time: share of cases" testId="fit-cycle-hist" categories={binLabels} log={ct.log} simulated={ct.simulated} format={formatShare} labels={6} />
        <PairedCurves
          title="Cycle time: share of cases done within"
          testId="fit-cycle-cdf"
          xs={edges}
          log={fit.cycleTimeCumulative.log}
          simulated={fit.cycleTimeCumulative.simulated}
          formatX={hours}
          formatY={formatShare}
        />
        <PairedBars title="Cases started per day, by hour" testId="fit-cases-hour" categories={HOURS} log={fit.casesByHour.log} simulated={fit.casesByHour.simulated} format={formatNumber} labels={8} />
        <PairedBars title="Activities finished per day, by hour" testId="fit-work-hour" categories={HOURS} log={fit.workByHour.log} simulated={fit.workByHour.simulated} format={formatNumber} labels={8} />
        <PairedBars title="Cases started, by weekday" testId="fit-cases-weekday" categories={WEEKDAYS} log={fit.casesByWeekday.log} simulated={fit.casesByWeekday.simulated} format={formatShare} />
        <PairedBars title="Activities finished, by weekday" testId="fit-work-weekday" categories={WEEKDAYS} log={fit.workByWeekday.log} simulated={fit.workByWeekday.simulated} format={formatShare} />
      </div>
      <table className="sf-fit__steps" data-testid="fit-steps">
        <thead>
          <tr>
            <th>Step</th>
            <th colSpan={2}>How often (log · simulated)</th>
            <th colSpan={2}>Mean wait before it (log · simulated)</th>
          </tr>
        </thead>
        <tbody>
          {fit.activities.map((a, i) => {
            const w = fit.waiting[i]!;
            return (
              <tr key={a.name}>
                <th scope="row">{a.name}</th>
                <td className="sf-num">
                  {formatCount(a.log)} · {formatCount(a.simulated)}
                </td>
                <td className="sf-fit__bars">
                  <i style={{ width: `${(100 * a.log) / maxCount}%`, background: LOG_COLOR }} />
                  <i style={{ width: `${(100 * a.simulated) / maxCount}%`, background: SIM_COLOR }} />
                </td>
                <td className="sf-num">
                  {w.log === null ? 'not measured' : hours(w.log)} · {w.simulated === null ? 'not measured' : hours(w.simulated)}
                </td>
                <td className="sf-fit__bars">
                  <i style={{ width: `${(100 * (w.log ?? 0)) / maxWait}%`, background: LOG_COLOR }} />
                  <i style={{ width: `${(100 * (w.simulated ?? 0)) / maxWait}%`, background: SIM_COLOR }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
