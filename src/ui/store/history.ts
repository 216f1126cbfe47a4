// Whether Undo and Redo have anything to do, following the undo history itself (zundo's store),
// so the buttons are enabled exactly when a step can be undone or redone.
import { useStore } from 'zustand';
import type { AppStore } from './index';

export function useHistory(store: AppStore): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
