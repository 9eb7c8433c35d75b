import type { Readability } from '@mozilla/readability';
import type { ArticleSummary } from '../model/article.ts';
import { withoutBidiControls } from '../arabic/bidi.ts';
import { publishedDate } from './published-date.ts';

export type { ArticleSummary };

const WORD = /[\p{L}\p{N}]/u;

/** Words are whitespace-separated tokens holding at least one letter or digit («–» and «:» are not words). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (WORD.test(token)) count++;
  return count;
}

/** Whitespace folded to single spaces; null for nothing. */
export const clean = (s: string | null | undefined): string | null => {
  const t = s && withoutBidiControls(s).replace(/\s+/gu, ' ').trim();
  return t ? t : null;
};

/** What Readability's result says of the article, with the page's own attributes as fallbacks. */
export type ParsedArticle = Pick<
  NonNullable<ReturnType<Readability['parse']>>,
  'title' | 'byline' | 'siteName' | 'publishedTime' | 'lang' | 'dir' | 'excerpt' | 'textContent'
>;

export function summarize(parsed: ParsedArticle, doc: Document): ArticleSummary {
  return summaryOf(parsed, countWords(parsed.textContent ?? ''), doc);
}

/**
 * The summary from Readability's fields and the article's word count, counted where it ran. `now`:
 * what "in the future" means for the publication date (a date after it is not believed).
 */
export function summaryOf(
  parsed: Omit<ParsedArticle, 'textContent'>,
  wordCount: number,
  doc: Document,
  now = Date.now(),
): ArticleSummary {
  return {
    title: clean(parsed.title) ?? clean(doc.title) ?? '',
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    // Normalised (a day or an ISO instant), from Readability or, failing it, the page (issue 14).
    publishedTime: publishedDate(doc, clean(parsed.publishedTime), now),
    lang: clean(parsed.lang) ?? clean(doc.documentElement.getAttribute('lang')),
    dir: clean(parsed.dir) ?? clean(doc.documentElement.getAttribute('dir')),
    excerpt: clean(parsed.excerpt),
    wordCount,
  };
}
