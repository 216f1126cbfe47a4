// Opening a file, an example or a new empty project replaces the project on screen. Like a share
// link, it asks first when the project on screen has changes that are in no file (not an untouched
// example or empty project, not what was last saved or opened, and not the very project being
// opened); either way Undo brings it back.
import type { Project } from '../model/schema';
import { EXAMPLES, getExample } from '../model/examples';
import type { AppStore } from './store';
import { sameProject } from './store/documentSlice';
import { emptyProject } from './store/edits';
import { downloadText, fileName } from './persist';

let lastSaved: string | undefined;

/** Remembers the project as saved to (or opened from) a file. */
export function rememberSaved(p: Project): void {
  lastSaved = JSON.stringify(p);
}

/** True when replacing the project loses nothing: it is a built-in example, an empty project, or what was last saved or opened. */
export function isPristine(p: Project): boolean {
  return JSON.stringify(p) === lastSaved || sameProject(p, emptyProject()) || EXAMPLES.some((ex) => sameProject(p, getExample(ex.id)!.project));
}

/** Replaces the project, asking first when that would throw away the user's own work. */
export function replaceAsking(store: AppStore, next: Project, what: string, after?: () => void, opts: { fromFile?: boolean } = {}): void {
  const current = store.getState().project;
  const open = () => {
    store.getState().replaceProject(next);
    if (opts.fromFile) rememberSaved(next);
    after?.();
  };
  if (isPristine(current) || sameProject(current, next)) {
    open();
    return;
  }
  store.getState().showMessage({
    kind: 'info',
    title: `Open ${what}?`,
    lines: [`It replaces your project "${current.name}" on screen and in this browser's autosave. Undo (Ctrl+Z) brings it back while this page is open.`, 'Save your project as a file first if you want to keep it.'],
    actions: [
      { label: `Save "${current.name}" as a file, then open`, testId: 'replace-save-open', run: () => (saveProject(current), open()) },
      { label: 'Open', primary: true, testId: 'replace-open', run: open },
      { label: 'Keep my project', testId: 'replace-keep', run: () => undefined },
    ],
  });
}

/** Downloads the project as a .json file and remembers it as saved. */
export function saveProject(p: Project): void {
  downloadText(fileName(p), JSON.stringify(p, null, 2) + '\n');
  rememberSaved(p);
}
