import { articleNodes, type ArticleSource } from '../dom/article-nodes.ts';
import type { ArticleSummary } from '../dom/article-summary.ts';
import { joinTextNodes } from '../dom/text-blocks.ts';

export { countWords, type ArticleSummary } from '../dom/article-summary.ts';

/** The article's text and summary: what later stages spot and anchor. */
export interface ExtractedArticle {
  /** Null when Readability found no article (or the page was too large to give it). */
  summary: ArticleSummary | null;
  /** The article's text nodes as the extension reads them, a line break between blocks. */
  text: string;
  source: ArticleSource;
}

/**
 * The article of `doc` as text: what the extension reads (`articleNodes`, the one extractor), joined
 * as annotation selectors join it — a line break between paragraphs, headings and list items.
 * Works with any DOM implementation: the browser's, linkedom's or happy-dom's.
 */
export function extractArticle(doc: Document): ExtractedArticle {
  const { nodes, summary, source } = articleNodes(doc);
  return { summary, text: joinTextNodes(nodes, '\n').text, source };
}
