import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface MessageAction {
  label: string;
  run: () => void;
  primary?: boolean;
  testId?: string;
}

export interface AppMessage {
  kind: 'error' | 'info';
  title: string;
  lines: string[];
  /** Folded sections after the lines, each with its own lines (e.g. an import report by kind). */
  groups?: { title: string; lines: string[]; testId?: string }[];
  /** Buttons instead of a plain Close; each closes the message after it runs. */
  actions?: MessageAction[];
}

export interface MessageSlice {
  message: AppMessage | undefined;
  showMessage: (m: AppMessage | undefined) => void;
}

export const createMessageSlice: StateCreator<AppState, [], [], MessageSlice> = (set) => ({
  message: undefined,
  showMessage: (message) => set({ message }),
});
