// Results belong to the project they were computed for (issue 17): opening another project drops
// them; editing the same project keeps them, marked out of date by their hash.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/ui/store';
import { getExample } from '../../../src/model/examples';
import { runExperiment, withOverrides } from '../../../src/engine/experiment';
import { projectHash } from '../../../src/engine/results';

const loan = structuredClone(getExample('loan')!.project);
const short = withOverrides({ ...loan, run: { ...loan.run, horizon: { kind: 'duration' as const, duration: 5000 } } }, { replications: 2 });

function withResults() {
  const store = createAppStore(structuredClone(short));
  store.setState({ runStatus: 'done', results: runExperiment(short), resultsHash: projectHash(short) });
  return store;
}

describe('results and the project they belong to', () => {
  it('opening another project drops the results', () => {
    const store = withResults();
    store.getState().replaceProject(structuredClone(getExample('repair')!.project));
    expect(store.getState().results).toBeUndefined();
    expect(store.getState().resultsHash).toBeUndefined();
    expect(store.getState().runStatus).toBe('idle');
  });

  it('opening the very same project again keeps them (they are its results)', () => {
    const store = withResults();
    store.getState().replaceProject(structuredClone(short));
    expect(store.getState().results).toBeDefined();
  });

  it('editing the same project keeps them, out of date', () => {
    const store = withResults();
    store.getState().edit((p) => ({ ...p, name: 'Renamed' }));
    const s = store.getState();
    expect(s.results).toBeDefined();
    expect(s.resultsHash).not.toBe(projectHash(s.project));
  });

  it('early figures of a run are dropped too', () => {
    const store = withResults();
    store.setState({ runStatus: 'running', early: { results: store.getState().results!, hash: 'x', replications: 2, of: 20 } });
    store.getState().replaceProject(structuredClone(getExample('contact-centre')!.project));
    expect(store.getState().early).toBeUndefined();
    expect(store.getState().runStatus).toBe('idle');
  });
});
