import { useMemo, useRef, useState } from 'react';
import type { Project } from '../model/schema';
import { Modal } from './Modal';
import { shareLink } from './share';

/** "Copy link": the project in a link, with a copy button and what the link contains. */
export function ShareDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const link = useMemo(() => shareLink(project, window.location.href), [project]);
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    if (!link.ok) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <Modal
      title="Share this project as a link"
      onClose={onClose}
      testId="share-dialog"
      actions={
        <>
          {link.ok && (
            <button className="sf-button sf-button--primary" onClick={() => void copy()} data-testid="share-copy">
              Copy link
            </button>
          )}
          <button className="sf-button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {link.ok ? (
        <>
          <p>Anyone who opens this link sees this project, all its scenarios and settings. The project is inside the link itself: nothing is uploaded.</p>
          <textarea ref={input} className="sf-share__url" readOnly rows={4} value={link.url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" aria-label="Link to this project" />
          <p className="sf-muted" data-testid="share-status">
            {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser did not allow copying: the link is selected, press Ctrl+C.' : `${link.url.length.toLocaleString('en')} characters.`}
          </p>
        </>
      ) : (
        <p className="sf-message--error" data-testid="share-too-long">
          {link.message}
        </p>
      )}
    </Modal>
  );
}
