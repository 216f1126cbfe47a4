import { useState } from 'react';
import { diffScenarios } from '../model/diff';
import { useApp, useAppStore } from './context';
import { activeScenario } from './store';
import * as edits from './store/edits';
import { Modal } from './Modal';
import { RestructureDialog } from './restructure/RestructureDialog';

/** Tabs for the baseline and each proposal, with duplicate, rename, delete and "what changed". */
export function ScenarioTabs() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const current = useApp(activeScenario);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const [restructuring, setRestructuring] = useState(false);
  const baseline = project.scenarios.find((s) => s.kind === 'baseline')!;
  const changes = current.kind === 'proposal' ? diffScenarios(baseline, current) : [];

  return (
    <div className="sf-tabs" role="tablist" aria-label="Scenarios">
      {project.scenarios.map((s) =>
        renaming === s.id ? (
          <input
            key={s.id}
            className="sf-tab sf-tab--edit"
            defaultValue={s.name}
            autoFocus
            aria-label="Scenario name"
            data-testid="scenario-rename-input"
            onBlur={(e) => {
              const name = e.target.value.trim();
              if (name && name !== s.name) store.getState().edit((p) => edits.renameScenario(p, s.id, name));
              setRenaming(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setRenaming(undefined);
            }}
          />
        ) : (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === current.id}
            className={`sf-tab ${s.id === current.id ? 'is-active' : ''}`}
            style={{ '--tab': s.color ?? '#4e79a7' } as React.CSSProperties}
            onClick={() => store.getState().setScenario(s.id)}
            onDoubleClick={() => setRenaming(s.id)}
            data-testid={`tab-${s.id}`}
          >
            <span className="sf-tab__dot" />
            {s.name}
            <span className="sf-tab__kind">{s.kind === 'baseline' ? 'baseline' : 'proposal'}</span>
          </button>
        ),
      )}
      <span className="sf-tabs__actions">
        <button className="sf-link" onClick={() => setRestructuring(true)} data-testid="restructure-open" title="Merge, automate, add staff, fast lanes… as a proposal in a few clicks">
          Restructure…
        </button>
        <button
          className="sf-link"
          onClick={() => {
            let id = '';
            store.getState().edit((p) => {
              const r = edits.duplicateAsProposal(p, current.id);
              id = r.id;
              return r.project;
            });
            store.getState().setScenario(id);
          }}
          data-testid="duplicate-scenario"
        >
          Duplicate as proposal
        </button>
        <button className="sf-link" onClick={() => setRenaming(current.id)} data-testid="rename-scenario">
          Rename
        </button>
        {current.kind === 'proposal' && (
          <>
            <button className="sf-link" onClick={() => setShowChanges(true)} data-testid="what-changed">
              What changed ({changes.length + (current.moves?.length ?? 0)})
            </button>
            <button className="sf-link sf-link--danger" onClick={() => setConfirmDelete(true)} data-testid="delete-scenario">
              Delete
            </button>
          </>
        )}
      </span>
      {confirmDelete && (
        <Modal
          title={`Delete "${current.name}"?`}
          onClose={() => setConfirmDelete(false)}
          testId="confirm-delete"
          actions={
            <>
              <button className="sf-button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
              <button
                className="sf-button sf-button--danger"
                onClick={() => {
                  store.getState().edit((p) => edits.deleteScenario(p, current.id));
                  store.getState().setScenario(baseline.id);
                  setConfirmDelete(false);
                }}
              >
                Delete the proposal
              </button>
            </>
          }
        >
          <p>The proposal and its flow are removed from the project. You can undo this with Ctrl+Z.</p>
        </Modal>
      )}
      {restructuring && <RestructureDialog project={project} scenario={current} onClose={() => setRestructuring(false)} />}
      {showChanges && (
        <Modal title={`What "${current.name}" changes against "${baseline.name}"`} onClose={() => setShowChanges(false)} testId="changes">
          {current.moves && current.moves.length > 0 && (
            <>
              <h3 className="sf-changes__head">Moves applied</h3>
              <ol className="sf-changes sf-changes--moves" data-testid="moves-applied">
                {current.moves.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ol>
              <h3 className="sf-changes__head">Step by step</h3>
            </>
          )}
          {changes.length === 0 ? (
            <p>Nothing yet: this proposal is the same as the baseline.</p>
          ) : (
            <ul className="sf-changes">
              {changes.map((c, i) => (
                <li key={i} className={`sf-change sf-change--${c.kind}`}>
                  {c.text}
                </li>
              ))}
            </ul>
          )}
        </Modal>
      )}
    </div>
  );
}
