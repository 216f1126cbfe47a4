// A page showing the fit view on small simulated logs (the app at ?preview=fit): for looking at
// the view and for its screenshot test, until the import flow shows it after discovery. The "log"
// is a run of the repair example's baseline; the "simulated" logs are two runs of its proposal.
import { useMemo } from 'react';
import { compareLogs } from '../../discovery/fit';
import { simulateEventLog } from '../../engine/eventlog';
import { getExample } from '../../model/examples';
import { FitView } from './FitView';

export default function FitPreview() {
  const fit = useMemo(() => {
    const project = getExample('repair')!.project;
    const seeded = (seed: number) => ({ ...project, run: { ...project.run, seed } });
    const options = { cases: 300, start: '2024-03-04T08:00' };
    const log = simulateEventLog(seeded(1), 'baseline', options);
    const simulated = [simulateEventLog(seeded(2), 'triage', options), simulateEventLog(seeded(3), 'triage', options)];
    return compareLogs(log, simulated);
  }, []);
  return (
    <div style={{ height: '100vh', overflow: 'auto' }} data-testid="fit-preview">
      <FitView fit={fit} title="Preview: a baseline run (log) against two runs of the proposal (simulated)" />
    </div>
  );
}
