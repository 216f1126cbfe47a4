import { describe, expect, it } from 'vitest';
import { detectTimeFormat, parseTime, parseZone, formatZone } from '../../../../src/model/interop/eventlog/timestamps';

const utc = (s: string) => Date.parse(s);

describe('timestamps', () => {
  it('reads ISO 8601 with and without offset, T or space, fractions', () => {
    expect(parseTime('2023-02-09T08:05:04.420', 'ymd', 0)).toBe(utc('2023-02-09T08:05:04.420Z'));
    expect(parseTime('2023-02-09 08:05:04', 'ymd', 0)).toBe(utc('2023-02-09T08:05:04Z'));
    expect(parseTime('2023-02-09 08:05:04.123456', 'ymd', 0)).toBeCloseTo(utc('2023-02-09T08:05:04.123Z') + 0.456, 6);
    expect(parseTime('2023-02-09T08:05:04+01:00', 'ymd', 0)).toBe(utc('2023-02-09T07:05:04Z'));
    expect(parseTime('2023-02-09T08:05:04-0530', 'ymd', 0)).toBe(utc('2023-02-09T13:35:04Z'));
    expect(parseTime('2023-02-09T08:05:04Z', 'ymd', 120)).toBe(utc('2023-02-09T08:05:04Z'));
    expect(parseTime('2023-02-09', 'ymd', 0)).toBe(utc('2023-02-09T00:00:00Z'));
  });

  it('applies the time zone only to times that state no offset', () => {
    expect(parseTime('2023-02-09 08:00:00', 'ymd', 60)).toBe(utc('2023-02-09T07:00:00Z'));
    expect(parseTime('2023-02-09 08:00:00', 'ymd', -300)).toBe(utc('2023-02-09T13:00:00Z'));
    expect(parseTime('09/02/2023 08:00', 'dmy', 60)).toBe(utc('2023-02-09T07:00:00Z'));
  });

  it('rejects impossible dates', () => {
    expect(parseTime('2023-13-40', 'ymd', 0)).toBeNaN();
    expect(parseTime('2023-02-29 10:00', 'ymd', 0)).toBeNaN();
    expect(parseTime('2024-02-29 10:00', 'ymd', 0)).toBe(utc('2024-02-29T10:00:00Z'));
    expect(parseTime('2023-02-09 25:00', 'ymd', 0)).toBeNaN();
    expect(parseTime('hello', 'ymd', 0)).toBeNaN();
    expect(parseTime('31/01/2023', 'mdy', 0)).toBeNaN();
  });

  it('reads day-first, month-first, two-digit years and AM/PM', () => {
    expect(parseTime('31/01/2023 14:05', 'dmy', 0)).toBe(utc('2023-01-31T14:05:00Z'));
    expect(parseTime('31.01.2023 14:05:06', 'dmy', 0)).toBe(utc('2023-01-31T14:05:06Z'));
    expect(parseTime('01/31/2023 2:05 PM', 'mdy', 0)).toBe(utc('2023-01-31T14:05:00Z'));
    expect(parseTime('01/31/2023 12:05 AM', 'mdy', 0)).toBe(utc('2023-01-31T00:05:00Z'));
    expect(parseTime('1/2/23 9:00', 'mdy', 0)).toBe(utc('2023-01-02T09:00:00Z'));
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(parseTime('1675929600', 'unix-s', 0)).toBe(1675929600000);
    expect(parseTime('1675929600123', 'unix-ms', 0)).toBe(1675929600123);
    expect(detectTimeFormat(['1675929600', '1675929660'])?.format).toBe('unix-s');
    expect(detectTimeFormat(['1675929600000', '1675929660000'])?.format).toBe('unix-ms');
  });

  it('detects the format, and says when day-first and month-first both fit', () => {
    expect(detectTimeFormat(['2023-02-09T08:00:00.000', '2023-02-10T08:00:00.000'])).toEqual({ format: 'ymd', ambiguous: false, hasOffset: false });
    expect(detectTimeFormat(['2023-02-09T08:00:00+01:00'])).toEqual({ format: 'ymd', ambiguous: false, hasOffset: true });
    expect(detectTimeFormat(['03/04/2023 10:00', '05/06/2023 11:00'])).toMatchObject({ ambiguous: true });
    expect(detectTimeFormat(['03/04/2023 10:00', '25/06/2023 11:00'])).toEqual({ format: 'dmy', ambiguous: false, hasOffset: false });
    expect(detectTimeFormat(['03/04/2023 10:00', '06/25/2023 11:00'])).toEqual({ format: 'mdy', ambiguous: false, hasOffset: false });
    expect(detectTimeFormat(['Check form', 'Approve'])).toBeUndefined();
    expect(detectTimeFormat(['12', '7', '3'])).toBeUndefined();
    expect(detectTimeFormat(['', ' '])).toBeUndefined();
  });

  it('reads and writes time zones', () => {
    expect(parseZone('+01:00')).toBe(60);
    expect(parseZone('-05:30')).toBe(-330);
    expect(parseZone('UTC+2')).toBe(120);
    expect(parseZone('Z')).toBe(0);
    expect(parseZone('+0100')).toBe(60);
    expect(parseZone('Berlin')).toBeUndefined();
    expect(parseZone('+25:00')).toBeUndefined();
    expect(formatZone(60)).toBe('UTC+01:00');
    expect(formatZone(-330)).toBe('UTC−05:30');
    expect(formatZone(0)).toBe('UTC');
  });
});
