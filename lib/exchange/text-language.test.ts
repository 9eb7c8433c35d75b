import { describe, expect, it } from 'vitest';
import { textLanguage } from './text-language.ts';

describe('textLanguage', () => {
  it('calls an Arabic note Arabic, right to left', () =>
    expect(textLanguage('قصف على ريف حلب')).toEqual({ language: 'ar', textDirection: 'rtl' }));

  it('calls an English note English, left to right', () =>
    expect(textLanguage('Shelling near Aleppo')).toEqual({ language: 'en', textDirection: 'ltr' }));

  it('lets the majority of letters decide a mixed note', () => {
    expect(textLanguage('قوات سوريا الديمقراطية SDF')).toMatchObject({ language: 'ar' });
    expect(textLanguage('The SDF (قسد) took the dam')).toMatchObject({ language: 'en' });
  });

  it('makes no claim for a note without letters', () =>
    expect(textLanguage('١٢ / 2024 — 15:30')).toEqual({ textDirection: 'auto' }));
});
