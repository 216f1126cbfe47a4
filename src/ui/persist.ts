// Never lose work: the project is saved to the browser on every change and comes back on reload;
// files are opened through the same loader as everywhere else and saved as .json.
import { loadProject, loadProjectText, describeProblem, type Problem } from '../model/load';
import type { Project } from '../model/schema';
import { DEFAULT_EXAMPLE_ID, getExample } from '../model/examples';
import type { AppStore } from './store';
import { sameProject } from './store/documentSlice';

const KEY = 'serviceflow:autosave:v1';

interface Saved {
  project: unknown;
  scenarioId: string;
  /** Goes up by one on every save, in any tab: a tab that finds a number it has not seen knows another tab saved. */
  revision?: number;
  /** Which tab saved (random per page load). */
  tab?: string;
}

function readSaved(): Saved | undefined {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

/** The autosaved project, or the default example when there is none (or it cannot be read). */
export function initialProject(): { project: Project; scenarioId?: string; restored: boolean } {
  const saved = readSaved();
  if (saved) {
    const r = loadProject(saved.project);
    if (r.ok) return { project: r.project, scenarioId: saved.scenarioId, restored: true };
  }
  return { project: structuredClone(getExample(DEFAULT_EXAMPLE_ID)!.project), restored: false };
}

/**
 * Saves on every change of the project or the active scenario, debounced. Two tabs share one
 * autosave: when another tab has saved a different project since this tab last read or wrote
 * it, this tab stops saving and asks (keep mine / load theirs / keep both) — never overwriting
 * the other tab's work, nor dropping its own, without the user's say.
 */
export function startAutosave(store: AppStore, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tab = Math.random().toString(36).slice(2);
  let seen = readSaved()?.revision ?? 0; // the last revision this tab read or wrote
  let dirty = false; // changes on screen not yet saved
  let theirs: { project: Project; revision: number } | undefined; // a conflict waiting for the user

  const write = (revision: number) => {
    const { project, scenarioId } = store.getState();
    try {
      localStorage.setItem(KEY, JSON.stringify({ project, scenarioId, revision, tab } satisfies Saved));
      seen = revision;
      dirty = false;
    } catch {
      // Quota or privacy mode: nothing we can do here; the file menu still works.
    }
  };

  /** A newer save by another tab, readable and different from this tab's project, or undefined. */
  const newerElsewhere = (): { project: Project; revision: number } | undefined => {
    const saved = readSaved();
    const revision = saved?.revision ?? 0;
    if (!saved || revision <= seen || saved.tab === tab) return undefined;
    const r = loadProject(saved.project);
    if (!r.ok) return undefined;
    if (sameProject(r.project, store.getState().project)) {
      seen = revision; // the same work: nothing to ask
      return undefined;
    }
    return { project: r.project, revision };
  };

  const ask = (first: { project: Project; revision: number }) => {
    theirs = first;
    const mine = store.getState().project;
    // The other tab may save again while the question is open: the answer acts on its latest save.
    const latest = () => theirs ?? first;
    const resolve = () => {
      const other = latest();
      seen = Math.max(seen, other.revision);
      theirs = undefined;
      return other;
    };
    store.getState().showMessage({
      kind: 'info',
      title: 'This project was changed in another tab',
      lines: [
        `Another tab saved "${first.project.name}" after this tab last saved "${mine.name}".`,
        'Both tabs share one autosave, so this tab has stopped saving until you choose.',
      ],
      actions: [
        {
          label: "Keep this tab's version",
          testId: 'tabs-keep-mine',
          run: () => {
            resolve();
            write(seen + 1);
          },
        },
        {
          label: "Load the other tab's version",
          primary: true,
          testId: 'tabs-load-theirs',
          run: () => store.getState().replaceProject(resolve().project), // this tab's version stays one Undo away
        },
        {
          label: "Keep both (the other tab's version is saved as a file)",
          testId: 'tabs-keep-both',
          run: () => {
            const other = resolve();
            downloadText(fileName(other.project), JSON.stringify(other.project, null, 2) + '\n');
            write(seen + 1);
          },
        },
      ],
    });
  };

  const save = () => {
    clearTimeout(timer);
    if (!dirty || theirs) return;
    const other = newerElsewhere();
    if (other) {
      ask(other);
      return;
    }
    write(Math.max(seen, readSaved()?.revision ?? 0) + 1);
  };
  // Nothing saved yet (a first visit): keep what is on screen from the start, so a reload finds it.
  // When a save exists (this tab restored it, or another tab wrote it) nothing is written until a change.
  if (!readSaved()) {
    dirty = true;
    write(1);
  }
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.project === prev.project && s.scenarioId === prev.scenarioId) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // Another tab saved: ask at once if this tab shows different work; follow silently if it is the same.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    const other = newerElsewhere();
    if (other && theirs) theirs = other;
    else if (other) ask(other);
  };
  const onUnload = (e: BeforeUnloadEvent) => {
    save();
    // Unsaved work held back by a conflict: let the browser ask before the tab closes.
    if (theirs && dirty) e.preventDefault();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener('beforeunload', onUnload);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('beforeunload', onUnload);
  };
}

export type OpenResult = { ok: true; project: Project; notes?: string[] } | { ok: false; problems: Problem[] };

export function readProjectFile(text: string): OpenResult {
  return loadProjectText(text);
}

export function problemLines(problems: Problem[]): string[] {
  return problems.map(describeProblem);
}

export function fileName(project: Project): string {
  return `${project.name.trim().replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ') || 'project'}.json`;
}

export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
