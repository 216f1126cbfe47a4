import { useApp, useAppStore } from './context';
import { activeScenario } from './store';
import { scenarioFindings } from './derived';

/** The checks of the scenario on screen; clicking a message selects and centres the element. */
export function ValidationPanel() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const scenario = useApp(activeScenario);
  const findings = scenarioFindings(project, project.scenarios.indexOf(scenario));
  if (findings.length === 0) {
    return (
      <div className="sf-checks sf-checks--ok" data-testid="checks">
        ✓ The flow is complete: every customer can get in, through and out.
      </div>
    );
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <div className="sf-checks" data-testid="checks">
      <div className="sf-checks__title">
        {errors > 0 ? `${errors} problem${errors > 1 ? 's' : ''} to fix before running` : 'Nothing blocks a run'}
        {findings.length - errors > 0 ? ` · ${findings.length - errors} warning${findings.length - errors > 1 ? 's' : ''}` : ''}
      </div>
      <ul>
        {findings.map((f, i) => (
          <li key={i} className={`sf-check sf-check--${f.severity}`}>
            <button
              type="button"
              onClick={() => {
                store.getState().select({ nodes: f.nodeId ? [f.nodeId] : [], edges: f.edgeId ? [f.edgeId] : [] });
                if (f.nodeId) store.getState().focusNode(f.nodeId);
              }}
            >
              <span className="sf-check__icon">{f.severity === 'error' ? '✖' : '⚠'}</span> {f.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
