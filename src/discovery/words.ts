// Discovery's report in the user's words: durations, shares, working weeks.
import { durationText } from '../model/duration';
import type { TimeUnit } from '../model/schema';
import { describeDistribution } from '../engine/distributions';
import type { Fit } from './servicefit';

export function fmtShare(x: number): string {
  const p = x * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : p >= 1 ? p.toFixed(1) : p.toFixed(2)} %`;
}

export function fmtTime(v: number, unit: TimeUnit): string {
  return durationText(v, unit);
}

export function describeFit(f: Fit, unit: TimeUnit): string {
  const what = describeDistribution(f.distribution, unit);
  if (f.distribution.kind === 'empirical')
    return `${f.n} observed times resampled (${what}; the closest distribution, ${f.bestKind}, was off by ${fmtShare(f.bestDistance)} of the mean)`;
  return `${what} (from ${f.n} observations, off by ${fmtShare(f.distance)} of the mean)`;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon–Fri 07:30–15:30" style description of 15-minute on-duty slots. */
export function describeWeek(onSlot: Uint8Array): string {
  const perDay: string[] = [];
  for (let d = 0; d < 7; d++) {
    const spans: string[] = [];
    let s = -1;
    for (let q = 0; q <= 96; q++) {
      const on = q < 96 && onSlot[d * 96 + q] === 1;
      if (on && s < 0) s = q;
      if (!on && s >= 0) { spans.push(`${clock(s)}–${clock(q)}`); s = -1; }
    }
    perDay.push(spans.join(', '));
  }
  const parts: string[] = [];
  let d = 0;
  while (d < 7) {
    let e = d;
    while (e + 1 < 7 && perDay[e + 1] === perDay[d]) e++;
    if (perDay[d]) parts.push(`${d === e ? DAYS[d] : `${DAYS[d]}–${DAYS[e]}`} ${perDay[d]}`);
    d = e + 1;
  }
  return parts.join('; ') || 'never';
}

function clock(q: number): string {
  const m = q * 15;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
