// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ValidationPanel } from '../../src/ui/ValidationPanel';
import { Canvas } from '../../src/ui/editor/Canvas';
import { Header } from '../../src/ui/Header';
import * as edits from '../../src/ui/store/edits';
import { connectedProject, renderWithStore } from './helpers';

function View() {
  return (
    <>
      <Header />
      <Canvas />
      <ValidationPanel />
    </>
  );
}

const errorsIn = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('.sf-check--error')];
const warningsIn = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('.sf-check--warning')];

describe('live validation', () => {
  it('a complete flow shows no problems and can be run', async () => {
    renderWithStore(<View />, connectedProject());
    expect(await screen.findByTestId('checks')).toHaveTextContent(/complete/i);
    expect(screen.getByTestId('run')).toBeEnabled();
  });

  it('lists errors, marks the node in red and disables Run; fixing the flow clears them', async () => {
    const p = connectedProject();
    const stepId = p.scenarios[0]!.flow.nodes.find((n) => n.kind === 'step')!.id;
    const broken = edits.removeElements(p, 'baseline', [], [p.scenarios[0]!.flow.edges.find((e) => e.source === stepId)!.id]);
    const { store } = renderWithStore(<View />, broken);
    const checks = await screen.findByTestId('checks');
    const errors = errorsIn(checks);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => /Intake/.test(e.textContent ?? ''))).toBe(true);
    expect(screen.getByTestId('run')).toBeDisabled();
    expect(await screen.findByTestId(`node-${stepId}`)).toHaveClass('has-error');

    act(() => store.getState().edit((q) => edits.connect(q, 'baseline', stepId, 'exit').project));
    expect(screen.getByTestId('checks')).toHaveTextContent(/complete/i);
    expect(screen.getByTestId('run')).toBeEnabled();
    expect(screen.getByTestId(`node-${stepId}`)).not.toHaveClass('has-error');
  });

  it('warnings alone do not block a run, and show in amber on the node', async () => {
    const p = connectedProject();
    const step = p.scenarios[0]!.flow.nodes.find((n) => n.kind === 'step')!;
    if (step.kind !== 'step') throw new Error('expected a step');
    // 4 customers an hour, 13.5 minutes each, one member of staff: 90 % busy.
    const busy = edits.updateNode(p, 'baseline', { ...step, service: { kind: 'exponential', mean: 13.5 } });
    renderWithStore(<View />, busy);
    const checks = await screen.findByTestId('checks');
    expect(errorsIn(checks)).toHaveLength(0);
    expect(warningsIn(checks)[0]).toHaveTextContent('90 % busy');
    expect(screen.getByTestId('run')).toBeEnabled();
    expect(await screen.findByTestId(`node-${step.id}`)).toHaveClass('has-warning');
  });

  it('clicking a message selects the element it is about', async () => {
    const p = connectedProject();
    const stepId = p.scenarios[0]!.flow.nodes.find((n) => n.kind === 'step')!.id;
    const broken = edits.removeElements(p, 'baseline', [], [p.scenarios[0]!.flow.edges.find((e) => e.source === stepId)!.id]);
    const { store } = renderWithStore(<View />, broken);
    const message = errorsIn(await screen.findByTestId('checks')).find((e) => /Intake/.test(e.textContent ?? ''))!;
    fireEvent.click(within(message).getByRole('button'));
    expect(store.getState().selection.nodes).toEqual([stepId]);
  });
});
