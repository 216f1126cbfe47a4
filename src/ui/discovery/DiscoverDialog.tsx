// Discover a baseline from an event log: preview and column mapping → Discover (read and
// discovered in a worker, with progress and Cancel) → the report → open the baseline (asking
// before it replaces unsaved work). The project on screen stays as it was until then.
import { useEffect, useRef, useState } from 'react';
import { Modal } from '../Modal';
import { useAppStore } from '../context';
import { replaceAsking } from '../replaceProject';
import type { LogPreview } from '../../model/interop/eventlog/read';
import { discoverInWorker, previewInWorker, type DiscoveryJob, type DiscoveryOutcome } from '../../worker/discover';
import { MappingForm, missingChoice, type MappingSettings } from './MappingForm';
import { DiscoveryReport } from './DiscoveryReport';
import { setDiscovery } from './discoveredLog';
import './discovery.css';

type Phase =
  | { kind: 'previewing' }
  | { kind: 'mapping'; preview: LogPreview; problem?: string }
  | { kind: 'running'; preview: LogPreview; fraction: number; what: string }
  | { kind: 'done'; preview: LogPreview; outcome: DiscoveryOutcome }
  | { kind: 'failed'; message: string };

const pct = (f: number) => `${Math.round(Math.min(1, Math.max(0, f)) * 100)} %`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/^Error: /, '');

export function DiscoverDialog({ file, onClose, onOpened }: { file: File; onClose: () => void; onOpened?: (o: DiscoveryOutcome) => void }) {
  const store = useAppStore();
  const [phase, setPhase] = useState<Phase>({ kind: 'previewing' });
  const [settings, setSettings] = useState<MappingSettings>({ mapping: {}, rarePercent: 1 });
  const job = useRef<DiscoveryJob | undefined>(undefined);

  useEffect(() => {
    let live = true;
    previewInWorker(file).then(
      (preview) => {
        if (!live) return;
        setSettings((s) => ({ ...s, mapping: preview.mapping }));
        setPhase({ kind: 'mapping', preview });
      },
      (err: unknown) => live && setPhase({ kind: 'failed', message: message(err) }),
    );
    return () => {
      live = false;
      job.current?.cancel();
    };
  }, [file]);

  const run = (preview: LogPreview) => {
    setPhase({ kind: 'running', preview, fraction: 0, what: 'Starting' });
    const { classAttribute, ...mapping } = { ...settings.mapping, classAttribute: settings.classAttribute };
    const attrs = classAttribute ? [classAttribute] : [];
    const j = discoverInWorker(
      file,
      {
        name: file.name,
        mapping: { ...mapping, caseAttributes: attrs },
        ...(settings.dayFirst !== undefined && { dayFirst: settings.dayFirst }),
        ...(settings.zone !== undefined && { utcOffsetMinutes: settings.zone }),
        ...(preview.delimiter !== undefined && { delimiter: preview.delimiter }),
      },
      { rarePaths: settings.rarePercent / 100, ...(classAttribute && { classAttribute }) },
      (fraction, what) => setPhase((p) => (p.kind === 'running' && job.current === j ? { ...p, fraction, what } : p)),
    );
    job.current = j;
    j.result.then(
      (outcome) => {
        if (job.current !== j) return;
        job.current = undefined;
        setPhase({ kind: 'done', preview, outcome });
      },
      (err: unknown) => {
        if (job.current !== j) return;
        job.current = undefined;
        const cancelled = err instanceof Error && err.name === 'CancelledError';
        setPhase({ kind: 'mapping', preview, problem: cancelled ? 'Discovery was cancelled. Your project has not been changed.' : `${message(err)} Your project has not been changed.` });
      },
    );
  };

  const cancel = () => {
    const j = job.current;
    job.current = undefined;
    j?.cancel();
    if (phase.kind === 'running') setPhase({ kind: 'mapping', preview: phase.preview, problem: 'Discovery was cancelled. Your project has not been changed.' });
  };

  const open = (outcome: DiscoveryOutcome) => {
    replaceAsking(store, outcome.discovery.project, `the baseline discovered from "${file.name}"`, () => {
      setDiscovery(outcome);
      onOpened?.(outcome);
    });
    onClose();
  };

  const title = `Discover a baseline from "${file.name}"`;
  if (phase.kind === 'previewing') {
    return (
      <Modal title={title} onClose={onClose} testId="discover-dialog">
        <p className="sf-discover-status">Reading the first rows…</p>
      </Modal>
    );
  }
  if (phase.kind === 'failed') {
    return (
      <Modal title={`"${file.name}" could not be read`} onClose={onClose} testId="discover-dialog">
        <p className="sf-discover-problem" data-testid="discover-problem">
          {phase.message}
        </p>
        <p>Your project on screen has not been changed.</p>
      </Modal>
    );
  }
  if (phase.kind === 'running') {
    return (
      <Modal title={title} onClose={cancel} testId="discover-dialog" actions={<button className="sf-button" onClick={cancel} data-testid="discover-cancel">Cancel</button>}>
        <div className="sf-discover-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(phase.fraction * 100)} data-testid="discover-progress">
          <div style={{ width: `${Math.round(Math.min(1, Math.max(0, phase.fraction)) * 100)}%` }} />
        </div>
        <p className="sf-discover-status">
          {phase.what}… {pct(phase.fraction)}
        </p>
      </Modal>
    );
  }
  if (phase.kind === 'done') {
    const { outcome } = phase;
    return (
      <Modal
        title={`Discovered "${outcome.discovery.project.name}"`}
        onClose={onClose}
        testId="discover-dialog"
        actions={
          <>
            <button className="sf-button" onClick={() => setPhase({ kind: 'mapping', preview: phase.preview })} data-testid="discover-back">
              Change the mapping
            </button>
            <button className="sf-button" onClick={onClose}>
              Close
            </button>
            <button className="sf-button sf-button--primary" onClick={() => open(outcome)} data-testid="discover-open">
              Open the baseline
            </button>
          </>
        }
      >
        <DiscoveryReport outcome={outcome} />
      </Modal>
    );
  }
  const blocker = missingChoice(phase.preview, settings);
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="discover-dialog"
      actions={
        <>
          <span className="sf-discover-blocker">{blocker}</span>
          <button className="sf-button" onClick={onClose}>
            Cancel
          </button>
          <button className="sf-button sf-button--primary" disabled={!!blocker} onClick={() => run(phase.preview)} data-testid="discover-run">
            Discover
          </button>
        </>
      }
    >
      {phase.problem && (
        <p className="sf-discover-problem" data-testid="discover-problem">
          {phase.problem}
        </p>
      )}
      <MappingForm preview={phase.preview} value={settings} onChange={setSettings} />
    </Modal>
  );
}
