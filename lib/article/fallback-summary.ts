import type { ArticleSummary } from '../model/article.ts';

/**
 * What a page is, when Readability found no article in it: its title, language and direction, as the
 * page declares them, and nothing else (no byline, no word count) — the panel shows it as it is.
 */
export function fallbackSummary(doc: Document): ArticleSummary {
  const root = doc.documentElement;
  return {
    title: doc.title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: root.getAttribute('lang'),
    dir: root.getAttribute('dir'),
    excerpt: null,
    wordCount: 0,
  };
}
