// Readable numbers for people: the one place that turns a figure into text, for the screen, the
// report, the comparison sentences and the messages. Thousands separators, the currency on every
// cost, whole numbers for counts, rates in a unit that fits the process, durations in s / min / h /
// days, and "—" for a figure that is not a finite number (never NaN, Infinity or undefined).
import { MINUTES_PER_UNIT, type TimeUnit } from '../model/schema';
import { scaleFor } from '../model/duration';

/** Shown in place of a figure that is missing or not a finite number. */
export const MISSING = '—';

const ok = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Fixed decimals with thousands separators: 16422 → "16,422", (1234.5, 1) → "1,234.5". */
function grouped(v: number, digits: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const s = Math.abs(v) < 1e21 ? Math.abs(v).toFixed(digits) : BigInt(Math.round(Math.abs(v))).toString();
  const [int, frac] = s.split('.');
  const sign = v < 0 && Number(s) !== 0 ? '−' : '';
  return `${sign}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Like grouped, without trailing zeros: 2.50 → "2.5", 3.0 → "3". */
const trimmed = (v: number, digits: number): string => grouped(v, digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** Decimals that keep about three significant figures for numbers below 100. */
const autoDigits = (abs: number) => (abs >= 100 ? 0 : abs >= 10 ? 1 : 2);

/** A plain number with sensible precision and thousands separators. */
export function formatNumber(v: number | undefined): string {
  if (!ok(v)) return MISSING;
  return trimmed(v, autoDigits(Math.abs(v)));
}

/** A number of people or customers: whole, or one decimal when it is a small average ("7.3"). */
export function formatCount(v: number | undefined): string {
  if (!ok(v)) return MISSING;
  if (Number.isInteger(v) || Math.abs(v) >= 10) return grouped(Math.round(v), 0);
  return trimmed(v, 1);
}

/** Something that can only be whole (the longest queue, the staff on a shift): rounded. */
export function formatWhole(v: number | undefined): string {
  if (!ok(v)) return MISSING;
  return grouped(Math.round(v), 0);
}

/** An amount of money with its currency: "16,422 €"; below 10 with cents ("2.50 €"). */
export function formatMoney(v: number | undefined, currency: string | undefined): string {
  if (!ok(v)) return MISSING;
  const text = Math.abs(v) >= 10 || Number.isInteger(v) ? grouped(Math.round(v), 0) : grouped(v, 2);
  return `${text}${currency ? ` ${currency}` : ''}`;
}

// ---- durations ---------------------------------------------------------------------------------


/** A duration given in the project's time unit, shown as s / min / h / days. */
export function formatDuration(value: number | undefined, unit: TimeUnit): string {
  if (!ok(value)) return MISSING;
  const minutes = value * MINUTES_PER_UNIT[unit];
  if (minutes === 0) return '0 min';
  const scale = scaleFor(Math.abs(minutes));
  const v = minutes / scale.minutes;
  return `${trimmed(v, Math.abs(v) < 10 ? 1 : 0)} ${scale.label}`;
}

// ---- shares and changes ------------------------------------------------------------------------

/** 0.934 → "93 %"; small shares get a decimal ("4.2 %"). */
export function formatShare(share: number | undefined): string {
  if (!ok(share)) return MISSING;
  const pct = share * 100;
  return `${trimmed(pct, Math.abs(pct) < 10 && pct !== 0 ? 1 : 0)} %`;
}

const signed = (text: string, v: number) => (text.startsWith('−') ? text : v > 0 && Number(text.replace(/[^\d.]/g, '')) !== 0 ? `+${text}` : text);

/** A signed percentage change: −66 %, +12 %, +2.1 %. */
export function formatChange(pct: number | undefined): string {
  if (!ok(pct)) return MISSING;
  const text = trimmed(pct, Math.abs(pct) < 10 ? 1 : 0);
  return Number(text.replace(/[^\d.]/g, '')) === 0 ? '0 %' : `${signed(text, pct)} %`;
}

/** A difference between two shares, in percentage points: 0.124 → "+12.4 points". */
export function formatPoints(diff: number | undefined): string {
  if (!ok(diff)) return MISSING;
  const text = trimmed(diff * 100, 1);
  return Number(text.replace(/[^\d.]/g, '')) === 0 ? '0 points' : `${signed(text, diff)} points`;
}

// ---- rates -------------------------------------------------------------------------------------

export type RatePeriod = 'minute' | 'hour' | 'day' | 'week';
const PERIOD_MINUTES: Record<RatePeriod, number> = { minute: 1, hour: 60, day: 1440, week: 10080 };
const PERIOD_WORDS: Record<RatePeriod, string> = { minute: 'a minute', hour: 'an hour', day: 'a day', week: 'a week' };

/** A rate given per project time unit, converted to "per period". */
export function rateIn(perUnit: number, unit: TimeUnit, period: RatePeriod): number {
  return (perUnit / MINUTES_PER_UNIT[unit]) * PERIOD_MINUTES[period];
}

/** The period that makes this rate read as a number around 1 or more: 0.03 a minute → "a day". */
export function ratePeriod(perUnit: number, unit: TimeUnit): RatePeriod {
  if (!ok(perUnit) || perUnit === 0) return 'hour';
  const a = Math.abs(perUnit);
  if (rateIn(a, unit, 'minute') >= 10) return 'minute';
  if (rateIn(a, unit, 'hour') >= 1) return 'hour';
  if (rateIn(a, unit, 'day') >= 1) return 'day';
  return 'week';
}

/** "1.9 customers a day". The period is chosen from the value unless given (to line up several). */
export function formatRate(perUnit: number | undefined, unit: TimeUnit, opts: { period?: RatePeriod; noun?: string } = {}): string {
  if (!ok(perUnit)) return MISSING;
  const period = opts.period ?? ratePeriod(perUnit, unit);
  const noun = opts.noun ?? 'customers';
  return `${formatNumber(rateIn(perUnit, unit, period))}${noun ? ` ${noun}` : ''} ${PERIOD_WORDS[period]}`;
}

// ---- a value of a given kind, and two values side by side --------------------------------------

export type FigureKind = 'duration' | 'share' | 'rate' | 'count' | 'money';
export interface FigureContext {
  unit: TimeUnit;
  currency?: string;
}

/** One figure of a kind, formatted as everywhere else. */
export function formatFigure(kind: FigureKind, v: number | undefined, ctx: FigureContext): string {
  switch (kind) {
    case 'duration':
      return formatDuration(v, ctx.unit);
    case 'share':
      return formatShare(v);
    case 'rate':
      return formatRate(v, ctx.unit);
    case 'money':
      return formatMoney(v, ctx.currency);
    default:
      return formatCount(v);
  }
}

/**
 * Two figures of the same kind (before and after) in the same unit and with enough decimals to show
 * that they differ: 15.3 h and 15.0 h, not 15 h and 15 h.
 */
export function formatPair(kind: FigureKind, a: number | undefined, b: number | undefined, ctx: FigureContext, opts: { distinct?: boolean } = {}): [string, string] {
  if (!ok(a) || !ok(b)) return [formatFigure(kind, a, ctx), formatFigure(kind, b, ctx)];
  // Without `distinct` (a difference within the noise), no extra decimals are added.
  const same = a === b || opts.distinct === false;
  const widen = (base: number, f0: (v: number, digits: number) => string): [string, string] => {
    const f = (v: number, digits: number) => f0(v, v === 0 ? 0 : digits);
    for (let d = base; d <= base + 2; d++) {
      const pa = f(a, d);
      const pb = f(b, d);
      if (pa !== pb || same) return [pa, pb];
    }
    return [f(a, base), f(b, base)];
  };
  switch (kind) {
    case 'duration': {
      const m = MINUTES_PER_UNIT[ctx.unit];
      const scale = scaleFor(Math.max(Math.abs(a), Math.abs(b)) * m);
      const big = (Math.max(Math.abs(a), Math.abs(b)) * m) / scale.minutes;
      if (a === 0 && b === 0) return ['0 min', '0 min'];
      return widen(big < 10 ? 1 : 0, (v, d) => `${(same ? trimmed : grouped)((v * m) / scale.minutes, d)} ${scale.label}`);
    }
    case 'share': {
      const big = Math.max(Math.abs(a), Math.abs(b)) * 100;
      return widen(big < 10 && big !== 0 ? 1 : 0, (v, d) => `${(same ? trimmed : grouped)(v * 100, d)} %`);
    }
    case 'rate': {
      const period = ratePeriod(Math.max(Math.abs(a), Math.abs(b)), ctx.unit);
      const big = rateIn(Math.max(Math.abs(a), Math.abs(b)), ctx.unit, period);
      return widen(autoDigits(big), (v, d) => `${trimmed(rateIn(v, ctx.unit, period), d)} customers ${PERIOD_WORDS[period]}`);
    }
    case 'money': {
      const big = Math.max(Math.abs(a), Math.abs(b));
      return widen(big >= 10 ? 0 : 2, (v, d) => `${grouped(v, d)}${ctx.currency ? ` ${ctx.currency}` : ''}`);
    }
    default: {
      const big = Math.max(Math.abs(a), Math.abs(b));
      return widen(big >= 10 ? 0 : 1, (v, d) => trimmed(v, d));
    }
  }
}

/** What a comparison between a baseline and a proposal needs to be put in words. */
export interface ChangeFigures {
  kind: FigureKind;
  difference: { mean: number; ci95: number };
  relative: { mean: number; low: number; high: number } | undefined;
}

/**
 * The change with its 95 % interval, the same way on screen and in the report: shares in
 * percentage points ("+12.4 points, 95 % CI +10.2 to +14.6 points"), other figures in % of the
 * baseline ("−66 %, 95 % CI −70 % to −61 %").
 */
export function formatChangeWithCi(c: ChangeFigures, ctx: FigureContext): string {
  const d = c.difference;
  if (c.kind === 'share') return `${formatPoints(d.mean)}, 95 % CI ${formatPoints(d.mean - d.ci95)} to ${formatPoints(d.mean + d.ci95)}`;
  if (c.relative) return `${formatChange(c.relative.mean)}, 95 % CI ${formatChange(c.relative.low)} to ${formatChange(c.relative.high)}`;
  const abs = (v: number) => formatFigure(c.kind, Math.abs(v), ctx);
  return `${d.mean < 0 ? '−' : '+'}${abs(d.mean)}, 95 % CI ± ${abs(d.ci95)}`;
}
