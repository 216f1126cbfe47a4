// The hook for the fit view: the log the baseline on screen was discovered from, kept on the
// page (typed arrays, transferred from the worker) so that a view can simulate the baseline and
// set it beside the log. Listeners hear of each new discovery.
import type { EventLog } from '../../model/interop/eventlog/types';
import type { DiscoveryOutcome } from '../../worker/discover';

let last: DiscoveryOutcome | undefined;
const listeners = new Set<(o: DiscoveryOutcome) => void>();

/** The latest discovery whose baseline the user opened (log, reports, project). */
export function lastDiscovery(): DiscoveryOutcome | undefined {
  return last;
}

export function discoveredLog(): EventLog | undefined {
  return last?.log;
}

export function setDiscovery(o: DiscoveryOutcome): void {
  last = o;
  for (const l of listeners) l(o);
}

/** Calls `l` after each discovered baseline is opened; returns the unsubscribe. */
export function onDiscovery(l: (o: DiscoveryOutcome) => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}
