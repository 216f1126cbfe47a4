// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileName, initialProject, readProjectFile, startAutosave } from '../../src/ui/persist';
import { createAppStore } from '../../src/ui/store';
import * as edits from '../../src/ui/store/edits';
import { getExample } from '../../src/model/examples';

const KEY = 'serviceflow:autosave:v1';

beforeEach(() => localStorage.clear());
afterEach(() => vi.useRealTimers());

describe('autosave and restore', () => {
  it('starts on the loan example when nothing was saved, or when the saved text is unreadable', () => {
    const first = initialProject();
    expect(first.restored).toBe(false);
    expect(first.project.name).toBe('Bank loan application');
    localStorage.setItem(KEY, '{ broken');
    expect(initialProject()).toMatchObject({ restored: false });
    localStorage.setItem(KEY, JSON.stringify({ project: { formatVersion: 2, name: '' }, scenarioId: 'x' }));
    expect(initialProject()).toMatchObject({ restored: false });
  });

  it('the example it starts on is a copy: editing it never changes the shipped example', () => {
    const { project } = initialProject();
    project.name = 'Changed';
    expect(getExample('loan')!.project.name).toBe('Bank loan application');
  });

  it('saves every change after a short pause, once, and restores the project and the scenario on screen exactly', () => {
    vi.useFakeTimers();
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    const stop = startAutosave(store, 300);
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    store.getState().setScenario(proposal.id);
    store.getState().edit((p) => edits.renameScenario(p, proposal.id, 'Plan B'));
    store.getState().edit((p) => ({ ...p, name: 'My loans' }));
    vi.advanceTimersByTime(299);
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(setItem).toHaveBeenCalledTimes(1);
    const restored = initialProject();
    expect(restored.restored).toBe(true);
    expect(restored.project).toEqual(store.getState().project);
    expect(restored.scenarioId).toBe(proposal.id);
    // Selection changes are not saved.
    store.getState().select({ nodes: ['intake'], edges: [] });
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
    stop();
    store.getState().edit((p) => ({ ...p, name: 'After stop' }));
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(1);
    setItem.mockRestore();
  });

  it('saves at once when the page is closed, without waiting for the pause', () => {
    vi.useFakeTimers();
    const store = createAppStore(edits.emptyProject());
    const stop = startAutosave(store, 300);
    store.getState().edit((p) => ({ ...p, name: 'Closing now' }));
    window.dispatchEvent(new Event('beforeunload'));
    expect(initialProject().project.name).toBe('Closing now');
    stop();
  });
});

describe('files', () => {
  it('names the saved file after the project, without characters file systems refuse', () => {
    const p = edits.emptyProject();
    expect(fileName({ ...p, name: 'Bank loan application' })).toBe('Bank loan application.json');
    expect(fileName({ ...p, name: 'Loans: 2025/26 <draft>?' })).not.toMatch(/[:/<>?]/);
    expect(fileName({ ...p, name: 'Loans: 2025/26 <draft>?' })).toMatch(/\.json$/);
  });

  it('a saved project reads back identically', () => {
    const p = structuredClone(getExample('repair')!.project);
    const r = readProjectFile(JSON.stringify(p, null, 2));
    expect(r.ok && r.project).toEqual(p);
  });
});
