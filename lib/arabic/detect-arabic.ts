/**
 * Is this an Arabic page? The content script asks before doing anything, so the answer must be
 * cheap: the `lang` attribute, else the share of Arabic letters in a sample of the body text.
 */

/** Arabic-script letters: the Arabic block, its supplements and presentation forms. Digits and marks are not letters. */
const ARABIC_LETTER =
  /[\u0620-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]/u;
const ANY_LETTER = /\p{L}/u;

export interface LetterShare {
  arabic: number;
  letters: number;
}

/** How many of the letters in `text` are Arabic-script letters. */
export function arabicLetterShare(text: string): LetterShare {
  let arabic = 0;
  let letters = 0;
  for (const ch of text) {
    if (ARABIC_LETTER.test(ch)) {
      arabic++;
      letters++;
    } else if (ANY_LETTER.test(ch)) {
      letters++;
    }
  }
  return { arabic, letters };
}

export interface PageLanguageHints {
  /** The `lang` attribute of `<html>` (or `<body>`), if any. */
  lang: string | null;
  /** The `dir` attribute of `<html>` (or `<body>`), if any. */
  dir: string | null;
  /** Up to a few thousand characters of the page's visible text. */
  sample: string;
}

/** Letters needed before the letter share says anything: a near-empty page is not Arabic. */
const MIN_LETTERS = 40;

/**
 * Arabic when the page says so (`lang="ar…"`), when most of its letters are Arabic, or when it is
 * right-to-left and at least a third of its letters are Arabic (Arabic pages with much Latin text).
 * A page mislabelled `lang="en"` by its template but written in Arabic still counts: the letters decide.
 */
export function isArabicPage({ lang, dir, sample }: PageLanguageHints): boolean {
  if (lang && /^ar(?:-|$)/i.test(lang.trim())) return true;
  const { arabic, letters } = arabicLetterShare(sample);
  if (letters < MIN_LETTERS) return false;
  const share = arabic / letters;
  if (share > 0.5) return true;
  return dir?.trim().toLowerCase() === 'rtl' && share >= 1 / 3;
}
