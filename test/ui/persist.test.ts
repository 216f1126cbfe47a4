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

describe('two tabs share one autosave (issue 17)', () => {
  /** Two tabs of the app in one window: each has its own store and autosave (and tab id). */
  function twoTabs() {
    vi.useFakeTimers();
    const a = createAppStore(structuredClone(getExample('loan')!.project));
    const stopA = startAutosave(a, 100);
    const b = createAppStore(structuredClone(getExample('loan')!.project));
    const stopB = startAutosave(b, 100);
    const saved = () => JSON.parse(localStorage.getItem(KEY)!).project.name as string;
    // The browser tells the other tabs (here: both listeners; a tab ignores its own saves).
    const tell = () => window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    return { a, b, saved, tell, stop: () => (stopA(), stopB()) };
  }
  const act = (store: ReturnType<typeof createAppStore>, testId: string) => {
    const action = store.getState().message?.actions?.find((x) => x.testId === testId);
    expect(action).toBeDefined();
    store.getState().showMessage(undefined);
    action!.run();
  };

  it("an idle tab never overwrites the other tab's newer save, and asks at once", () => {
    const { a, b, saved, tell, stop } = twoTabs();
    a.getState().edit((p) => ({ ...p, name: 'Work in tab A' }));
    vi.advanceTimersByTime(100);
    expect(saved()).toBe('Work in tab A');
    tell();
    expect(a.getState().message).toBeUndefined();
    expect(b.getState().message?.title).toBe('This project was changed in another tab');
    expect(b.getState().message?.lines.join(' ')).toContain('Work in tab A');
    // Closing tab B, or editing in it, does not drop tab A's work while the question is open.
    window.dispatchEvent(new Event('beforeunload'));
    b.getState().edit((p) => ({ ...p, name: 'Work in tab B' }));
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(new Event('beforeunload'));
    expect(saved()).toBe('Work in tab A');
    stop();
  });

  it("load theirs: tab B shows tab A's work, its own one Undo away", () => {
    const { a, b, saved, tell, stop } = twoTabs();
    b.getState().edit((p) => ({ ...p, name: 'Work in tab B' }));
    a.getState().edit((p) => ({ ...p, name: 'Work in tab A' }));
    vi.advanceTimersByTime(100); // both try to save: the first wins, the second asks
    tell();
    const asked = [a, b].filter((s) => s.getState().message);
    expect(asked).toHaveLength(1);
    const loser = asked[0]!;
    const winnerName = saved();
    act(loser, 'tabs-load-theirs');
    expect(loser.getState().project.name).toBe(winnerName);
    loser.temporal.getState().undo();
    expect(loser.getState().project.name).not.toBe(winnerName);
    stop();
  });

  it('keep mine: this tab saves, and then the other tab is asked in turn', () => {
    const { a, b, saved, tell, stop } = twoTabs();
    a.getState().edit((p) => ({ ...p, name: 'Work in tab A' }));
    vi.advanceTimersByTime(100);
    tell();
    act(b, 'tabs-keep-mine');
    expect(saved()).toBe('Bank loan application');
    tell();
    expect(a.getState().message?.title).toBe('This project was changed in another tab');
    stop();
  });

  it('a save from another tab that went unnoticed is found before writing, and asked about', () => {
    const { a, b, saved, stop } = twoTabs();
    a.getState().edit((p) => ({ ...p, name: 'Work in tab A' }));
    vi.advanceTimersByTime(100);
    b.getState().edit((p) => ({ ...p, name: 'Work in tab B' }));
    vi.advanceTimersByTime(100);
    expect(saved()).toBe('Work in tab A');
    expect(b.getState().message?.title).toBe('This project was changed in another tab');
    stop();
  });

  it('the same work saved by another tab is followed silently', () => {
    const { a, b, tell, stop } = twoTabs();
    a.getState().setScenario(a.getState().project.scenarios[1]!.id);
    vi.advanceTimersByTime(100);
    tell();
    expect(b.getState().message).toBeUndefined();
    b.getState().edit((p) => ({ ...p, name: 'Later in tab B' }));
    vi.advanceTimersByTime(100);
    expect(JSON.parse(localStorage.getItem(KEY)!).project.name).toBe('Later in tab B');
    stop();
  });
});
