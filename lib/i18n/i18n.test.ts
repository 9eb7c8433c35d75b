import { describe, expect, it } from 'vitest';
import { ar, en } from './catalog.ts';
import { createTranslator, pickLanguage } from './i18n.ts';
import { pageAr, pageEn, type PageKey } from './page-catalog.ts';
import { translatorOf } from './translator.ts';

describe('pickLanguage', () => {
  it.each([
    [['ar-SY', 'en-US'], 'ar'],
    [['en-GB'], 'en'],
    [['fr-FR', 'ar'], 'ar'],
    [['fr-FR'], 'en'],
    [[undefined, 'ar_EG'], 'ar'],
    [[], 'en'],
  ] as const)('%j → %s', (candidates, expected) => {
    expect(pickLanguage(candidates)).toBe(expected);
  });
});

describe('catalogs', () => {
  it('have the same keys in Arabic and English', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });
  it('use the same placeholders in both languages', () => {
    const placeholders = (entry: unknown) => new Set(JSON.stringify(entry).match(/\{\w+\}/gu) ?? []);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = placeholders(en[key]);
      for (const p of placeholders(ar[key])) expect(english, `${key} ${p}`).toContain(p);
    }
  });
});

describe('createTranslator', () => {
  it('is right-to-left in Arabic and left-to-right in English', () => {
    expect(createTranslator('ar').dir).toBe('rtl');
    expect(createTranslator('en').dir).toBe('ltr');
  });
  it('fills placeholders', () => {
    expect(createTranslator('en').t('by', { byline: 'Kinan Sultan' })).toBe('By Kinan Sultan');
  });
  it.each([
    [1, 'كلمة واحدة'],
    [2, 'كلمتان'],
    [3, '3 كلمات'],
    [11, '11 كلمة'],
    [1200, '1,200 كلمة'],
  ])('selects the Arabic plural form for %i', (n, expected) => {
    expect(createTranslator('ar').t('words', { n })).toBe(expected);
  });
  it('selects the English plural form', () => {
    expect(createTranslator('en').t('words', { n: 1 })).toBe('1 word');
    expect(createTranslator('en').t('words', { n: 1200 })).toBe('1,200 words');
  });
});

describe('subtype names', () => {
  it('name every subtype of the lexicon schema in both languages', async () => {
    const { ACTOR_SUBTYPES, PLACE_SUBTYPES } = await import('../lexicon/schema.ts');
    const { SUBTYPE_KEYS } = await import('./subtypes.ts');
    expect([...SUBTYPE_KEYS].sort()).toEqual([...ACTOR_SUBTYPES, ...PLACE_SUBTYPES].sort());
  });
});

describe('the strings shown inside web pages (page-catalog.ts)', () => {
  it('read as the extension pages read them, in both languages', () => {
    // Every placeholder the page's strings have, and a plural.
    const values = { n: 2, name: 'سمير', spelling: 'قسد', date: '١ آذار', index: 1, count: 2 };
    for (const lang of ['ar', 'en'] as const) {
      const page = translatorOf(lang, { en: pageEn, ar: pageAr });
      const all = createTranslator(lang);
      for (const key of Object.keys(pageEn) as PageKey[])
        expect(page.t(key, values), key).toBe(all.t(key, values));
      expect(Object.keys(pageAr).sort()).toEqual(Object.keys(pageEn).sort());
    }
  });
});
