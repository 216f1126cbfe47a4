// The last line of defence: a part of the screen that fails to draw never leaves a blank page.
// The project lives in the store (and its autosave), outside React, so nothing is lost: the user
// can draw the screen again, undo the change that led here, or save the project as a file.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { AppStore } from './store';
import { undo } from './store';
import { downloadText, fileName } from './persist';

interface Props {
  store: AppStore;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
  /** Changed to draw the screen afresh (a new tree, with no state left over from the failure). */
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Serviceflow could not draw the screen', error, info.componentStack);
  }

  private again = () => this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));

  override render() {
    const { store } = this.props;
    if (!this.state.error) return <ShowAgain key={this.state.attempt}>{this.props.children}</ShowAgain>;
    const project = store.getState().project;
    const canUndo = store.temporal.getState().pastStates.length > 0;
    return (
      <div style={CARD} role="alert" data-testid="crash">
        <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>Something went wrong while drawing the screen</h1>
        <p>
          Your project <strong>“{project.name}”</strong> is safe: it is kept in this browser and comes back when the page is
          reloaded. Nothing was lost.
        </p>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, margin: '18px 0' }}>
          <button className="sf-button sf-button--primary" onClick={this.again} data-testid="crash-again">
            Show the project again
          </button>
          <button
            className="sf-button"
            disabled={!canUndo}
            onClick={() => {
              undo(store);
              this.again();
            }}
            data-testid="crash-undo"
          >
            Undo the last change and go on
          </button>
          <button className="sf-button" onClick={() => downloadText(fileName(project), JSON.stringify(project, null, 2) + '\n')} data-testid="crash-save">
            Save the project as a file
          </button>
        </div>
        <p className="sf-muted">What went wrong (for a bug report): {this.state.error.message}</p>
      </div>
    );
  }
}

// Inline, so the card shows even when the failure is in how the page is laid out.
const CARD = { maxWidth: 640, margin: '12vh auto', padding: '24px 28px', background: '#fff', border: '1px solid #e3e8ef', borderRadius: 10, boxShadow: '0 8px 30px rgba(20, 30, 50, 0.12)', fontFamily: 'system-ui, sans-serif' } as const;

function ShowAgain({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
