import { isArabicPage } from '../arabic/detect-arabic.ts';

/** Elements whose text is not page prose. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'CODE', 'PRE']);

/**
 * Up to `limit` characters of the text under `root`, in document order, skipping scripts and styles.
 * Cheap (no layout, unlike `innerText`): the content script calls it on every page to decide whether
 * the page is Arabic.
 */
export function sampleText(root: Node | null, limit: number): string {
  if (!root) return '';
  const doc = root.ownerDocument ?? (root as Document);
  // No filter: a filter is a call from the browser into this script for every text node.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && SKIP.has(parent.tagName.toUpperCase())) continue;
    const text = node.nodeValue ?? '';
    if (!text.trim()) continue;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, limit);
}

/** Characters of body text sampled to tell an Arabic page: enough to be sure, cheap on any page. */
const SAMPLE_CHARS = 4000;

/**
 * Is `doc` an Arabic page (its lang and dir, and its text's Arabic letters)? What the loader asks of
 * every page, and the reader of a page of a site it starts on by itself (issue #16).
 */
export function pageLooksArabic(doc: Document): boolean {
  const { documentElement: html, body } = doc as { documentElement: HTMLElement; body: HTMLElement | null };
  return isArabicPage({
    lang: html.getAttribute('lang') || body?.getAttribute('lang') || null,
    dir: html.getAttribute('dir') || body?.getAttribute('dir') || null,
    sample: sampleText(body, SAMPLE_CHARS),
  });
}
