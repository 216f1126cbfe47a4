// "Export simulated log (CSV)": the first replication of the scenario shown, as an event log
// (case id, activity, resource, start, end) for process-mining tools. Simulated in a worker.
import { useState } from 'react';
import type { Project } from '../../model/schema';
import { downloadText } from '../persist';
import { simulatedLogCsv } from '../../worker/eventlog';

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'scenario';

export function ExportLogButton({ project, scenarioId }: { project: Project; scenarioId: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const scenario = project.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const onClick = async () => {
    setBusy(true);
    setProblem(undefined);
    const answer = await simulatedLogCsv(project, scenarioId);
    setBusy(false);
    if (answer.ok) downloadText(`${safeName(project.name)} - ${safeName(scenario.name)}.log.csv`, answer.csv, 'text/csv');
    else setProblem(`The simulated log of “${scenario.name}” could not be made: ${answer.message}`);
  };
  return (
    <>
      <button
        className="sf-link"
        onClick={() => void onClick()}
        disabled={busy}
        data-testid="export-log"
        title={`Every service of the first run of “${scenario.name}”: customer, step, member of staff, start and end — for process-mining tools`}
      >
        {busy ? 'Simulating the log…' : 'Export simulated log (CSV)'}
      </button>
      {problem && (
        <span className="sf-banner sf-banner--error" role="alert" data-testid="export-log-error">
          {problem}
        </span>
      )}
    </>
  );
}
