import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';

export interface FlowEdgeData extends Record<string, unknown> {
  label: string | undefined;
  /** Goes backwards in the flow (rework): drawn as a loop under the nodes. */
  loop: boolean;
  /** From a step back into itself: drawn as an arc over the node. */
  self?: boolean;
  severity: 'error' | 'warning' | undefined;
  /** Where along the connection its label sits (0 = at the source, 1 = at the target). */
  labelAt?: number;
}

export type FlowRFEdge = Edge<FlowEdgeData>;

const LOOP_DROP = 70;
/** How far above the handles a step's loop back into itself rises (clear of the node's top). */
const SELF_RISE = 82;

export function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<FlowRFEdge>) {
  let path: string;
  let labelX: number;
  let labelY: number;
  if (data?.self) {
    // Out of the right side, up over the node, and down into its left side.
    const top = Math.min(sourceY, targetY) - SELF_RISE;
    const mid = (sourceX + targetX) / 2;
    path = `M ${sourceX} ${sourceY} C ${sourceX + 46} ${sourceY}, ${sourceX + 46} ${top}, ${mid} ${top} C ${targetX - 46} ${top}, ${targetX - 46} ${targetY}, ${targetX} ${targetY}`;
    labelX = mid;
    labelY = top;
  } else if (data?.loop) {
    // Out of the source to the right, down under both nodes, back left, and up into the target.
    const bottom = Math.max(sourceY, targetY) + LOOP_DROP;
    const r = 16;
    const sx = sourceX + 24;
    const tx = targetX - 24;
    path = [
      `M ${sourceX} ${sourceY}`,
      `L ${sx - r} ${sourceY}`,
      `Q ${sx} ${sourceY} ${sx} ${sourceY + r}`,
      `L ${sx} ${bottom - r}`,
      `Q ${sx} ${bottom} ${sx - r} ${bottom}`,
      `L ${tx + r} ${bottom}`,
      `Q ${tx} ${bottom} ${tx} ${bottom - r}`,
      `L ${tx} ${targetY + r}`,
      `Q ${tx} ${targetY} ${tx + r} ${targetY}`,
      `L ${targetX} ${targetY}`,
    ].join(' ');
    labelX = (sx + tx) / 2;
    labelY = bottom;
  } else {
    [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    // Labels sit near the start, where the ways out of a node part.
    // …but never over the nodes at either end when the gap is wide enough for the label.
    const half = (data?.label?.length ?? 0) * 3.3 + 10;
    const span = targetX - sourceX;
    const t = span > 2 * half ? Math.min(1 - half / span, Math.max(half / span, data?.labelAt ?? 0.3)) : (data?.labelAt ?? 0.3);
    labelX = sourceX + (targetX - sourceX) * t;
    labelY = sourceY + (targetY - sourceY) * t;
  }
  const cls = `sf-edge ${data?.loop || data?.self ? 'sf-edge--loop' : ''} ${selected ? 'is-selected' : ''} ${data?.severity ? `has-${data.severity}` : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} interactionWidth={16} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`sf-edge-label nodrag nopan ${data.loop || data.self ? 'sf-edge-label--loop' : ''} ${selected ? 'is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes = { flow: FlowEdgeView };
