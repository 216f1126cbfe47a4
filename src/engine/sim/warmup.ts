// Is the warm-up long enough? MSER-5 on the times in system of every customer in exit order.
import { mser5 } from '../stats';
import type { ReplicationResult } from '../types';
import type { Sim } from './state';

/**
 * MSER-5 on the times in system of every customer in exit order (warm-up included), first
 * averaged in groups (between 1,000 and 2,000 groups of 2^k customers, see GroupedSeries). The
 * suggested warm-up is the exit time where the MSER-5 truncation falls. The configured warm-up is
 * called too short when the suggestion is later AND truncating at the configured warm-up leaves a
 * standard error of the mean at least 10 % above the MSER-5 optimum (statistic ratio ≥ 1.21): on
 * a steady series MSER's choice is noise, and that second condition keeps such noise from raising
 * a warning.
 */
export function warmupCheck(s: Sim): ReplicationResult['warmup'] {
  const series = s.stats.exitSeries;
  const configured = s.ws;
  if (series.length < 40) return { suggested: 0, configured, tooShort: false };
  const mser = mser5(series.means());
  const suggested = mser.observations > 0 ? series.endTime(mser.observations - 1) : 0;
  const configuredBatch = Math.min(mser.statistics.length - 1, Math.floor(s.stats.exitsBeforeWarmup / series.size / 5));
  const atConfigured = configuredBatch >= 0 ? mser.statistics[configuredBatch]! : 0;
  const best = mser.statistics[mser.batches] ?? 0;
  const tooShort = suggested > configured && atConfigured >= 1.21 * best && best > 0;
  return { suggested, configured, tooShort };
}
