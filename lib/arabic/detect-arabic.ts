/**
 * Is this an Arabic page? The content script asks before doing anything, so the answer must be
 * cheap: the `lang` attribute, else the share of Arabic letters in a sample of the body text.
 */

/**
 * Arabic-script letters: the Arabic block, its supplements and presentation forms. Digits and marks
 * are not letters. `ANY_ARABIC_LETTER` below, written as comparisons (issue #16: the loader runs this
 * on every page).
 */
function isArabicLetter(c: number): boolean {
  if (c < 0x0620) return false;
  if (c <= 0x08c9)
    return (
      c <= 0x064a ||
      (c >= 0x066e && c <= 0x066f) ||
      (c >= 0x0671 && c <= 0x06d3) ||
      c === 0x06d5 ||
      (c >= 0x06ee && c <= 0x06ef) ||
      (c >= 0x06fa && c <= 0x06fc) ||
      c === 0x06ff ||
      (c >= 0x0750 && c <= 0x077f) ||
      c >= 0x08a0
    );
  return (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc);
}

/** The same letters as a regular expression. */
const ANY_ARABIC_LETTER =
  /[\u0620-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]/;

/** `\p{L}`, made only for a letter outside ASCII, Latin-1 and Arabic: compiling it costs a page milliseconds. */
let anyLetter: RegExp | null = null;

/** Is the code point at `text[i]` a letter (`\p{L}`)? */
function isLetterAt(text: string, c: number, i: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c < 0x100) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  anyLetter ??= /\p{L}/u;
  return anyLetter.test(String.fromCodePoint(text.codePointAt(i)!));
}

export interface LetterShare {
  arabic: number;
  letters: number;
}

/** How many of the letters (code points) in `text` are Arabic-script letters. */
export function arabicLetterShare(text: string): LetterShare {
  let arabic = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Most of a page that is not Arabic is ASCII: counted here, with no call (the loader's code is cold).
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
      continue;
    }
    if (isArabicLetter(c)) {
      arabic++;
      letters++;
    } else if (isLetterAt(text, c, i)) letters++;
    // A surrogate pair is one code point.
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
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
  // Most pages hold no Arabic letter at all: one pass of the regular expression engine tells, where
  // counting letters is a loop of this script's own, cold on every page.
  if (!ANY_ARABIC_LETTER.test(sample)) return false;
  const { arabic, letters } = arabicLetterShare(sample);
  if (letters < MIN_LETTERS) return false;
  const share = arabic / letters;
  if (share > 0.5) return true;
  return dir?.trim().toLowerCase() === 'rtl' && share >= 1 / 3;
}
