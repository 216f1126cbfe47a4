import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface SelectionSlice {
  selection: Selection;
  select: (selection: Selection) => void;
  /** Asks the canvas to centre on a node (set by the validation list). */
  focusNodeId: string | undefined;
  focusNode: (id: string | undefined) => void;
  /**
   * The project settings are shown. Opening them clears the selection (so the panel shows the
   * settings, not the selected step); selecting something closes them.
   */
  settingsOpen: boolean;
  toggleSettings: (open?: boolean) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: { nodes: [], edges: [] },
  select: (selection) => set(selection.nodes.length + selection.edges.length > 0 ? { selection, settingsOpen: false } : { selection }),
  focusNodeId: undefined,
  focusNode: (focusNodeId) => set({ focusNodeId }),
  settingsOpen: false,
  toggleSettings: (open) =>
    set((s) => {
      // Showing a selected step, the button opens the settings (rather than closing what is not shown).
      const shown = s.settingsOpen && s.selection.nodes.length + s.selection.edges.length === 0;
      const next = open ?? !shown;
      return next ? { settingsOpen: true, selection: { nodes: [], edges: [] } } : { settingsOpen: false };
    }),
});
