import type { NodeProps } from '@xyflow/react';
import { arrivalVolumes } from '../../../../engine/calendars';
import { describeDuration } from '../../../../engine/distributions';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

const people = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

export function ArrivalsNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  const n = data.node;
  if (n.kind !== 'arrivals') return null;
  const a = n.arrivals;
  // With a profile or a calendar, what the rate adds up to: the daily volume and the busiest hour.
  const v = a.mode === 'rate' && (n.schedule || data.calendar) ? arrivalVolumes(n, data.calendar) : undefined;
  return (
    <NodeShell data={data} selected={selected}>
      <div className="sf-node__line">{a.mode === 'rate' ? `${a.rate} customers / ${a.per}` : `every ${describeDuration(a.distribution, data.unit)}`}</div>
      {n.schedule && <div className="sf-node__line sf-muted">with {n.schedule.repeat === 'day' ? 'a daily' : 'a weekly'} peak profile</div>}
      {data.calendar && <div className="sf-node__line sf-muted" data-testid="node-calendar">open {data.calendar.name}</div>}
      {v && (
        <div className="sf-node__line sf-muted" data-testid="node-volume">
          ≈ {people(v.perOpenDay)} a day{v.openDays < 7 ? ` (${v.openDays} days a week)` : ''} · peak {people(v.peakPerHour)} / hour
        </div>
      )}
    </NodeShell>
  );
}
