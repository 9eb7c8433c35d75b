import { Readability } from '@mozilla/readability';

/** What Rasid reports about a page's article. Plain JSON: it crosses the message boundary. */
export interface ArticleSummary {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO date string when the page states one. */
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  wordCount: number;
}

/** The article's text and summary: what later stages spot and anchor. */
export interface ExtractedArticle {
  summary: ArticleSummary;
  text: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** Words are whitespace-separated tokens holding at least one letter or digit («–» and «:» are not words). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (WORD.test(token)) count++;
  return count;
}

/** Whitespace folded to single spaces; null for nothing. */
export const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/gu, ' ').trim();
  return t ? t : null;
};

/** What Readability's result says of the article, with the page's own attributes as fallbacks. */
type ParsedArticle = Pick<
  NonNullable<ReturnType<Readability['parse']>>,
  'title' | 'byline' | 'siteName' | 'publishedTime' | 'lang' | 'dir' | 'excerpt' | 'textContent'
>;

export function summarize(parsed: ParsedArticle, doc: Document): ArticleSummary {
  return {
    title: clean(parsed.title) ?? clean(doc.title) ?? '',
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    publishedTime: clean(parsed.publishedTime),
    lang: clean(parsed.lang) ?? clean(doc.documentElement.getAttribute('lang')),
    dir: clean(parsed.dir) ?? clean(doc.documentElement.getAttribute('dir')),
    excerpt: clean(parsed.excerpt),
    wordCount: countWords(parsed.textContent ?? ''),
  };
}

/**
 * Runs Mozilla Readability on a clone of `doc` (Readability rewrites the DOM it is given; the page
 * must not notice) and summarises the article. Null when Readability finds no article.
 * Works with any DOM implementation: the browser's, linkedom's or happy-dom's.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  if (!parsed) return null;
  return { text: parsed.textContent ?? '', summary: summarize(parsed, doc) };
}
