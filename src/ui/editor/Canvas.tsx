// The flow canvas. React Flow draws; the project in the store is the truth. Drags happen in local
// state and are committed once at the end (one undo step); removals and connections go straight
// to the store.
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  applyEdgeChanges,
  MarkerType,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type EdgeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { NodeKind } from '../../model/schema';
import { projectHash } from '../../engine/results';
import { useApp, useAppStore } from '../context';
import { activeScenario } from '../store';
import * as edits from '../store/edits';
import { scenarioFindings, scenarioTraffic } from '../derived';
import { nodeTypes } from './nodes';
import type { FlowNodeData } from './nodes/types';
import { edgeTypes, type FlowEdgeData } from './edges/FlowEdgeView';
import { computeLanes, laneAt, NODE_W, NODE_H } from './lanes';
import type { LaneData } from './nodes/lane';
import { utilizationColor } from '../results/colors';
import { exportSvgTextAsPng } from '../results/exportChart';
import { downloadText } from '../persist';
import { flowPicture } from '../picture/flowSvg';
import { FIT_VIEW, placeNewNode } from './layout';

export const PALETTE_MIME = 'application/x-serviceflow-node';

/** Shift + press on the canvas starts a selection box, never a selection of the page's text. */
function noTextSelection(e: ReactMouseEvent) {
  if (!e.shiftKey) return;
  const t = e.target as HTMLElement;
  if (t.closest('input, textarea, select, button, [contenteditable="true"]')) return;
  e.preventDefault();
  window.getSelection()?.removeAllRanges();
}

/** The items with `selected` set from the ids; the same array (and objects) when nothing changes. */
export function withSelection<T extends { id: string; selected?: boolean }>(items: T[], ids: readonly string[]): T[] {
  const want = new Set(ids);
  let changed = false;
  const out = items.map((it) => {
    const sel = want.has(it.id);
    if (!!it.selected === sel) return it;
    changed = true;
    return { ...it, selected: sel };
  });
  return changed ? out : items;
}

export function Canvas() {
  const store = useAppStore();
  const project = useApp((s) => s.project);
  const scenario = useApp(activeScenario);
  const selection = useApp((s) => s.selection);
  const results = useApp((s) => s.results);
  const resultsHash = useApp((s) => s.resultsHash);
  const focusNodeId = useApp((s) => s.focusNodeId);
  const rf = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [miniMap, setMiniMap] = useState(false);

  const index = project.scenarios.indexOf(scenario);
  const findings = scenarioFindings(project, index);
  const traffic = scenarioTraffic(project, scenario);
  const stale = results !== undefined && resultsHash !== projectHash(project);
  const scenarioResults = results?.scenarios.find((s) => s.id === scenario.id);

  const lanes = useMemo(() => computeLanes(scenario), [scenario]);

  const pictureName = () => `${project.name} - ${scenario.name}`.replace(/[\\/:*?"<>|]+/g, '-');
  const picture = () => {
    const figures: Record<string, { utilization: number; meanWait: number }> = {};
    if (scenarioResults && !stale)
      for (const [id, st] of Object.entries(scenarioResults.steps)) if (st.kind === 'step') figures[id] = { utilization: st.utilization.mean, meanWait: st.waitingTime.mean };
    return flowPicture(scenario, {
      unit: project.timeUnit,
      figures: scenarioResults && !stale ? figures : undefined,
      classNames: Object.fromEntries(project.classes.map((c) => [c.id, c.name])),
      title: `${project.name} — ${scenario.name}`,
    });
  };

  const derivedNodes = useMemo((): Node[] => {
    const deptColor = new Map(scenario.flow.departments.map((d) => [d.id, d.color]));
    const bySeverity = new Map<string, { severity: 'error' | 'warning'; messages: string[] }>();
    for (const f of findings) {
      if (!f.nodeId) continue;
      const cur = bySeverity.get(f.nodeId) ?? { severity: f.severity, messages: [] };
      if (f.severity === 'error') cur.severity = 'error';
      cur.messages.push(f.message);
      bySeverity.set(f.nodeId, cur);
    }
    const laneNodes: Node<LaneData>[] = lanes.map((l) => ({
      id: `lane:${l.departmentId}`,
      type: 'lane',
      position: { x: l.x, y: l.y },
      data: { name: l.name, color: l.color, width: l.width, height: l.height, departmentId: l.departmentId },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      style: { width: l.width, height: l.height },
    }));
    const flowNodes: Node<FlowNodeData>[] = scenario.flow.nodes.map((n) => {
      const st = scenarioResults?.steps[n.id];
      return {
        id: n.id,
        type: n.kind,
        position: n.position,
        data: {
          node: n,
          unit: project.timeUnit,
          deptColor: n.kind === 'step' || n.kind === 'delay' ? deptColor.get(n.departmentId ?? '') : undefined,
          load: traffic.steps[n.id],
          severity: bySeverity.get(n.id)?.severity,
          messages: bySeverity.get(n.id)?.messages ?? [],
          result: st && st.kind === 'step' ? { utilization: st.utilization.mean, meanQueue: st.queueLength.mean.mean, meanWait: st.waitingTime.mean } : undefined,
          stale,
          pool: n.kind === 'step' && n.poolId !== undefined ? scenario.flow.pools?.find((p) => p.id === n.poolId) : undefined,
          joinWait: n.kind === 'join' ? scenarioResults?.joins?.[n.id]?.waitForParts.mean : undefined,
          calendar: (n.kind === 'step' || n.kind === 'arrivals') && n.calendarId !== undefined ? project.calendars?.find((c) => c.id === n.calendarId) : undefined,
        },
      };
    });
    return [...laneNodes, ...flowNodes];
  }, [scenario, findings, traffic, lanes, project.timeUnit, project.calendars, scenarioResults, stale]);

  // The canvas keeps its own copy of nodes and connections (drags and selection happen there);
  // the store's selection is copied in only where it differs, so a selection that comes back
  // from the canvas (onSelectionChange) never starts another round of updates.
  const [nodes, setNodes] = useState<Node[]>(() => withSelection(derivedNodes, selection.nodes));
  useEffect(() => setNodes(withSelection(derivedNodes, store.getState().selection.nodes)), [derivedNodes, store]);
  useEffect(() => setNodes((ns) => withSelection(ns, selection.nodes)), [selection.nodes]);

  const derivedEdges = useMemo((): Edge<FlowEdgeData>[] => {
    const pos = new Map(scenario.flow.nodes.map((n) => [n.id, n.position]));
    const outCount = new Map<string, number>();
    for (const e of scenario.flow.edges) outCount.set(e.source, (outCount.get(e.source) ?? 0) + 1);
    const nodeById = new Map(scenario.flow.nodes.map((n) => [n.id, n]));
    const className = new Map(project.classes.map((c) => [c.id, c.name]));
    const edgeSeverity = new Map(findings.filter((f) => f.edgeId).map((f) => [f.edgeId!, f.severity]));
    // Labels of edges leaving the same node are staggered along their paths so they never sit on top of each other.
    const siblingRank = new Map<string, number>();
    for (const src of new Set(scenario.flow.edges.map((e) => e.source))) {
      scenario.flow.edges
        .filter((e) => e.source === src)
        .sort((a, b) => (pos.get(a.target)?.y ?? 0) - (pos.get(b.target)?.y ?? 0))
        .forEach((e, i) => siblingRank.set(e.id, i));
    }
    return scenario.flow.edges.map((e) => {
      const src = nodeById.get(e.source);
      const byClass = src?.kind === 'decision' && src.mode === 'class';
      let label: string | undefined;
      if (byClass) label = e.label ?? (e.classIds?.length ? e.classIds.map((c) => className.get(c) ?? c).join(', ') : 'other classes');
      else if (src?.kind === 'split' && src.mode === 'inclusive') {
        const chance = e.probability !== undefined ? `${+(e.probability * 100).toFixed(1)} % chance` : '? % chance';
        label = e.label ? `${e.label} · ${chance}` : chance;
      } else if (src?.kind === 'split') label = e.label ? `${e.label} · in parallel` : 'in parallel';
      else if (e.source === e.target) {
        // Back into the same step: always labelled with how often the work repeats.
        const share = (outCount.get(e.source) ?? 0) > 1 ? (e.probability !== undefined ? `${+(e.probability * 100).toFixed(1)} %` : '? %') : '100 %';
        label = `${e.label ? `${e.label} · ` : ''}repeated on ${share}`;
      } else {
        if ((outCount.get(e.source) ?? 0) > 1) label = e.probability !== undefined ? `${+(e.probability * 100).toFixed(1)} %` : '? %';
        if (e.label) label = label ? `${e.label} · ${label}` : e.label;
      }
      const sp = pos.get(e.source);
      const tp = pos.get(e.target);
      // Backwards along the flow (to the left): a rework loop. Straight down is not a loop.
      const self = e.source === e.target;
      const loop = !self && !!sp && !!tp && tp.x < sp.x - 30;
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'flow',
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#5b6b7f' },
        data: { label, loop, self, severity: edgeSeverity.get(e.id), labelAt: Math.min(0.75, 0.3 + 0.2 * (siblingRank.get(e.id) ?? 0)) },
      };
    });
  }, [scenario, project.classes, findings]);
  const [edges, setEdges] = useState<Edge<FlowEdgeData>[]>(() => withSelection(derivedEdges, selection.edges));
  useEffect(() => setEdges(withSelection(derivedEdges, store.getState().selection.edges)), [derivedEdges, store]);
  useEffect(() => setEdges((es) => withSelection(es, selection.edges)), [selection.edges]);

  // Removals arrive once, nodes and their connections together (one undo step), in onDelete.
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns)), []);
  // Connections are drawn from the project; only their selection comes back from the canvas
  // (and reaches the store, with the nodes', through onSelectionChange).
  const onEdgesChange = useCallback((changes: EdgeChange<Edge<FlowEdgeData>>[]) => {
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length > 0) setEdges((es) => applyEdgeChanges(picks, es));
  }, []);
  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: Node[]; edges: Edge[] }) => {
      const nodeIds = ns.map((n) => n.id).filter((id) => !id.startsWith('lane:'));
      const edgeIds = es.map((e) => e.id);
      if (nodeIds.length + edgeIds.length > 0) store.getState().edit((p) => edits.removeElements(p, scenario.id, nodeIds, edgeIds));
    },
    [store, scenario.id],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      const moves = dragged.filter((n) => !n.id.startsWith('lane:')).map((n) => ({ id: n.id, position: n.position }));
      if (moves.length === 0) return;
      store.getState().edit((p) => {
        let next = edits.moveNodes(p, scenario.id, moves);
        // A step dropped into another department's lane joins that department.
        for (const m of moves) {
          const node = scenario.flow.nodes.find((n) => n.id === m.id);
          if (!node || (node.kind !== 'step' && node.kind !== 'delay')) continue;
          const lane = laneAt(
            lanes.filter((l) => l.departmentId !== node.departmentId),
            m.position.x + NODE_W / 2,
            m.position.y + NODE_H / 2,
          );
          const ownLane = lanes.find((l) => l.departmentId === node.departmentId);
          const insideOwn = ownLane && laneAt([ownLane], m.position.x + NODE_W / 2, m.position.y + NODE_H / 2);
          if (lane && !insideOwn) next = edits.setDepartment(next, scenario.id, m.id, lane.departmentId);
        }
        return next;
      });
    },
    [store, scenario, lanes],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      store.getState().edit((p) => edits.connect(p, scenario.id, c.source, c.target).project);
    },
    [store, scenario.id],
  );

  const onSelectionChange = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => {
      const next = { nodes: ns.map((n) => n.id).filter((id) => !id.startsWith('lane:')), edges: es.map((e) => e.id) };
      const cur = store.getState().selection;
      if (next.nodes.join() !== cur.nodes.join() || next.edges.join() !== cur.edges.join()) store.getState().select(next);
    },
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!kind) return;
      event.preventDefault();
      const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = { x: Math.round(at.x - NODE_W / 2), y: Math.round(at.y - NODE_H / 2) };
      const lane = laneAt(lanes, at.x, at.y);
      let id = '';
      store.getState().edit((p) => {
        const place = placeNewNode(scenario, kind, position, lane?.departmentId);
        const r = edits.addNode(p, scenario.id, kind, place.position, place.departmentId);
        id = r.id;
        return r.project;
      });
      store.getState().select({ nodes: [id], edges: [] });
    },
    [rf, store, scenario.id, lanes],
  );

  useEffect(() => {
    if (!focusNodeId) return;
    const n = scenario.flow.nodes.find((x) => x.id === focusNodeId);
    if (n) void rf.setCenter(n.position.x + NODE_W / 2, n.position.y + NODE_H / 2, { zoom: 1.1, duration: 300 });
    store.getState().focusNode(undefined);
  }, [focusNodeId, rf, scenario, store]);

  // Fit the view when another scenario or project is shown.
  useEffect(() => {
    const t = setTimeout(() => void rf.fitView({ ...FIT_VIEW, duration: 200 }), 30);
    return () => clearTimeout(t);
  }, [scenario.id, project.name, rf]);

  return (
    <div className="sf-canvas" ref={wrapper} onDragOver={(e) => e.preventDefault()} onDrop={onDrop} onMouseDownCapture={noTextSelection} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onSelectionChange={onSelectionChange}
        deleteKeyCode={['Delete', 'Backspace']}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.15}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} color="#e3e8ef" />
        {scenarioResults && (
          <Panel position="top-right" className="sf-legend-panel" data-testid="utilization-legend">
            <span>Staff busy{stale ? ' (out of date)' : ''}:</span>
            {[0.3, 0.6, 0.8, 0.9, 1].map((u) => (
              <span key={u} className="sf-legend-swatch" style={{ background: utilizationColor(u) }}>
                {Math.round(u * 100)} %
              </span>
            ))}
          </Panel>
        )}
        <Panel position="top-left" className="sf-picture-panel">
          <span className="sf-muted">Picture of this flow:</span>
          <button onClick={() => downloadText(`${pictureName()}.svg`, picture().svg, 'image/svg+xml')} data-testid="picture-svg" title="The flow as an SVG drawing (with the simulated figures when there are results)">
            SVG
          </button>
          <button
            onClick={() => {
              const p = picture();
              void exportSvgTextAsPng(p.svg, p.width, p.height, pictureName()).catch((e: Error) => store.getState().showMessage({ kind: 'error', title: 'The picture could not be made', lines: [e.message] }));
            }}
            data-testid="picture-png"
            title="The flow as a PNG picture"
          >
            PNG
          </button>
        </Panel>
        {miniMap && <MiniMap pannable zoomable nodeColor={(n) => (n.type === 'lane' ? 'rgba(78,121,167,0.15)' : '#8aa1bd')} data-testid="minimap" />}
        <Controls>
          <ControlButton onClick={() => setMiniMap((v) => !v)} title={miniMap ? 'Hide the overview map' : 'Show an overview map'} aria-label="Overview map" data-testid="minimap-toggle">
            ▦
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
