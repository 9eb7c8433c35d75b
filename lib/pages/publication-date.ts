import { fold } from '../arabic/normalize.ts';

/**
 * An article's publication date, from what a page says of it (issue 14): an ISO value of a meta tag,
 * JSON-LD or `<time datetime>`, or a date written out in Arabic — Gregorian («١٥ آذار ٢٠٢٤») or Hijri
 * («١٥ رمضان ١٤٤٥ هـ», converted with the Umm al-Qura calendar). Digits may be Arabic-Indic or Persian.
 * Kept apart from the reading date; a date in the future or before 1990 is not believed.
 */

/** The earliest publication date believed: older pages are rare, and such a date is likely a mistake. */
export const EARLIEST_PUBLISHED = Date.UTC(1990, 0, 1);
/** A day's slack for the future: the page's time zone may be ahead of the reader's clock. */
const SLACK = 86_400_000;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as 0-9; nothing else changes. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** A date as Rasid keeps it: `YYYY-MM-DD` when only the day is known, else the instant (ISO, UTC). */
export type PublishedDate = string;

/** Epoch ms of a kept publication date (the start of its day, UTC, for a day), or undefined. */
export function publishedMs(value: PublishedDate | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/u.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

const plausible = (ms: number, now: number) => ms >= EARLIEST_PUBLISHED && ms <= now + SLACK;

/** A valid calendar day as `YYYY-MM-DD`, or null (31 February is not a day). */
function isoDay(year: number, month: number, day: number): string | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const ISO_COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/iu;

/**
 * A machine-readable date (a meta tag's `content`, JSON-LD's `datePublished`, `<time datetime>`):
 * a day, or a timestamp with or without its offset (a timestamp without one is read as UTC).
 */
export function parseMachineDate(value: string, now: number): PublishedDate | null {
  const text = westernDigits(value).trim();
  const day = ISO_DATE.exec(text) ?? ISO_COMPACT.exec(text);
  if (day) {
    const iso = isoDay(Number(day[1]), Number(day[2]), Number(day[3]));
    return iso && plausible(Date.parse(`${iso}T00:00:00Z`), now) ? iso : null;
  }
  if (!ISO_TIME.test(text)) return null;
  const withZone = /(?:z|[+-]\d{2}:?\d{2})$/iu.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  const ms = Date.parse(withZone.replace(' ', 'T'));
  return Number.isNaN(ms) || !plausible(ms, now) ? null : new Date(ms).toISOString();
}

/** Gregorian months as Arabic pages write them: the Egyptian and Maghrebi names, the Levantine ones. */
const GREGORIAN_MONTHS: readonly (readonly string[])[] = [
  ['يناير', 'كانون الثاني', 'جانفي'],
  ['فبراير', 'شباط', 'فيفري'],
  ['مارس', 'آذار'],
  ['أبريل', 'إبريل', 'نيسان', 'أفريل'],
  ['مايو', 'أيار', 'ماي'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['يوليو', 'يوليه', 'تموز', 'جويلية'],
  ['أغسطس', 'آب', 'أوت'],
  ['سبتمبر', 'أيلول'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول'],
];

/** The Hijri months, with the spellings pages use for the ambiguous ones. */
const HIJRI_MONTHS: readonly (readonly string[])[] = [
  ['محرم', 'المحرم'],
  ['صفر'],
  ['ربيع الأول', 'ربيع أول'],
  ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني'],
  ['جمادى الأولى', 'جمادى الأول'],
  ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  ['ذو القعدة', 'ذي القعدة'],
  ['ذو الحجة', 'ذي الحجة'],
];

/** Folded month name → month number (1-12), longest names first so «ربيع الآخر» beats nothing shorter. */
function monthTable(months: readonly (readonly string[])[]): [string, number][] {
  return months
    .flatMap((names, i) => names.map((n): [string, number] => [fold(n), i + 1]))
    .sort((a, b) => b[0].length - a[0].length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternation = (table: [string, number][]) => table.map(([n]) => escape(n)).join('|');

interface TextPatterns {
  gregorian: [string, number][];
  hijri: [string, number][];
  /** «١٥ رمضان ١٤٤٥ هـ», «15 من رمضان 1445هـ»: the era mark (هـ, folded to ه) is optional. */
  hijriText: RegExp;
  /** «١٥ آذار ٢٠٢٤», «15 مارس/آذار 2024»: day, month (optionally both names), year. */
  gregorianText: RegExp;
}

let patterns: TextPatterns | undefined;

/** The month tables and patterns, made on first use: most pages give a date a meta tag says. */
function textPatterns(): TextPatterns {
  if (patterns) return patterns;
  const gregorian = monthTable(GREGORIAN_MONTHS);
  const hijri = monthTable(HIJRI_MONTHS);
  patterns = {
    gregorian,
    hijri,
    hijriText: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})\\s+(?:من\\s+)?(${alternation(hijri)})\\s*،?\\s*(\\d{4})\\s*(?:ه(?![\\p{L}])|هجري)?`,
      'u',
    ),
    gregorianText: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})\\s+(?:(?:${alternation(gregorian)})\\s*[/\\-(]\\s*)?(${alternation(gregorian)})\\s*\\)?\\s*،?\\s*(\\d{4})(?!\\d)`,
      'u',
    ),
  };
  return patterns;
}

// «2024/03/25», «25/03/2024», «25-3-2024»: numeric dates with a four-digit year at either end.
const NUMERIC_YMD = /(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/u;
const NUMERIC_DMY = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/u;

const monthOf = (table: [string, number][], name: string) => table.find(([n]) => n === name)?.[1];

/**
 * A date written in a page's text, where it says when the article was published: «١٥ رمضان ١٤٤٥ هـ»,
 * «الإثنين 25 مارس 2024», «2024/03/25» or «25/03/2024» (day first, as Arabic pages write it). When a
 * text gives both calendars, the Gregorian date wins: it needs no conversion.
 */
export function parseTextDate(text: string, now: number): PublishedDate | null {
  const folded = fold(text);
  const months = textPatterns();
  const gregorian = months.gregorianText.exec(folded);
  if (gregorian) {
    const day = isoDay(Number(gregorian[3]), monthOf(months.gregorian, gregorian[2]!)!, Number(gregorian[1]));
    if (day && plausible(Date.parse(`${day}T00:00:00Z`), now)) return day;
  }
  const hijri = months.hijriText.exec(folded);
  if (hijri) {
    const day = hijriToGregorian(Number(hijri[3]), monthOf(months.hijri, hijri[2]!)!, Number(hijri[1]));
    if (day && plausible(Date.parse(`${day}T00:00:00Z`), now)) return day;
  }
  for (const [m, y, mo, d] of [
    [NUMERIC_YMD.exec(folded), 1, 2, 3],
    [NUMERIC_DMY.exec(folded), 3, 2, 1],
  ] as const) {
    if (!m) continue;
    const day = isoDay(Number(m[y]), Number(m[mo]), Number(m[d]));
    if (day && plausible(Date.parse(`${day}T00:00:00Z`), now)) return day;
  }
  return null;
}

let umalqura: Intl.DateTimeFormat | null | undefined;

/** The Umm al-Qura calendar's year, month and day of a UTC day, or null without the calendar. */
function hijriOf(ms: number): [number, number, number] | null {
  if (umalqura === undefined) {
    try {
      umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      // An engine without the calendar falls back to the Gregorian one silently: check it.
      if (umalqura.resolvedOptions().calendar !== 'islamic-umalqura') umalqura = null;
    } catch {
      umalqura = null;
    }
  }
  if (!umalqura) return null;
  const parts = umalqura.formatToParts(ms);
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return [part('year'), part('month'), part('day')];
}

/**
 * The Gregorian day (`YYYY-MM-DD`) of a Hijri date, by the Umm al-Qura calendar (Saudi Arabia's,
 * which `Intl` knows): the arithmetic (tabular) calendar gives a day at most two or three off, and the
 * days around it are asked of `Intl` until one answers with the same Hijri date. Null for a date the
 * calendar does not have (30 Safar in a 29-day year) or without `Intl`'s calendar.
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1) return null;
  // Days from the tabular calendar's epoch (16 July 622, Julian) — Reingold & Dershowitz, "Calendrical
  // Calculations", the arithmetic Islamic calendar.
  const days =
    (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 29 * (month - 1) + Math.floor(month / 2) + day - 1;
  const epoch = Date.UTC(622, 6, 19); // 16 July 622 Julian is 19 July 622 proleptic Gregorian.
  const estimate = epoch + days * 86_400_000;
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = estimate + offset * 86_400_000;
    const hijri = hijriOf(ms);
    if (!hijri) return null;
    if (hijri[0] === year && hijri[1] === month && hijri[2] === day)
      return new Date(ms).toISOString().slice(0, 10);
  }
  return null;
}
