// All the fields of one node, in users' words, with units.
import { FlowNode, MINUTES_PER_UNIT, RATE_PERIODS, type CustomerClass, type Department, type Distribution, type StaffPool, type System, type TimeUnit } from '../../model/schema';
import { zodProblems } from '../../model/load';
import { own as ownEntry } from '../../model/ids';
import type { StepLoad } from '../../engine/traffic';
import { formatDuration, formatShare } from '../../engine/format';
import { DistributionEditor } from './DistributionEditor';
import { NumberField, SelectField, TextField } from './fields';
import { CountsImport } from './CountsImport';
import { ScheduleCurve } from './ScheduleCurve';
import { ShiftsEditor } from './ShiftsEditor';
import { CalendarSelect, VolumeLine } from './CalendarSelect';
import type { Calendar } from '../../model/calendar';
import { LearningEditor } from './LearningEditor';
import { weekNote } from './weekNote';
import { DelayDuration } from './DelayWorkingTime';

export interface NodeInspectorProps {
  node: FlowNode;
  departments: Department[];
  classes: CustomerClass[];
  unit: TimeUnit;
  load?: StepLoad;
  /** The scenario's staff pools (a step may draw on one instead of its own staff). */
  pools?: StaffPool[];
  /** The scenario's systems with outages (a step may need some). */
  systems?: System[];
  /** The project's calendars (a step or arrivals node may work to one). */
  calendars?: Calendar[];
  /** The flow's main calendar (engine/worktime.ts): what working time counts against by default. */
  mainCalendarId?: string;
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

export function NodeInspector(props: NodeInspectorProps) {
  const { node, departments, classes, unit, load, onCommit } = props;
  const tryCommit = (candidate: FlowNode) => {
    const err = nodeProblem(candidate);
    if (!err) onCommit(FlowNode.parse(candidate));
    return err;
  };
  const setDist = (key: string) => (d: Distribution) => void tryCommit({ ...node, [key]: d } as FlowNode);

  return (
    <div className="sf-inspector__section" data-testid="node-inspector">
      <h3>{{ arrivals: 'Arrivals', step: 'Step', delay: 'Delay', decision: 'Decision', exit: 'Exit', split: node.kind === 'split' && node.mode === 'inclusive' ? 'Split (one or more paths)' : 'Parallel split', join: 'Join' }[node.kind]}</h3>
      <TextField label="Name" value={node.name} onCommit={(name) => tryCommit({ ...node, name })} testId="field-name" />
      <TextField label="Notes" value={node.description ?? ''} multiline onCommit={(text) => tryCommit({ ...node, description: text.trim() || undefined })} testId="field-description" />

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
          {(props.calendars?.length ?? 0) > 0 && (
            <CalendarSelect label="Arrive during" none="any hour (no calendar)" calendars={props.calendars!} value={node.calendarId} onCommit={(calendarId) => tryCommit(calendarId ? { ...node, calendarId } : (({ calendarId: _c, ...rest }) => rest)(node))} />
          )}
          <VolumeLine node={node} calendar={props.calendars?.find((c) => c.id === node.calendarId)} />
          {node.arrivals.mode === 'rate' && <ScheduleEditor node={node} onCommit={(next) => tryCommit(next)} />}
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
          {(props.pools?.length ?? 0) > 0 && (
            <SelectField
              label="Staff from"
              value={node.poolId ?? ''}
              options={[{ value: '', label: 'its own staff' }, ...props.pools!.map((p) => ({ value: p.id, label: `the pool "${p.name}" (${p.size} people)` }))]}
              onCommit={(poolId) => tryCommit(poolId ? { ...node, poolId } : (({ poolId: _p, poolPriority: _q, ...rest }) => rest)(node))}
              testId="field-pool"
            />
          )}
          {(props.calendars?.length ?? 0) > 0 && node.poolId === undefined && (
            <CalendarSelect label="Working hours" none="round the clock (no calendar)" calendars={props.calendars!} value={node.calendarId} onCommit={(calendarId) => tryCommit(calendarId ? { ...node, calendarId } : (({ calendarId: _c, atClose: _a, ...rest }) => rest)(node))} />
          )}
          {node.calendarId !== undefined && node.poolId === undefined && !node.shifts && (
            <SelectField
              label="When the calendar closes"
              value={node.atClose ?? 'carry-over'}
              options={[
                { value: 'carry-over', label: 'finish the customer in hand; the rest wait for opening' },
                { value: 'serve-waiting', label: 'stay on until nobody waits (overtime)' },
                { value: 'hand-over', label: 'leave on time; unfinished work waits for opening' },
              ]}
              onCommit={(atClose) => tryCommit(atClose === 'carry-over' ? (({ atClose: _a, ...rest }) => rest)(node) : { ...node, atClose })}
              testId="field-at-close"
            />
          )}
          {node.poolId !== undefined ? (
            <NumberField
              label="Pool priority"
              value={node.poolPriority ?? 0}
              integer
              onCommit={(poolPriority) => tryCommit({ ...node, poolPriority })}
              hint="lower numbers are served first when several of the pool's steps have customers waiting"
              testId="field-pool-priority"
            />
          ) : (
            <>
              {!node.shifts && <NumberField label="Staff" value={node.staff} integer onCommit={(staff) => tryCommit({ ...node, staff })} hint="people working on this step in parallel" testId="field-staff" />}
              <ShiftsEditor
                shifts={node.shifts}
                fallback={node.staff}
                onCommit={(shifts) => tryCommit(shifts ? { ...node, shifts } : (({ shifts: _s, ...rest }) => rest)(node))}
                testId="step-shifts"
              />
            </>
          )}
          {(props.systems?.length ?? 0) > 0 && (
            <fieldset className="sf-subsection" data-testid="step-systems">
              <legend>Needs these systems (stops while one is down)</legend>
              {props.systems!.map((sys) => (
                <label key={sys.id} className="sf-toggle">
                  <input
                    type="checkbox"
                    checked={node.systemIds?.includes(sys.id) ?? false}
                    onChange={(e) => {
                      const ids = e.target.checked ? [...(node.systemIds ?? []), sys.id] : (node.systemIds ?? []).filter((x) => x !== sys.id);
                      tryCommit(ids.length > 0 ? { ...node, systemIds: ids } : (({ systemIds: _s, ...rest }) => rest)(node));
                    }}
                    data-testid={`step-system-${sys.id}`}
                  />{' '}
                  {sys.name}
                </label>
              ))}
            </fieldset>
          )}
          <LearningEditor value={node.learning} unit={unit} week={10080 / MINUTES_PER_UNIT[unit]} onCommit={(learning) => tryCommit(learning ? { ...node, learning } : (({ learning: _l, ...rest }) => rest)(node))} testId="step-learning" />
          <NumberField
            label="Cost per staff hour (optional)"
            value={node.costPerHour}
            onCommit={(v) => tryCommit(Number.isFinite(v) ? { ...node, costPerHour: v } : (({ costPerHour: _c, ...rest }) => rest)(node))}
            hint="empty: the project's staff cost per hour"
            optional
            testId="field-cost"
          />
          {load && load.arrivalRate > 0 && (
            <p className={`sf-approx ${load.utilization >= 0.85 ? 'is-high' : ''}`}>
              {load.utilization >= 1 || !Number.isFinite(load.approxWaitMMc) ? (
                <>
                  Before simulating (approximation): customers arrive faster than the staff here can serve them (
                  {Number.isFinite(load.utilization) ? `${formatShare(load.utilization)} of their time needed` : 'no staff on duty'}), so the queue keeps growing and no mean wait can be
                  estimated. Add staff or shorten the service time.
                </>
              ) : (
                <>
                  Before simulating (approximation): about {formatShare(load.utilization)} busy, mean wait about {formatDuration(load.approxWaitMMc, unit)} ({load.week ? 'opening hours: backlog and Erlang C' : 'Erlang C'})
                  {load.farFromExponential && Number.isFinite(load.approxWait) ? `; times here are far from exponential, so this is rough (Allen–Cunneen gives ${formatDuration(load.approxWait, unit)})` : ''}.
                  {load.week && (
                    <span data-testid="estimate-week">
                      {' '}
                      {weekNote(load.week, unit)}
                    </span>
                  )}
                </>
              )}
            </p>
          )}
          <DistributionEditor label="Service time" value={node.service} unit={unit} onCommit={setDist('service')} testId="service" />
          {classes.length > 1 && (
            <div className="sf-subsection">
              <h4>Service time by customer class</h4>
              {classes.map((c) => {
                const own = ownEntry(node.serviceByClass, c.id);
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
              <input type="checkbox" checked={node.patience !== undefined} onChange={(e) => tryCommit({ ...node, patience: e.target.checked ? { kind: 'exponential', mean: 30 / MINUTES_PER_UNIT[unit] } : undefined })} /> Customers give up after waiting
            </label>
          </div>
          {node.patience && <DistributionEditor label="Patience" value={node.patience} unit={unit} onCommit={setDist('patience')} />}
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
          <DelayDuration node={node} unit={unit} calendars={props.calendars} mainCalendarId={props.mainCalendarId} commit={(next) => tryCommit(next)} />
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

      {node.kind === 'split' && (
        <SelectField
          label="Paths taken"
          value={node.mode ?? 'all'}
          options={[
            { value: 'all', label: 'all paths at once' },
            { value: 'inclusive', label: 'one or more, each with its own chance' },
          ]}
          onCommit={(mode) => tryCommit({ ...node, mode: mode === 'inclusive' ? 'inclusive' : undefined })}
          testId="split-mode"
        />
      )}
      {node.kind === 'split' && node.mode !== 'inclusive' && (
        <p className="sf-muted" data-testid="split-help">
          Every case is split here into one part per outgoing connection, and the parts are handled at the same time (for example credit scoring and a fraud check). Parts wait as long as it takes: patience and waiting places apply to whole customers. Draw the paths back together in a <strong>Join</strong>; a path that ends at an exit is simply done.
        </p>
      )}
      {node.kind === 'split' && node.mode === 'inclusive' && (
        <p className="sf-muted" data-testid="split-help">
          Each case takes one or more of the outgoing connections, each with its own chance (set on the connection; they need not add up to 100 %), and the parts taken are handled at the same time. When a case would take none, it is drawn again, so every case takes at least one: a path with a chance of 50 % next to another of 50 % is taken by two cases in three. The <strong>Join</strong> after it waits for exactly the parts that were started.
        </p>
      )}
      {node.kind === 'join' && (
        <p className="sf-muted" data-testid="join-help">
          The parts of a split case wait here until every part still open has arrived (after a split that takes one or more paths, only the parts it started); the case then goes on as one customer. Its waiting time includes the waiting of the part that came last. The results show how long parts waited here for each other. A customer who was not split passes straight through.
        </p>
      )}
    </div>
  );
}

/**
 * Arrival peaks: the rate multiplied hour by hour (1 = the base rate), repeating every day or
 * every week (simulated time 0 is Monday 00:00).
 */
function ScheduleEditor({ node, onCommit }: { node: Extract<FlowNode, { kind: 'arrivals' }>; onCommit: (next: FlowNode) => string | undefined }) {
  const schedule = node.schedule;
  const setHour = (h: number, v: number) => {
    if (!schedule) return undefined;
    const multipliers = schedule.multipliers.slice();
    multipliers[h] = v;
    if (multipliers.every((m) => m === 0)) return 'At least one hour must have arrivals.';
    return onCommit({ ...node, schedule: { ...schedule, multipliers } });
  };
  const days = schedule?.repeat === 'week' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : [''];
  return (
    <div className="sf-subsection" data-testid="schedule">
      <h4>Arrival peaks</h4>
      <div className="sf-toggle">
        <label>
          <input
            type="checkbox"
            checked={schedule !== undefined}
            onChange={(e) => {
              if (e.target.checked) onCommit({ ...node, schedule: { repeat: 'day', multipliers: Array.from({ length: 24 }, () => 1) } });
              else {
                const { schedule: _s, ...rest } = node;
                onCommit(rest);
              }
            }}
            data-testid="schedule-toggle"
          />{' '}
          The rate changes through the day or week
        </label>
      </div>
      {schedule && (
        <>
          <SelectField
            label="Repeats every"
            value={schedule.repeat}
            options={[
              { value: 'day', label: 'day (24 hours)' },
              { value: 'week', label: 'week (7 × 24 hours)' },
            ]}
            onCommit={(repeat) =>
              onCommit({
                ...node,
                schedule: { repeat, multipliers: repeat === 'week' ? Array.from({ length: 7 }, () => schedule.multipliers.slice(0, 24)).flat() : schedule.multipliers.slice(0, 24) },
              })
            }
          />
          <p className="sf-muted">× the base rate, hour by hour (0 = closed, 2 = twice as many).</p>
          <ScheduleCurve
            key={`${node.id}:${schedule.repeat}`}
            multipliers={schedule.multipliers}
            repeat={schedule.repeat}
            onCommit={(multipliers) => (multipliers.every((m) => m === 0) ? 'At least one hour must have arrivals.' : onCommit({ ...node, schedule: { ...schedule, multipliers } }))}
            testId="schedule-curve"
          />
          <CountsImport onApply={(schedule, ratePerHour) => onCommit({ ...node, arrivals: { mode: 'rate', rate: +ratePerHour.toPrecision(6), per: 'hour' }, schedule })} />
          {days.map((day, d) => (
            <div key={day || 'day'} className="sf-schedule">
              {day && <div className="sf-schedule__day">{day}</div>}
              <div className="sf-schedule__grid">
                {Array.from({ length: 24 }, (_, h) => (
                  <NumberField key={h} label={`${String(h).padStart(2, '0')}h`} value={schedule.multipliers[d * 24 + h]} onCommit={(v) => setHour(d * 24 + h, v)} testId={`schedule-${d * 24 + h}`} />
                ))}
              </div>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
