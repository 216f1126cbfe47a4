// The line under "Results": how many replications the figures rest on and how precise the mean
// wait is; while a run is still going, that these are early figures and more are on the way.
import type { ResultsDocument } from '../../engine/results';
import { formatShare } from '../../engine/format';
import type { EarlyResults } from '../store/runSlice';
import { meanWaitPrecision } from './precision';
import './run.css';

export function ResultsStatus({ results, early }: { results: ResultsDocument; early: { replications: number; of: number | undefined } | undefined }) {
  const precision = meanWaitPrecision(results);
  const plusMinus = precision !== undefined ? ` · mean wait ± ${formatShare(precision)}` : '';
  if (early) {
    return (
      <span className="sf-live" data-testid="results-precision" title="Figures from the replications finished so far: their ranges narrow as more arrive">
        <span className="sf-live__dot" aria-hidden="true" />
        Early figures: {early.replications}
        {early.of !== undefined ? ` of ${early.of}` : ''} replications per scenario{plusMinus} · more on the way
      </span>
    );
  }
  return (
    <span className="sf-muted" data-testid="results-precision">
      {results.settings.replications} replications{plusMinus} · seed {results.settings.seed} · 95 % confidence intervals
    </span>
  );
}
