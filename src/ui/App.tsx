import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useApp, useAppStore } from './context';
import { redo, undo } from './store';
import { Header } from './Header';
import { ScenarioTabs } from './ScenarioTabs';
import { Palette } from './editor/Palette';
import { Canvas } from './editor/Canvas';
import { Inspector } from './inspector/Inspector';
import { ValidationPanel } from './ValidationPanel';
import { ResultsPanel } from './results/ResultsPanel';
import { ResultsDock } from './results/ResultsDock';
import { MessageDialog } from './MessageDialog';
import { saveProject } from './replaceProject';
import '@xyflow/react/dist/style.css';

function useShortcuts() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        saveProject(store.getState().project);
        return;
      }
      if (typing) return; // the field's own undo
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo(store);
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redo(store);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

function InspectorPanel() {
  const open = useApp((s) => s.settingsOpen || s.selection.nodes.length > 0 || s.selection.edges.length > 0);
  if (!open) return null;
  return (
    <aside className="sf-inspector" aria-label="Details" data-testid="inspector">
      <Inspector />
    </aside>
  );
}

export function App() {
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="sf-app">
        <Header />
        <ScenarioTabs />
        <div className="sf-body">
          <Palette />
          <main className="sf-main">
            <Canvas />
            <ValidationPanel />
            <ResultsDock>
              <ResultsPanel />
            </ResultsDock>
          </main>
          <InspectorPanel />
        </div>
        <MessageDialog />
      </div>
    </ReactFlowProvider>
  );
}
