// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EdgeInspector } from '../../../src/ui/inspector/EdgeInspector';
import type { CustomerClass, FlowEdge } from '../../../src/model/schema';

afterEach(cleanup);

const classes: CustomerClass[] = [
  { id: 'standard', name: 'Standard', share: 3, priority: 1, color: '#4e79a7' },
  { id: 'urgent', name: 'Urgent', share: 1, priority: 0, color: '#e15759' },
];

const edge = (id: string, probability?: number, extra: Partial<FlowEdge> = {}): FlowEdge => ({ id, source: 'check', target: id, ...(probability === undefined ? {} : { probability }), ...extra });

function renderEdge(self: FlowEdge, others: FlowEdge[], byClass = false) {
  const onCommit = vi.fn<(edges: FlowEdge[]) => void>();
  render(<EdgeInspector edge={self} siblings={[self, ...others]} sourceName="Check documents" targetName="Approve" byClass={byClass} classes={classes} onCommit={onCommit} />);
  return onCommit;
}

const sum = (edges: FlowEdge[]) => edges.reduce((s, e) => s + (e.probability ?? 0), 0);

describe('EdgeInspector: shares', () => {
  it('shows the share as a percentage and the sum over all ways out of the source', () => {
    renderEdge(edge('a', 0.5), [edge('b', 0.3), edge('c', 0.1)]);
    expect(screen.getByTestId('field-probability')).toHaveValue('50');
    expect(screen.getByTestId('probability-sum')).toHaveTextContent('add up to 90 %');
    expect(screen.getByTestId('probability-sum')).toHaveTextContent('must add up to 100 %');
  });

  it('commits a typed percentage as a share of this connection only', async () => {
    const user = userEvent.setup();
    const onCommit = renderEdge(edge('a', 0.5), [edge('b', 0.5)]);
    const field = screen.getByTestId('field-probability');
    await user.clear(field);
    await user.type(field, '70{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    const [edges] = onCommit.mock.calls[0]!;
    expect(edges).toHaveLength(1);
    expect(edges[0]!.id).toBe('a');
    expect(edges[0]!.probability).toBeCloseTo(0.7, 12);
  });

  it('refuses a percentage above 100 at the field and commits nothing', async () => {
    const user = userEvent.setup();
    const onCommit = renderEdge(edge('a', 0.5), [edge('b', 0.5)]);
    const field = screen.getByTestId('field-probability');
    await user.clear(field);
    await user.type(field, '150');
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBeTruthy();
  });

  it('"balance" rescales the other connections, in proportion, so that all add up to 100 %', async () => {
    const user = userEvent.setup();
    const self = edge('a', 0.5);
    const onCommit = renderEdge(self, [edge('b', 0.3), edge('c', 0.1)]);
    await user.click(screen.getByTestId('balance-shares'));
    expect(onCommit).toHaveBeenCalledTimes(1);
    const [changed] = onCommit.mock.calls[0]!;
    expect(changed.map((e) => e.id).sort()).toEqual(['b', 'c']);
    expect(sum([self, ...changed])).toBeCloseTo(1, 6);
    const b = changed.find((e) => e.id === 'b')!.probability!;
    const c = changed.find((e) => e.id === 'c')!.probability!;
    expect(b / c).toBeCloseTo(3, 4);
  });

  it('"balance" splits the rest evenly when the others have no share yet', async () => {
    const user = userEvent.setup();
    const self = edge('a', 0.4);
    const onCommit = renderEdge(self, [edge('b'), edge('c')]);
    await user.click(screen.getByTestId('balance-shares'));
    const [changed] = onCommit.mock.calls[0]!;
    expect(changed.map((e) => e.probability)).toEqual([0.3, 0.3]);
  });

  it('"balance" with seven other connections gives a total within the simulator’s tolerance', async () => {
    const user = userEvent.setup();
    const self = edge('a', 0.1);
    const others = ['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => edge(id, 0.1));
    const onCommit = renderEdge(self, others);
    await user.click(screen.getByTestId('balance-shares'));
    const [changed] = onCommit.mock.calls[0]!;
    expect(Math.abs(sum([self, ...changed]) - 1)).toBeLessThanOrEqual(1e-6);
  });

  it('offers no balancing when the shares already add up to 100 %', () => {
    renderEdge(edge('a', 0.25), [edge('b', 0.75)]);
    expect(screen.queryByTestId('balance-shares')).toBeNull();
    expect(screen.getByTestId('probability-sum')).toHaveTextContent('add up to 100 %.');
  });

  it('asks no share when this is the only way out', () => {
    renderEdge(edge('a'), []);
    expect(screen.queryByTestId('field-probability')).toBeNull();
    expect(screen.getByText('Every customer takes this connection.')).toBeInTheDocument();
  });
});

describe('EdgeInspector: classes and label', () => {
  it('for a decision by class, ticking a class routes it along this connection', async () => {
    const user = userEvent.setup();
    const onCommit = renderEdge(edge('a', undefined, { classIds: ['standard'] }), [edge('b')], true);
    expect(screen.queryByTestId('field-probability')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Standard' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Urgent' }));
    expect(onCommit).toHaveBeenLastCalledWith([{ ...edge('a'), classIds: ['standard', 'urgent'] }]);
    await user.click(screen.getByRole('checkbox', { name: 'Standard' }));
    expect(onCommit).toHaveBeenLastCalledWith([{ ...edge('a'), classIds: [] }]);
  });

  it('commits a trimmed label, and no label when cleared', async () => {
    const user = userEvent.setup();
    const onCommit = renderEdge(edge('a', 0.5, { label: 'complete' }), [edge('b', 0.5)]);
    const label = screen.getByLabelText('Label');
    await user.clear(label);
    await user.type(label, '  documents missing {Enter}');
    expect(onCommit).toHaveBeenLastCalledWith([{ ...edge('a', 0.5), label: 'documents missing' }]);
    await user.clear(label);
    await user.tab();
    expect(onCommit.mock.calls.at(-1)![0][0]!.label).toBeUndefined();
  });

  it('refuses a label longer than 120 characters', async () => {
    const user = userEvent.setup();
    const onCommit = renderEdge(edge('a', 0.5), [edge('b', 0.5)]);
    const label = screen.getByLabelText('Label');
    await user.click(label);
    await user.paste('x'.repeat(121));
    await user.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(label).toHaveAttribute('aria-invalid', 'true');
  });
});
