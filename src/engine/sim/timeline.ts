// The timeline of a replication: queue lengths, customers inside, exits, their waiting and money,
// per bin of the observation window.
import type { CostStats, ReplicationResult } from '../types';
import { binCosts } from './costs';
import type { Sim } from './state';
import { byId } from '../../model/ids';

export function timeline(s: Sim, costs: CostStats, windowLength: number): ReplicationResult['timeline'] {
  const m = s.m;
  const st = s.stats;
  const queueLength = byId<number[]>();
  const count = binCount(s, windowLength);
  for (const i of m.stations) {
    const bins = st.qBins[i];
    if (bins) queueLength[m.nodeIds[i]!] = binAverages(s, bins.finish(st.qArea[i]!), count, windowLength);
  }
  return {
    start: s.ws,
    binWidth: st.binWidth,
    queueLength,
    workInProgress: binAverages(s, st.wipBins.finish(st.wipArea), count, windowLength),
    exits: Array.from(st.exitBinCount.subarray(0, count)),
    waitingTime: Array.from(st.exitBinCount.subarray(0, count), (n, b) => (n > 0 ? st.exitBinWait[b]! / n : 0)),
    costs: binCosts(s, costs, count, windowLength),
  };
}

/** Bins actually covered by the window (the customers horizon may end early or late). */
function binCount(s: Sim, windowLength: number): number {
  if (windowLength <= 0) return 0;
  return Math.max(1, Math.min(s.stats.nBins, Math.ceil(windowLength / s.stats.binWidth - 1e-9)));
}

function binAverages(s: Sim, bins: Float64Array, count: number, windowLength: number): number[] {
  const binWidth = s.stats.binWidth;
  const out: number[] = [];
  for (let b = 0; b < count; b++) {
    const start = b * binWidth;
    const width = b === count - 1 ? windowLength - start : binWidth;
    out.push(width > 0 ? bins[b]! / width : 0);
  }
  return out;
}
