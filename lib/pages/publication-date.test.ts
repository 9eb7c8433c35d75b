import { describe, expect, it } from 'vitest';
import {
  hijriToGregorian,
  parseMachineDate,
  parseTextDate,
  publishedMs,
  westernDigits,
} from './publication-date.ts';

const NOW = Date.UTC(2026, 10, 30, 12);

describe('publication dates, read from what a page writes (issue 14)', () => {
  it('reads Arabic-Indic and Persian digits as 0-9', () => {
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42')).toBe('0123456789 0123456789 42');
  });

  it.each([
    ['2024-03-25', '2024-03-25'],
    ['20240325', '2024-03-25'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-25T10:15:00+03:00', '2024-03-25T07:15:00.000Z'],
    ['2024-03-25T10:15:00+0300', '2024-03-25T07:15:00.000Z'],
    ['2024-03-25 10:15:00', '2024-03-25T10:15:00.000Z'],
    ['٢٠٢٤-٠٣-٢٥T١٠:١٥:٠٠Z', '2024-03-25T10:15:00.000Z'],
    ['March 25, 2024', null],
    ['2027-01-01', null],
    ['1989-06-01', null],
  ])('machine date %s → %s', (value, expected) => {
    expect(parseMachineDate(value, NOW)).toBe(expected);
  });

  it.each([
    ['١٥ رمضان ١٤٤٥ هـ', '2024-03-25'],
    ['15 من رمضان 1445هـ', '2024-03-25'],
    ['1 محرم 1446', '2024-07-07'],
    ['١٠ ذو الحجة ١٤٤٤ هـ', '2023-06-28'],
    ['الاثنين 25 مارس 2024', '2024-03-25'],
    ['25 مارس/آذار 2024', '2024-03-25'],
    ['نُشر في ٢٥ أيار ٢٠٢٥', '2025-05-25'],
    ['2024/03/25', '2024-03-25'],
    ['25-03-2024', '2024-03-25'],
    ['الاثنين ٢٥ مارس ٢٠٢٤ الموافق ١٥ رمضان ١٤٤٥ هـ', '2024-03-25'],
    ['منذ ساعتين', null],
    ['30 مارس 2031', null],
    ['31 فبراير 2024', null],
  ])('written date «%s» → %s', (text, expected) => {
    expect(parseTextDate(text, NOW)).toBe(expected);
  });

  it('converts Hijri dates by the Umm al-Qura calendar, and refuses days it does not have', () => {
    expect(hijriToGregorian(1445, 9, 1)).toBe('2024-03-11');
    expect(hijriToGregorian(1445, 10, 1)).toBe('2024-04-10');
    expect(hijriToGregorian(1444, 10, 1)).toBe('2023-04-21'); // Eid al-Fitr, a Friday
    expect(hijriToGregorian(1445, 13, 1)).toBeNull();
    expect(hijriToGregorian(1445, 9, 31)).toBeNull();
  });

  it('turns a kept date into epoch ms: a day at its start (UTC), an instant as it is', () => {
    expect(publishedMs('2024-03-25')).toBe(Date.UTC(2024, 2, 25));
    expect(publishedMs('2024-03-25T07:15:00.000Z')).toBe(Date.UTC(2024, 2, 25, 7, 15));
    expect(publishedMs(null)).toBeUndefined();
    expect(publishedMs('soon')).toBeUndefined();
  });
});
