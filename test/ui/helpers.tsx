// Rendering the app (or a part of it) around a fresh store, for component tests in jsdom.
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { StoreProvider } from '../../src/ui/context';
import { createAppStore, type AppStore } from '../../src/ui/store';
import * as edits from '../../src/ui/store/edits';
import type { Project } from '../../src/model/schema';

afterEach(cleanup);

export function renderWithStore(ui: ReactNode, project: Project = edits.emptyProject()): { store: AppStore } & ReturnType<typeof render> {
  const store = createAppStore(project);
  const result = render(
    <StoreProvider store={store}>
      <ReactFlowProvider>{ui}</ReactFlowProvider>
    </StoreProvider>,
  );
  return { store, ...result };
}

/** arrivals → step → exit in one department, all connected: a flow with no problems. */
export function connectedProject(): Project {
  let p = edits.emptyProject();
  const r = edits.addNode(p, 'baseline', 'step', { x: 240, y: 40 });
  p = edits.connect(r.project, 'baseline', 'arrivals', r.id).project;
  p = edits.connect(p, 'baseline', r.id, 'exit').project;
  return edits.updateNode(p, 'baseline', { ...p.scenarios[0]!.flow.nodes.find((n) => n.id === r.id)!, name: 'Intake' });
}
