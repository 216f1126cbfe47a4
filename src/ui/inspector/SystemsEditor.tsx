// Systems with outages (e.g. a new core-banking system that is unstable at first): time between
// failures and time to repair. Steps choose the systems they need in their own inspector.
import { Project, type System } from '../../model/schema';
import { crossReferenceProblems, zodProblems } from '../../model/load';
import { freshId } from '../store/edits';
import { DistributionEditor } from './DistributionEditor';
import { TextField } from './fields';

export function SystemsEditor({ project, scenarioId, onCommit }: { project: Project; scenarioId: string; onCommit: (next: Project) => void }) {
  const scenario = project.scenarios.find((s) => s.id === scenarioId)!;
  const systems = scenario.flow.systems ?? [];
  const commit = (next: System[]): string | undefined => {
    const candidate: Project = { ...project, scenarios: project.scenarios.map((s) => (s.id === scenarioId ? { ...s, flow: { ...s.flow, systems: next.length > 0 ? next : undefined } } : s)) };
    const r = Project.safeParse(candidate);
    if (!r.success) return zodProblems(r.error, candidate)[0]!.message;
    const cross = crossReferenceProblems(r.data);
    if (cross.length > 0) return cross[0]!.message;
    onCommit(r.data);
    return undefined;
  };
  const users = (id: string) => scenario.flow.nodes.filter((n) => n.kind === 'step' && n.systemIds?.includes(id));
  const day = 1440;
  return (
    <div className="sf-inspector__section" data-testid="systems">
      <h4>Systems and outages of “{scenario.name}”</h4>
      <p className="sf-muted">Steps that need a system stop while it is down; service in progress resumes after the repair.</p>
      {systems.map((sys, i) => (
        <div className="sf-card" key={sys.id} data-testid={`system-${sys.id}`}>
          <TextField label="Name" value={sys.name} onCommit={(name) => (name.trim() ? commit(systems.map((x, j) => (j === i ? { ...x, name: name.trim() } : x))) : 'A system needs a name.')} />
          <DistributionEditor label="Time between failures" value={sys.timeBetweenFailures} unit={project.timeUnit} onCommit={(d) => void commit(systems.map((x, j) => (j === i ? { ...x, timeBetweenFailures: d } : x)))} testId={`system-tbf-${sys.id}`} />
          <DistributionEditor label="Time to repair" value={sys.timeToRepair} unit={project.timeUnit} onCommit={(d) => void commit(systems.map((x, j) => (j === i ? { ...x, timeToRepair: d } : x)))} testId={`system-ttr-${sys.id}`} />
          <p className="sf-muted">Needed by: {users(sys.id).map((n) => n.name).join(', ') || 'no step yet'}</p>
          {users(sys.id).length === 0 && (
            <button type="button" className="sf-link sf-link--danger" onClick={() => commit(systems.filter((_, j) => j !== i))}>
              Remove this system
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="sf-link"
        data-testid="add-system"
        onClick={() => {
          const unit = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 }[project.timeUnit];
          commit([
            ...systems,
            {
              id: freshId('system', [...systems.map((x) => x.id), ...scenario.flow.nodes.map((n) => n.id)]),
              name: `System ${systems.length + 1}`,
              timeBetweenFailures: { kind: 'exponential', mean: (7 * day) / unit },
              timeToRepair: { kind: 'exponential', mean: 120 / unit },
            },
          ]);
        }}
      >
        + Add a system that can fail
      </button>
    </div>
  );
}
