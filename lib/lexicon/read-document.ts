import { extractArticle } from '../article/extract-article.ts';
import { titleHeading } from '../dom/article-nodes.ts';
import { parseHtmlDocument } from '../dom/parse-html.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Decodes a file's bytes: UTF-16 when it says so with a byte-order mark, else UTF-8, strictly — a
 * file in another encoding (Windows-1256, say) is refused rather than spotted as mojibake.
 * A UTF-8 byte-order mark is dropped; offsets count from the first character after it.
 */
export function decodeText(bytes: Uint8Array): Result<string> {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return ok(new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return ok(new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)));
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return err('unreadable encoding: not UTF-8 (save it as UTF-8)');
  }
}

/** Elements that are not the article when Readability finds none. */
const BOILERPLATE = 'script, style, noscript, template, header, nav, aside, footer, form';

/**
 * The text Rasid spots in an HTML page, as the extension reads it: the headline (when the page has
 * one) and Readability's article, a blank line apart; or, when Readability finds no article, the
 * body without header, navigation, asides, footer and forms.
 */
export function htmlArticleText(html: string, url?: string): string {
  const doc = parseHtmlDocument(html, url);
  const article = extractArticle(doc);
  if (article) {
    const heading = titleHeading(doc, article.summary.title);
    return heading ? `${heading.textContent?.trim()}\n\n${article.text}` : article.text;
  }
  for (const el of [...doc.querySelectorAll(BOILERPLATE)]) el.remove();
  return doc.body?.textContent ?? '';
}
