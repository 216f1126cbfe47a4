// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import * as edits from '../../src/ui/store/edits';
import { getExample } from '../../src/model/examples';
import { renderWithStore } from './helpers';

const loan = () => structuredClone(getExample('loan')!.project);

afterEach(() => vi.restoreAllMocks());

describe('the app', () => {
  it('opens on the project with its name, scenario tabs, palette, canvas and checks', async () => {
    const p = loan();
    renderWithStore(<App />, p);
    expect(screen.getByTestId('project-title')).toHaveTextContent('Bank loan application');
    expect(screen.getAllByRole('tab')).toHaveLength(p.scenarios.length);
    for (const kind of ['arrivals', 'step', 'delay', 'decision', 'exit']) expect(screen.getByTestId(`palette-${kind}`)).toBeInTheDocument();
    expect(await screen.findByTestId('node-intake')).toBeInTheDocument();
    expect(screen.getByTestId('checks')).toBeInTheDocument();
    expect(screen.getByTestId('run')).toBeEnabled();
  });

  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo', () => {
    const { store } = renderWithStore(<App />, edits.emptyProject());
    act(() => store.getState().edit((p) => ({ ...p, name: 'Renamed' })));
    expect(screen.getByTestId('project-title')).toHaveTextContent('Renamed');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(screen.getByTestId('project-title')).toHaveTextContent('New project');
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('project-title')).toHaveTextContent('Renamed');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    expect(screen.getByTestId('project-title')).toHaveTextContent('Renamed');
  });

  it('Ctrl+Z inside a text field is left to the field', () => {
    const { store, container } = renderWithStore(<App />, edits.emptyProject());
    act(() => store.getState().edit((p) => ({ ...p, name: 'Renamed' })));
    const input = document.createElement('input');
    container.appendChild(input);
    input.focus();
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(store.getState().project.name).toBe('Renamed');
  });

  it('the Undo and Redo buttons do the same', () => {
    const { store } = renderWithStore(<App />, edits.emptyProject());
    expect(screen.getByTestId('undo')).toBeDisabled();
    act(() => store.getState().edit((p) => ({ ...p, name: 'Renamed' })));
    fireEvent.click(screen.getByTestId('undo'));
    expect(store.getState().project.name).toBe('New project');
    fireEvent.click(screen.getByTestId('redo'));
    expect(store.getState().project.name).toBe('Renamed');
  });

  it('Save and Ctrl+S download the project as <name>.json', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const p = loan();
    renderWithStore(<App />, p);
    fireEvent.click(screen.getByTestId('menu-save'));
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(names).toEqual(['Bank loan application.json', 'Bank loan application.json']);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(p);
  });

  it('the example gallery opens an example as one undo step, or a new empty project', async () => {
    const { store } = renderWithStore(<App />, loan());
    fireEvent.click(screen.getByTestId('menu-examples'));
    const gallery = screen.getByTestId('gallery');
    expect(within(gallery).getAllByRole('button').length).toBeGreaterThanOrEqual(4);
    fireEvent.click(within(gallery).getByTestId('example-repair'));
    expect(screen.getByTestId('project-title')).toHaveTextContent('After-sales repair');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    fireEvent.click(screen.getByTestId('menu-examples'));
    fireEvent.click(screen.getByTestId('new-empty'));
    expect(screen.getByTestId('project-title')).toHaveTextContent('New project');
    const flow = store.getState().project.scenarios[0]!.flow;
    expect(flow.nodes.map((n) => n.kind).sort()).toEqual(['arrivals', 'exit']);
    expect(flow.departments).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId('gallery')).toBeNull());
  });

  it('selecting a node opens its details on the right', async () => {
    const { store } = renderWithStore(<App />, loan());
    expect(screen.queryByTestId('inspector')).toBeNull();
    act(() => store.getState().select({ nodes: ['intake'], edges: [] }));
    expect(await screen.findByTestId('inspector')).toBeInTheDocument();
  });
});
