import type { ArticleSummary } from '../model/article.ts';
import { publishedDate } from '../dom/published-date.ts';

/**
 * What a page is, when Readability found no article in it: its title, language and direction, as the
 * page declares them, its publication date where it gives one, and nothing else (no byline, no word count) — the panel shows it as it is.
 */
export function fallbackSummary(doc: Document, now = Date.now()): ArticleSummary {
  const root = doc.documentElement;
  return {
    title: doc.title,
    byline: null,
    siteName: null,
    publishedTime: publishedDate(doc, null, now),
    lang: root.getAttribute('lang'),
    dir: root.getAttribute('dir'),
    excerpt: null,
    wordCount: 0,
  };
}
