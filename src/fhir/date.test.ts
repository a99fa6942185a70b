// FHIR dates read by arithmetic on the string, checked against the platform's own calendar (Date.UTC, Date.parse)
// as the oracle: every month length, leap rule, time part, fraction and offset, and the order of instants.
import { describe, expect, it } from 'vitest';
import { daysInMonth, parseFhirDate, sortKey } from './date.js';

describe('daysInMonth', () => {
  it.each([1900, 2000, 2023, 2024, 2100, 2400])('gives every month of %i its length', (year) => {
    for (let month = 1; month <= 12; month++) {
      expect(daysInMonth(year, month), `${year}-${month}`).toBe(
        new Date(Date.UTC(year, month, 0)).getUTCDate(),
      );
    }
  });
});

describe('parseFhirDate', () => {
  it.each([
    ['2024', { year: 2024 }],
    ['2024-02', { year: 2024, month: 2 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2024-04-30', { year: 2024, month: 4, day: 30 }],
    ['2024-12-31', { year: 2024, month: 12, day: 31 }],
    ['2024-01-01', { year: 2024, month: 1, day: 1 }],
    ['2024-03-05T10:20', { year: 2024, month: 3, day: 5, timeMs: 37_200_000 }],
    ['2024-03-05T10:20:30', { year: 2024, month: 3, day: 5, timeMs: 37_230_000 }],
    ['2024-03-05T10:20:30Z', { year: 2024, month: 3, day: 5, timeMs: 37_230_000, offsetMinutes: 0 }],
    ['2024-03-05T10:20:30.5Z', { year: 2024, month: 3, day: 5, timeMs: 37_230_500, offsetMinutes: 0 }],
    [
      '2024-03-05T10:20:30.123456+05:30',
      { year: 2024, month: 3, day: 5, timeMs: 37_230_123, offsetMinutes: 330 },
    ],
    ['2024-03-05T00:00:00-05:45', { year: 2024, month: 3, day: 5, timeMs: 0, offsetMinutes: -345 }],
    ['2024-03-05T23:59:60+14:00', { year: 2024, month: 3, day: 5, timeMs: 86_400_000, offsetMinutes: 840 }],
    ['2024-03-05T01:02:03+05:59', { year: 2024, month: 3, day: 5, timeMs: 3_723_000, offsetMinutes: 359 }],
    ['2024-03-05T01:02:03-00:00', { year: 2024, month: 3, day: 5, timeMs: 3_723_000, offsetMinutes: -0 }],
  ])('reads %s', (text, expected) => {
    expect(parseFhirDate(text)).toEqual(expected);
  });

  it('keeps an offset only when one is written', () => {
    expect(parseFhirDate('2024-03-05T10:20')).not.toHaveProperty('offsetMinutes');
    expect(parseFhirDate('2024-03-05')).not.toHaveProperty('timeMs');
    expect(parseFhirDate('2024-03')).not.toHaveProperty('day');
    expect(parseFhirDate('2024')).not.toHaveProperty('month');
  });

  it.each([
    '',
    'garbage',
    '24',
    '2024-1',
    '2024-00',
    '2024-13',
    '2024-01-00',
    '2024-01-32',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-06-31',
    '2024-09-31',
    '2024-11-31',
    '2024-03-05T10',
    '2024-03-05T24:00',
    '2024-03-05T23:60',
    '2024-03-05T23:59:61',
    '2024-03-05T10:20:30+15:00',
    '2024-03-05T10:20:30+05:60',
    '2024-03-05T10:20:30+0530',
    '2024-03-05 10:20',
  ])('refuses %j', (text) => {
    expect(parseFhirDate(text)).toBeUndefined();
  });
});

describe('sortKey', () => {
  it('counts days from 1970-01-01 on the proleptic Gregorian calendar', () => {
    for (const year of [
      1, 399, 400, 1600, 1899, 1900, 1969, 1970, 1999, 2000, 2001, 2024, 2100, 2400, 9999,
    ]) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [6, 15],
        [12, 31],
      ] as const) {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const parsed = parseFhirDate(text);
        const utc = new Date(0);
        utc.setUTCFullYear(year, month - 1, day);
        expect(parsed === undefined ? undefined : sortKey(parsed), text).toBe(utc.getTime());
      }
    }
  });

  it('places a partial date at its first moment', () => {
    const key = (text: string) => {
      const d = parseFhirDate(text);
      return d === undefined ? undefined : sortKey(d);
    };
    expect(key('2024')).toBe(Date.UTC(2024, 0, 1));
    expect(key('2024-07')).toBe(Date.UTC(2024, 6, 1));
    expect(key('1970')).toBe(0);
  });

  it.each([
    '2024-03-05T10:20:30Z',
    '2024-03-05T10:20:30.250Z',
    '2024-03-05T10:20:30.999+05:30',
    '2024-03-05T00:00:00-05:45',
    '2024-12-31T23:59:59-12:00',
    '1999-01-01T00:00:01+14:00',
  ])('orders %s at its instant', (text) => {
    const d = parseFhirDate(text);
    expect(d === undefined ? undefined : sortKey(d)).toBe(Date.parse(text));
  });

  it('reads a time without an offset as UTC', () => {
    const d = parseFhirDate('2024-03-05T10:20:30');
    expect(d === undefined ? undefined : sortKey(d)).toBe(Date.UTC(2024, 2, 5, 10, 20, 30));
  });
});
