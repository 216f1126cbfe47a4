// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScenarioTabs } from '../../src/ui/ScenarioTabs';
import { activeScenario, undo } from '../../src/ui/store';
import * as edits from '../../src/ui/store/edits';
import { getExample } from '../../src/model/examples';
import { renderWithStore } from './helpers';

const loan = () => structuredClone(getExample('loan')!.project);

describe('scenario tabs', () => {
  it('shows a tab per scenario, the baseline selected first', () => {
    const p = loan();
    renderWithStore(<ScenarioTabs />, p);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(p.scenarios.map((s) => `tab-${s.id}`));
    const base = p.scenarios.find((s) => s.kind === 'baseline')!;
    expect(screen.getByTestId(`tab-${base.id}`)).toHaveAttribute('aria-selected', 'true');
    // The baseline cannot be deleted: no Delete while it is on screen.
    expect(screen.queryByTestId('delete-scenario')).toBeNull();
  });

  it('clicking a tab shows that scenario', () => {
    const { store } = renderWithStore(<ScenarioTabs />, loan());
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    fireEvent.click(screen.getByTestId(`tab-${proposal.id}`));
    expect(activeScenario(store.getState()).id).toBe(proposal.id);
    expect(screen.getByTestId(`tab-${proposal.id}`)).toHaveAttribute('aria-selected', 'true');
  });

  it('"Duplicate as proposal" adds a proposal with the same steps, shows it, and is one undo step', () => {
    const { store } = renderWithStore(<ScenarioTabs />, edits.emptyProject());
    fireEvent.click(screen.getByTestId('duplicate-scenario'));
    const s = store.getState();
    expect(s.project.scenarios).toHaveLength(2);
    const copy = activeScenario(s);
    expect(copy.kind).toBe('proposal');
    expect(copy.flow.nodes.map((n) => n.id)).toEqual(s.project.scenarios[0]!.flow.nodes.map((n) => n.id));
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    act(() => undo(store));
    expect(screen.getAllByRole('tab')).toHaveLength(1);
  });

  it('rename: Enter keeps the new name, Escape and an empty name keep the old one', () => {
    const { store } = renderWithStore(<ScenarioTabs />, edits.emptyProject());
    fireEvent.click(screen.getByTestId('rename-scenario'));
    const input = screen.getByTestId('scenario-rename-input');
    fireEvent.change(input, { target: { value: 'Current process' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.getState().project.scenarios[0]!.name).toBe('Current process');
    expect(screen.getByTestId('tab-baseline')).toHaveTextContent('Current process');

    fireEvent.doubleClick(screen.getByTestId('tab-baseline'));
    const again = screen.getByTestId('scenario-rename-input');
    fireEvent.change(again, { target: { value: '   ' } });
    fireEvent.blur(again);
    expect(store.getState().project.scenarios[0]!.name).toBe('Current process');
  });

  it('deleting a proposal asks first; "Keep it" keeps it, confirming removes it and shows the baseline', () => {
    const { store } = renderWithStore(<ScenarioTabs />, loan());
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    fireEvent.click(screen.getByTestId(`tab-${proposal.id}`));
    fireEvent.click(screen.getByTestId('delete-scenario'));
    const dialog = screen.getByTestId('confirm-delete');
    expect(dialog).toHaveTextContent(proposal.name);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(store.getState().project.scenarios.some((s) => s.id === proposal.id)).toBe(true);

    fireEvent.click(screen.getByTestId('delete-scenario'));
    fireEvent.click(within(screen.getByTestId('confirm-delete')).getByRole('button', { name: /delete/i }));
    expect(store.getState().project.scenarios.some((s) => s.id === proposal.id)).toBe(false);
    expect(activeScenario(store.getState()).kind).toBe('baseline');
    expect(screen.queryByTestId('confirm-delete')).toBeNull();
  });

  it('"What changed" lists the differences from the baseline in plain words', () => {
    const { store } = renderWithStore(<ScenarioTabs />, edits.emptyProject());
    fireEvent.click(screen.getByTestId('duplicate-scenario'));
    fireEvent.click(screen.getByTestId('what-changed'));
    expect(screen.getByTestId('changes')).toHaveTextContent('Nothing yet');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('changes')).toBeNull();

    const id = activeScenario(store.getState()).id;
    act(() => store.getState().edit((p) => edits.addNode(p, id, 'step', { x: 300, y: 40 }).project));
    expect(screen.getByTestId('what-changed')).toHaveTextContent('(1)');
    fireEvent.click(screen.getByTestId('what-changed'));
    expect(screen.getByTestId('changes')).toHaveTextContent(/New step: .*1 staff/);
  });
});
