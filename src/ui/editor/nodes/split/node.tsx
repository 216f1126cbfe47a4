import type { NodeProps } from '@xyflow/react';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

/** Parallel split (fork): the case goes along every outgoing path at once, or (inclusive) along one or more. */
export function SplitNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  if (data.node.kind !== 'split') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">{data.node.mode === 'inclusive' ? 'one or more paths' : 'all paths at once'}</div>
    </NodeShell>
  );
}
