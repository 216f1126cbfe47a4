// Arrivals: the mean rate over the log and its hour-of-week profile. Each hour of the week gets
// the cases that started in it divided by how often that hour occurs in the log's span; the base
// rate is the mean of those hourly rates over the week, and each hour's multiplier is its rate
// over the base. The multipliers average 1, so the weekly volume is the log's.
import { HOUR, msOfWeek } from './cases';

export interface ArrivalProfile {
  /** Cases per hour, averaged over the week. */
  ratePerHour: number;
  /** 168 multipliers (Monday 00:00 first); absent when the rate is flat. */
  multipliers: number[] | undefined;
  /** Hours of the week with arrivals. */
  openHours: number;
}

export function discoverArrivals(caseStarts: ArrayLike<number>, utcOffsetMinutes: number): ArrivalProfile {
  const n = caseStarts.length;
  let from = Infinity, to = -Infinity;
  for (let i = 0; i < n; i++) {
    from = Math.min(from, caseStarts[i]!);
    to = Math.max(to, caseStarts[i]!);
  }
  if (n < 2 || !(to > from)) return { ratePerHour: n > 0 ? 1 : 1, multipliers: undefined, openHours: 168 };
  // Span counted in whole hours from the first arrival's hour to the last arrival's hour.
  const h0 = Math.floor(msOfWeek(from, utcOffsetMinutes) / HOUR);
  const startHour = from - (msOfWeek(from, utcOffsetMinutes) % HOUR);
  const hours = Math.floor((to - startHour) / HOUR) + 1;
  const exposure = new Float64Array(168).fill(Math.floor(hours / 168));
  for (let k = 0; k < hours % 168; k++) exposure[(h0 + k) % 168]! += 1;
  const count = new Float64Array(168);
  for (let i = 0; i < n; i++) count[Math.floor(msOfWeek(caseStarts[i]!, utcOffsetMinutes) / HOUR)]! += 1;
  const rate = Array.from(count, (c, h) => (exposure[h]! > 0 ? c / exposure[h]! : 0));
  // A log shorter than a week: each hour of the day takes its rate over the days the log shows.
  if (hours < 168)
    for (let hd = 0; hd < 24; hd++) {
      let c = 0, e = 0;
      for (let d = 0; d < 7; d++) { c += count[d * 24 + hd]!; e += exposure[d * 24 + hd]!; }
      for (let d = 0; d < 7; d++) rate[d * 24 + hd] = e > 0 ? c / e : 0;
    }
  const base = rate.reduce((s, x) => s + x, 0) / 168;
  const multipliers = rate.map((r) => Number((r / base).toFixed(4)));
  const flat = multipliers.every((m) => Math.abs(m - 1) < 0.05);
  return { ratePerHour: base, multipliers: flat ? undefined : multipliers, openHours: rate.filter((r) => r > 0).length };
}
