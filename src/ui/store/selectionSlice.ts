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
  /** The project settings panel is open (it also opens on its own when something is selected). */
  settingsOpen: boolean;
  toggleSettings: (open?: boolean) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: { nodes: [], edges: [] },
  select: (selection) => set({ selection }),
  focusNodeId: undefined,
  focusNode: (focusNodeId) => set({ focusNodeId }),
  settingsOpen: false,
  toggleSettings: (open) => set((s) => ({ settingsOpen: open ?? !s.settingsOpen })),
});
