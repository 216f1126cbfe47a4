import { MINUTES_PER_UNIT, type TimeUnit } from '../../model/schema';

/** Simulated time as "Day 3, 14:05" (day 1 starts at time 0, midnight). */
export function formatClock(time: number, unit: TimeUnit): string {
  const minutes = Math.max(0, time * MINUTES_PER_UNIT[unit]);
  const day = Math.floor(minutes / 1440) + 1;
  const inDay = Math.floor(minutes - (day - 1) * 1440);
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return `Day ${day}, ${hh}:${mm}`;
}
