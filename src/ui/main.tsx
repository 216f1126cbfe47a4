import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StoreProvider } from './context';
import { createAppStore } from './store';
import { initialProject, startAutosave } from './persist';
import { openSharedLink } from './openLink';
import { warmUpWhenIdle } from './run/pool';
import './styles.css';

const start = initialProject();
const store = createAppStore(start.project);
if (start.scenarioId && start.project.scenarios.some((s) => s.id === start.scenarioId)) store.getState().setScenario(start.scenarioId);
openSharedLink(store, window.location.hash, start.restored, () => history.replaceState(null, '', window.location.pathname + window.location.search));
startAutosave(store);

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
// Start and warm the simulation workers once the page has painted, so that the first Run is quick.
warmUpWhenIdle(() => store.getState().project);
