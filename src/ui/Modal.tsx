import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, onClose, children, actions, testId }: { title: string; onClose: () => void; children: ReactNode; actions?: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('button, input')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="sf-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="sf-modal" role="dialog" aria-modal="true" aria-label={title} ref={ref} data-testid={testId}>
        <h2>{title}</h2>
        <div className="sf-modal__body">{children}</div>
        <div className="sf-modal__actions">{actions ?? <button className="sf-button" onClick={onClose}>Close</button>}</div>
      </div>
    </div>
  );
}
