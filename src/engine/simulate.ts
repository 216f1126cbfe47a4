// One replication of one scenario: a pure function of (project, scenario, replication index).
//
// Counting rules (the observation window is [warm-up, end of run]):
// - `arrived`, `abandoned`, `turnedAway` count events inside the window; `exited` counts
//   customers who leave through an exit inside the window, and their full waiting and total
//   times (including any part before the window) go into the statistics.
// - Conservation holds exactly: insideAtWindowStart + arrived = exited + abandoned + turnedAway +
//   inSystemAtEnd.
// - A step's waiting time is counted when service starts inside the window; abandoners' waits go
//   into the step's totalWaiting but not into its waitingTime sample.
// - Time averages (queue length, busy staff, customers inside) integrate over the window only.
// - Parallel work: a split case is one customer for every count above; its parts (customer indices
//   of their own) never give up and are never turned away, and count in a step's figures like any
//   visit. The case's waiting time adds the waiting of the part that arrived last.
// - Horizon 'duration': the run ends at warm-up + duration. Horizon 'customers': the run ends at
//   the moment of the count-th arrival after the warm-up.
//
// The engine itself lives in ./sim/ (see docs/engine.md): state.ts holds the replication's state,
// loop.ts runs the events, events.ts says which module handles each kind, result.ts assembles the
// result.
import type { Project } from '../model/schema';
import { compileScenario } from './compile';
import { runEvents } from './sim/loop';
import { assembleResult } from './sim/result';
import { Sim } from './sim/state';
import type { ReplicationOptions, ReplicationResult } from './types';

export { learningFactor } from './sim/learning';

export function simulateReplication(project: Project, scenarioId: string, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const m = compileScenario(project, scenarioId);
  const s = new Sim(project, m, replication, options);
  const end = runEvents(s);
  return assembleResult(s, end);
}
