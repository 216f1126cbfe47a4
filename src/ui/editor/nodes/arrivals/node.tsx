import type { NodeProps } from '@xyflow/react';
import { describeDuration } from '../../../../engine/distributions';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function ArrivalsNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'arrivals') return null;
  const a = n.arrivals;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line">{a.mode === 'rate' ? `${a.rate} customers / ${a.per}` : `every ${describeDuration(a.distribution, data.unit)}`}</div>
      {n.schedule && <div className="sf-node__line sf-muted">with {n.schedule.repeat === 'day' ? 'a daily' : 'a weekly'} peak profile</div>}
    </NodeShell>
  );
}
