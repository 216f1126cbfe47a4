// Never lose work: the project is saved to the browser on every change and comes back on reload;
// files are opened through the same loader as everywhere else and saved as .json.
import { loadProject, loadProjectText, describeProblem, type Problem } from '../model/load';
import type { Project } from '../model/schema';
import { DEFAULT_EXAMPLE_ID, getExample } from '../model/examples';
import type { AppStore } from './store';

const KEY = 'serviceflow:autosave:v1';

interface Saved {
  project: unknown;
  scenarioId: string;
}

/** The autosaved project, or the default example when there is none (or it cannot be read). */
export function initialProject(): { project: Project; scenarioId?: string; restored: boolean } {
  try {
    const text = localStorage.getItem(KEY);
    if (text) {
      const saved = JSON.parse(text) as Saved;
      const r = loadProject(saved.project);
      if (r.ok) return { project: r.project, scenarioId: saved.scenarioId, restored: true };
    }
  } catch {
    // Storage unavailable or unreadable: start from the example.
  }
  return { project: structuredClone(getExample(DEFAULT_EXAMPLE_ID)!.project), restored: false };
}

/** Saves on every change of the project or the active scenario, debounced. */
export function startAutosave(store: AppStore, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    const { project, scenarioId } = store.getState();
    try {
      localStorage.setItem(KEY, JSON.stringify({ project, scenarioId } satisfies Saved));
    } catch {
      // Quota or privacy mode: nothing we can do here; the file menu still works.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.project === prev.project && s.scenarioId === prev.scenarioId) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  window.addEventListener('beforeunload', save);
  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', save);
  };
}

export type OpenResult = { ok: true; project: Project } | { ok: false; problems: Problem[] };

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
