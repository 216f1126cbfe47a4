import type { NodeProps } from '@xyflow/react';
import { describeDuration } from '../../../../engine/distributions';
import { formatDuration, formatShare } from '../../../../engine/format';
import { HIGH_LOAD } from '../../../../engine/check';
import { staffLabel } from '../../../derived';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';
import { utilizationColor } from '../../../results/colors';

export function StepNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'step') return null;
  const load = data.load;
  const high = load && load.utilization >= HIGH_LOAD;
  const r = data.result;
  const staff = staffLabel(n, data.pool);
  return (
    <NodeShell data={data} selected={selected} className={r ? 'has-result' : ''}>
      <div className="sf-node__line">
        <span className="sf-staff" title={staff.title}>
          {staff.text}
        </span>
        <span className="sf-muted"> · {describeDuration(n.service, data.unit)}</span>
      </div>
      {data.calendar && (
        <div className="sf-node__line sf-muted" data-testid="node-calendar">
          open {data.calendar.name}
        </div>
      )}
      {load && load.arrivalRate > 0 && (
        <div className={`sf-node__figures ${high ? 'is-high' : ''}`} title={`Approximation from arrival rates, routing and staff (Erlang C). The simulation is the answer.${load.week ? ' Hour by hour over the week: customers who come while closed wait for the next opening and are worked off first (a backlog), Erlang C within open hours.' : ''}`}>
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
