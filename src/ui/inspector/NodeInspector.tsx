// All the fields of one node, in users' words, with units.
import { FlowNode, RATE_PERIODS, type CustomerClass, type Department, type Distribution, type TimeUnit } from '../../model/schema';
import { zodProblems } from '../../model/load';
import type { StepLoad } from '../../engine/traffic';
import { formatDuration, formatShare } from '../../engine/format';
import { UNIT_LABEL } from '../derived';
import { DistributionEditor } from './DistributionEditor';
import { NumberField, SelectField, TextField } from './fields';

export interface NodeInspectorProps {
  node: FlowNode;
  departments: Department[];
  classes: CustomerClass[];
  unit: TimeUnit;
  load?: StepLoad;
  /** Commits the node; returns nothing (the caller validates through `commitNode`). */
  onCommit: (next: FlowNode) => void;
}

/** Validates a candidate node; returns the message for the first problem, or undefined. */
export function nodeProblem(candidate: unknown): string | undefined {
  const r = FlowNode.safeParse(candidate);
  if (r.success) return undefined;
  const p = zodProblems(r.error, candidate)[0]!;
  return p.message;
}

export function NodeInspector({ node, departments, classes, unit, load, onCommit }: NodeInspectorProps) {
  const u = UNIT_LABEL[unit];
  const tryCommit = (candidate: FlowNode) => {
    const err = nodeProblem(candidate);
    if (!err) onCommit(FlowNode.parse(candidate));
    return err;
  };
  const setDist = (key: string) => (d: Distribution) => void tryCommit({ ...node, [key]: d } as FlowNode);

  return (
    <div className="sf-inspector__section" data-testid="node-inspector">
      <h3>{{ arrivals: 'Arrivals', step: 'Step', delay: 'Delay', decision: 'Decision', exit: 'Exit' }[node.kind]}</h3>
      <TextField label="Name" value={node.name} onCommit={(name) => tryCommit({ ...node, name })} testId="field-name" />

      {node.kind === 'arrivals' && (
        <>
          <SelectField
            label="Customers arrive"
            value={node.arrivals.mode}
            options={[
              { value: 'rate', label: 'at a rate (random, Poisson)' },
              { value: 'interarrival', label: 'with a time between arrivals' },
            ]}
            onCommit={(mode) => {
              // A rate schedule needs a rate: it goes when arrivals become a time between arrivals.
              const { schedule: _schedule, ...rest } = node;
              return tryCommit(
                mode === 'rate'
                  ? { ...node, arrivals: { mode: 'rate', rate: 6, per: 'hour' } }
                  : { ...rest, arrivals: { mode: 'interarrival', distribution: { kind: 'exponential', mean: 10 } } },
              );
            }}
          />
          {node.arrivals.mode === 'rate' ? (
            <>
              <NumberField label="Customers" value={node.arrivals.rate} onCommit={(rate) => tryCommit({ ...node, arrivals: { ...node.arrivals, rate } as typeof node.arrivals })} testId="field-rate" />
              <SelectField
                label="per"
                value={node.arrivals.per}
                options={RATE_PERIODS.map((p) => ({ value: p, label: p }))}
                onCommit={(per) => tryCommit({ ...node, arrivals: { ...node.arrivals, per } as typeof node.arrivals })}
              />
            </>
          ) : (
            <DistributionEditor label="Time between arrivals" value={node.arrivals.distribution} unit={unit} onCommit={(distribution) => void tryCommit({ ...node, arrivals: { mode: 'interarrival', distribution } })} />
          )}
          {classes.length > 1 && (
            <div className="sf-subsection" data-testid="class-mix">
              <h4>Customer classes arriving here</h4>
              <div className="sf-toggle">
                <label>
                  <input
                    type="checkbox"
                    checked={node.classMix === undefined}
                    onChange={(e) =>
                      tryCommit(
                        e.target.checked
                          ? (({ classMix: _m, ...rest }) => rest)(node)
                          : { ...node, classMix: classes.map((c) => ({ classId: c.id, share: c.share })) },
                      )
                    }
                    data-testid="class-mix-default"
                  />{' '}
                  The project's class shares
                </label>
              </div>
              {node.classMix &&
                classes.map((c) => {
                  const own = node.classMix!.find((m) => m.classId === c.id)?.share ?? 0;
                  return (
                    <NumberField
                      key={c.id}
                      label={`${c.name} (relative share)`}
                      value={own}
                      onCommit={(share) => {
                        const mix = [...node.classMix!.filter((m) => m.classId !== c.id), { classId: c.id, share }];
                        if (mix.every((m) => m.share === 0)) return 'At least one class needs a share above 0.';
                        return tryCommit({ ...node, classMix: classes.map((x) => mix.find((m) => m.classId === x.id) ?? { classId: x.id, share: 0 }) });
                      }}
                      testId={`class-mix-${c.id}`}
                    />
                  );
                })}
            </div>
          )}
          {node.schedule && <p className="sf-muted">Arrival peaks: a {node.schedule.repeat === 'day' ? 'daily' : 'weekly'} profile of {node.schedule.multipliers.length} hourly multipliers is set in the file.</p>}
        </>
      )}

      {node.kind === 'step' && (
        <>
          <SelectField
            label="Department"
            value={node.departmentId}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            onCommit={(departmentId) => tryCommit({ ...node, departmentId })}
            testId="field-department"
          />
          <NumberField label="Staff" value={node.staff} integer onCommit={(staff) => tryCommit({ ...node, staff })} hint="people working on this step in parallel" testId="field-staff" />
          {load && load.arrivalRate > 0 && (
            <p className={`sf-approx ${load.utilization >= 0.85 ? 'is-high' : ''}`}>
              Before simulating (approximation): about {Number.isFinite(load.utilization) ? formatShare(load.utilization) : 'more than 100 %'} busy, mean wait about{' '}
              {formatDuration(load.approxWaitMMc, unit)} (Erlang C)
              {load.farFromExponential ? `; times here are far from exponential, so this is rough (Allen–Cunneen gives ${formatDuration(load.approxWait, unit)})` : ''}.
            </p>
          )}
          <DistributionEditor label="Service time" value={node.service} unit={unit} onCommit={setDist('service')} testId="service" />
          {classes.length > 1 && (
            <div className="sf-subsection">
              <h4>Service time by customer class</h4>
              {classes.map((c) => {
                const own = node.serviceByClass?.[c.id];
                return own ? (
                  <div key={c.id}>
                    <DistributionEditor
                      label={c.name}
                      value={own}
                      unit={unit}
                      onCommit={(d) => void tryCommit({ ...node, serviceByClass: { ...node.serviceByClass, [c.id]: d } })}
                    />
                    <button
                      type="button"
                      className="sf-link"
                      onClick={() => {
                        const { [c.id]: _gone, ...rest } = node.serviceByClass ?? {};
                        tryCommit({ ...node, serviceByClass: Object.keys(rest).length ? rest : undefined });
                      }}
                    >
                      Use the step's service time for {c.name}
                    </button>
                  </div>
                ) : (
                  <button key={c.id} type="button" className="sf-link" onClick={() => tryCommit({ ...node, serviceByClass: { ...node.serviceByClass, [c.id]: node.service } })}>
                    Give {c.name} its own service time
                  </button>
                );
              })}
            </div>
          )}
          <SelectField
            label="Queue"
            value={node.discipline}
            options={[
              { value: 'fifo', label: 'first come, first served' },
              { value: 'priority', label: 'by class priority' },
            ]}
            onCommit={(discipline) => tryCommit({ ...node, discipline })}
          />
          <div className="sf-toggle">
            <label>
              <input type="checkbox" checked={node.capacity !== undefined} onChange={(e) => tryCommit({ ...node, capacity: e.target.checked ? 10 : undefined })} /> Limited waiting places (customers beyond are turned away)
            </label>
          </div>
          {node.capacity !== undefined && <NumberField label="Waiting places" value={node.capacity} integer onCommit={(capacity) => tryCommit({ ...node, capacity })} />}
          <div className="sf-toggle">
            <label>
              <input type="checkbox" checked={node.patience !== undefined} onChange={(e) => tryCommit({ ...node, patience: e.target.checked ? { kind: 'exponential', mean: 30 } : undefined })} /> Customers give up after waiting
            </label>
          </div>
          {node.patience && <DistributionEditor label={`Patience (${u})`} value={node.patience} unit={unit} onCommit={setDist('patience')} />}
        </>
      )}

      {node.kind === 'delay' && (
        <>
          <SelectField
            label="Department"
            value={node.departmentId ?? ''}
            options={[{ value: '', label: '(none)' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
            onCommit={(departmentId) => tryCommit({ ...node, departmentId: departmentId || undefined })}
          />
          <DistributionEditor label="Duration" value={node.duration} unit={unit} onCommit={setDist('duration')} testId="duration" />
        </>
      )}

      {node.kind === 'decision' && (
        <SelectField
          label="Route customers"
          value={node.mode}
          options={[
            { value: 'probability', label: 'by share of customers (%)' },
            { value: 'class', label: 'by customer class' },
          ]}
          onCommit={(mode) => tryCommit({ ...node, mode })}
        />
      )}
    </div>
  );
}
