// Arrival counts from a spreadsheet (CSV: hour,count or day,hour,count) turned into the rate and
// the hourly peak profile, with a preview before anything changes.
import { useState } from 'react';
import type { RateSchedule } from '../../model/schema';
import { arrivalProfileFromCsv } from '../../model/interop/csv';

export function CountsImport({ onApply }: { onApply: (schedule: RateSchedule, ratePerHour: number) => void }) {
  const [text, setText] = useState<string | undefined>();
  const [file, setFile] = useState('');
  const [periods, setPeriods] = useState(1);
  const profile = text === undefined ? undefined : arrivalProfileFromCsv(text, periods);
  const busiest = profile?.schedule ? profile.schedule.multipliers.indexOf(Math.max(...profile.schedule.multipliers)) : -1;
  const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return (
    <div className="sf-counts-import">
      <label className="sf-link sf-file-link">
        Import arrival counts from a CSV file…
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          hidden
          data-testid="counts-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            setFile(f.name);
            setText(await f.text());
          }}
        />
      </label>
      {profile && (
        <div className="sf-counts-preview" data-testid="counts-preview">
          <strong>{file}</strong>
          {profile.problems.length > 0 ? (
            <ul className="sf-field__error" role="alert">
              {profile.problems.slice(0, 6).map((p) => (
                <li key={p.line}>
                  line {p.line}: {p.message}
                </li>
              ))}
              {profile.problems.length > 6 && <li>… and {profile.problems.length - 6} more. Nothing was changed.</li>}
            </ul>
          ) : (
            <>
              <label className="sf-counts-periods">
                The counts cover{' '}
                <input type="number" min={1} value={periods} onChange={(e) => setPeriods(Math.max(1, Math.round(Number(e.target.value) || 1)))} data-testid="counts-periods" />{' '}
                {profile.schedule?.repeat === 'week' ? 'week(s)' : 'day(s)'}
              </label>
              <p data-testid="counts-summary">
                {profile.total.toLocaleString('en')} arrivals → {profile.ratePerHour!.toPrecision(3)} per hour on average; busiest hour{' '}
                {profile.schedule!.repeat === 'week' ? `${DAYS[Math.floor(busiest / 24)]} ` : ''}
                {String(busiest % 24).padStart(2, '0')}:00 at {profile.schedule!.multipliers[busiest]!.toPrecision(3)} × the average.
              </p>
              <button className="sf-button sf-button--primary" onClick={() => (onApply(profile.schedule!, profile.ratePerHour!), setText(undefined))} data-testid="counts-apply">
                Use this rate and profile
              </button>{' '}
              <button className="sf-button" onClick={() => setText(undefined)}>
                Cancel
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
