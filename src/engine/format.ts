// Readable numbers for users: durations in a sensible unit, percentages, signed changes.
import { MINUTES_PER_UNIT, type TimeUnit } from '../model/schema';

const trim = (v: number, digits: number) => {
  const s = v.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

/** A duration given in the project's time unit, shown as s / min / h / days. */
export function formatDuration(value: number, unit: TimeUnit): string {
  if (!Number.isFinite(value)) return '∞';
  const minutes = value * MINUTES_PER_UNIT[unit];
  const abs = Math.abs(minutes);
  if (abs === 0) return '0 min';
  if (abs < 1) return `${trim(minutes * 60, abs * 60 < 10 ? 1 : 0)} s`;
  if (abs < 90) return `${trim(minutes, abs < 10 ? 1 : 0)} min`;
  if (abs < 48 * 60) return `${trim(minutes / 60, abs / 60 < 10 ? 1 : 0)} h`;
  return `${trim(minutes / 1440, abs / 1440 < 10 ? 1 : 0)} days`;
}

/** 0.934 → "93 %"; small shares get a decimal ("4.2 %"). */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const pct = share * 100;
  return `${trim(pct, Math.abs(pct) < 10 && pct !== 0 ? 1 : 0)} %`;
}

/** A signed percentage change: −66 %, +12 %. */
export function formatChange(pct: number): string {
  if (!Number.isFinite(pct)) return '–';
  const rounded = Math.abs(pct) < 10 ? Math.round(pct * 10) / 10 : Math.round(pct);
  if (rounded === 0) return '0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}

/** A plain number with sensible precision. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  return trim(v, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** An amount of money, rounded to whole units with thousands separators: "114,308 €". */
export function formatMoney(v: number, currency: string | undefined): string {
  return `${Math.round(v).toLocaleString('en')}${currency ? ` ${currency}` : ''}`;
}
