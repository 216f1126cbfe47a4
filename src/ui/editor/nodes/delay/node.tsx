import type { NodeProps } from '@xyflow/react';
import { describeDuration } from '../../../../engine/distributions';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function DelayNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'delay') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">{describeDuration(n.duration, data.unit)}</div>
    </NodeShell>
  );
}
