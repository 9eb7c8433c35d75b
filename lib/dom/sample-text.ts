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
