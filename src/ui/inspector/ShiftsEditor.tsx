// Staff on shift hour by hour (a repeating day or week), for a step or a staff pool.
import type { StaffShifts } from '../../model/schema';
import { NumberField, SelectField } from './fields';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function ShiftsEditor({ shifts, fallback, onCommit, testId }: { shifts: StaffShifts | undefined; fallback: number; onCommit: (next: StaffShifts | undefined) => string | undefined; testId: string }) {
  const setHour = (h: number, v: number) => {
    if (!shifts) return undefined;
    if (!Number.isInteger(v) || v < 0) return 'Enter a whole number of people, 0 or more.';
    const staff = shifts.staff.slice();
    staff[h] = v;
    return onCommit({ ...shifts, staff });
  };
  const days = shifts?.repeat === 'week' ? DAYS : [''];
  return (
    <div className="sf-subsection" data-testid={testId}>
      <label className="sf-toggle">
        <input
          type="checkbox"
          checked={shifts !== undefined}
          onChange={(e) => onCommit(e.target.checked ? { repeat: 'day', staff: Array.from({ length: 24 }, () => fallback) } : undefined)}
          data-testid={`${testId}-toggle`}
        />{' '}
        Staff on duty change through the day or week (shifts)
      </label>
      {shifts && (
        <>
          <SelectField
            label="Repeats every"
            value={shifts.repeat}
            options={[
              { value: 'day', label: 'day (24 hours)' },
              { value: 'week', label: 'week (7 × 24 hours)' },
            ]}
            onCommit={(repeat) => onCommit({ ...shifts, repeat, staff: repeat === 'week' ? Array.from({ length: 7 }, () => shifts.staff.slice(0, 24)).flat() : shifts.staff.slice(0, 24) })}
          />
          <p className="sf-muted">People on duty, hour by hour. Nobody new is started by people going off duty.</p>
          <SelectField
            label="When a shift ends"
            value={shifts.atShiftEnd ?? 'carry-over'}
            options={[
              { value: 'carry-over', label: 'carry over to the next shift' },
              { value: 'serve-waiting', label: 'stay on until nobody waits (overtime)' },
              { value: 'hand-over', label: 'leave on time, hand customers over' },
            ]}
            onCommit={(atShiftEnd) => onCommit({ ...shifts, atShiftEnd: atShiftEnd === 'carry-over' ? undefined : atShiftEnd })}
            testId={`${testId}-end`}
          />
          <p className="sf-muted" data-testid={`${testId}-end-help`}>
            {
              {
                'carry-over': 'Staff going off duty finish the customer they are serving; customers still waiting wait for the next shift.',
                'serve-waiting': 'Staff going off duty stay on while anyone is waiting, then go home; the overtime is paid (staff cost) and counted as staff time.',
                'hand-over': 'Staff leave on time; the customers they were serving go back to the head of the queue and a colleague or the next shift carries on with the work that was left.',
              }[shifts.atShiftEnd ?? 'carry-over']
            }
          </p>
          {days.map((day, d) => (
            <div key={day || 'day'} className="sf-schedule">
              {day && <div className="sf-schedule__day">{day}</div>}
              <div className="sf-schedule__grid">
                {Array.from({ length: 24 }, (_, h) => (
                  <NumberField key={h} label={`${String(h).padStart(2, '0')}h`} value={shifts.staff[d * 24 + h]} integer onCommit={(v) => setHour(d * 24 + h, v)} testId={`${testId}-${d * 24 + h}`} />
                ))}
              </div>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
