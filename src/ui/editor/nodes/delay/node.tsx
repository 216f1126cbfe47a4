import type { NodeProps } from '@xyflow/react';
import { describeDistribution } from '../../../../engine/distributions';
import { UNIT_LABEL } from '../../../derived';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function DelayNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'delay') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">{describeDistribution(n.duration, UNIT_LABEL[data.unit])}</div>
    </NodeShell>
  );
}
