// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeInspector } from '../../../src/ui/inspector/NodeInspector';
import { FlowNode, type CustomerClass, type Department } from '../../../src/model/schema';
import type { StepLoad } from '../../../src/engine/traffic';

afterEach(cleanup);

const departments: Department[] = [
  { id: 'intake', name: 'Intake', color: '#4e79a7' },
  { id: 'credit', name: 'Credit', color: '#f28e2b' },
];
const classes: CustomerClass[] = [
  { id: 'standard', name: 'Standard', share: 3, priority: 1, color: '#4e79a7' },
  { id: 'urgent', name: 'Urgent', share: 1, priority: 0, color: '#e15759' },
];

const step: FlowNode = {
  id: 'check',
  name: 'Check documents',
  kind: 'step',
  position: { x: 0, y: 0 },
  departmentId: 'intake',
  staff: 2,
  service: { kind: 'lognormal', mean: 20, sd: 15 },
  discipline: 'fifo',
};
const arrivals: FlowNode = { id: 'in', name: 'Applications', kind: 'arrivals', position: { x: 0, y: 0 }, arrivals: { mode: 'rate', rate: 6, per: 'hour' } };

/** The inspector as the app uses it: a committed node comes back as the new `node`. */
function Controlled({ initial, onCommit, load }: { initial: FlowNode; onCommit: (n: FlowNode) => void; load?: StepLoad }) {
  const [node, setNode] = useState(initial);
  return (
    <NodeInspector
      node={node}
      departments={departments}
      classes={classes}
      unit="minutes"
      load={load}
      onCommit={(n) => {
        onCommit(n);
        setNode(n);
      }}
    />
  );
}

function setup(initial: FlowNode, load?: StepLoad) {
  const onCommit = vi.fn<(n: FlowNode) => void>();
  render(<Controlled initial={initial} onCommit={onCommit} load={load} />);
  return { user: userEvent.setup(), onCommit, last: () => onCommit.mock.calls.at(-1)![0] };
}

const describedError = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('NodeInspector: a step', () => {
  it('refuses negative or fractional staff at the field; commits a whole number', async () => {
    const { user, onCommit } = setup(step);
    const staff = screen.getByTestId('field-staff');
    await user.clear(staff);
    await user.type(staff, '-1{Enter}');
    expect(staff).toHaveAttribute('aria-invalid', 'true');
    expect(describedError(staff)).toMatch(/0 or more/);
    await user.clear(staff);
    await user.type(staff, '2.5{Enter}');
    expect(describedError(staff)).toBe('Enter a whole number.');
    expect(onCommit).not.toHaveBeenCalled();

    await user.clear(staff);
    await user.type(staff, '3{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenLastCalledWith({ ...step, staff: 3 });
    expect(staff).not.toHaveAttribute('aria-invalid');
  });

  it('refuses an empty name and commits a new one', async () => {
    const { user, onCommit } = setup(step);
    const name = screen.getByTestId('field-name');
    await user.clear(name);
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(describedError(name)).toMatch(/empty/);
    await user.type(name, 'Check file{Enter}');
    expect(onCommit).toHaveBeenLastCalledWith({ ...step, name: 'Check file' });
  });

  it('moves the step to another department', async () => {
    const { user, last } = setup(step);
    await user.selectOptions(screen.getByTestId('field-department'), 'credit');
    expect(last()).toEqual({ ...step, departmentId: 'credit' });
  });

  it('edits the service time: an invalid spread is refused, a valid mean is committed', async () => {
    const { user, onCommit, last } = setup(step);
    const sd = screen.getByTestId('service-sd');
    await user.clear(sd);
    await user.type(sd, '0{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(describedError(sd)).toMatch(/greater than 0/);
    const mean = screen.getByTestId('service-mean');
    await user.clear(mean);
    await user.type(mean, '25{Enter}');
    expect(last()).toEqual({ ...step, service: { kind: 'lognormal', mean: 25, sd: 15 } });
  });

  it('limits the waiting places, refuses a negative number of places, and makes them unlimited again', async () => {
    const { user, onCommit, last } = setup(step);
    await user.click(screen.getByRole('checkbox', { name: /Limited waiting places/ }));
    expect(last()).toEqual({ ...step, capacity: 10 });
    const places = screen.getByLabelText('Waiting places');
    await user.clear(places);
    await user.type(places, '-2{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(places).toHaveAttribute('aria-invalid', 'true');
    await user.clear(places);
    await user.type(places, '4{Enter}');
    expect(last()).toEqual({ ...step, capacity: 4 });
    await user.click(screen.getByRole('checkbox', { name: /Limited waiting places/ }));
    expect(last()).toMatchObject({ capacity: undefined });
  });

  it('lets customers give up after waiting, with a patience distribution', async () => {
    const { user, last } = setup(step);
    await user.click(screen.getByRole('checkbox', { name: /give up/ }));
    const n = last();
    expect(n.kind === 'step' && n.patience).toEqual({ kind: 'exponential', mean: 30 });
    expect(FlowNode.safeParse(n).success).toBe(true);
  });

  it('gives a customer class its own service time, and takes it away again', async () => {
    const { user, last } = setup(step);
    await user.click(screen.getByRole('button', { name: 'Give Urgent its own service time' }));
    expect(last()).toEqual({ ...step, serviceByClass: { urgent: step.service } });
    await user.click(screen.getByRole('button', { name: "Use the step's service time for Urgent" }));
    expect(last()).toMatchObject({ serviceByClass: undefined });
  });

  it('chooses the queue order', async () => {
    const { user, last } = setup(step);
    await user.selectOptions(screen.getByLabelText('Queue'), 'priority');
    expect(last()).toEqual({ ...step, discipline: 'priority' });
  });

  it('shows the approximate busy share and wait before any run', () => {
    const load: StepLoad = {
      nodeId: 'check',
      arrivalRate: 0.09,
      meanService: 20,
      serviceScv: 0.56,
      offeredLoad: 1.8,
      utilization: 0.9,
      staff: 2,
      approxWaitMMc: 85,
      approxWait: 66,
      farFromExponential: false,
      visitsPerCustomer: 1,
    };
    setup(step, load);
    expect(screen.getByText(/about 90 % busy/)).toHaveTextContent(/mean wait about 85 min/);
  });

  it('says plainly when the step is overloaded, with no empty wait figure', () => {
    const load: StepLoad = {
      nodeId: 'check',
      arrivalRate: 0.125,
      meanService: 20,
      serviceScv: 0.56,
      offeredLoad: 2.5,
      utilization: 1.25,
      staff: 2,
      approxWaitMMc: Infinity,
      approxWait: Infinity,
      farFromExponential: true,
      visitsPerCustomer: 1,
    };
    setup(step, load);
    const note = screen.getByText(/arrive faster than the staff here can serve them/);
    expect(note).toHaveTextContent(/125 % of their time needed/);
    expect(note.textContent).not.toMatch(/—|NaN|Infinity|undefined|mean wait about/);
  });
});

describe('NodeInspector: arrivals', () => {
  it('refuses a rate of 0 and commits a positive rate and its period', async () => {
    const { user, onCommit, last } = setup(arrivals);
    const rate = screen.getByTestId('field-rate');
    await user.clear(rate);
    await user.type(rate, '0{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(describedError(rate)).toMatch(/greater than 0/);
    await user.clear(rate);
    await user.type(rate, '12{Enter}');
    expect(last()).toEqual({ ...arrivals, arrivals: { mode: 'rate', rate: 12, per: 'hour' } });
    await user.selectOptions(screen.getByLabelText('per'), 'day');
    expect(last()).toEqual({ ...arrivals, arrivals: { mode: 'rate', rate: 12, per: 'day' } });
  });

  it('switches to a time between arrivals, edited as a distribution', async () => {
    const { user, last } = setup(arrivals);
    await user.selectOptions(screen.getByLabelText('Customers arrive'), 'interarrival');
    const n = last();
    expect(n.kind === 'arrivals' && n.arrivals.mode).toBe('interarrival');
    expect(screen.queryByTestId('field-rate')).toBeNull();
    expect(screen.getByText('Time between arrivals')).toBeInTheDocument();
  });

  it('switching to a time between arrivals drops the rate schedule', async () => {
    const withSchedule: FlowNode = { ...arrivals, schedule: { repeat: 'day', multipliers: Array.from({ length: 24 }, () => 1) } } as FlowNode;
    const { user, last } = setup(withSchedule);
    await user.selectOptions(screen.getByLabelText('Customers arrive'), 'interarrival');
    expect(last()).not.toHaveProperty('schedule');
  });
});

describe('NodeInspector: delay, decision, exit', () => {
  const delay: FlowNode = { id: 'post', name: 'Internal mail', kind: 'delay', position: { x: 0, y: 0 }, departmentId: 'intake', duration: { kind: 'triangular', min: 15, mode: 30, max: 60 } };

  it('a delay may leave its department; its duration is refused when the most likely value is out of range', async () => {
    const { user, onCommit, last } = setup(delay);
    await user.selectOptions(screen.getByLabelText('Department'), '');
    expect(last()).toMatchObject({ departmentId: undefined });
    const mode = screen.getByTestId('duration-mode');
    await user.clear(mode);
    await user.type(mode, '90{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(mode).toHaveAttribute('aria-invalid', 'true');
  });

  it('a decision routes by share or by class', async () => {
    const decision: FlowNode = { id: 'd', name: 'Complete?', kind: 'decision', position: { x: 0, y: 0 }, mode: 'probability' };
    const { user, last } = setup(decision);
    await user.selectOptions(screen.getByLabelText('Route customers'), 'class');
    expect(last()).toEqual({ ...decision, mode: 'class' });
  });

  it('an exit has a name and notes only', async () => {
    const exit: FlowNode = { id: 'out', name: 'Done', kind: 'exit', position: { x: 0, y: 0 } };
    const { user, last } = setup(exit);
    expect(screen.getAllByRole('textbox')).toHaveLength(2);
    await user.type(screen.getByTestId('field-description'), 'Customer informed by letter');
    await user.tab();
    expect(last()).toEqual({ ...exit, description: 'Customer informed by letter' });
    const name = screen.getByTestId('field-name');
    await user.clear(name);
    await user.type(name, 'Loan paid out{Enter}');
    expect(last()).toEqual({ ...exit, description: 'Customer informed by letter', name: 'Loan paid out' });
  });
});

describe('NodeInspector: class mix of arrivals', () => {
  it('uses the project shares by default and can give the source its own mix', async () => {
    const { render, screen } = await import('@testing-library/react');
    const userEvent = (await import('@testing-library/user-event')).default;
    const { NodeInspector } = await import('../../../src/ui/inspector/NodeInspector');
    const classes = [
      { id: 'small', name: 'Small loan', share: 0.7, priority: 0, color: '#4e79a7' },
      { id: 'large', name: 'Large loan', share: 0.3, priority: 0, color: '#e15759' },
    ];
    const node = { id: 'in', name: 'Applications', kind: 'arrivals' as const, position: { x: 0, y: 0 }, arrivals: { mode: 'rate' as const, rate: 5, per: 'hour' as const } };
    const commits: any[] = [];
    const user = userEvent.setup();
    const view = render(<NodeInspector node={node} departments={[]} classes={classes} unit="minutes" onCommit={(n) => commits.push(n)} />);
    await user.click(screen.getByTestId('class-mix-default'));
    expect(commits.at(-1).classMix).toEqual([
      { classId: 'small', share: 0.7 },
      { classId: 'large', share: 0.3 },
    ]);
    view.rerender(<NodeInspector node={commits.at(-1)} departments={[]} classes={classes} unit="minutes" onCommit={(n) => commits.push(n)} />);
    const large = screen.getByTestId('class-mix-large');
    await user.clear(large);
    await user.type(large, '0.5{Enter}');
    expect(commits.at(-1).classMix).toEqual([
      { classId: 'small', share: 0.7 },
      { classId: 'large', share: 0.5 },
    ]);
    const small = screen.getByTestId('class-mix-small');
    view.rerender(<NodeInspector node={{ ...commits.at(-1), classMix: [{ classId: 'small', share: 0.7 }, { classId: 'large', share: 0 }] }} departments={[]} classes={classes} unit="minutes" onCommit={(n) => commits.push(n)} />);
    const count = commits.length;
    await user.clear(small);
    await user.type(small, '0{Enter}');
    expect(commits.length).toBe(count);
    expect(screen.getByTestId('class-mix-small')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('NodeInspector: arrival peaks', () => {
  it('adds a daily profile, edits an hour, refuses an all-closed day, and removes it', async () => {
    const { render, screen } = await import('@testing-library/react');
    const userEvent = (await import('@testing-library/user-event')).default;
    const { NodeInspector } = await import('../../../src/ui/inspector/NodeInspector');
    const classes = [{ id: 'c', name: 'Customer', share: 1, priority: 0, color: '#4e79a7' }];
    let node: any = { id: 'in', name: 'Calls', kind: 'arrivals', position: { x: 0, y: 0 }, arrivals: { mode: 'rate', rate: 60, per: 'hour' } };
    const user = userEvent.setup();
    const view = render(<NodeInspector node={node} departments={[]} classes={classes} unit="minutes" onCommit={(n) => (node = n)} />);
    const rerender = () => view.rerender(<NodeInspector node={node} departments={[]} classes={classes} unit="minutes" onCommit={(n) => (node = n)} />);
    await user.click(screen.getByTestId('schedule-toggle'));
    expect(node.schedule).toEqual({ repeat: 'day', multipliers: Array.from({ length: 24 }, () => 1) });
    rerender();
    const noon = screen.getByTestId('schedule-12');
    await user.clear(noon);
    await user.type(noon, '1.6{Enter}');
    expect(node.schedule.multipliers[12]).toBe(1.6);
    rerender();
    // Closing every hour is refused at the field.
    node = { ...node, schedule: { repeat: 'day', multipliers: Array.from({ length: 24 }, (_, h) => (h === 5 ? 1 : 0)) } };
    rerender();
    const before = node;
    const five = screen.getByTestId('schedule-5');
    await user.clear(five);
    await user.type(five, '0{Enter}');
    expect(node).toBe(before);
    expect(five).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByTestId('schedule-toggle'));
    expect(node.schedule).toBeUndefined();
  });
});

describe('NodeInspector: shifts and learning', () => {
  it('shifts replace the staff number with an hourly grid; a bad hour is refused at the field', async () => {
    const { user, last } = setup(step);
    await user.click(screen.getByTestId('step-shifts-toggle'));
    expect(last()).toMatchObject({ shifts: { repeat: 'day' } });
    const first = last() as Extract<FlowNode, { kind: 'step' }>;
    expect(first.shifts!.staff).toEqual(Array.from({ length: 24 }, () => first.staff));
    expect(screen.queryByTestId('field-staff')).toBeNull();
    await user.clear(screen.getByTestId('step-shifts-3'));
    await user.type(screen.getByTestId('step-shifts-3'), '0{Enter}');
    expect((last() as Extract<FlowNode, { kind: 'step' }>).shifts!.staff[3]).toBe(0);
    await user.clear(screen.getByTestId('step-shifts-4'));
    await user.type(screen.getByTestId('step-shifts-4'), '1.5{Enter}');
    expect(describedError(screen.getByTestId('step-shifts-4'))).toMatch(/whole number/);
    await user.click(screen.getByTestId('step-shifts-toggle'));
    expect('shifts' in last()).toBe(false);
  });

  it('a learning curve starts at 40 % longer for 8 weeks, and can be edited and removed', async () => {
    const { user, last } = setup(step);
    await user.click(screen.getByTestId('step-learning-toggle'));
    expect((last() as Extract<FlowNode, { kind: 'step' }>).learning).toEqual({ multiplier: 1.4, period: 8 * 10080, shape: 'linear' });
    await user.clear(screen.getByTestId('step-learning-multiplier'));
    await user.type(screen.getByTestId('step-learning-multiplier'), '0.5{Enter}');
    expect(describedError(screen.getByTestId('step-learning-multiplier'))).toMatch(/at least 1/);
    await user.clear(screen.getByTestId('step-learning-multiplier'));
    await user.type(screen.getByTestId('step-learning-multiplier'), '1.25{Enter}');
    expect((last() as Extract<FlowNode, { kind: 'step' }>).learning!.multiplier).toBe(1.25);
    await user.click(screen.getByTestId('step-learning-toggle'));
    expect('learning' in last()).toBe(false);
  });
});
