import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { EXAMPLES, getExample } from '../model/examples';
import { hasErrors } from '../engine/check';
import { useApp, useAppStore } from './context';
import { activeScenario, redo, undo } from './store';
import { useHistory } from './store/history';
import * as edits from './store/edits';
import { downloadText, fileName, problemLines, readProjectFile } from './persist';
import { scenarioFindings } from './derived';
import { autoLayout, FIT_VIEW } from './editor/layout';
import { Modal } from './Modal';
import { ShareDialog } from './ShareDialog';
import { WatchView } from './watch/WatchView';
import { replaceAsking, saveProject } from './replaceProject';
import { RunButtons } from './run/RunButtons';
import { DiscoverDialog } from './discovery/DiscoverDialog';
import { isLogFile } from './discovery/logFile';
import { useFileDrop } from './discovery/useFileDrop';
import { planOpen } from './openFiles';
import { groupReport } from '../model/interop/bpmn/reportGroups';

export function Header() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const scenario = useApp(activeScenario);
  const runStatus = useApp((s) => s.runStatus);
  const settingsOpen = useApp((s) => s.settingsOpen);
  const { canUndo, canRedo } = useHistory(store);
  const fileInput = useRef<HTMLInputElement>(null);
  const [gallery, setGallery] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [watching, setWatching] = useState(false);
  const [logFile, setLogFile] = useState<File | undefined>();
  const rf = useReactFlow();
  const blocked = project.scenarios.some((_, i) => hasErrors(scenarioFindings(project, i)));
  const blockedHere = hasErrors(scenarioFindings(project, project.scenarios.indexOf(scenario)));

  const openFiles = (files: readonly File[]) => {
    const plan = planOpen(files);
    if (!plan) return;
    if (plan.ignored.length > 0) {
      store.getState().showMessage({ kind: 'info', title: `Opening "${plan.main.name}"`, lines: [`One file at a time (or a BPMN model with its simulation parameters as JSON): ${plan.ignored.map((f) => `"${f.name}"`).join(', ')} ${plan.ignored.length === 1 ? 'was' : 'were'} not opened.`] });
    }
    void open(plan.main, plan.parameters);
  };

  const open = async (file: File, parametersFile?: File) => {
    // Event logs (CSV, XES, gzipped) go to discovery; they are read in a worker, never here.
    if (await isLogFile(file)) {
      setLogFile(file);
      return;
    }
    const text = await file.text();
    if (/\.(bpmn2?|xml)$/i.test(file.name) || /^\s*</.test(text)) {
      const { importBpmnOffThread: importBpmn } = await import('../worker/bpmn-client');
      const bytes = new Uint8Array(await file.arrayBuffer()); // decoded by the encoding the file declares
      let simulationParameters: unknown;
      if (parametersFile) {
        try {
          simulationParameters = JSON.parse((await parametersFile.text()).replace(/^\uFEFF/, ''));
        } catch (e) {
          store.getState().showMessage({ kind: 'error', title: `"${parametersFile.name}" could not be read`, lines: [`It is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, 'Your project on screen has not been changed.'] });
          return;
        }
      }
      const importProcess = async (processId?: string) => {
        const r = await importBpmn(bytes, { name: file.name.replace(/\.(bpmn2?|xml)$/i, ''), processId, ...(simulationParameters !== undefined ? { simulationParameters } : {}) });
        const lines = r.report.map((l) => `${l.level === 'warning' ? '⚠ ' : l.level === 'error' ? '✖ ' : ''}${l.message}`);
        if (!r.ok) {
          store.getState().showMessage({ kind: 'error', title: `"${file.name}" could not be imported`, lines: [r.error, ...lines, 'Your project on screen has not been changed.'] });
          return;
        }
        // A file with several processes (pools): offer the others.
        const others = r.processes.filter((p) => p.id !== r.processId && p.tasks > 0).slice(0, 3);
        const grouped = groupReport(r.report);
        const report = () => store.getState().showMessage({
          kind: 'info',
          title: `Imported "${file.name}" — what was mapped and what was not`,
          lines: [...grouped.summary, 'Undo (Ctrl+Z) brings back the project you had before.'],
          groups: grouped.groups.map((g) => ({ title: g.title, lines: g.lines, testId: `import-group-${g.key}` })),
          ...(others.length > 0 && {
            actions: [
              ...others.map((p) => ({ label: `Import "${p.name}" instead`, run: () => void importProcess(p.id), testId: 'import-other-process' })),
              { label: 'Keep this one', run: () => {}, primary: true, testId: 'import-keep' },
            ],
          }),
        });
        // The first import asks over the user's own work; choosing another process replaces the import.
        if (processId === undefined) replaceAsking(store, r.project, `"${file.name}"`, report);
        else {
          store.getState().replaceProject(r.project);
          report();
        }
      };
      await importProcess();
      return;
    }
    const r = readProjectFile(text);
    if (!r.ok) {
      store.getState().showMessage({ kind: 'error', title: `"${file.name}" could not be opened`, lines: [...problemLines(r.problems), 'Your project on screen has not been changed.'] });
      return;
    }
    // An upgrade from an older format that changed written numbers says what and why (the load report).
    const notes = r.notes;
    const report = notes ? () => store.getState().showMessage({ kind: 'info', title: `"${file.name}" was upgraded to the current format`, lines: notes }) : undefined;
    replaceAsking(store, r.project, `"${file.name}"`, report, { fromFile: true });
  };

  const dropping = useFileDrop(useCallback((files: File[]) => openRef.current(files), []));
  const openRef = useRef(openFiles);
  openRef.current = openFiles;

  return (
    <header className="sf-header">
      <span className="sf-logo">Serviceflow</span>
      <span className="sf-project-name" data-testid="project-title" title={project.name}>
        {project.name}
      </span>
      <nav className="sf-menu" aria-label="File">
        <button onClick={() => setGallery(true)} data-testid="menu-examples">
          New / Examples
        </button>
        <button onClick={() => fileInput.current?.click()} data-testid="menu-open" title="Open a project (.json), a BPMN model, or an event log (CSV, XES, also gzipped) to discover a baseline from">
          Open…
        </button>
        <button onClick={() => saveProject(project)} data-testid="menu-save" title="Save as a .json file (Ctrl+S)">
          Save
        </button>
        <button
          onClick={async () => {
            const { exportBpmn } = await import('../model/interop/bpmn');
            downloadText(fileName(project).replace(/\.json$/, ` - ${scenario.name.replace(/[\\/:*?"<>|]+/g, '-')}.bpmn`), exportBpmn(project, scenario.id), 'application/xml');
          }}
          data-testid="menu-export-bpmn"
          title="This scenario as BPMN 2.0 (with layout and BPSim parameters) for Camunda Modeler, bpmn.io, Signavio…"
        >
          Export BPMN
        </button>
        <button onClick={() => setSharing(true)} data-testid="menu-share" title="A link that opens this project (the project travels inside the link)">
          Copy link
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json,.bpmn,.bpmn2,.xml,.csv,.tsv,.txt,.xes,.gz"
          hidden
          data-testid="file-input"
          multiple
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            openFiles(files);
          }}
        />
      </nav>
      <span className="sf-header__spacer" />
      <div className="sf-toolbar">
        <button onClick={() => undo(store)} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo" data-testid="undo">
          ↶
        </button>
        <button onClick={() => redo(store)} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo" data-testid="redo">
          ↷
        </button>
        <button onClick={() => store.getState().toggleSettings()} className={settingsOpen ? 'is-on' : ''} data-testid="project-settings-toggle" title="Project name, customer classes, run settings and targets">
          Settings
        </button>
        <button
          onClick={() => {
            store.getState().edit((p) => edits.moveNodes(p, scenario.id, autoLayout(scenario)));
            setTimeout(() => void rf.fitView({ ...FIT_VIEW, duration: 250 }), 50);
          }}
          title="Lay the flow out left to right, departments in bands"
          data-testid="auto-layout"
        >
          Auto-layout
        </button>
        {runStatus !== 'running' && (
          <button onClick={() => setWatching(true)} disabled={blockedHere} title={`Watch customers move through "${scenario.name}" as one run is simulated`} data-testid="watch-open">
            Watch
          </button>
        )}
        <RunButtons blocked={blocked} blockedHere={blockedHere} scenarioName={scenario.name} />
      </div>
      {logFile && <DiscoverDialog file={logFile} onClose={() => setLogFile(undefined)} onOpened={() => setTimeout(() => void rf.fitView({ ...FIT_VIEW, duration: 250 }), 80)} />}
      {dropping && <div className="sf-drop-hint">Drop a project, a BPMN model or an event log (CSV, XES) to open it</div>}
      {watching && <WatchView project={project} scenarioId={scenario.id} onClose={() => setWatching(false)} />}
      {sharing && <ShareDialog project={project} onClose={() => setSharing(false)} />}
      {gallery && (
        <Modal title="Start from an example, or from scratch" onClose={() => setGallery(false)} testId="gallery">
          <div className="sf-gallery">
            {EXAMPLES.map((ex) => (
              <button
                key={ex.id}
                className="sf-gallery__card"
                onClick={() => {
                  setGallery(false);
                  replaceAsking(store, structuredClone(getExample(ex.id)!.project), `the example "${ex.title}"`);
                }}
                data-testid={`example-${ex.id}`}
              >
                <strong>{ex.title}</strong>
                <span>{ex.summary}</span>
              </button>
            ))}
            <button
              className="sf-gallery__card sf-gallery__card--empty"
              onClick={() => {
                setGallery(false);
                replaceAsking(store, edits.emptyProject(), 'a new empty project');
              }}
              data-testid="new-empty"
            >
              <strong>New empty project</strong>
              <span>Arrivals, an exit and one department to start drawing.</span>
            </button>
          </div>
        </Modal>
      )}
    </header>
  );
}
