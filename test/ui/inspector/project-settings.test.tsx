// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectSettings } from '../../../src/ui/inspector/ProjectSettings';
import { Project, type Department } from '../../../src/model/schema';

afterEach(cleanup);

const departments: Department[] = [{ id: 'intake', name: 'Intake', color: '#4e79a7' }];

function makeProject(classes: Project['classes']): Project {
  return Project.parse({
    formatVersion: 4,
    name: 'Loan',
    timeUnit: 'minutes',
    classes,
    run: { horizon: { kind: 'duration', duration: 4800 }, warmup: 480, replications: { kind: 'fixed', count: 10 }, seed: 12345 },
    scenarios: [{ id: 'base', name: 'Today', kind: 'baseline', flow: { departments, nodes: [], edges: [] } }],
  });
}

const twoClasses = makeProject([
  { id: 'standard', name: 'Standard', share: 3, priority: 1, color: '#4e79a7' },
  { id: 'urgent', name: 'Urgent', share: 1, priority: 0, color: '#e15759' },
]);

/** Settings as the app uses them: a committed project comes back as the new `project`. */
function Controlled({ initial, onCommit, onDepartmentCommit, onAddDepartment }: { initial: Project; onCommit: (p: Project) => void; onDepartmentCommit?: (d: Department) => void; onAddDepartment?: () => void }) {
  const [project, setProject] = useState(initial);
  return (
    <ProjectSettings
      project={project}
      departments={departments}
      onCommit={(p) => {
        onCommit(p);
        setProject(p);
      }}
      onDepartmentCommit={onDepartmentCommit ?? (() => {})}
      onAddDepartment={onAddDepartment ?? (() => {})}
    />
  );
}

function setup(initial: Project = twoClasses) {
  const onCommit = vi.fn<(p: Project) => void>();
  const onDepartmentCommit = vi.fn<(d: Department) => void>();
  const onAddDepartment = vi.fn();
  render(<Controlled initial={initial} onCommit={onCommit} onDepartmentCommit={onDepartmentCommit} onAddDepartment={onAddDepartment} />);
  return { user: userEvent.setup(), onCommit, onDepartmentCommit, onAddDepartment, last: () => onCommit.mock.calls.at(-1)![0] };
}

const describedError = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('ProjectSettings: customer classes', () => {
  it('adds a class with a fresh id; the committed project is valid', async () => {
    const { user, last } = setup();
    await user.click(screen.getByTestId('add-class'));
    const p = last();
    expect(p.classes).toHaveLength(3);
    expect(p.classes.slice(0, 2)).toEqual(twoClasses.classes);
    const added = p.classes[2]!;
    expect(['standard', 'urgent']).not.toContain(added.id);
    expect(added.share).toBeGreaterThan(0);
    expect(Project.safeParse(p).success).toBe(true);
    expect(screen.getByTestId(`class-${added.id}`)).toBeInTheDocument();
  });

  it('removes a class, but never the last one', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'Remove Urgent' }));
    expect(last().classes.map((c) => c.id)).toEqual(['standard']);
    expect(screen.queryByRole('button', { name: /^Remove Standard/ })).toBeNull();
  });

  it('refuses a negative share at the field and commits a valid one', async () => {
    const { user, onCommit, last } = setup();
    const share = within(screen.getByTestId('class-urgent')).getByLabelText('Share');
    await user.clear(share);
    await user.type(share, '-1{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(share).toHaveAttribute('aria-invalid', 'true');
    expect(describedError(share)).toMatch(/0 or more/);
    await user.clear(share);
    await user.type(share, '2{Enter}');
    expect(last().classes[1]).toEqual({ ...twoClasses.classes[1], share: 2 });
  });

  it('refuses to give every customer class a share of 0', async () => {
    const one = makeProject([{ id: 'all', name: 'All customers', share: 1, priority: 0, color: '#4e79a7' }]);
    const { user, onCommit } = setup(one);
    const share = within(screen.getByTestId('class-all')).getByLabelText('Share');
    await user.clear(share);
    await user.type(share, '0{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
  });
});

describe('ProjectSettings: project and run', () => {
  it('refuses an empty project name', async () => {
    const { user, onCommit, last } = setup();
    const name = screen.getByTestId('project-name');
    await user.clear(name);
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, 'Loan 2027{Enter}');
    expect(last().name).toBe('Loan 2027');
  });

  it('changes the time unit', async () => {
    const { user, last } = setup();
    await user.selectOptions(screen.getByLabelText('Time unit'), 'hours');
    expect(last().timeUnit).toBe('hours');
  });

  it('refuses a negative seed and commits a whole one; "New seed" picks a valid seed', async () => {
    const { user, onCommit, last } = setup();
    const seed = screen.getByTestId('run-seed');
    await user.clear(seed);
    await user.type(seed, '-1{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(seed).toHaveAttribute('aria-invalid', 'true');
    await user.clear(seed);
    await user.type(seed, '42{Enter}');
    expect(last().run).toEqual({ ...twoClasses.run, seed: 42 });
    await user.click(screen.getByRole('button', { name: 'New seed' }));
    const s = last().run.seed;
    expect(Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1).toBe(true);
  });

  it('refuses zero replications and switches to "until precise enough"', async () => {
    const { user, onCommit, last } = setup();
    const reps = screen.getByTestId('run-replications');
    await user.clear(reps);
    await user.type(reps, '0{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(reps).toHaveAttribute('aria-invalid', 'true');
    await user.selectOptions(screen.getByLabelText('Replications rule'), 'precision');
    expect(last().run.replications).toEqual({ kind: 'precision', relativeHalfWidth: 0.05, min: 5, max: 100 });
    const target = screen.getByLabelText('Precision target (±)');
    expect(target).toHaveValue('5');
    await user.clear(target);
    await user.type(target, '2{Enter}');
    expect(last().run.replications).toMatchObject({ kind: 'precision', relativeHalfWidth: 0.02 });
  });

  it('refuses a negative simulated time', async () => {
    const { user, onCommit, last } = setup();
    const duration = screen.getByTestId('run-duration');
    await user.clear(duration);
    await user.type(duration, '-10{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(describedError(duration)).toMatch(/cannot be negative/);
    await user.clear(duration);
    await user.type(duration, '0{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(describedError(duration)).toMatch(/greater than 0/);
    await user.clear(duration);
    await user.type(duration, '9600{Enter}');
    expect(last().run.horizon).toEqual({ kind: 'duration', duration: 9600 });
  });
});

describe('ProjectSettings: service-level targets and departments', () => {
  it('adds a target, refuses a target above 100 %, commits 90 %, removes it', async () => {
    const { user, onCommit, last } = setup();
    await user.click(screen.getByRole('button', { name: '+ Add a target' }));
    expect(last().serviceLevels).toHaveLength(1);
    const calls = onCommit.mock.calls.length;
    const target = screen.getByLabelText('Target');
    await user.clear(target);
    await user.type(target, '120{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(calls);
    expect(target).toHaveAttribute('aria-invalid', 'true');
    await user.clear(target);
    await user.type(target, '90{Enter}');
    expect(last().serviceLevels[0]!.target).toBeCloseTo(0.9, 12);
    await user.selectOptions(screen.getByLabelText('Measure'), 'timeInSystem');
    expect(last().serviceLevels[0]!.measure).toBe('timeInSystem');
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(last().serviceLevels).toEqual([]);
  });

  it('renames a department (an empty name is refused) and asks for a new one', async () => {
    const { user, onDepartmentCommit, onAddDepartment } = setup();
    const name = screen.getByDisplayValue('Intake');
    await user.clear(name);
    await user.tab();
    expect(onDepartmentCommit).not.toHaveBeenCalled();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, 'Front office{Enter}');
    expect(onDepartmentCommit).toHaveBeenCalledWith({ ...departments[0], name: 'Front office' });
    await user.click(screen.getByTestId('add-department'));
    expect(onAddDepartment).toHaveBeenCalledTimes(1);
  });

  it('department name fields have an accessible name', () => {
    setup();
    expect(screen.getByDisplayValue('Intake')).toHaveAccessibleName();
  });
});

describe('ProjectSettings: money and customers at risk', () => {
  it('starts neutral, takes the assumptions, clears the tolerance when emptied, and can remove them', async () => {
    const { user, last } = setup();
    expect(screen.queryByTestId('costs')).toBeNull();
    await user.click(screen.getByTestId('costs-add'));
    expect(last().costs).toEqual({ currency: '', staffPerHour: 0, lostCustomer: 0, shareLostAtRisk: 0 });
    await user.clear(screen.getByTestId('costs-staff'));
    await user.type(screen.getByTestId('costs-staff'), '42{Enter}');
    await user.type(screen.getByTestId('costs-tolerance'), '60{Enter}');
    await user.clear(screen.getByTestId('costs-share'));
    await user.type(screen.getByTestId('costs-share'), '25{Enter}');
    expect(last().costs).toMatchObject({ staffPerHour: 42, tolerance: 60, shareLostAtRisk: 0.25 });
    await user.clear(screen.getByTestId('costs-staff'));
    await user.type(screen.getByTestId('costs-staff'), '-3{Enter}');
    expect(describedError(screen.getByTestId('costs-staff'))).toMatch(/0 or more/);
    expect(last().costs!.staffPerHour).toBe(42);
    await user.clear(screen.getByTestId('costs-tolerance'));
    await user.tab();
    expect(last().costs!.tolerance).toBeUndefined();
    await user.click(screen.getByText('Remove these assumptions'));
    expect(last().costs).toBeUndefined();
  });
});

describe('ProjectSettings: the time unit', () => {
  it('switching minutes → hours converts every time in one commit and says what it did', async () => {
    const { user, onCommit, last } = setup();
    expect(screen.getByTestId('run-duration')).toHaveValue('4,800 min'); // 3.33… days would not read back exactly
    await user.selectOptions(screen.getByTestId('time-unit'), 'hours');
    expect(onCommit).toHaveBeenCalledTimes(1); // one undo step
    expect(last().timeUnit).toBe('hours');
    expect(last().run.horizon).toEqual({ kind: 'duration', duration: 80 });
    expect(last().run.warmup).toBe(8);
    expect(screen.getByTestId('time-unit-converted')).toHaveTextContent('All times converted to hours: the simulated time of 4,800 min is now 80 h.');
    // The same length of time, in the new unit.
    expect(screen.getByTestId('run-duration')).toHaveValue('80 h');
    expect(screen.getByLabelText('Warm-up (not counted)')).toHaveValue('8 h');
  });

  it('takes the run length with a unit', async () => {
    const { user, last } = setup();
    const duration = screen.getByTestId('run-duration');
    await user.clear(duration);
    await user.type(duration, '8 weeks{Enter}');
    expect(last().run.horizon).toEqual({ kind: 'duration', duration: 80640 });
    expect(duration).toHaveValue('56 days');
  });

  it('a conversion that would break a limit is refused with the place named, and nothing changes', async () => {
    const { user, onCommit } = setup({ ...twoClasses, run: { ...twoClasses.run, horizon: { kind: 'duration', duration: 5e7 } } });
    await user.selectOptions(screen.getByTestId('time-unit'), 'seconds');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not convert to seconds: run length duration must be at most 1,000,000,000');
    expect(screen.getByTestId('time-unit')).toHaveValue('minutes');
    expect(screen.queryByTestId('time-unit-converted')).toBeNull();
  });
});
