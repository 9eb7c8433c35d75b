import { isStopword } from './stopwords.ts';

/** The most words a spelling of a name has («جبهة تحرير الشام», «أبو محمد الجولاني»): more is a phrase. */
export const MAX_NAME_WORDS = 4;
/** The longest spelling offered (characters). */
export const MAX_NAME_CHARS = 60;

/**
 * Does a selection look like a name, to be offered as a spelling of one (issue 15 §3)? A few words, no
 * sentence punctuation, at least three letters, and not a function word («في», «من»). A sentence, a
 * clause, a quotation are not: adding one as a spelling would highlight nothing but that sentence.
 */
export function looksLikeName(text: string): boolean {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (!clean || clean.length > MAX_NAME_CHARS) return false;
  // Commas (Arabic too), semicolons, colons, question and exclamation marks, quotes, brackets, and a
  // full stop that ends a sentence (not the dots of an abbreviation).
  if (/[،,؛;:!?؟«»"“”()[\]{}]|\.(?:\s|$)/u.test(clean)) return false;
  if (clean.split(' ').length > MAX_NAME_WORDS) return false;
  if (clean.replace(/[^\p{L}]/gu, '').length < 3) return false;
  return !isStopword(clean);
}
