// "1,000" is a thousand, never 1 (issue 17).
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/ui/inspector/parseNumber';

const value = (t: string) => {
  const r = parseNumber(t);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseNumber', () => {
  it('understands thousands separators and decimal marks as people type them', () => {
    expect(value('1,000')).toBe(1000);
    expect(value('1 000')).toBe(1000);
    expect(value('1\u00a0000')).toBe(1000);
    expect(value('10,000.5')).toBe(10000.5);
    expect(value('10.000,5')).toBe(10000.5);
    expect(value('1,000,000')).toBe(1_000_000);
    expect(value('1.000.000')).toBe(1_000_000);
    expect(value('2,5')).toBe(2.5);
    expect(value('2.5')).toBe(2.5);
    expect(value('-3')).toBe(-3);
    expect(value('+4')).toBe(4);
    expect(value('.5')).toBe(0.5);
    expect(value('1e3')).toBe(1000);
    expect(value(' 42 ')).toBe(42);
  });

  it('refuses, with the text and a reason, what is not a number or could be read two ways', () => {
    for (const t of ['1,00,0', '10,000,5.5', '1 00', '12abc', '1.2.3', ',', '1,000.5.5', 'Infinity', 'NaN', '1e999']) {
      const r = parseNumber(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toContain(`"${t}"`);
    }
    expect(parseNumber('')).toEqual({ ok: false, message: 'Enter a number.' });
  });
});
