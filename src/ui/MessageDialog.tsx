import { useApp, useAppStore } from './context';
import { Modal } from './Modal';

export function MessageDialog() {
  const store = useAppStore();
  const message = useApp((s) => s.message);
  if (!message) return null;
  return (
    <Modal title={message.title} onClose={() => store.getState().showMessage(undefined)} testId="message">
      <ul className={`sf-message sf-message--${message.kind}`}>
        {message.lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </Modal>
  );
}
