// Running the simulation from the UI: always in Web Workers (src/worker), never on this thread.
import type { StateCreator } from 'zustand';
import type { ResultsDocument } from '../../engine/results';
import { projectHash } from '../../engine/results';
import type { AppState } from './index';
import { getPool } from '../run/pool';
import { runExperimentInPool } from '../../worker/experiment';
import { SimulationError } from '../../engine/types';

export interface RunProgress {
  done: number;
  total: number;
  etaMs: number | undefined;
}

export interface RunSlice {
  runStatus: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  runProgress: RunProgress | undefined;
  runError: string | undefined;
  results: ResultsDocument | undefined;
  /** Hash of the project the results came from: when it differs from the current one, they are stale. */
  resultsHash: string | undefined;
  startRun: (scope: 'all' | 'current') => Promise<void>;
  cancelRun: () => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  runStatus: 'idle',
  runProgress: undefined,
  runError: undefined,
  results: undefined,
  resultsHash: undefined,
  startRun: async (scope) => {
    const { project, scenarioId } = get();
    if (get().runStatus === 'running') return;
    set({ runStatus: 'running', runError: undefined, runProgress: { done: 0, total: 0, etaMs: undefined } });
    try {
      const results = await runExperimentInPool(getPool(), project, {
        scenarioIds: scope === 'all' ? undefined : [scenarioId],
        onProgress: (p) => set({ runProgress: p }),
      });
      set({ runStatus: 'done', results, resultsHash: projectHash(project), runProgress: undefined });
    } catch (err) {
      if (err instanceof SimulationError && err.code === 'cancelled') set({ runStatus: 'cancelled', runProgress: undefined });
      else set({ runStatus: 'error', runError: err instanceof Error ? err.message : String(err), runProgress: undefined });
    }
  },
  cancelRun: () => getPool().cancel(),
});
