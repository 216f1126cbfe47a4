// @vitest-environment jsdom
// A part of the screen that fails to draw never blanks the app (issue 17).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StoreProvider, useApp } from '../../src/ui/context';
import { createAppStore } from '../../src/ui/store';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import * as edits from '../../src/ui/store/edits';

afterEach(cleanup);

/** Fails to draw while the project is called "Broken". */
function Fragile() {
  const name = useApp((s) => s.project.name);
  if (name === 'Broken') throw new Error('cannot draw a broken project');
  return <p data-testid="fine">Showing {name}</p>;
}

describe('ErrorBoundary', () => {
  it('shows what happened, keeps the project, and goes on after Undo', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createAppStore(edits.emptyProject());
    store.getState().edit((p) => ({ ...p, name: 'My flow' }));
    render(
      <StoreProvider store={store}>
        <ErrorBoundary store={store}>
          <Fragile />
        </ErrorBoundary>
      </StoreProvider>,
    );
    expect(screen.getByTestId('fine').textContent).toBe('Showing My flow');
    act(() => store.getState().edit((p) => ({ ...p, name: 'Broken' })));
    expect(screen.getByTestId('crash').textContent).toContain('Your project “Broken” is safe');
    expect(screen.getByTestId('crash').textContent).toContain('cannot draw a broken project');
    // Showing it again as it is fails again, and still says so (never a blank page).
    fireEvent.click(screen.getByTestId('crash-again'));
    expect(screen.getByTestId('crash')).toBeTruthy();
    fireEvent.click(screen.getByTestId('crash-undo'));
    expect(store.getState().project.name).toBe('My flow');
    expect(screen.getByTestId('fine').textContent).toBe('Showing My flow');
    quiet.mockRestore();
  });
});
