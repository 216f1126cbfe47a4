// Running the simulation from the UI: always in Web Workers (src/worker), never on this thread.
// Early results (from the first replications) are shown while the run goes on; results belong to
// the project they were computed for: opening another project drops them and stops its run.
import type { StateCreator } from 'zustand';
import type { ResultsDocument } from '../../engine/results';
import { projectHash } from '../../engine/results';
import type { AppState } from './index';
import { getPool, warmUpWhenIdle } from '../run/pool';
import { runExperimentInPool } from '../../worker/experiment';
import { SimulationError } from '../../engine/types';
import { throttleLatest } from '../run/throttle';

/** Milliseconds at least between two redraws of a run's progress. */
export const PROGRESS_EVERY_MS = 150;

export interface RunProgress {
  done: number;
  total: number;
  etaMs: number | undefined;
}

/** Results from the first replications of a run still going on (the results panel shows their key figures). */
export interface EarlyResults {
  results: ResultsDocument;
  /** Hash of the project they come from. */
  hash: string;
  /** Replications per scenario behind the figures. */
  replications: number;
  /** Replications per scenario the run will have (undefined: until precise enough). */
  of: number | undefined;
}

export interface RunSlice {
  runStatus: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  runProgress: RunProgress | undefined;
  runError: string | undefined;
  results: ResultsDocument | undefined;
  /** Hash of the project the results came from: when it differs from the current one, they are stale. */
  resultsHash: string | undefined;
  /** Early figures of the run in progress; `results` keep the previous run's until it has finished. */
  early: EarlyResults | undefined;
  startRun: (scope: 'all' | 'current') => Promise<void>;
  cancelRun: () => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get, api) => {
  // Another project opened: its predecessor's results and run have nothing to do with it.
  api.subscribe((s, prev) => {
    if (s.projectIdentity === prev.projectIdentity) return;
    if (s.runStatus === 'running') getPool().cancel();
    const same = s.results !== undefined && s.resultsHash === projectHash(s.project);
    if (!same) set({ results: undefined, resultsHash: undefined, early: undefined, runStatus: 'idle', runError: undefined, runProgress: undefined });
  });

  return {
    runStatus: 'idle',
    runProgress: undefined,
    runError: undefined,
    results: undefined,
    resultsHash: undefined,
    early: undefined,
    startRun: async (scope) => {
      const { project, scenarioId, projectIdentity } = get();
      if (get().runStatus === 'running') return;
      const hash = projectHash(project);
      const ours = () => get().projectIdentity === projectIdentity;
      const rule = project.run.replications;
      set({ runStatus: 'running', runError: undefined, runProgress: { done: 0, total: 0, etaMs: undefined } });
      // Progress redraws at most every PROGRESS_EVERY_MS (the last one too, a little later).
      const showProgress = throttleLatest((p: RunProgress) => {
        if (ours() && get().runStatus === 'running') set({ runProgress: p });
      }, PROGRESS_EVERY_MS);
      try {
        const results = await runExperimentInPool(getPool(), project, {
          scenarioIds: scope === 'all' ? undefined : [scenarioId],
          onProgress: showProgress,
          onPartial: (early, replications) => {
            if (ours() && get().runStatus === 'running') set({ early: { results: early, hash, replications, of: rule.kind === 'fixed' ? rule.count : undefined } });
          },
        });
        if (ours()) set({ runStatus: 'done', results, resultsHash: hash, early: undefined, runProgress: undefined });
      } catch (err) {
        const cancelled = err instanceof SimulationError && err.code === 'cancelled';
        // Early figures of a run that did not finish are not results: the previous ones stay.
        if (!ours()) set({ runStatus: 'idle', runProgress: undefined, early: undefined });
        else if (cancelled) set({ runStatus: 'cancelled', runProgress: undefined, early: undefined });
        else set({ runStatus: 'error', runError: err instanceof Error ? err.message : String(err), runProgress: undefined, early: undefined });
        // A cancel stops the workers: start fresh ones, warm, for the next run.
        if (cancelled) warmUpWhenIdle(() => get().project, 300);
      } finally {
        showProgress.cancel();
      }
    },
    cancelRun: () => getPool().cancel(),
  };
};
