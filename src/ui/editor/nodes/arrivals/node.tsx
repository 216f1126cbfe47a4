import type { NodeProps } from '@xyflow/react';
import { describeDistribution } from '../../../../engine/distributions';
import { UNIT_LABEL } from '../../../derived';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function ArrivalsNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'arrivals') return null;
  const a = n.arrivals;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line">{a.mode === 'rate' ? `${a.rate} customers / ${a.per}` : `every ${describeDistribution(a.distribution, UNIT_LABEL[data.unit])}`}</div>
      {n.schedule && <div className="sf-node__line sf-muted">with {n.schedule.repeat === 'day' ? 'a daily' : 'a weekly'} peak profile</div>}
    </NodeShell>
  );
}
