// Project-level settings: name, time unit, customer classes, run settings, service-level targets,
// and the departments of the scenario on screen.
import { MINUTES_PER_UNIT, Project, TIME_UNITS, type Department } from '../../model/schema';
import { crossReferenceProblems, zodProblems } from '../../model/load';
import { freshId } from '../store/edits';
import { useState } from 'react';
import { convertTimeUnit, describeConversion } from '../../model/convertUnit';
import { DurationField, NumberField, SelectField, TextField } from './fields';
import { serviceLevelClock } from './serviceLevelClock';

export interface ProjectSettingsProps {
  project: Project;
  departments: Department[];
  onCommit: (next: Project) => void;
  onDepartmentCommit: (next: Department) => void;
  onAddDepartment: () => void;
  /** Removes an unused department; returns why not when steps still belong to it. */
  onRemoveDepartment?: (id: string) => void;
}

/** The message of the first problem of a candidate project, or undefined (and then it is committed). */
function commitProject(candidate: Project, onCommit: (p: Project) => void): string | undefined {
  const r = Project.safeParse(candidate);
  if (!r.success) return zodProblems(r.error, candidate)[0]!.message;
  const cross = crossReferenceProblems(r.data);
  if (cross.length > 0) return cross[0]!.message;
  onCommit(r.data);
  return undefined;
}

export function ProjectSettings({ project, departments, onCommit, onDepartmentCommit, onAddDepartment, onRemoveDepartment }: ProjectSettingsProps) {
  const run = project.run;
  const c = (p: Project) => commitProject(p, onCommit);
  const setRun = (patch: Partial<Project['run']>) => c({ ...project, run: { ...run, ...patch } });
  const [converted, setConverted] = useState<string | undefined>();
  const perUnit = (minutes: number) => minutes / MINUTES_PER_UNIT[project.timeUnit];
  const workClock = serviceLevelClock(project);
  return (
    <div className="sf-inspector__section" data-testid="project-settings">
      <h3>Project</h3>
      <TextField label="Name" value={project.name} onCommit={(name) => c({ ...project, name })} testId="project-name" />
      <SelectField
        label="Time unit"
        value={project.timeUnit}
        options={TIME_UNITS.map((t) => ({ value: t, label: t }))}
        onCommit={(timeUnit) => {
          const next = convertTimeUnit(project, timeUnit);
          const err = c(next);
          setConverted(err ? undefined : describeConversion(project, next));
          return err ? `Could not convert to ${timeUnit}: ${err}` : undefined;
        }}
        testId="time-unit"
      />
      {converted && (
        <p className="sf-field__hint" role="status" data-testid="time-unit-converted">
          {converted}
        </p>
      )}

      <h4>Departments</h4>
      {departments.map((d) => (
        <div className="sf-row" key={d.id}>
          <input type="color" value={d.color} aria-label={`Colour of ${d.name}`} onChange={(e) => onDepartmentCommit({ ...d, color: e.target.value })} />
          <TextField label="Name" value={d.name} onCommit={(name) => (name.trim() ? (onDepartmentCommit({ ...d, name: name.trim() }), undefined) : 'A department needs a name.')} />
          {onRemoveDepartment && (
            <button type="button" className="sf-link sf-link--danger" onClick={() => onRemoveDepartment(d.id)} title={`Remove ${d.name} (only when none of its steps is left)`} aria-label={`Remove ${d.name}`}>
              ✕
            </button>
          )}
        </div>
      ))}
      <button type="button" className="sf-link" onClick={onAddDepartment} data-testid="add-department">
        + Add a department
      </button>

      <h4>Customer classes</h4>
      {project.classes.map((cls, i) => {
        const setClass = (patch: Partial<typeof cls>) => c({ ...project, classes: project.classes.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <div className="sf-card" key={cls.id} data-testid={`class-${cls.id}`}>
            <div className="sf-row">
              <input type="color" value={cls.color} aria-label={`Colour of ${cls.name}`} onChange={(e) => setClass({ color: e.target.value })} />
              <TextField label="Name" value={cls.name} onCommit={(name) => setClass({ name })} />
            </div>
            <div className="sf-row">
              <NumberField label="Share" value={cls.share} onCommit={(share) => setClass({ share })} hint="relative weight" />
              <NumberField label="Priority" value={cls.priority} integer onCommit={(priority) => setClass({ priority })} hint="0 = served first" />
            </div>
            {project.classes.length > 1 && (
              <button type="button" className="sf-link" onClick={() => c({ ...project, classes: project.classes.filter((_, j) => j !== i) })}>
                Remove {cls.name}
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="sf-link"
        onClick={() => c({ ...project, classes: [...project.classes, { id: freshId('class', project.classes.map((x) => x.id)), name: `Class ${project.classes.length + 1}`, share: 1, priority: 0, color: '#9c755f' }] })}
        data-testid="add-class"
      >
        + Add a customer class
      </button>

      <h4>Run</h4>
      <SelectField
        label="Run for"
        value={run.horizon.kind}
        options={[
          { value: 'duration', label: 'a simulated time' },
          { value: 'customers', label: 'a number of customers' },
        ]}
        onCommit={(kind) => setRun({ horizon: kind === 'duration' ? { kind: 'duration', duration: perUnit(10080) } : { kind: 'customers', count: 10_000 } })}
        testId="run-horizon"
      />
      {run.horizon.kind === 'duration' ? (
        <DurationField label="Simulated time" value={run.horizon.duration} unit={project.timeUnit} onCommit={(duration) => setRun({ horizon: { kind: 'duration', duration } })} testId="run-duration" />
      ) : (
        <NumberField label="Customers" value={run.horizon.count} integer onCommit={(count) => setRun({ horizon: { kind: 'customers', count } })} />
      )}
      <TextField
        label="Starts on (date and time; empty: a Monday 00:00)"
        value={run.start ?? ''}
        onCommit={(v) => setRun({ start: v.trim() === '' ? undefined : v.trim().replace(' ', 'T') })}
        testId="run-start"
      />
      <DurationField label="Warm-up (not counted)" value={run.warmup} unit={project.timeUnit} onCommit={(warmup) => setRun({ warmup })} />
      {run.replications.kind === 'fixed' ? (
        <NumberField label="Replications" value={run.replications.count} integer onCommit={(count) => setRun({ replications: { kind: 'fixed', count } })} testId="run-replications" />
      ) : (
        <NumberField
          label="Precision target (±)"
          value={run.replications.relativeHalfWidth}
          percent
          onCommit={(relativeHalfWidth) => setRun({ replications: { ...(run.replications as Extract<typeof run.replications, { kind: 'precision' }>), relativeHalfWidth } })}
        />
      )}
      {run.replications.kind === 'precision' && (
        <div className="sf-row">
          <NumberField label="At least" value={run.replications.min} integer onCommit={(min) => setRun({ replications: { ...(run.replications as Extract<typeof run.replications, { kind: 'precision' }>), min } })} />
          <NumberField label="At most" value={run.replications.max} integer onCommit={(max) => setRun({ replications: { ...(run.replications as Extract<typeof run.replications, { kind: 'precision' }>), max } })} />
        </div>
      )}
      <SelectField
        label="Replications rule"
        value={run.replications.kind}
        options={[
          { value: 'fixed', label: 'a fixed number' },
          { value: 'precision', label: 'until precise enough' },
        ]}
        onCommit={(kind) => setRun({ replications: kind === 'fixed' ? { kind: 'fixed', count: 10 } : { kind: 'precision', relativeHalfWidth: 0.05, min: 5, max: 100 } })}
      />
      <div className="sf-row">
        <NumberField label="Seed" value={run.seed} integer onCommit={(seed) => setRun({ seed })} testId="run-seed" />
        <button type="button" className="sf-link" onClick={() => setRun({ seed: Math.floor(Math.random() * 2 ** 31) })}>
          New seed
        </button>
      </div>

      <h4>Service-level targets</h4>
      {workClock && <p className="sf-muted">A working day is {workClock.hoursPerDay.toLocaleString('en', { maximumFractionDigits: 1 })} open hours of {workClock.calendarName} (its average open day), e.g. “within 5 working days”.</p>}
      {project.serviceLevels.map((sl, i) => {
        const setSl = (patch: Partial<typeof sl>) => c({ ...project, serviceLevels: project.serviceLevels.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <div className="sf-card" key={sl.id} data-testid={`service-level-${sl.id}`}>
            <TextField label="Name" value={sl.name} onCommit={(name) => setSl({ name })} />
            <SelectField
              label="Measure"
              value={sl.measure}
              options={[
                { value: 'waitingTime', label: 'waiting time' },
                { value: 'timeInSystem', label: 'total time' },
              ]}
              onCommit={(measure) => setSl({ measure })}
            />
            {workClock && (
              <SelectField
                label="Counted in"
                value={sl.clock ?? 'elapsed'}
                options={[
                  { value: 'elapsed', label: 'elapsed time (round the clock)' },
                  { value: 'working', label: `working time (${workClock.calendarName})` },
                ]}
                onCommit={(clock) => setSl({ clock: clock === 'working' ? 'working' : undefined })}
                testId="sl-clock"
              />
            )}
            <div className="sf-row">
              <DurationField
                key={sl.clock ?? 'elapsed'}
                label="Within"
                value={sl.threshold}
                unit={project.timeUnit}
                onCommit={(threshold) => setSl({ threshold })}
                working={workClock && { ...workClock, on: sl.clock === 'working' }}
                onCommitWorking={(threshold) => setSl({ threshold, clock: 'working' })}
                testId="sl-threshold"
              />
              <NumberField label="Target" value={sl.target} percent onCommit={(target) => setSl({ target })} />
            </div>
            <button type="button" className="sf-link" onClick={() => c({ ...project, serviceLevels: project.serviceLevels.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="sf-link"
        data-testid="add-service-level"
        onClick={() =>
          c({
            ...project,
            serviceLevels: [...project.serviceLevels, { id: freshId('target', project.serviceLevels.map((x) => x.id)), name: 'Waiting at most 30 min', measure: 'waitingTime', threshold: perUnit(30), target: 0.8 }],
          })
        }
      >
        + Add a target
      </button>

      <h4>Money and customers at risk</h4>
      <p className="sf-muted">Your assumptions: nothing is counted until you enter them. They change no waiting time, only the costs and risk figures in the results.</p>
      {project.costs ? (
        <div className="sf-card" data-testid="costs">
          <div className="sf-row">
            <TextField label="Currency" value={project.costs.currency} onCommit={(currency) => c({ ...project, costs: { ...project.costs!, currency } })} testId="costs-currency" />
            <NumberField label="Staff cost per hour" value={project.costs.staffPerHour} onCommit={(staffPerHour) => c({ ...project, costs: { ...project.costs!, staffPerHour } })} hint="per person; a step can set its own" testId="costs-staff" />
          </div>
          <NumberField label="Cost of a customer lost" value={project.costs.lostCustomer} onCommit={(lostCustomer) => c({ ...project, costs: { ...project.costs!, lostCustomer } })} hint="who gave up, was turned away, or is lost at risk" testId="costs-lost" />
          <div className="sf-row">
            <DurationField
              label="At risk after waiting"
              value={project.costs.tolerance}
              unit={project.timeUnit}
              onCommit={(tolerance) => c({ ...project, costs: { ...project.costs!, tolerance: tolerance > 0 ? tolerance : undefined } })}
              optional
              testId="costs-tolerance"
            />
            <NumberField label="Of them lost" value={project.costs.shareLostAtRisk} percent onCommit={(shareLostAtRisk) => c({ ...project, costs: { ...project.costs!, shareLostAtRisk } })} testId="costs-share" />
          </div>
          <button type="button" className="sf-link" onClick={() => c({ ...project, costs: undefined })}>
            Remove these assumptions
          </button>
        </div>
      ) : (
        <button type="button" className="sf-link" onClick={() => c({ ...project, costs: { currency: '', staffPerHour: 0, lostCustomer: 0, shareLostAtRisk: 0 } })} data-testid="costs-add">
          + Enter costs and a waiting tolerance
        </button>
      )}
    </div>
  );
}
