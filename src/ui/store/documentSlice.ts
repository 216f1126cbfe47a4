// The project document being edited and the scenario on screen. Every change of `project` is
// one undo step (see store/index.ts); switching scenario tabs is not.
import type { StateCreator } from 'zustand';
import type { Project } from '../../model/schema';
import type { AppState } from './index';

export interface DocumentSlice {
  project: Project;
  scenarioId: string;
  /** Which project this is: a new number each time a whole project is opened (results never carry over). */
  projectIdentity: number;
  /** Replaces the project through a pure edit (one undo step). */
  edit: (f: (p: Project) => Project) => void;
  /** Replaces the whole project (opening a file or an example: one undo step). */
  replaceProject: (p: Project) => void;
  setScenario: (id: string) => void;
}

/** Structural equality of two projects (they are plain JSON data). */
export function sameProject(a: Project, b: Project): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const baselineId = (p: Project) => (p.scenarios.find((s) => s.kind === 'baseline') ?? p.scenarios[0]!).id;

export const createDocumentSlice =
  (initial: Project): StateCreator<AppState, [], [], DocumentSlice> =>
  (set) => ({
    project: initial,
    scenarioId: baselineId(initial),
    projectIdentity: 0,
    edit: (f) =>
      set((s) => {
        const project = f(s.project);
        // An edit that changes nothing (e.g. removing what is already gone) is not an undo step.
        return project === s.project || sameProject(project, s.project) ? s : { project };
      }),
    replaceProject: (project) => set((s) => ({ project, scenarioId: baselineId(project), projectIdentity: s.projectIdentity + 1, selection: { nodes: [], edges: [] } })),
    setScenario: (scenarioId) => set({ scenarioId, selection: { nodes: [], edges: [] } }),
  });
