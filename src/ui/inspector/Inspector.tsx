// The right-hand panel: the selected node or connection, or the project settings.
import { useApp, useAppStore } from '../context';
import { activeScenario } from '../store';
import * as edits from '../store/edits';
import { scenarioTraffic } from '../derived';
import { NodeInspector } from './NodeInspector';
import { mainCalendarId } from '../../engine/worktime';
import { EdgeInspector } from './EdgeInspector';
import { ProjectSettings } from './ProjectSettings';
import { PoolsEditor } from './PoolsEditor';
import { CalendarsEditor } from './CalendarsEditor';
import { SystemsEditor } from './SystemsEditor';

export function Inspector() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const scenario = useApp(activeScenario);
  const selection = useApp((s) => s.selection);
  const node = selection.nodes.length === 1 ? scenario.flow.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge = !node && selection.edges.length === 1 ? scenario.flow.edges.find((e) => e.id === selection.edges[0]) : undefined;
  const edit = store.getState().edit;

  if (node) {
    return (
      <NodeInspector
        key={`${scenario.id}:${node.id}`}
        node={node}
        departments={scenario.flow.departments}
        classes={project.classes}
        unit={project.timeUnit}
        load={scenarioTraffic(project, scenario).steps[node.id]}
        pools={scenario.flow.pools}
        systems={scenario.flow.systems}
        calendars={project.calendars}
        mainCalendarId={mainCalendarId(project, scenario.flow)}
        onCommit={(next) => edit((p) => edits.updateNode(p, scenario.id, next))}
      />
    );
  }
  if (edge) {
    const name = (id: string) => scenario.flow.nodes.find((n) => n.id === id)?.name ?? id;
    const src = scenario.flow.nodes.find((n) => n.id === edge.source);
    return (
      <EdgeInspector
        key={`${scenario.id}:${edge.id}`}
        edge={edge}
        siblings={scenario.flow.edges.filter((e) => e.source === edge.source)}
        sourceName={name(edge.source)}
        targetName={name(edge.target)}
        byClass={src?.kind === 'decision' && src.mode === 'class'}
        parallel={src?.kind === 'split'}
        inclusive={src?.kind === 'split' && src.mode === 'inclusive'}
        classes={project.classes}
        onCommit={(changed) => edit((p) => changed.reduce((acc, e) => edits.updateEdge(acc, scenario.id, e), p))}
      />
    );
  }
  return (
    <>
    <ProjectSettings
      project={project}
      departments={scenario.flow.departments}
      onCommit={(next) => edit(() => next)}
      onDepartmentCommit={(d) => edit((p) => edits.updateDepartment(p, scenario.id, d))}
      onAddDepartment={() => edit((p) => edits.addDepartment(p, scenario.id, `Department ${scenario.flow.departments.length + 1}`).project)}
      onRemoveDepartment={(id) => {
        const users = scenario.flow.nodes.filter((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === id);
        if (users.length > 0) {
          store.getState().showMessage({
            kind: 'info',
            title: 'This department still has steps',
            lines: [`Move ${users.map((n) => `"${n.name}"`).join(', ')} to another department first.`],
          });
          return;
        }
        edit((p) => edits.removeDepartment(p, scenario.id, id));
      }}
    />
    <CalendarsEditor project={project} onCommit={(next) => edit(() => next)} />
    <PoolsEditor project={project} scenarioId={scenario.id} onCommit={(next) => edit(() => next)} />
      <SystemsEditor project={project} scenarioId={scenario.id} onCommit={(next) => edit(() => next)} />
    </>
  );
}
