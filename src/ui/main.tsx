import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StoreProvider } from './context';
import { createAppStore } from './store';
import { initialProject, startAutosave } from './persist';
import { listenForSharedLinks, openSharedLink } from './openLink';
import { ErrorBoundary } from './ErrorBoundary';
import { warmUpWhenIdle } from './run/pool';
import './styles.css';

// ?preview=fit: the fit view on small simulated logs (loaded only then).
const FitPreview = lazy(() => import('./fit/FitPreview'));
const fitPreview = new URLSearchParams(window.location.search).get('preview') === 'fit';

const start = initialProject();
const store = createAppStore(start.project);
if (start.scenarioId && start.project.scenarios.some((s) => s.id === start.scenarioId)) store.getState().setScenario(start.scenarioId);
const clearFragment = () => history.replaceState(null, '', window.location.pathname + window.location.search);
openSharedLink(store, window.location.hash, start.restored, clearFragment);
listenForSharedLinks(store, clearFragment);
startAutosave(store);

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <ErrorBoundary store={store}>
        {fitPreview ? (
          <Suspense fallback={null}>
            <FitPreview />
          </Suspense>
        ) : (
          <App />
        )}
      </ErrorBoundary>
    </StoreProvider>
  </StrictMode>,
);
// Start and warm the simulation workers once the page has painted, so that the first Run is quick.
warmUpWhenIdle(() => store.getState().project);
