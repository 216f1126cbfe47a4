// "Restructure…": the consultant's typical moves as forms. The chosen move is previewed in words
// as it is set up; Apply makes it one undo step, on a new proposal when the baseline is on screen.
import { useMemo, useState, type ReactNode } from 'react';
import type { Flow, Project, Scenario, StepNode } from '../../model/schema';
import { MINUTES_PER_UNIT } from '../../model/schema';
import {
  automateStep,
  checkAtIntake,
  fastLane,
  mergeDepartments,
  mergeSteps,
  removeStep,
  runInParallel,
  setStaffing,
  singlePointOfContact,
  staffBudget,
  staffUnits,
  type MoveResult,
  type StaffUnit,
} from '../../model/moves';
import { formatMoney } from '../../engine/format';
import { Modal } from '../Modal';
import { useAppStore } from '../context';
import * as edits from '../store/edits';
import { Suggestions } from './Suggestions';
import { NumberInput } from './NumberInput';

/** Staff × cost per hour over what sets capacity (a step's or pool's own rate, else the project's). */
function staffCostPerHour(flow: Flow, units: StaffUnit[], levels: Record<string, number>, defaultRate: number): number {
  const rate = (u: StaffUnit) => {
    if (u.kind === 'pool') return flow.pools?.find((p) => `pool:${p.id}` === u.key)?.costPerHour ?? defaultRate;
    const n = flow.nodes.find((x) => x.id === u.key);
    return (n?.kind === 'step' ? n.costPerHour : undefined) ?? defaultRate;
  };
  return units.reduce((sum, u) => sum + (levels[u.key] ?? u.level) * rate(u), 0);
}

/** How a unit's staff number is to be read, in words. */
function unitDetail(u: StaffUnit, stepName: (id: string) => string): string {
  const serves = u.kind === 'pool' ? `staff pool for ${u.stepIds.map(stepName).join(', ')}` : '';
  if (u.shifts) return `${serves ? `${serves}; ` : ''}on shifts: the most on duty in an hour (a change applies to every hour with staff)`;
  return serves;
}

export const MOVES = [
  { id: 'merge-steps', label: 'Merge steps', hint: 'Two or more steps become one; their staff are pooled and the handoffs between them disappear.' },
  { id: 'merge-departments', label: 'Merge departments', hint: 'Departments become one; steps that then follow each other pool their staff.' },
  { id: 'spoc', label: 'Single point of contact', hint: 'One front desk right after arrival does the customer-facing work of several departments.' },
  { id: 'intake', label: 'Check documents at intake', hint: 'Catch missing documents at the start instead of late in the flow.' },
  { id: 'automate', label: 'Automate a step', hint: 'The step runs without staff; a share of cases may still need a person.' },
  { id: 'staff', label: 'Add or move staff', hint: 'Change staff per step with the totals per department in view.' },
  { id: 'fast-lane', label: 'Triage / fast lane', hint: 'Some customers go to a parallel step with its own staff.' },
  { id: 'parallel', label: 'Work in parallel', hint: 'Steps done one after the other run at the same time; the case goes on when all are done.' },
  { id: 'remove', label: 'Remove a step', hint: 'Its neighbours are connected directly, with the same shares.' },
  { id: 'suggest', label: 'Suggest (quick estimates)', hint: 'Try a few single moves at the bottleneck and rank them.' },
] as const;
export type MoveId = (typeof MOVES)[number]['id'];

function Checklist({ items, chosen, onChange, testId }: { items: { id: string; name: string; detail?: string }[]; chosen: string[]; onChange: (ids: string[]) => void; testId: string }) {
  return (
    <div className="sf-checklist" data-testid={testId}>
      {items.map((it) => (
        <label key={it.id}>
          <input type="checkbox" checked={chosen.includes(it.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, it.id] : chosen.filter((x) => x !== it.id))} data-testid={`${testId}-${it.id}`} />{' '}
          {it.name}
          {it.detail && <span className="sf-muted"> · {it.detail}</span>}
        </label>
      ))}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="sf-move-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function RestructureDialog({ project, scenario, onClose, initial = 'merge-steps' }: { project: Project; scenario: Scenario; onClose: () => void; initial?: MoveId }) {
  const store = useAppStore();
  const flow = scenario.flow;
  const info = { project };
  const steps = flow.nodes.filter((n): n is StepNode => n.kind === 'step');
  const deptName = (id: string) => flow.departments.find((d) => d.id === id)?.name ?? id;
  const [move, setMove] = useState<MoveId>(initial);
  const [picked, setPicked] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [stepId, setStepId] = useState(steps[0]?.id ?? '');
  const [share, setShare] = useState(20);
  const [staff, setStaffField] = useState(1);
  const [time, setTime] = useState(2);
  const [classIds, setClassIds] = useState<string[]>([]);
  const units = staffUnits(flow);
  const [staffing, setLevels] = useState<Record<string, number>>(() => Object.fromEntries(units.map((u) => [u.key, u.level])));
  const loops = flow.nodes.filter((n) => n.kind === 'decision' && n.mode === 'probability');
  const [decisionId, setDecisionId] = useState(loops[0]?.id ?? '');
  const removable = flow.nodes.filter((n) => n.kind === 'step' || n.kind === 'delay');
  const minutes = MINUTES_PER_UNIT[project.timeUnit];

  const result = useMemo((): { title: string; run: (f: Flow) => MoveResult } | undefined => {
    switch (move) {
      case 'merge-steps':
        return { title: `Merge ${picked.map((id) => steps.find((s) => s.id === id)?.name).join(' + ')}`, run: (f) => mergeSteps(f, picked, { name, ...info }) };
      case 'merge-departments':
        return { title: `Merge ${picked.map(deptName).join(' + ')}`, run: (f) => mergeDepartments(f, picked, { name, poolSteps: true, ...info }) };
      case 'spoc':
        return { title: 'Single point of contact', run: (f) => singlePointOfContact(f, picked, { name: name || undefined, staff: staff > 0 && picked.length > 0 ? staff : undefined, ...info }) };
      case 'intake':
        return { title: 'Documents checked at intake', run: (f) => checkAtIntake(f, decisionId, { residualShare: share / 100, ...info }) };
      case 'automate':
        return {
          title: `Automate ${steps.find((s) => s.id === stepId)?.name ?? ''}`,
          run: (f) => automateStep(f, stepId, { automatedTime: { kind: 'constant', value: time / minutes }, manualShare: share / 100, staffLeft: staff, ...info }),
        };
      case 'staff':
        return { title: 'Staff changes', run: (f) => setStaffing(f, Object.entries(staffing).map(([key, level]) => ({ key, level }))) };
      case 'fast-lane':
        return {
          title: `Fast lane at ${steps.find((s) => s.id === stepId)?.name ?? ''}`,
          run: (f) => fastLane(f, stepId, classIds.length > 0 ? { byClassIds: classIds, staff, ...info } : { share: share / 100, staff, ...info }),
        };
      case 'parallel':
        return { title: `In parallel: ${picked.map((id) => removable.find((s) => s.id === id)?.name).join(', ')}`, run: (f) => runInParallel(f, picked, info) };
      case 'remove':
        return { title: `Without ${removable.find((s) => s.id === stepId)?.name ?? ''}`, run: (f) => removeStep(f, stepId, info) };
      default:
        return undefined;
    }
  }, [move, picked, name, stepId, share, staff, time, classIds, staffing, decisionId, flow, project]);
  const [invalid, setInvalid] = useState<string[]>([]);
  const valid = (key: string) => (ok: boolean) => setInvalid((xs) => (ok ? (xs.includes(key) ? xs.filter((x) => x !== key) : xs) : xs.includes(key) ? xs : [...xs, key]));
  const preview = result?.run(flow);

  const apply = () => {
    if (!result) return;
    let target = scenario.id;
    let failure: string | undefined;
    store.getState().edit((p) => {
      const r = edits.applyMove(p, scenario.id, result.run, result.title);
      if (!r.ok) {
        failure = r.message;
        return p;
      }
      target = r.scenarioId;
      return r.project;
    });
    if (failure) return;
    store.getState().setScenario(target);
    onClose();
  };

  const choose = (id: MoveId) => {
    setMove(id);
    setInvalid([]);
    setPicked([]);
    setName('');
    setClassIds([]);
    if (id === 'automate') {
      setShare(20);
      setStaffField(1);
    } else if (id === 'fast-lane') {
      setShare(30);
      setStaffField(1);
    } else if (id === 'intake') setShare(20);
    else if (id === 'spoc') setStaffField(0);
    if ((id === 'automate' || id === 'fast-lane') && !steps.some((s) => s.id === stepId)) setStaffField(1);
    if (id === 'remove' && !removable.some((n) => n.id === stepId)) setStepId(removable[0]?.id ?? '');
    if ((id === 'automate' || id === 'fast-lane') && !steps.some((s) => s.id === stepId)) setStepId(steps[0]?.id ?? '');
  };

  const before = staffBudget(flow);
  const budget = move === 'staff' && preview?.ok ? staffBudget(preview.flow) : before;
  const stepSelect = (list: { id: string; name: string }[]) => (
    <select value={stepId} onChange={(e) => setStepId(e.target.value)} data-testid="move-step">
      {list.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );

  return (
    <Modal
      title={scenario.kind === 'baseline' ? `Restructure "${scenario.name}" into a new proposal` : `Restructure the proposal "${scenario.name}"`}
      onClose={onClose}
      testId="restructure"
      actions={
        <>
          <button className="sf-button" onClick={onClose}>
            Cancel
          </button>
          {move !== 'suggest' && (
            <button className="sf-button sf-button--primary" disabled={!preview?.ok || invalid.length > 0} onClick={apply} data-testid="move-apply">
              {scenario.kind === 'baseline' ? 'Create the proposal' : 'Apply to this proposal'}
            </button>
          )}
        </>
      }
    >
      <div className="sf-moves">
        <nav className="sf-moves__list" aria-label="Moves">
          {MOVES.map((m) => (
            <button key={m.id} className={m.id === move ? 'is-on' : ''} onClick={() => choose(m.id)} data-testid={`move-${m.id}`} title={m.hint}>
              {m.label}
            </button>
          ))}
        </nav>
        <div className="sf-moves__form">
          <p className="sf-muted">{MOVES.find((m) => m.id === move)!.hint}</p>
          {move === 'merge-steps' && (
            <>
              <Checklist items={steps.map((s) => ({ id: s.id, name: s.name, detail: `${s.staff} staff, ${deptName(s.departmentId)}` }))} chosen={picked} onChange={setPicked} testId="move-pick" />
              <Field label="Name of the merged step (optional)">
                <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
              </Field>
            </>
          )}
          {move === 'merge-departments' && (
            <>
              <Checklist items={flow.departments.map((d) => ({ id: d.id, name: d.name, detail: `${before.departments.find((x) => x.departmentId === d.id)?.staff ?? 0} staff` }))} chosen={picked} onChange={setPicked} testId="move-pick" />
              <Field label="Name of the merged department (optional)">
                <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
              </Field>
            </>
          )}
          {move === 'spoc' && (
            <>
              <p>Customer-facing steps the front desk takes over:</p>
              <Checklist items={steps.map((s) => ({ id: s.id, name: s.name, detail: deptName(s.departmentId) }))} chosen={picked} onChange={setPicked} testId="move-pick" />
              <Field label="Staff at the front desk (0: the sum of the steps taken over)">
                <NumberInput integer min={0} max={10_000} value={staff} onChange={setStaffField} onValid={valid('staff')} testId="move-staff-count" />
              </Field>
            </>
          )}
          {move === 'intake' && (
            <>
              <Field label="The late check that sends files back">
                <select value={decisionId} onChange={(e) => setDecisionId(e.target.value)} data-testid="move-decision">
                  {loops.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Rework still found late (%)">
                <NumberInput min={0} max={100} value={share} onChange={setShare} onValid={valid('share')} testId="move-share" />
              </Field>
            </>
          )}
          {move === 'automate' && (
            <>
              <Field label="Step">{stepSelect(steps)}</Field>
              <Field label="Automated time per case (minutes)">
                <NumberInput min={0} value={time} onChange={setTime} onValid={valid('time')} testId="move-time" />
              </Field>
              <Field label="Cases that still need a person (%)">
                <NumberInput min={0} max={100} value={share} onChange={setShare} onValid={valid('share')} testId="move-share" />
              </Field>
              <Field label="Staff left for those cases">
                <NumberInput integer min={1} max={10_000} value={staff} onChange={setStaffField} onValid={valid('staff')} testId="move-staff-count" />
              </Field>
            </>
          )}
          {move === 'staff' && (
            <table className="sf-table sf-budget" data-testid="staff-budget">
              <thead>
                <tr>
                  <th>Step</th>
                  <th>Department</th>
                  <th>Staff</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.key}>
                    <td>
                      {u.name}
                      {unitDetail(u, (id) => steps.find((x) => x.id === id)?.name ?? id) && <div className="sf-muted">{unitDetail(u, (id) => steps.find((x) => x.id === id)?.name ?? id)}</div>}
                    </td>
                    <td>{u.departmentId ? deptName(u.departmentId) : ''}</td>
                    <td>
                      <NumberInput
                        integer
                        min={0}
                        max={10_000}
                        value={staffing[u.key] ?? u.level}
                        onChange={(v) => setLevels({ ...staffing, [u.key]: v })}
                        onValid={valid(`staff-${u.key}`)}
                        testId={`staff-${u.key}`}
                        label={`Staff at ${u.name}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {budget.departments.map((d) => {
                  const was = before.departments.find((x) => x.departmentId === d.departmentId)?.staff ?? 0;
                  return (
                    <tr key={d.departmentId}>
                      <td />
                      <td>{d.name}</td>
                      <td>
                        {d.staff} {d.staff !== was && <span className="sf-muted">(was {was})</span>}
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <th>Total staff</th>
                  <td />
                  <th data-testid="staff-total">
                    {budget.total} {budget.total !== before.total && <span className="sf-muted">({budget.total > before.total ? '+' : ''}{budget.total - before.total})</span>}
                  </th>
                </tr>
                {project.costs && (
                  <tr>
                    <th>Staff cost per hour</th>
                    <td />
                    <th data-testid="staff-cost">
                      {formatMoney(staffCostPerHour(flow, units, staffing, project.costs.staffPerHour), project.costs.currency)}{' '}
                      {staffCostPerHour(flow, units, staffing, project.costs.staffPerHour) !== staffCostPerHour(flow, units, {}, project.costs.staffPerHour) && (
                        <span className="sf-muted">(was {formatMoney(staffCostPerHour(flow, units, {}, project.costs.staffPerHour), project.costs.currency)})</span>
                      )}
                    </th>
                  </tr>
                )}
              </tfoot>
            </table>
          )}
          {move === 'fast-lane' && (
            <>
              <Field label="Step">{stepSelect(steps)}</Field>
              {project.classes.length > 1 && (
                <>
                  <p>Classes that take the fast lane (none: a share of all customers):</p>
                  <Checklist items={project.classes.map((c) => ({ id: c.id, name: c.name }))} chosen={classIds} onChange={setClassIds} testId="move-classes" />
                </>
              )}
              {classIds.length === 0 && (
                <Field label="Share of customers in the fast lane (%)">
                  <NumberInput min={1} max={99} value={share} onChange={setShare} onValid={valid('share')} testId="move-share" />
                </Field>
              )}
              <Field label="Staff in the fast lane">
                <NumberInput integer min={1} max={10_000} value={staff} onChange={setStaffField} onValid={valid('staff')} testId="move-staff-count" />
              </Field>
            </>
          )}
          {move === 'parallel' && (
            <>
              <p>Steps a case now goes through one after the other (handoffs between them stay on their paths):</p>
              <Checklist
                items={removable.map((s) => ({ id: s.id, name: s.name, detail: s.kind === 'delay' ? 'delay' : deptName(s.departmentId) }))}
                chosen={picked}
                onChange={setPicked}
                testId="move-pick"
              />
              <p className="sf-muted">Auto-layout tidies the drawing afterwards.</p>
            </>
          )}
          {move === 'remove' && <Field label="Step or delay to remove">{stepSelect(removable)}</Field>}
          {move === 'suggest' && <Suggestions project={project} scenario={scenario} onApplied={onClose} />}
          {move !== 'suggest' && preview && (
            <p className={preview.ok && invalid.length === 0 ? 'sf-move-preview' : 'sf-move-preview is-error'} data-testid="move-preview">
              {invalid.length > 0 ? 'A number above could not be used (see the message at it): correct it first.' : preview.ok ? preview.description : preview.message}
            </p>
          )}
        </div>
      </div>
    </Modal>
  );
}
