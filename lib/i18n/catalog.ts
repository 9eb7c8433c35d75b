/**
 * Every user-facing string, in English and Arabic. The Arabic catalog must have every English key
 * (the type says so); plural strings follow `Intl.PluralRules`, which has six Arabic forms.
 * Strings for the manifest (name, description) live in `public/_locales`, where browsers read them.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type CatalogEntry = string | PluralForms;

export const en = {
  appName: 'Rasid',
  thisPage: 'This page',
  loading: 'Reading the page…',
  noArticle: 'No Arabic article found on this page yet.',
  by: 'By {byline}',
  site: 'Site',
  words: { one: '{n} word', other: '{n} words' },
  visits: { one: 'Read once', other: 'Read {n} times' },
  firstRead: 'First read {date}',
  error: 'Rasid could not reach its database: {message}',
} satisfies Record<string, CatalogEntry>;

export type MessageKey = keyof typeof en;

export const ar: Record<MessageKey, CatalogEntry> = {
  appName: 'راصد',
  thisPage: 'هذه الصفحة',
  loading: 'جارٍ قراءة الصفحة…',
  noArticle: 'لم يُعثر بعد على مقال عربي في هذه الصفحة.',
  by: 'بقلم {byline}',
  site: 'الموقع',
  words: {
    zero: 'لا كلمات',
    one: 'كلمة واحدة',
    two: 'كلمتان',
    few: '{n} كلمات',
    many: '{n} كلمة',
    other: '{n} كلمة',
  },
  visits: { one: 'قُرئت مرة واحدة', two: 'قُرئت مرتين', few: 'قُرئت {n} مرات', other: 'قُرئت {n} مرة' },
  firstRead: 'أول قراءة {date}',
  error: 'تعذّر على راصد الوصول إلى قاعدة بياناته: {message}',
};
