// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Canvas } from '../../../src/ui/editor/Canvas';
import { Palette } from '../../../src/ui/editor/Palette';
import { undo } from '../../../src/ui/store';
import * as edits from '../../../src/ui/store/edits';
import { getExample } from '../../../src/model/examples';
import type { Project } from '../../../src/model/schema';
import { connectedProject, renderWithStore } from '../helpers';

const loan = () => structuredClone(getExample('loan')!.project);
const baseline = (p: Project) => p.scenarios.find((s) => s.kind === 'baseline')!;

function View() {
  return (
    <div style={{ width: 1200, height: 800 }}>
      <Palette />
      <Canvas />
    </div>
  );
}

describe('the canvas', () => {
  it('draws every node of the scenario on screen and a labelled lane per department', async () => {
    const p = loan();
    renderWithStore(<View />, p);
    for (const n of baseline(p).flow.nodes) expect(await screen.findByTestId(`node-${n.id}`)).toHaveTextContent(n.name);
    const used = new Set(baseline(p).flow.nodes.flatMap((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId ? [n.departmentId] : []));
    for (const d of baseline(p).flow.departments.filter((x) => used.has(x.id))) expect(screen.getByTestId(`lane-${d.id}`)).toHaveTextContent(d.name);
  });

  it('a step shows its staff, service time and the approximate load and wait', async () => {
    const p = connectedProject();
    const step = baseline(p).flow.nodes.find((n) => n.kind === 'step')!;
    renderWithStore(<View />, p);
    const node = await screen.findByTestId(`node-${step.id}`);
    expect(node).toHaveTextContent('1 staff');
    expect(node).toHaveTextContent('lognormal, mean 10 min');
    // 4 customers an hour × 10 minutes = 0.67 of one member of staff.
    expect(node).toHaveTextContent(/≈ 67 % busy/);
    expect(node).toHaveTextContent(/≈ .* wait/);
    expect(node.querySelector('.sf-node__figures')).not.toHaveClass('is-high');
  });

  it('highlights a step at 85 % or more', async () => {
    const p = connectedProject();
    const step = baseline(p).flow.nodes.find((n) => n.kind === 'step')!;
    if (step.kind !== 'step') throw new Error('expected a step');
    renderWithStore(<View />, edits.updateNode(p, 'baseline', { ...step, service: { kind: 'exponential', mean: 13.5 } }));
    const node = await screen.findByTestId(`node-${step.id}`);
    expect(node).toHaveTextContent(/≈ 90 % busy/);
    expect(node.querySelector('.sf-node__figures')).toHaveClass('is-high');
  });

  it('labels connections with their share only where a node has several ways out', async () => {
    const p = loan();
    renderWithStore(<View />, p);
    const flow = baseline(p).flow;
    const outs = new Map<string, number>();
    for (const e of flow.edges) outs.set(e.source, (outs.get(e.source) ?? 0) + 1);
    const split = flow.edges.filter((e) => (outs.get(e.source) ?? 0) > 1 && e.probability !== undefined);
    expect(split.length).toBeGreaterThan(0);
    for (const e of split) expect(await screen.findByTestId(`edge-label-${e.id}`)).toHaveTextContent(`${+(e.probability! * 100).toFixed(1)} %`);
    for (const e of flow.edges.filter((x) => outs.get(x.source) === 1 && !x.label)) expect(screen.queryByTestId(`edge-label-${e.id}`)).toBeNull();
  });

  it('draws a connection going back in the flow (rework) as a loop, and forward ones not', async () => {
    const p = loan();
    renderWithStore(<View />, p);
    const flow = baseline(p).flow;
    const pos = new Map(flow.nodes.map((n) => [n.id, n.position]));
    const back = flow.edges.filter((e) => pos.get(e.target)!.x < pos.get(e.source)!.x);
    const forward = flow.edges.filter((e) => pos.get(e.target)!.x > pos.get(e.source)!.x + 200);
    expect(back.length).toBeGreaterThan(0);
    const pathOf = (id: string) => document.querySelector(`[data-id="${id}"] .react-flow__edge-path`) ?? document.querySelector(`[data-testid="rf__edge-${id}"] path`);
    await waitFor(() => expect(pathOf(back[0]!.id)).not.toBeNull());
    for (const e of back) expect(pathOf(e.id)).toHaveClass('sf-edge--loop');
    for (const e of forward) expect(pathOf(e.id)).not.toHaveClass('sf-edge--loop');
  });

  it('clicking a palette item adds that kind of node, selected, as one undo step', async () => {
    const { store } = renderWithStore(<View />, edits.emptyProject());
    fireEvent.click(screen.getByTestId('palette-step'));
    const flow = baseline(store.getState().project).flow;
    const added = flow.nodes.find((n) => n.kind === 'step')!;
    expect(added).toBeDefined();
    expect(store.getState().selection.nodes).toEqual([added.id]);
    expect(await screen.findByTestId(`node-${added.id}`)).toBeInTheDocument();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    act(() => undo(store));
    expect(baseline(store.getState().project).flow.nodes.some((n) => n.kind === 'step')).toBe(false);
  });

  it('dropping a palette item on the canvas adds that kind of node, selected, as one undo step', async () => {
    const p = loan();
    const { store } = renderWithStore(<View />, p);
    await screen.findByTestId('node-intake');
    const data = new Map<string, string>();
    const dataTransfer = { getData: (k: string) => data.get(k) ?? '', setData: (k: string, v: string) => data.set(k, v), effectAllowed: 'move', dropEffect: 'move', types: [] as string[] };
    fireEvent.dragStart(screen.getByTestId('palette-decision'), { dataTransfer });
    expect(data.size).toBe(1);
    fireEvent.drop(screen.getByTestId('canvas'), { dataTransfer, clientX: 300, clientY: 200 });
    const flow = baseline(store.getState().project).flow;
    expect(flow.nodes.filter((n) => n.kind === 'decision')).toHaveLength(baseline(p).flow.nodes.filter((n) => n.kind === 'decision').length + 1);
    const added = flow.nodes[flow.nodes.length - 1]!;
    expect(store.getState().selection.nodes).toEqual([added.id]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    // A drop without a palette item (a file, some text) adds nothing.
    fireEvent.drop(screen.getByTestId('canvas'), { dataTransfer: { getData: () => '' }, clientX: 300, clientY: 200 });
    expect(baseline(store.getState().project).flow.nodes).toHaveLength(flow.nodes.length);
  });

  async function deleteStep() {
    const p = connectedProject();
    const step = baseline(p).flow.nodes.find((n) => n.kind === 'step')!;
    const r = renderWithStore(<View />, p);
    fireEvent.click(await screen.findByTestId(`node-${step.id}`));
    await waitFor(() => expect(r.store.getState().selection.nodes).toEqual([step.id]));
    fireEvent.keyDown(document.body, { key: 'Delete', code: 'Delete' });
    await waitFor(() => expect(baseline(r.store.getState().project).flow.nodes.some((n) => n.id === step.id)).toBe(false));
    return { ...r, p, step };
  }

  it('Delete removes the selected node and its connections', async () => {
    const { store, p } = await deleteStep();
    expect(baseline(store.getState().project).flow.edges).toEqual([]);
    expect(baseline(store.getState().project).flow.nodes).toHaveLength(baseline(p).flow.nodes.length - 1);
    while (store.temporal.getState().pastStates.length > 0) act(() => undo(store));
    expect(baseline(store.getState().project).flow).toEqual(baseline(p).flow);
  });

  // KNOWN BUG (reported to the lead): deleting a node records two undo steps — React Flow reports
  // the node's connections as removed too, and removing already-removed connections still builds
  // a new project — so the first Ctrl+Z after a Delete seems to do nothing. When fixed, this
  // starts failing: then make it a plain `it`.
  it('Delete is one undo step', async () => {
    const { store, p } = await deleteStep();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    act(() => undo(store));
    expect(baseline(store.getState().project).flow).toEqual(baseline(p).flow);
  });

  it('shows the scenario selected in the store, and follows when it changes', async () => {
    const p = loan();
    const { store } = renderWithStore(<View />, p);
    const proposal = p.scenarios.find((s) => s.kind === 'proposal')!;
    const only = proposal.flow.nodes.find((n) => !baseline(p).flow.nodes.some((b) => b.id === n.id));
    act(() => store.getState().setScenario(proposal.id));
    for (const n of proposal.flow.nodes) expect(await screen.findByTestId(`node-${n.id}`)).toBeInTheDocument();
    if (only) {
      act(() => store.getState().setScenario(baseline(p).id));
      await waitFor(() => expect(screen.queryByTestId(`node-${only.id}`)).toBeNull());
    }
  });
});
