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
          <p className="sf-muted">People on duty, hour by hour. When people go off duty, customers they are serving are finished; nobody new is started.</p>
          <SelectField
            label="Customers still waiting when a shift ends"
            value={shifts.atShiftEnd ?? 'carry-over'}
            options={[
              { value: 'carry-over', label: 'wait for the next shift (carried over)' },
              { value: 'serve-waiting', label: 'are served: staff stay on (overtime, paid)' },
            ]}
            onCommit={(atShiftEnd) => onCommit({ ...shifts, atShiftEnd: atShiftEnd === 'carry-over' ? undefined : atShiftEnd })}
            testId={`${testId}-end`}
          />
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
