// @vitest-environment jsdom
// Project settings show the settings, and Redo is enabled only with something to redo (issue 17).
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import { getExample } from '../../src/model/examples';
import { renderWithStore } from './helpers';

describe('Project settings and Redo', () => {
  it('clicking Project settings while a step is selected shows the settings; selecting a step again shows the step', () => {
    const { store } = renderWithStore(<App />, structuredClone(getExample('loan')!.project));
    act(() => store.getState().select({ nodes: ['intake'], edges: [] }));
    expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Intake');
    fireEvent.click(screen.getByTestId('project-settings-toggle'));
    expect(store.getState().settingsOpen).toBe(true);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
    expect(screen.getByTestId('project-settings-toggle').className).toContain('is-on');
    expect(screen.queryByTestId('field-name')).toBeNull();
    expect(screen.getByTestId('inspector').textContent).toMatch(/classes/i);
    act(() => store.getState().select({ nodes: ['intake'], edges: [] }));
    expect(store.getState().settingsOpen).toBe(false);
    expect(screen.getByTestId('project-settings-toggle').className).not.toContain('is-on');
    // A second click closes them.
    fireEvent.click(screen.getByTestId('project-settings-toggle'));
    fireEvent.click(screen.getByTestId('project-settings-toggle'));
    expect(store.getState().settingsOpen).toBe(false);
  });

  it('Redo is disabled with nothing to redo, enabled after an Undo, and disabled again after a new edit', () => {
    const { store } = renderWithStore(<App />, structuredClone(getExample('loan')!.project));
    const redo = screen.getByTestId('redo');
    expect(redo).toBeDisabled();
    act(() => store.getState().edit((p) => ({ ...p, name: 'Edited' })));
    expect(redo).toBeDisabled();
    fireEvent.click(screen.getByTestId('undo'));
    expect(redo).toBeEnabled();
    fireEvent.click(redo);
    expect(store.getState().project.name).toBe('Edited');
    expect(redo).toBeDisabled();
  });
});
