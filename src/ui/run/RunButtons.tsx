// Run this scenario / Run all, and Cancel while a run is going. A double-click on a Run button
// must not cancel the run it has just started: "Run all" keeps its place (as "Running…", which
// does nothing), and Cancel ignores the second click of a double-click and any click in the first
// moments after a run started.
import { useApp, useAppStore } from '../context';
import './run.css';

/** Longer than a double-click (500 ms by default on every desktop system). */
export const CANCEL_GUARD_MS = 600;

let cancelArmedAt = 0;

export function RunButtons({ blocked, blockedHere, scenarioName }: { blocked: boolean; blockedHere: boolean; scenarioName: string }) {
  const store = useAppStore();
  const running = useApp((s) => s.runStatus === 'running');
  const start = (scope: 'all' | 'current') => {
    cancelArmedAt = performance.now() + CANCEL_GUARD_MS;
    void store.getState().startRun(scope);
  };
  if (running) {
    return (
      <>
        <button
          className="sf-button sf-button--danger"
          onClick={(e) => {
            if (e.detail > 1 || performance.now() < cancelArmedAt) return;
            store.getState().cancelRun();
          }}
          title="Stop the run (the figures from before it stay)"
          data-testid="cancel-run"
        >
          Cancel
        </button>
        <button className="sf-button sf-button--primary sf-button--running" disabled aria-busy="true" data-testid="run-running">
          Running…
        </button>
      </>
    );
  }
  return (
    <>
      <button onClick={() => start('current')} disabled={blockedHere} title={`Simulate only "${scenarioName}"`} data-testid="run-current">
        Run scenario
      </button>
      <button
        className="sf-button sf-button--primary"
        disabled={blocked}
        title={blocked ? 'Fix the problems listed under the canvas first' : 'Simulate every scenario and compare them'}
        onClick={() => start('all')}
        data-testid="run"
      >
        ▶ Run all
      </button>
    </>
  );
}
