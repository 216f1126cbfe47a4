// How precise the figures on screen are, in one number: the 95 % half-width of the mean wait as a
// share of the mean, the widest over the scenarios run (undefined when nobody waited anywhere).
import type { ResultsDocument } from '../../engine/results';

export function meanWaitPrecision(results: ResultsDocument): number | undefined {
  let widest: number | undefined;
  for (const s of results.scenarios) {
    const { mean, ci95 } = s.overall.waitingTime;
    if (!(mean > 0) || !Number.isFinite(ci95)) continue;
    widest = Math.max(widest ?? 0, ci95 / mean);
  }
  return widest;
}
