// What the pre-run estimate assumes for a step whose staff or arrivals change over the week
// (engine/openHoursEstimate.ts), in the user's words.
import type { StepLoad } from '../../engine/traffic';
import { formatDuration } from '../../engine/format';
import { MINUTES_PER_UNIT, type TimeUnit } from '../../model/schema';

const num = (x: number) => (x >= 10 ? Math.round(x).toLocaleString('en') : x.toFixed(1).replace(/\.0$/, ''));

export function weekNote(week: NonNullable<StepLoad['week']>, unit: TimeUnit): string {
  const perHour = week.openArrivalRate * (60 / MINUTES_PER_UNIT[unit]);
  const staff = num(week.staffOnDuty);
  return (
    `Staff are on duty ${num(week.openHours)} hours a week (${staff} at a time on average); in those hours about ${num(perHour)} customers an hour arrive. ` +
    `The estimate assumes that customers who come while nobody is on duty (and those still queueing at closing time) wait for the next opening and are worked off first` +
    (week.backlogWait > 0 ? `: about ${formatDuration(week.backlogWait, unit)} of the mean wait is that backlog` : '') +
    `; Erlang C applies within open hours. ` +
    (Number.isFinite(week.roundTheClockWait)
      ? `Averaged round the clock, the wait would have looked like ${formatDuration(week.roundTheClockWait, unit)}.`
      : 'Averaged round the clock, the staff would have looked overloaded.')
  );
}
