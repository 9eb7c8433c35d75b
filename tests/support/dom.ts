import { textNodesUnder } from '../../lib/dom/article-nodes.ts';

/** A range over the first occurrence of `text` within one text node under `root`. */
export function rangeOfText(root: Node, text: string): Range {
  const doc = root.ownerDocument ?? (root as Document);
  for (const node of textNodesUnder(root)) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`no “${text}” under the node`);
}

/** The text a range covers (a `StaticRange` has no `toString`). */
export function textOf(range: AbstractRange): string {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

/** Puts a page in happy-dom's document: parsed, never written as markup into a live page. */
export function loadPage(html: string, doc: Document = document): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const { name, value } of [...parsed.documentElement.attributes])
    doc.documentElement.setAttribute(name, value);
  doc.head.replaceWith(doc.importNode(parsed.head, true));
  doc.body.replaceWith(doc.importNode(parsed.body, true));
}
