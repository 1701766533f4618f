import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDay, localInstant, parseDate } from '../../src/notices/dates.js';

describe('parseDate', () => {
  it.each([
    ['2025-09-01', '2025-09-01'],
    ['1-9-2025', '2025-09-01'],
    ['01-09-2025', '2025-09-01'],
    ['1 september 2025', '2025-09-01'],
    ['1 sep 2025', '2025-09-01'],
    ['1 sept. 2025', '2025-09-01'],
    ['5 maart 2027', '2027-03-05'],
    ['5 mrt 2027', '2027-03-05'],
    ['5 March 2027', '2027-03-05'],
    ['31 mei 2026', '2026-05-31'],
    ['3 okt 2026', '2026-10-03'],
    ['3 Oct 2026', '2026-10-03'],
    ['29-2-2028', '2028-02-29'],
  ])('reads %s', (text, day) => {
    expect(parseDate(text)).toMatchObject({ ok: true, day });
  });

  it.each([
    ['1/9/2025', 'format'],
    ['09/01/2025', 'format'],
    ['2025/09/01', 'format'],
    ['1-9-25', 'format'],
    ['september 1, 2025', 'format'],
    ['next monday', 'format'],
    ['1 septober 2025', 'format'],
    ['1 september', 'format'],
    ['31-2-2027', 'no-such-day'],
    ['2027-13-01', 'no-such-day'],
    ['29 feb 2027', 'no-such-day'],
  ])('rejects %s (%s)', (text, reason) => {
    expect(parseDate(text)).toMatchObject({ ok: false, reason });
  });

  it('tells the language from a month name only one language uses', () => {
    expect(parseDate('5 maart 2027')).toMatchObject({ lang: 'nl' });
    expect(parseDate('5 march 2027')).toMatchObject({ lang: 'en' });
    expect(parseDate('5 september 2027')).not.toHaveProperty('lang');
  });
});

describe('calendar arithmetic', () => {
  it('adds and counts calendar days across month and year ends and leap days', () => {
    expect(addDays('2027-08-31', 60)).toBe('2027-10-30');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-26', '2027-03-05')).toBe(99);
    expect(daysBetween('2027-03-05', '2027-03-01')).toBe(-4);
  });

  it('keeps 09:00 local time on both sides of a daylight-saving change', () => {
    // Spring 2027: clocks go forward on 28 March. Autumn 2026: back on 25 October.
    expect(localInstant('2027-03-27', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(localInstant('2027-03-28', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(localInstant('2026-10-24', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(localInstant('2026-10-25', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('writes days in the reader’s language', () => {
    expect(formatDay('2027-03-05', 'nl')).toBe('vrijdag 5 maart 2027');
    expect(formatDay('2027-03-05', 'en')).toBe('Friday 5 March 2027');
  });
});
