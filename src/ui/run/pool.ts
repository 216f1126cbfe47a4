// The app's one pool of simulation workers, and its warm-up: once the page has painted and the
// browser is idle, the workers are started and run a few short replications of the project on
// screen, so that the first Run does not pay for loading and compiling the engine.
import { SimulationPool } from '../../worker/pool';
import { defaultPoolSize, webWorkerRunnerFactory } from '../../worker/worker-runner';
import { hasErrors } from '../../engine/check';
import { getExample } from '../../model/examples';
import type { Project } from '../../model/schema';
import { scenarioFindings } from '../derived';

let pool: SimulationPool | undefined;

export function getPool(): SimulationPool {
  pool ??= new SimulationPool(webWorkerRunnerFactory, defaultPoolSize());
  return pool;
}

/** The project to warm up with: the one on screen when it can be simulated, else the loan example. */
export function warmUpProject(project: Project): Project {
  const ok = project.scenarios.every((_, i) => !hasErrors(scenarioFindings(project, i)));
  return ok ? project : getExample('loan')!.project;
}

/** Warms the pool up after the first paint, when the browser is idle (never before the page shows). */
export function warmUpWhenIdle(project: () => Project, delayMs = 0): void {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return;
  const start = () => {
    const p = getPool();
    if (!p.busy) void p.warm(warmUpProject(project()));
  };
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 1000 }) : setTimeout(start, 200));
  const afterPaint = () => requestAnimationFrame(() => setTimeout(idle, delayMs));
  if (document.readyState === 'complete') afterPaint();
  else window.addEventListener('load', afterPaint, { once: true });
}
