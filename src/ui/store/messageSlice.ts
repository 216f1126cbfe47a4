import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface AppMessage {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
}

export interface MessageSlice {
  message: AppMessage | undefined;
  showMessage: (m: AppMessage | undefined) => void;
}

export const createMessageSlice: StateCreator<AppState, [], [], MessageSlice> = (set) => ({
  message: undefined,
  showMessage: (message) => set({ message }),
});
