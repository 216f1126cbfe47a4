import type { NodeProps } from '@xyflow/react';
import { formatDuration } from '../../../../engine/format';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

/** Join: the parts of a split case wait here for each other. */
export function JoinNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  if (data.node.kind !== 'join') return null;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line sf-muted">waits for all parts</div>
      {data.joinWait !== undefined && (
        <div className={`sf-node__result sf-node__result--join ${data.stale ? 'is-stale' : ''}`} data-testid={`result-${data.node.id}`} title="After the first part arrives, how long a case waits here for its other parts (mean)">
          waits {formatDuration(data.joinWait, data.unit)} for the other parts
        </div>
      )}
    </NodeShell>
  );
}
