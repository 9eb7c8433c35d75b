/**
 * The shipped lexicon's file (`/lexicon.json`, lib/lexicon/shipped-lexicon.ts). The background spots
 * pages' names with it (`lexicon/spot`); a page fetches it only when the reader begins to select text,
 * for the annotation toolbar's links (issue #16: the file is a megabyte, and on the page its decoding
 * came before the first highlight).
 */
export const SHIPPED_LEXICON_PATH = '/lexicon.json';

/** Fetches and parses the file. */
export async function fetchShippedLexicon(getURL: (path: string) => string): Promise<unknown> {
  const response = await fetch(getURL(SHIPPED_LEXICON_PATH));
  if (!response.ok) throw new Error(`${SHIPPED_LEXICON_PATH}: ${response.status}`);
  return JSON.parse(await response.text()) as unknown;
}
