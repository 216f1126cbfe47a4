import type { NodeProps } from '@xyflow/react';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

/** Join: the parts of a split case wait here for each other. */
export function JoinNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  if (data.node.kind !== 'join') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">waits for all parts</div>
    </NodeShell>
  );
}
