// The app's store: zustand, in slices, with undo/redo (zundo) over the project document only —
// never React Flow's measurements or the selection, so Undo always reverts a user's edit.
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { Project } from '../../model/schema';
import { createDocumentSlice, baselineId, sameProject, type DocumentSlice } from './documentSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createMessageSlice, type MessageSlice } from './messageSlice';
import { createRunSlice, type RunSlice } from './runSlice';

export type AppState = DocumentSlice & SelectionSlice & MessageSlice & RunSlice;

export function createAppStore(initial: Project) {
  return create<AppState>()(
    temporal(
      (...a) => ({
        ...createDocumentSlice(initial)(...a),
        ...createSelectionSlice(...a),
        ...createMessageSlice(...a),
        ...createRunSlice(...a),
      }),
      {
        partialize: (s) => ({ project: s.project }),
        equality: (a, b) => sameProject(a.project, b.project),
        limit: 200,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The scenario on screen (falls back to the baseline when an undo removed the active one). */
export function activeScenario(s: Pick<AppState, 'project' | 'scenarioId'>) {
  return s.project.scenarios.find((x) => x.id === s.scenarioId) ?? s.project.scenarios.find((x) => x.id === baselineId(s.project))!;
}

export function undo(store: AppStore) {
  store.temporal.getState().undo();
}

export function redo(store: AppStore) {
  store.temporal.getState().redo();
}
