// Opening a share link when the app starts. A valid link whose project differs from the one the
// user was working on asks first (the autosave would otherwise overwrite that work); a broken
// link or one from a newer version says what is wrong and leaves the user's project alone.
import type { AppStore } from './store';
import { sameProject } from './store/documentSlice';
import { readShareFragment } from './share';
import { downloadText, fileName } from './persist';

export function openSharedLink(store: AppStore, hash: string, hadSavedProject: boolean, clearFragment: () => void): void {
  const shared = readShareFragment(hash);
  if (shared.kind === 'none') return;
  clearFragment(); // a reload must not open the link again over later edits
  const state = store.getState();
  if (shared.kind === 'broken') {
    state.showMessage({
      kind: 'error',
      title: 'The shared link could not be opened',
      lines: [...shared.lines, hadSavedProject ? `Your own project "${state.project.name}" is unchanged.` : 'The built-in example is shown instead.'],
    });
    return;
  }
  const current = state.project;
  // One undo step: Undo brings the user's own project back while the page is open.
  const open = () => store.getState().replaceProject(shared.project);
  if (!hadSavedProject || sameProject(current, shared.project)) {
    open();
    return;
  }
  state.showMessage({
    kind: 'info',
    title: `Open the shared project "${shared.project.name}"?`,
    lines: [
      `It replaces your project "${current.name}" on screen and in this browser's autosave.`,
      'Save your project as a file first if you want to keep it.',
    ],
    actions: [
      { label: `Save "${current.name}" as a file, then open`, testId: 'link-save-open', run: () => (downloadText(fileName(current), JSON.stringify(current, null, 2) + '\n'), open()) },
      { label: 'Open the shared project', primary: true, testId: 'link-open', run: open },
      { label: 'Keep my project', testId: 'link-keep', run: () => undefined },
    ],
  });
}

/**
 * A share link pasted into a tab that already shows Serviceflow changes only the address's `#`
 * part: the page does not load again, so the link is read here, like on a fresh load (asking
 * before it replaces the project on screen).
 */
export function listenForSharedLinks(store: AppStore, clearFragment: () => void): () => void {
  const onHash = () => openSharedLink(store, window.location.hash, true, clearFragment);
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
