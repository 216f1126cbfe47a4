// Staff pools of the scenario on screen: cross-trained people that several steps draw from.
// A step chooses its pool in its own inspector ("Staff from").
import { MINUTES_PER_UNIT, Project, type StaffPool } from '../../model/schema';
import { crossReferenceProblems, zodProblems } from '../../model/load';
import { freshId } from '../store/edits';
import { NumberField, SelectField, TextField } from './fields';
import { ShiftsEditor } from './ShiftsEditor';
import { LearningEditor } from './LearningEditor';
import { CalendarSelect } from './CalendarSelect';

export function PoolsEditor({ project, scenarioId, onCommit }: { project: Project; scenarioId: string; onCommit: (next: Project) => void }) {
  const scenario = project.scenarios.find((s) => s.id === scenarioId)!;
  const pools = scenario.flow.pools ?? [];
  const commit = (next: StaffPool[]): string | undefined => {
    const candidate: Project = { ...project, scenarios: project.scenarios.map((s) => (s.id === scenarioId ? { ...s, flow: { ...s.flow, pools: next.length > 0 ? next : undefined } } : s)) };
    const r = Project.safeParse(candidate);
    if (!r.success) return zodProblems(r.error, candidate)[0]!.message;
    const cross = crossReferenceProblems(r.data);
    if (cross.length > 0) return cross[0]!.message;
    onCommit(r.data);
    return undefined;
  };
  const set = (i: number, patch: Partial<StaffPool>) => commit(pools.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const users = (id: string) => scenario.flow.nodes.filter((n) => n.kind === 'step' && n.poolId === id);
  return (
    <div className="sf-inspector__section" data-testid="pools">
      <h4>Staff pools of “{scenario.name}”</h4>
      <p className="sf-muted">Cross-trained people several steps draw from. Free staff serve the waiting step with the lowest pool priority first, then whoever has waited longest.</p>
      {pools.map((pool, i) => (
        <div className="sf-card" key={pool.id} data-testid={`pool-${pool.id}`}>
          <TextField label="Name" value={pool.name} onCommit={(name) => (name.trim() ? set(i, { name: name.trim() }) : 'A pool needs a name.')} />
          <div className="sf-row">
            <NumberField label="People" value={pool.size} integer onCommit={(size) => set(i, { size })} testId={`pool-size-${pool.id}`} />
            <NumberField label="Cost per hour (optional)" value={pool.costPerHour} optional onCommit={(v) => (Number.isFinite(v) ? set(i, { costPerHour: v }) : commit(pools.map((p, j) => (j === i ? (({ costPerHour: _c, ...rest }) => rest)(p) : p))))} />
          </div>
          <SelectField
            label="Department"
            value={pool.departmentId ?? ''}
            options={[{ value: '', label: '(the department of its first step)' }, ...scenario.flow.departments.map((d) => ({ value: d.id, label: d.name }))]}
            onCommit={(departmentId) => commit(pools.map((p, j) => (j === i ? (departmentId ? { ...p, departmentId } : (({ departmentId: _d, ...rest }) => rest)(p)) : p)))}
          />
          {(project.calendars?.length ?? 0) > 0 && (
            <CalendarSelect
              label="Working hours"
              none="round the clock (no calendar)"
              calendars={project.calendars!}
              value={pool.calendarId}
              onCommit={(calendarId) => commit(pools.map((p, j) => (j === i ? (calendarId ? { ...p, calendarId } : (({ calendarId: _c, ...rest }) => rest)(p)) : p)))}
              testId={`pool-calendar-${pool.id}`}
            />
          )}
          <ShiftsEditor
            shifts={pool.shifts}
            fallback={pool.size}
            onCommit={(shifts) => commit(pools.map((p, j) => (j === i ? (shifts ? { ...p, shifts } : (({ shifts: _s, ...rest }) => rest)(p)) : p)))}
            testId={`pool-shifts-${pool.id}`}
          />
          <LearningEditor
            value={pool.learning}
            unit={project.timeUnit}
            week={10080 / MINUTES_PER_UNIT[project.timeUnit]}
            onCommit={(learning) => commit(pools.map((p, j) => (j === i ? (learning ? { ...p, learning } : (({ learning: _l, ...rest }) => rest)(p)) : p)))}
            testId={`pool-learning-${pool.id}`}
          />
          <p className="sf-muted">Used by: {users(pool.id).map((n) => n.name).join(', ') || 'no step yet'}</p>
          {users(pool.id).length === 0 && (
            <button type="button" className="sf-link sf-link--danger" onClick={() => commit(pools.filter((_, j) => j !== i))}>
              Remove this pool
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="sf-link"
        data-testid="add-pool"
        onClick={() => commit([...pools, { id: freshId('pool', [...pools.map((p) => p.id), ...scenario.flow.nodes.map((n) => n.id)]), name: `Team ${pools.length + 1}`, size: 2 }])}
      >
        + Add a staff pool
      </button>
    </div>
  );
}
