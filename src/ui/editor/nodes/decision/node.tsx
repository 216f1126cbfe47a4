import type { NodeProps } from '@xyflow/react';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function DecisionNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'decision') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">{n.mode === 'class' ? 'by customer class' : 'by share of customers'}</div>
    </NodeShell>
  );
}
