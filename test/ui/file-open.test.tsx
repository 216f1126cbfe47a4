// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Header } from '../../src/ui/Header';
import { MessageDialog } from '../../src/ui/MessageDialog';
import { getExample } from '../../src/model/examples';
import { undo } from '../../src/ui/store';
import { connectedProject, renderWithStore } from './helpers';

function View() {
  return (
    <>
      <Header />
      <MessageDialog />
    </>
  );
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

async function open(name: string, text: string) {
  const user = userEvent.setup();
  await user.upload(screen.getByTestId('file-input'), file(name, text));
}

describe('opening a file', () => {
  it('lists each problem with its JSON path and leaves the project on screen untouched', async () => {
    const { store } = renderWithStore(<View />, connectedProject());
    const before = store.getState().project;
    const broken = structuredClone(getExample('loan')!.project) as unknown as { scenarios: { flow: { nodes: Record<string, unknown>[] } }[]; run: Record<string, unknown> };
    broken.scenarios[0]!.flow.nodes[1]!.staff = 'two';
    broken.run.seed = -1;
    await open('broken.json', JSON.stringify(broken));
    const dialog = await screen.findByTestId('message');
    expect(dialog).toHaveTextContent('broken.json');
    expect(dialog).toHaveTextContent('scenarios[0].flow.nodes[1].staff: Intake: staff must be a number, not the text "two"');
    expect(dialog).toHaveTextContent('run.seed:');
    expect(dialog).toHaveTextContent(/not been changed/);
    expect(store.getState().project).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('says so when the file is not JSON, or from a newer version', async () => {
    const { store } = renderWithStore(<View />, connectedProject());
    const before = store.getState().project;
    await open('notes.json', '{ this is not json');
    expect(await screen.findByTestId('message')).toHaveTextContent('not valid JSON');
    act(() => store.getState().showMessage(undefined));
    await open('future.json', JSON.stringify({ ...getExample('loan')!.project, formatVersion: 9 }));
    expect(await screen.findByTestId('message')).toHaveTextContent('newer version of Serviceflow');
    expect(store.getState().project).toBe(before);
  });

  it('a valid file replaces the project as one undo step', async () => {
    const { store } = renderWithStore(<View />, connectedProject());
    const before = store.getState().project;
    await open('loan.json', JSON.stringify(getExample('loan')!.project));
    // The project on screen is the user's own work: asked first, like a share link.
    expect(await screen.findByTestId('message')).toHaveTextContent(/replaces your project/);
    expect(store.getState().project).toBe(before);
    await userEvent.setup().click(screen.getByTestId('replace-open'));
    await waitFor(() => expect(store.getState().project.name).toBe('Bank loan application'));
    expect(screen.getByTestId('project-title')).toHaveTextContent('Bank loan application');
    expect(screen.queryByTestId('message')).toBeNull();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    act(() => undo(store));
    expect(store.getState().project).toEqual(before);
  });

  it('keeps the project when the user says so, and does not ask over an untouched example', async () => {
    const { store } = renderWithStore(<View />, connectedProject());
    const before = store.getState().project;
    await open('loan.json', JSON.stringify(getExample('loan')!.project));
    await userEvent.setup().click(await screen.findByTestId('replace-keep'));
    expect(store.getState().project).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    act(() => store.getState().replaceProject(structuredClone(getExample('repair')!.project)));
    await open('loan.json', JSON.stringify(getExample('loan')!.project));
    await waitFor(() => expect(store.getState().project.name).toBe('Bank loan application'));
    expect(screen.queryByTestId('message')).toBeNull();
  });
});
