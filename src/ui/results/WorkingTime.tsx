// Working time next to elapsed time in the key figures (only when the project has calendars):
// "Mean wait 14.2 h elapsed · 3.1 working hours".
import type { Estimate } from '../../engine/stats';
import { formatWorkingEstimate } from '../../model/duration';
import type { TimeUnit } from '../../model/schema';

export function WorkingNote({ e, unit, hoursPerDay, calendarName, testId }: { e: Estimate | undefined; unit: TimeUnit; hoursPerDay: number; calendarName: string; testId?: string }) {
  if (!e) return null;
  const [text, ci] = formatWorkingEstimate(e.mean, e.ci95, unit, hoursPerDay);
  return (
    <span className="sf-working" data-testid={testId} title={`Counted in the open hours of ${calendarName}; a working day = ${hoursPerDay.toLocaleString('en', { maximumFractionDigits: 1 })} open hours`}>
      {' '}elapsed · <strong>{text}</strong>
      {ci && <span className="sf-ci"> ± {ci}</span>}
    </span>
  );
}
