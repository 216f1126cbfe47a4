// Choosing a calendar for a step, pool or arrivals node, and what an arrivals node adds up to.
import { arrivalVolumes } from '../../engine/calendars';
import type { Calendar } from '../../model/calendar';
import type { ArrivalsNode } from '../../model/schema';
import { SelectField } from './fields';

export function CalendarSelect(props: { label: string; none: string; calendars: Calendar[]; value: string | undefined; onCommit: (id: string | undefined) => string | undefined; testId?: string }) {
  return (
    <SelectField
      label={props.label}
      value={props.value ?? ''}
      options={[{ value: '', label: props.none }, ...props.calendars.map((c) => ({ value: c.id, label: c.name }))]}
      onCommit={(v) => props.onCommit(v === '' ? undefined : v)}
      testId={props.testId ?? 'field-calendar'}
    />
  );
}

const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: x >= 10 ? 0 : x >= 1 ? 1 : 2 });

/** "40 a day on 5 days a week, busiest hour 6.7": the daily volume and hourly peak the rate gives. */
export function VolumeLine({ node, calendar }: { node: ArrivalsNode; calendar: Calendar | undefined }) {
  const v = arrivalVolumes(node, calendar);
  if (!v) return null;
  if (v.perWeek === 0) return <p className="sf-field__error" data-testid="arrivals-volume">No customers can arrive: the calendar is closed in every hour the profile has arrivals.</p>;
  return (
    <p className="sf-field__hint" data-testid="arrivals-volume">
      ≈ {fmt(v.perOpenDay)} customers a day{v.openDays < 7 ? ` on ${v.openDays} days a week` : ''} ({fmt(v.perWeek)} a week); busiest hour ≈ {fmt(v.peakPerHour)}.
      {node.arrivals.mode === 'rate' && (node.arrivals.per === 'day' || node.arrivals.per === 'week') ? ` The ${node.arrivals.per}'s volume is spread over the open hours${node.schedule ? ' by the peak profile' : ''}.` : ''}
    </p>
  );
}
