// A delay in working time ("2 working days"): the customer leaves once that much open time of the
// delay's calendar (or the flow's main calendar) has passed. Only offered when the project has
// calendars. Typing "2 working days" into the duration switches it on.
import { hoursPerWorkingDay } from '../../engine/worktime';
import { openHoursPerWeek, type Calendar } from '../../model/calendar';
import type { WorkingClock } from '../../model/duration';
import type { DelayNode, Distribution, TimeUnit } from '../../model/schema';
import { CalendarSelect } from './CalendarSelect';
import { DistributionEditor } from './DistributionEditor';

export function DelayDuration(props: {
  node: DelayNode;
  unit: TimeUnit;
  calendars: Calendar[] | undefined;
  mainCalendarId: string | undefined;
  commit: (next: DelayNode) => string | undefined;
}) {
  const { node, unit } = props;
  const calendars = props.calendars ?? [];
  const cal = calendars.find((c) => c.id === (node.calendarId ?? props.mainCalendarId)) ?? calendars[0];
  const working: WorkingClock | undefined = cal && { calendarName: cal.name, hoursPerDay: hoursPerWorkingDay(cal), hoursPerWeek: openHoursPerWeek(cal), on: node.workingTime === true };
  const without = ({ workingTime: _w, calendarId: _c, ...rest }: DelayNode): DelayNode => rest;
  const setOn = (on: boolean, duration: Distribution = node.duration) => props.commit(on ? { ...node, duration, workingTime: true } : { ...without(node), duration });
  return (
    <>
      {working && (
        <div className="sf-toggle">
          <label>
            <input type="checkbox" checked={working.on} onChange={(e) => void setOn(e.target.checked)} data-testid="delay-working" /> Counts working time (open hours only)
          </label>
        </div>
      )}
      {working?.on && (
        <CalendarSelect
          label="Working time of"
          none={`the flow's main calendar${props.mainCalendarId ? ` (${calendars.find((c) => c.id === props.mainCalendarId)?.name ?? props.mainCalendarId})` : ''}`}
          calendars={calendars}
          value={node.calendarId}
          onCommit={(calendarId) => props.commit(calendarId ? { ...node, calendarId } : (({ calendarId: _c, ...rest }) => rest)(node))}
          testId="delay-calendar"
        />
      )}
      <DistributionEditor
        label="Duration"
        value={node.duration}
        unit={unit}
        onCommit={(duration) => void props.commit({ ...node, duration })}
        working={working}
        onCommitWorking={working ? (duration) => void setOn(true, duration) : undefined}
        testId="duration"
      />
    </>
  );
}
