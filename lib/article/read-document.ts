import { extractArticle } from './extract-article.ts';
import { parseHtmlDocument } from '../dom/parse-html.ts';
import { err, ok, type Result } from '../model/result.ts';

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

/**
 * The text Rasid spots in an HTML page, exactly as the extension reads it (`extractArticle`, over the
 * extension's own extractor): the headline and the article, or the page's text when it has no article
 * (or a short one); a line break between blocks.
 */
export function htmlArticleText(html: string, url?: string): string {
  return extractArticle(parseHtmlDocument(html, url)).text;
}
