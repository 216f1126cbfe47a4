import { clockAt } from '../../model/clock';
import { MINUTES_PER_UNIT, type TimeUnit } from '../../model/schema';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Simulated time as "Day 3, 14:05" (day 1 starts at time 0, midnight), or, when the run has a
 * start date, as the date and time it stands for: "Thu 9 Feb 2023, 08:00".
 */
export function formatClock(time: number, unit: TimeUnit, start?: string): string {
  const minutes = Math.max(0, time * MINUTES_PER_UNIT[unit]);
  const at = clockAt(start, minutes);
  if (at !== undefined) {
    const d = new Date(at);
    const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hm}`;
  }
  const day = Math.floor(minutes / 1440) + 1;
  const inDay = Math.floor(minutes - (day - 1) * 1440);
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return `Day ${day}, ${hh}:${mm}`;
}
