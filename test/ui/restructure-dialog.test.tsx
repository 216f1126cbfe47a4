// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { ScenarioTabs } from '../../src/ui/ScenarioTabs';
import { renderWithStore } from './helpers';

const loan = () => structuredClone(getExample('loan')!.project);

describe('the Restructure dialog', () => {
  it('previews a move in words, refuses an incomplete one, and applies it as a new proposal in one undo step', () => {
    const { store } = renderWithStore(<ScenarioTabs />, loan());
    fireEvent.click(screen.getByTestId('restructure-open'));
    fireEvent.click(screen.getByTestId('move-merge-steps'));
    fireEvent.click(screen.getByTestId('move-pick-credit-analysis'));
    expect(screen.getByTestId('move-preview').textContent).toBe('Choose at least two steps to merge.');
    expect(screen.getByTestId('move-apply')).toBeDisabled();
    fireEvent.click(screen.getByTestId('move-pick-risk-approval'));
    expect(screen.getByTestId("move-preview").textContent).toMatch(/^Merged "Credit analysis" and "Risk approval" into one step "Credit analysis \+ Risk approval" \(Credit department\) with 8 staff/);
    const before = store.getState().project;
    fireEvent.click(screen.getByTestId('move-apply'));
    const after = store.getState().project;
    expect(after.scenarios).toHaveLength(before.scenarios.length + 1);
    expect(store.getState().scenarioId).toBe(after.scenarios.at(-1)!.id);
    expect(screen.queryByTestId('restructure')).toBeNull();
    store.temporal.getState().undo();
    expect(store.getState().project.scenarios).toHaveLength(before.scenarios.length);
  });

  it('shows the staff budget by department and in total while staff are changed', () => {
    renderWithStore(<ScenarioTabs />, loan());
    fireEvent.click(screen.getByTestId('restructure-open'));
    fireEvent.click(screen.getByTestId('move-staff'));
    const budget = screen.getByTestId('staff-budget');
    const total = within(budget).getByTestId('staff-total');
    const start = Number(total.textContent!.split(' ')[0]);
    fireEvent.change(screen.getByTestId('staff-credit-analysis'), { target: { value: '8' } });
    fireEvent.change(screen.getByTestId('staff-contract'), { target: { value: '1' } });
    expect(total.textContent).toBe(`${start + 1} (+1)`);
    const foot = budget.querySelector('tfoot')!;
    expect(within(foot as HTMLElement).getByText('Credit department').parentElement!.textContent).toContain('8 (was 6)');
    expect(screen.getByTestId('move-preview').textContent).toBe('Staff changed: "Credit analysis" 6 → 8, "Contract signing" 2 → 1.');
    // The loan example assumes 45 € per staff hour: one more person costs 45 € an hour more.
    const rate = loan().costs!.staffPerHour;
    const was = start * rate;
    expect(screen.getByTestId('staff-cost').textContent).toBe(`${(was + rate).toLocaleString('en')} € (was ${was.toLocaleString('en')} €)`);
  });

  it('reads "1,000" staff as a thousand, and refuses a number it cannot read (Apply held back)', () => {
    renderWithStore(<ScenarioTabs />, loan());
    fireEvent.click(screen.getByTestId('restructure-open'));
    fireEvent.click(screen.getByTestId('move-staff'));
    fireEvent.change(screen.getByTestId('staff-intake'), { target: { value: '1,000' } });
    expect(screen.getByTestId('move-preview').textContent).toContain('"Intake" 2 → 1000');
    fireEvent.change(screen.getByTestId('staff-intake'), { target: { value: '1,00,0' } });
    expect(screen.getByTestId('staff-intake-error').textContent).toContain('"1,00,0"');
    expect(screen.getByTestId('move-apply')).toBeDisabled();
    fireEvent.change(screen.getByTestId('staff-intake'), { target: { value: '3' } });
    expect(screen.getByTestId('move-apply')).toBeEnabled();
  });

  it('on a proposal with a staff pool and on shifts, the staff table lists the pool and the plan, and a change acts on them', () => {
    const p = structuredClone(getExample('contact-centre')!.project);
    const { store } = renderWithStore(<ScenarioTabs />, p);
    fireEvent.click(screen.getByTestId('restructure-open'));
    fireEvent.click(screen.getByTestId('move-staff'));
    expect(screen.getByTestId('staff-budget').textContent).toContain('on shifts');
    fireEvent.change(screen.getByTestId('staff-first-level'), { target: { value: '13' } });
    expect(screen.getByTestId('move-preview').textContent).toContain('1 more on duty in every hour with staff (up to 12 → 13)');
    fireEvent.click(screen.getByTestId('move-apply'));
    const proposal = store.getState().project.scenarios.at(-1)!;
    const step = proposal.flow.nodes.find((n) => n.id === 'first-level')!;
    expect(step.kind === 'step' && step.shifts!.staff[11]).toBe(13);
  });
});
