// The app's one pool of simulation workers, created on first use.
import { SimulationPool } from '../../worker/pool';
import { defaultPoolSize, webWorkerRunnerFactory } from '../../worker/worker-runner';

let pool: SimulationPool | undefined;

export function getPool(): SimulationPool {
  pool ??= new SimulationPool(webWorkerRunnerFactory, defaultPoolSize());
  return pool;
}
