import type { NodeProps } from '@xyflow/react';
import { describeDistribution } from '../../../../engine/distributions';
import { formatDuration, formatShare } from '../../../../engine/format';
import { HIGH_LOAD } from '../../../../engine/check';
import { UNIT_LABEL } from '../../../derived';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';
import { utilizationColor } from '../../../results/colors';

export function StepNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'step') return null;
  const load = data.load;
  const high = load && load.utilization >= HIGH_LOAD;
  const r = data.result;
  return (
    <NodeShell data={data} selected={selected} className={r ? 'has-result' : ''}>
      <div className="sf-node__line">
        {data.pool ? (
          <span className="sf-staff" title="Staff from a shared pool">
            pool {data.pool.name} ({data.pool.size})
          </span>
        ) : n.shifts ? (
          <span className="sf-staff" title="Staff on duty change through the day or week">
            shifts, up to {Math.max(...n.shifts.staff)} staff
          </span>
        ) : (
          <span className="sf-staff" title="Staff working in parallel">
            {n.staff} staff
          </span>
        )}
        <span className="sf-muted"> · {describeDistribution(n.service, UNIT_LABEL[data.unit])}</span>
      </div>
      {load && load.arrivalRate > 0 && (
        <div className={`sf-node__figures ${high ? 'is-high' : ''}`} title="Approximation from arrival rates, routing and staff (Erlang C). The simulation is the answer.">
          ≈ {Number.isFinite(load.utilization) ? formatShare(load.utilization) : '∞'} busy · ≈ {formatDuration(load.approxWaitMMc, data.unit)} wait
          {load.farFromExponential ? ' (rough)' : ''}
        </div>
      )}
      {r && (
        <div className={`sf-node__result ${data.stale ? 'is-stale' : ''}`} style={{ background: utilizationColor(r.utilization) }} data-testid={`result-${n.id}`}>
          {formatShare(r.utilization)} busy · queue {r.meanQueue.toFixed(1)} · wait {formatDuration(r.meanWait, data.unit)}
        </div>
      )}
    </NodeShell>
  );
}
