import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MISSING,
  formatChange,
  formatChangeWithCi,
  formatCount,
  formatDuration,
  formatFigure,
  formatMoney,
  formatNumber,
  formatPair,
  formatPoints,
  formatRate,
  formatShare,
  formatWhole,
  ratePeriod,
  type FigureKind,
} from '../../src/engine/format';

describe('numbers for people', () => {
  it('puts thousands separators on money and the currency after it', () => {
    expect(formatMoney(16422.4, '€')).toBe('16,422 €');
    expect(formatMoney(1234567, 'CHF')).toBe('1,234,567 CHF');
    expect(formatMoney(137, '€')).toBe('137 €');
    expect(formatMoney(0.85, '€')).toBe('0.85 €');
    expect(formatMoney(96.13, '€')).toBe('96 €');
    expect(formatMoney(2.5, undefined)).toBe('2.50');
  });

  it('shows counts whole, or with one decimal when a small average', () => {
    expect(formatCount(7.333333333333333)).toBe('7.3');
    expect(formatCount(34.7)).toBe('35');
    expect(formatCount(4)).toBe('4');
    expect(formatCount(12345.6)).toBe('12,346');
    expect(formatWhole(34.7)).toBe('35');
    expect(formatWhole(0.4)).toBe('0');
  });

  it('keeps about three significant figures for plain numbers', () => {
    expect(formatNumber(0.0834)).toBe('0.08');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(16422)).toBe('16,422');
    expect(formatNumber(-3.25)).toBe('−3.25');
  });

  it('gives rates in a period that fits the process', () => {
    // 0.0013 customers a minute = 1.9 a day
    expect(formatRate(0.0013, 'minutes')).toBe('1.87 customers a day');
    expect(formatRate(0.08, 'minutes')).toBe('4.8 customers an hour');
    expect(formatRate(25, 'minutes')).toBe('25 customers a minute');
    expect(formatRate(0.2, 'days')).toBe('1.4 customers a week');
    expect(formatRate(0.08, 'minutes', { period: 'day', noun: '' })).toBe('115 a day');
    expect(ratePeriod(2, 'hours')).toBe('hour');
  });

  it('chooses a duration unit and keeps a decimal below ten', () => {
    expect(formatDuration(71, 'minutes')).toBe('71 min');
    expect(formatDuration(168, 'minutes')).toBe('2.8 h');
    expect(formatDuration(0.5, 'minutes')).toBe('30 s');
    expect(formatDuration(3, 'days')).toBe('3 days');
    expect(formatDuration(0, 'hours')).toBe('0 min');
  });

  it('signs changes and share differences', () => {
    expect(formatChange(-66.2)).toBe('−66 %');
    expect(formatChange(2.14)).toBe('+2.1 %');
    expect(formatChange(0.01)).toBe('0 %');
    expect(formatPoints(0.124)).toBe('+12.4 points');
    expect(formatPoints(-0.05)).toBe('−5 points');
    expect(formatShare(0.934)).toBe('93 %');
    expect(formatShare(0.042)).toBe('4.2 %');
  });

  it('shows two figures with the precision that shows their difference', () => {
    expect(formatPair('duration', 15.3, 15.0, { unit: 'hours' })).toEqual(['15.3 h', '15.0 h']);
    expect(formatPair('duration', 180, 60, { unit: 'minutes' })).toEqual(['3.0 h', '1.0 h']);
    expect(formatPair('share', 0.971, 0.974, { unit: 'minutes' })).toEqual(['97.1 %', '97.4 %']);
    expect(formatPair('money', 16422, 16380, { unit: 'minutes', currency: '€' })).toEqual(['16,422 €', '16,380 €']);
    expect(formatPair('rate', 0.0801, 0.0804, { unit: 'minutes' })).toEqual(['4.81 customers an hour', '4.82 customers an hour']);
    expect(formatPair('count', 2, 2, { unit: 'minutes' })).toEqual(['2', '2']);
  });

  it('states a change with its interval the same way for shares and other figures', () => {
    const ctx = { unit: 'minutes' as const };
    expect(formatChangeWithCi({ kind: 'share', difference: { mean: 0.124, ci95: 0.022 }, relative: undefined }, ctx)).toBe('+12.4 points, 95 % CI +10.2 points to +14.6 points');
    expect(formatChangeWithCi({ kind: 'duration', difference: { mean: -20, ci95: 2 }, relative: { mean: -66, low: -70, high: -61 } }, ctx)).toBe('−66 %, 95 % CI −70 % to −61 %');
  });

  it('never shows NaN, Infinity or undefined', () => {
    const kinds: FigureKind[] = ['duration', 'share', 'rate', 'count', 'money'];
    for (const v of [NaN, Infinity, -Infinity, undefined]) {
      for (const k of kinds) expect(formatFigure(k, v, { unit: 'minutes', currency: '€' })).toBe(MISSING);
      expect(formatNumber(v)).toBe(MISSING);
      expect(formatChange(v)).toBe(MISSING);
      expect(formatPoints(v)).toBe(MISSING);
    }
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double(), fc.double(), (k, a, b) => {
        const texts = [formatFigure(k, a, { unit: 'hours', currency: '€' }), ...formatPair(k, a, b, { unit: 'hours', currency: '€' })];
        for (const t of texts) expect(t).not.toMatch(/NaN|Infinity|undefined|e[+-]\d/);
      }),
    );
  });
});

describe('pairs within the noise', () => {
  it('adds no decimals when the difference is not significant, and writes zero plainly', () => {
    expect(formatPair('rate', 0.083663, 0.083672, { unit: 'minutes' }, { distinct: false })).toEqual(['5.02 customers an hour', '5.02 customers an hour']);
    expect(formatPair('duration', 9.4, 0, { unit: 'minutes' })).toEqual(['9.4 min', '0 min']);
  });
});
