// The assembled store: slices together, and undo/redo over the project document only.
import { describe, expect, it } from 'vitest';
import { createAppStore, activeScenario, undo, redo } from '../../../src/ui/store';
import * as edits from '../../../src/ui/store/edits';
import { getExample } from '../../../src/model/examples';

const history = (store: ReturnType<typeof createAppStore>) => store.temporal.getState();

function freshStore() {
  const store = createAppStore(edits.emptyProject());
  return store;
}

describe('undo and redo', () => {
  it('an edit is one undo step, and redo brings it back', () => {
    const store = freshStore();
    const start = store.getState().project;
    store.getState().edit((p) => edits.addNode(p, 'baseline', 'step', { x: 200, y: 40 }).project);
    const after = store.getState().project;
    expect(after).not.toBe(start);
    expect(history(store).pastStates).toHaveLength(1);
    undo(store);
    expect(store.getState().project).toEqual(start);
    redo(store);
    expect(store.getState().project).toEqual(after);
  });

  it('selection, messages and the scenario on screen are not recorded', () => {
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    store.getState().select({ nodes: ['intake'], edges: [] });
    store.getState().showMessage({ kind: 'info', title: 't', lines: [] });
    store.getState().setScenario(proposal.id);
    store.getState().toggleSettings(true);
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('an edit that returns the same project is not a step', () => {
    const store = freshStore();
    store.getState().edit((p) => p);
    store.getState().edit((p) => edits.connect(p, 'baseline', 'exit', 'exit').project); // refused: an exit has no way out
    expect(history(store).pastStates).toHaveLength(0);
  });

  // KNOWN WEAKNESS (reported to the lead): the history compares projects by reference, so an edit
  // that rebuilds an identical project (a node moved onto its own position, a field committed with
  // the value it had) records an undo step that changes nothing. When the store compares
  // structurally this test starts failing: then drop `.fails`.
  it('an edit that rebuilds an identical project is not a step', () => {
    const store = freshStore();
    store.getState().edit((p) => structuredClone(p));
    store.getState().edit((p) => edits.moveNodes(p, 'baseline', [{ id: 'exit', position: p.scenarios[0]!.flow.nodes[1]!.position }]));
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('moving nodes at the end of a drag is a single step, whatever the number of nodes', () => {
    const store = freshStore();
    store.getState().edit((p) =>
      edits.moveNodes(p, 'baseline', [
        { id: 'arrivals', position: { x: 10, y: 10 } },
        { id: 'exit', position: { x: 600, y: 10 } },
      ]),
    );
    expect(history(store).pastStates).toHaveLength(1);
    undo(store);
    expect(store.getState().project.scenarios[0]!.flow.nodes.map((n) => n.position)).toEqual(edits.emptyProject().scenarios[0]!.flow.nodes.map((n) => n.position));
  });

  it('replacing the project (a file or an example) is one step that undo reverts entirely', () => {
    const store = freshStore();
    store.getState().edit((p) => edits.addNode(p, 'baseline', 'step', { x: 200, y: 40 }).project);
    const before = store.getState().project;
    const loan = structuredClone(getExample('loan')!.project);
    store.getState().replaceProject(loan);
    expect(store.getState().project.name).toBe('Bank loan application');
    expect(history(store).pastStates).toHaveLength(2);
    undo(store);
    expect(store.getState().project).toEqual(before);
    redo(store);
    expect(store.getState().project).toEqual(loan);
  });

  it('undoing the creation of the proposal on screen falls back to the baseline', () => {
    const store = freshStore();
    let id = '';
    store.getState().edit((p) => {
      const r = edits.duplicateAsProposal(p, 'baseline');
      id = r.id;
      return r.project;
    });
    store.getState().setScenario(id);
    expect(activeScenario(store.getState()).id).toBe(id);
    undo(store);
    expect(store.getState().project.scenarios).toHaveLength(1);
    expect(activeScenario(store.getState()).kind).toBe('baseline');
  });

  it('a new edit after undo drops the redo branch', () => {
    const store = freshStore();
    store.getState().edit((p) => edits.renameScenario(p, 'baseline', 'One'));
    undo(store);
    store.getState().edit((p) => edits.renameScenario(p, 'baseline', 'Two'));
    redo(store);
    expect(store.getState().project.scenarios[0]!.name).toBe('Two');
    expect(history(store).futureStates).toHaveLength(0);
  });
});

describe('document slice', () => {
  it('opens on the baseline, and replaceProject shows the new baseline with nothing selected', () => {
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    expect(activeScenario(store.getState()).kind).toBe('baseline');
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    store.getState().setScenario(proposal.id);
    store.getState().select({ nodes: ['intake'], edges: [] });
    store.getState().replaceProject(edits.emptyProject());
    expect(store.getState().scenarioId).toBe('baseline');
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('switching scenario clears the selection (the ids belong to the other flow)', () => {
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    const proposal = store.getState().project.scenarios.find((s) => s.kind === 'proposal')!;
    store.getState().select({ nodes: ['intake'], edges: [] });
    store.getState().setScenario(proposal.id);
    expect(activeScenario(store.getState()).id).toBe(proposal.id);
    expect(store.getState().selection.nodes).toEqual([]);
  });
});

describe('selection and message slices', () => {
  it('select, focus, settings and messages', () => {
    const store = freshStore();
    store.getState().select({ nodes: ['exit'], edges: ['e1'] });
    expect(store.getState().selection).toEqual({ nodes: ['exit'], edges: ['e1'] });
    store.getState().focusNode('exit');
    expect(store.getState().focusNodeId).toBe('exit');
    store.getState().toggleSettings();
    expect(store.getState().settingsOpen).toBe(true);
    store.getState().toggleSettings();
    expect(store.getState().settingsOpen).toBe(false);
    store.getState().showMessage({ kind: 'error', title: 'Oops', lines: ['a: b'] });
    expect(store.getState().message?.lines).toEqual(['a: b']);
    store.getState().showMessage(undefined);
    expect(store.getState().message).toBeUndefined();
  });
});
