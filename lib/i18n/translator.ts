/**
 * Translation over a catalogue given: what every surface shares, without the strings themselves. The
 * extension's pages take the whole catalogue (`createTranslator`, `i18n.ts`); the reader in a web page
 * only the strings it shows there (`page-catalog.ts`; issue #16).
 */

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type CatalogEntry = string | PluralForms;

/** A catalogue in both languages; the Arabic one must have every English key (the type says so). */
export interface Catalogs<K extends string> {
  en: Record<K, CatalogEntry>;
  ar: Record<K, CatalogEntry>;
}

export type Language = 'ar' | 'en';
export type Direction = 'rtl' | 'ltr';

/** The first of the browser's languages that Rasid speaks; English otherwise. */
export function pickLanguage(candidates: readonly (string | undefined)[]): Language {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/u)[0];
    if (base === 'ar' || base === 'en') return base;
  }
  return 'en';
}

/** A translator of the keys `K`. */
export interface Translator<K extends string> {
  lang: Language;
  dir: Direction;
  /**
   * The string for `key`, with `{name}` placeholders filled; `n` also selects the plural form. A
   * property, not a method, so that its key is checked both ways: a translator of the page's strings
   * is no translator of the extension pages'.
   */
  t: (key: K, values?: Record<string, string | number>) => string;
  /** Numbers are written with Latin digits in both languages, as most Syrian news sites do online. */
  formatNumber(n: number): string;
  formatDate(epochMs: number): string;
  /**
   * A calendar day kept as its first millisecond in UTC — a publication date (issue 14), which pages
   * give as a day — shown as that day wherever the reader is.
   */
  formatDay(epochMs: number): string;
}

/** A translator over `catalogs` in `lang`. */
export function translatorOf<K extends string>(lang: Language, catalogs: Catalogs<K>): Translator<K> {
  const catalog = catalogs[lang];
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : 'en';
  // Made when first needed: creating them costs tens of milliseconds on a cold page (issue #16), and
  // most pages never show a number or a date.
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  let dates: Intl.DateTimeFormat | undefined;
  let days: Intl.DateTimeFormat | undefined;
  const formatNumber = (n: number) => (numbers ??= new Intl.NumberFormat(locale)).format(n);

  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    formatNumber,
    formatDate: (ms) => (dates ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(ms),
    formatDay: (ms) =>
      (days ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(ms),
    t(key, values = {}) {
      const entry = catalog[key];
      const n = values['n'];
      const template =
        typeof entry === 'string'
          ? entry
          : typeof n === 'number'
            ? (entry[(plurals ??= new Intl.PluralRules(locale)).select(n)] ?? entry.other)
            : entry.other;
      return template.replace(/\{(\w+)\}/gu, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? formatNumber(value) : value;
      });
    },
  };
}
