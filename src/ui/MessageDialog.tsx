import { useApp, useAppStore } from './context';
import { Modal } from './Modal';

export function MessageDialog() {
  const store = useAppStore();
  const message = useApp((s) => s.message);
  if (!message) return null;
  const close = () => store.getState().showMessage(undefined);
  const actions = message.actions?.map((a) => (
    <button
      key={a.label}
      className={a.primary ? 'sf-button sf-button--primary' : 'sf-button'}
      data-testid={a.testId}
      onClick={() => {
        close();
        a.run();
      }}
    >
      {a.label}
    </button>
  ));
  return (
    <Modal title={message.title} onClose={close} testId="message" actions={actions}>
      <ul className={`sf-message sf-message--${message.kind}`}>
        {message.lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      {message.groups?.map((g) => (
        <details key={g.title} className="sf-message-group" data-testid={g.testId}>
          <summary>{g.title}</summary>
          <ul className="sf-message">
            {g.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </details>
      ))}
    </Modal>
  );
}
