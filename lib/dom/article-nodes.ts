import { Readability } from '@mozilla/readability';
import { clean, summarize, type ArticleSummary } from '../article/extract-article.ts';

/** Where the text Rasid reads came from. */
export type ArticleSource = 'readability' | 'fallback' | 'page';

export interface ArticleNodes {
  /** The live text nodes of the article, in document order. */
  nodes: Text[];
  summary: ArticleSummary | null;
  source: ArticleSource;
}

/** Elements whose text is never read or highlighted: code, form fields, editors, our own UI. */
const NEVER =
  'script, style, noscript, template, textarea, select, option, input, button, svg, math, [contenteditable=""], [contenteditable="true"], [data-rasid-ui]';
/** Boilerplate left out when Readability finds no article. */
const BOILERPLATE =
  'header, nav, aside, footer, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

/**
 * Is a text node one Rasid may read? Whitespace-only nodes count: the space between
 * `<a>ريان</a> <span>ديلون</span>` is what keeps the two words apart.
 */
export function readable(node: Text): boolean {
  const parent = node.parentElement;
  return !!parent && !parent.closest(NEVER);
}

/** Live text nodes under `root` that Rasid may read, in document order, except those under `skip`. */
export function textNodesUnder(root: Node, skip?: string): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null)
    if (readable(n) && !(skip && n.parentElement?.closest(skip))) nodes.push(n);
  return nodes;
}

/**
 * The page's headline element for an article titled `title`: Readability reports the title apart
 * and drops its heading from the content, but the headline is part of what the reader reads.
 */
export function titleHeading(doc: Document, title: string | null | undefined): Element | null {
  const wanted = clean(title);
  if (!wanted) return null;
  for (const h of doc.querySelectorAll('h1, h2'))
    if (clean(h.textContent) === wanted && !h.closest(NEVER)) return h;
  return null;
}

/**
 * The live text nodes of the page's article. Readability runs on a clone (it rewrites what it is
 * given); before it does, each text node of the clone is paired with its live twin, and Readability
 * returns its article as an element (`serializer: el => el`) whose text nodes are those same clone
 * nodes, moved — so the article maps back to the live page exactly, without comparing text.
 * Without an article: the body less header, navigation, asides and footer. `wholePage`: the body.
 */
export function articleNodes(doc: Document, { wholePage = false } = {}): ArticleNodes {
  const body = doc.body;
  if (!body) return { nodes: [], summary: null, source: 'page' };
  const clone = doc.cloneNode(true) as Document;
  const twin = new Map<Node, Text>();
  const live = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const copy = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  for (let l = live.nextNode(), c = copy.nextNode(); l && c; l = live.nextNode(), c = copy.nextNode())
    twin.set(c, l as Text);
  for (const ours of [...clone.querySelectorAll('[data-rasid-ui]')]) ours.remove();

  const parsed = new Readability<Node>(clone, { serializer: (el) => el }).parse();
  const summary: ArticleSummary | null = parsed && summarize(parsed, doc);
  if (wholePage) return { nodes: textNodesUnder(body), summary, source: 'page' };
  if (parsed?.content) {
    const nodes: Text[] = [];
    const walker = clone.createTreeWalker(parsed.content, NodeFilter.SHOW_TEXT);
    for (let c = walker.nextNode(); c; c = walker.nextNode()) {
      const node = twin.get(c);
      if (node?.isConnected && readable(node)) nodes.push(node);
    }
    const heading = titleHeading(doc, summary?.title);
    if (heading) for (const node of textNodesUnder(heading)) if (!nodes.includes(node)) nodes.push(node);
    if (nodes.length) return { nodes: sortInDocumentOrder(nodes), summary, source: 'readability' };
  }
  return { nodes: textNodesUnder(body, BOILERPLATE), summary, source: 'fallback' };
}

/** Readability may reorder what it keeps; highlights and "next mention" follow the page's order. */
function sortInDocumentOrder(nodes: Text[]): Text[] {
  return nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
