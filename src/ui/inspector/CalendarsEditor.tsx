// The project's calendars: named opening hours that steps, staff pools and arrivals work to. Start
// from a preset, paint the week, add public holidays and exceptions for a date range.
import { useState } from 'react';
import { CALENDAR_PRESETS, formatHours, openHoursPerWeek, parseHours, weekGrid, type Calendar, type CalendarException } from '../../model/calendar';
import { crossReferenceProblems, zodProblems } from '../../model/load';
import { Project } from '../../model/schema';
import { freshId } from '../store/edits';
import { NumberField, SelectField, TextField } from './fields';
import { WeekGrid } from './WeekGrid';

/** Steps, pools and arrivals (in any scenario) that work to a calendar. */
export function calendarUsers(project: Project, id: string): string[] {
  const out = new Set<string>();
  for (const sc of project.scenarios) {
    for (const n of sc.flow.nodes) if ((n.kind === 'step' || n.kind === 'arrivals') && n.calendarId === id) out.add(n.name);
    for (const p of sc.flow.pools ?? []) if (p.calendarId === id) out.add(`the pool "${p.name}"`);
  }
  return [...out];
}

const toWeek = (open: readonly boolean[]) => Array.from({ length: 7 }, (_, d) => formatHours(open.slice(d * 24, d * 24 + 24)));

export function CalendarsEditor({ project, onCommit }: { project: Project; onCommit: (next: Project) => void }) {
  const calendars = project.calendars ?? [];
  const [preset, setPreset] = useState(CALENDAR_PRESETS[0]!.key);
  const [gridError, setGridError] = useState<{ id: string; message: string } | undefined>();
  const commit = (next: Calendar[]): string | undefined => {
    const candidate: Project = { ...project, calendars: next.length > 0 ? next : undefined };
    const r = Project.safeParse(candidate);
    if (!r.success) return zodProblems(r.error, candidate)[0]!.message;
    const cross = crossReferenceProblems(r.data);
    if (cross.length > 0) return cross[0]!.message;
    onCommit(r.data);
    return undefined;
  };
  const set = (i: number, patch: Partial<Calendar>) => commit(calendars.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    const p = CALENDAR_PRESETS.find((x) => x.key === preset)!;
    const taken = new Set(calendars.map((c) => c.name));
    let name = p.name;
    for (let k = 2; taken.has(name); k++) name = `${p.name} (${k})`;
    commit([...calendars, { id: freshId('cal', calendars.map((c) => c.id)), name, week: p.week.slice() }]);
  };
  return (
    <div className="sf-inspector__section" data-testid="calendars">
      <h4>Calendars (opening hours)</h4>
      <p className="sf-muted">Named opening hours for steps, staff pools and arrivals: one change reaches every step that uses it. Staff work and customers arrive only while open.</p>
      {calendars.map((cal, i) => {
        const users = calendarUsers(project, cal.id);
        return (
          <div className="sf-card" key={cal.id} data-testid={`calendar-${cal.id}`}>
            <TextField label="Name" value={cal.name} onCommit={(name) => (name.trim() ? set(i, { name: name.trim() }) : 'A calendar needs a name.')} testId={`calendar-name-${cal.id}`} />
            <WeekGrid
              open={weekGrid(cal)}
              onCommit={(open) => {
                const err = open.some(Boolean) ? set(i, { week: toWeek(open) }) : 'A calendar needs at least one open hour in the week.';
                setGridError(err ? { id: cal.id, message: err } : undefined);
              }}
              testId={`calendar-week-${cal.id}`}
            />
            {gridError?.id === cal.id && (
              <p className="sf-field__error" role="alert">
                {gridError.message}
              </p>
            )}
            <p className="sf-muted" data-testid={`calendar-summary-${cal.id}`}>
              Open {openHoursPerWeek(cal)} of 168 hours a week. Used by: {users.join(', ') || 'nothing yet'}.
            </p>
            <HolidaysEditor cal={cal} onCommit={(holidays) => set(i, { holidays: holidays.length > 0 ? holidays : undefined })} hasStart={project.run.start !== undefined} />
            <ExceptionsEditor cal={cal} onCommit={(exceptions) => set(i, { exceptions: exceptions.length > 0 ? exceptions : undefined })} />
            {users.length === 0 && (
              <button type="button" className="sf-link sf-link--danger" onClick={() => commit(calendars.filter((_, j) => j !== i))} data-testid={`calendar-remove-${cal.id}`}>
                Remove this calendar
              </button>
            )}
          </div>
        );
      })}
      <div className="sf-row">
        <SelectField label="Start from" value={preset} options={CALENDAR_PRESETS.map((p) => ({ value: p.key, label: p.name }))} onCommit={(v) => void setPreset(v)} testId="calendar-preset" />
        <button type="button" className="sf-link" onClick={add} data-testid="add-calendar">
          + Add a calendar
        </button>
      </div>
    </div>
  );
}

function HolidaysEditor({ cal, onCommit, hasStart }: { cal: Calendar; onCommit: (next: NonNullable<Calendar['holidays']>) => string | undefined; hasStart: boolean }) {
  const holidays = cal.holidays ?? [];
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="sf-subsection" data-testid={`holidays-${cal.id}`}>
      <h5>Public holidays and closed dates</h5>
      {holidays.length > 0 && !hasStart && <p className="sf-field__hint">Dates count once the run has a start date (Project settings, “Starts on”).</p>}
      {holidays.map((h, k) => (
        <div className="sf-row" key={`${h.date}-${k}`}>
          <span>{h.date}</span>
          <TextField label="Name" value={h.name ?? ''} onCommit={(name) => onCommit(holidays.map((x, j) => (j === k ? { date: x.date, ...(name.trim() ? { name: name.trim() } : {}) } : x)))} />
          <button type="button" className="sf-link sf-link--danger" aria-label={`Remove ${h.date}`} onClick={() => onCommit(holidays.filter((_, j) => j !== k))}>
            ✕
          </button>
        </div>
      ))}
      <div className="sf-row">
        <input type="date" aria-label="Closed date" value={date} onChange={(e) => setDate(e.target.value)} data-testid={`holiday-date-${cal.id}`} />
        <button
          type="button"
          className="sf-link"
          data-testid={`add-holiday-${cal.id}`}
          onClick={() => {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Choose a date first.');
            if (holidays.some((h) => h.date === date)) return setError(`${date} is already closed.`);
            const err = onCommit([...holidays, { date }].sort((a, b) => a.date.localeCompare(b.date)));
            setError(err);
            if (!err) setDate('');
          }}
        >
          + Closed on this date
        </button>
      </div>
      {error && <p className="sf-field__error" role="alert">{error}</p>}
    </div>
  );
}

function ExceptionsEditor({ cal, onCommit }: { cal: Calendar; onCommit: (next: CalendarException[]) => string | undefined }) {
  const list = cal.exceptions ?? [];
  const setAt = (k: number, patch: Partial<CalendarException>) => onCommit(list.map((x, j) => (j === k ? { ...x, ...patch } : x)));
  return (
    <div className="sf-subsection" data-testid={`exceptions-${cal.id}`}>
      <h5>Exceptions for a date range</h5>
      {list.map((e, k) => (
        <div className="sf-card" key={k}>
          <TextField label="What" value={e.name ?? ''} onCommit={(name) => setAt(k, { name: name.trim() || undefined })} />
          <div className="sf-row">
            <TextField label="From" value={e.from} onCommit={(from) => setAt(k, { from: from.trim() })} />
            <TextField label="To" value={e.to} onCommit={(to) => setAt(k, { to: to.trim() })} />
          </div>
          <TextField
            label="Open hours each day (empty: as usual; “closed”)"
            value={e.hours ?? ''}
            onCommit={(hours) => {
              if (hours.trim() === '') return setAt(k, { hours: undefined });
              const r = parseHours(hours);
              return typeof r === 'string' ? r : setAt(k, { hours: r.includes(true) ? formatHours(r) : 'closed' });
            }}
          />
          <NumberField label="Extra staff while open" value={e.extraStaff ?? 0} integer onCommit={(extraStaff) => setAt(k, { extraStaff: extraStaff > 0 ? extraStaff : undefined })} />
          <button type="button" className="sf-link sf-link--danger" onClick={() => onCommit(list.filter((_, j) => j !== k))}>
            Remove this exception
          </button>
        </div>
      ))}
      <button
        type="button"
        className="sf-link"
        data-testid={`add-exception-${cal.id}`}
        onClick={() => {
          const today = new Date().toISOString().slice(0, 10);
          const later = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
          onCommit([...list, { name: 'Peak', from: today, to: later, extraStaff: 1 }]);
        }}
      >
        + Other hours or extra staff for some dates
      </button>
    </div>
  );
}
