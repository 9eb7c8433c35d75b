import { arabicLetterShare } from '../arabic/detect-arabic.ts';

/** The W3C `language` and `textDirection` of an exported note, so that other tools show it the right way round. */
export interface TextLanguage {
  /** Absent when the text has no letters to judge by (digits, punctuation). */
  language?: 'ar' | 'en';
  textDirection: 'rtl' | 'ltr' | 'auto';
}

/**
 * Arabic and right-to-left when Arabic letters are most of the letters; otherwise English and
 * left-to-right — Rasid's readers write in one or the other, and a Latin-script note in another
 * language still reads left to right. A note without letters makes no claim: `auto`.
 */
export function textLanguage(text: string): TextLanguage {
  const { arabic, letters } = arabicLetterShare(text);
  if (!letters) return { textDirection: 'auto' };
  return arabic * 2 > letters
    ? { language: 'ar', textDirection: 'rtl' }
    : { language: 'en', textDirection: 'ltr' };
}
