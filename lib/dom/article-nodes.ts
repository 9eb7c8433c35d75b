import { Readability } from '@mozilla/readability';
import { clean, summarize, type ArticleSummary } from './article-summary.ts';

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

// DOM constants by value: Node and NodeFilter are not globals in Node.js, where the CLI and the
// fixture tests run this module on linkedom.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;

/**
 * What Readability is given at most (issue #12: it runs synchronously, and a page 5,000 `<div>`s deep
 * blocked the tab for minutes). A page deeper or larger than this is not given to Readability, nor
 * cloned: it is read by the fallback, one walk of the body. Real articles sit well inside both
 * (news pages nest 20–60 levels and hold a few thousand elements; the 1 MB benchmark page ~5,000).
 */
export const READABILITY_LIMITS = { depth: 150, elements: 30_000 };

/**
 * An article shorter than this (in characters) is read whole: the body less boilerplate, not
 * Readability's pick. Readability's own threshold (500) is the same length, but its retry re-parses
 * the page from HTML, so that its result no longer maps to the live page, and an 86-word article was
 * read as its headline alone (issue #12). Readability is therefore asked never to retry
 * (`charThreshold: 1`), and the length is checked here.
 */
export const SHORT_ARTICLE = 500;

/**
 * Is a text node one Rasid may read? Whitespace-only nodes count: the space between
 * `<a>ريان</a> <span>ديلون</span>` is what keeps the two words apart.
 */
export function readable(node: Text): boolean {
  const parent = node.parentElement;
  return !!parent && !parent.closest(NEVER);
}

/**
 * Live text nodes under `root` that Rasid may read, in document order, except those under `skip`.
 * One walk that leaves out whole subtrees, each element matched once: a deep page costs its size, not
 * its size times its depth (`readable` on every node would climb every ancestor).
 */
export function textNodesUnder(root: Node, skip?: string): Text[] {
  const excluded = skip ? `${NEVER}, ${skip}` : NEVER;
  const start = root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (start?.closest(excluded)) return [];
  const nodes: Text[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    let enter = false;
    if (node.nodeType === TEXT_NODE) {
      if (node.parentElement) nodes.push(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) enter = !(node as Element).matches(excluded);
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return nodes;
}

/**
 * Which limit of `READABILITY_LIMITS` the document exceeds, if any: one walk of its elements that
 * stops as soon as it knows.
 */
export function overLimit(doc: Document, limits = READABILITY_LIMITS): 'depth' | 'elements' | null {
  const root = doc.documentElement;
  let el: Element | null = root;
  let depth = 0;
  let count = 0;
  while (el) {
    if (++count > limits.elements) return 'elements';
    const child: Element | null = el.firstElementChild;
    if (child) {
      if (++depth > limits.depth) return 'depth';
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return null;
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
 * The live text nodes of the page's article: the one article extractor, which the extension, the CLI
 * (`lib/article/read-document.ts`) and the page fixtures (`tests/extract-article.test.ts`) all run.
 *
 * Readability runs on a clone (it rewrites what it is given); before it does, each text node of the
 * clone is paired with its live twin, and Readability returns its article as an element
 * (`serializer: el => el`) whose text nodes are those same clone nodes, moved — so the article maps
 * back to the live page exactly, without comparing text. The headline is added.
 *
 * The fallback — the body less header, navigation, asides, footer and forms, in one walk — reads
 * a page without an article, an article shorter than `SHORT_ARTICLE` (read whole), and a page over
 * `READABILITY_LIMITS` (not given to Readability at all; no summary then). `wholePage`: the body.
 */
export function articleNodes(
  doc: Document,
  { wholePage = false, limits = READABILITY_LIMITS } = {},
): ArticleNodes {
  const body = doc.body;
  if (!body) return { nodes: [], summary: null, source: 'page' };
  const parsed = overLimit(doc, limits) ? null : readability(doc, limits);
  const summary: ArticleSummary | null = parsed && summarize(parsed.article, doc);
  if (wholePage) return { nodes: textNodesUnder(body), summary, source: 'page' };
  if (parsed && parsed.chars >= SHORT_ARTICLE) {
    const { nodes, order } = parsed;
    const heading = titleHeading(doc, summary?.title);
    if (heading) for (const node of textNodesUnder(heading)) if (!nodes.includes(node)) nodes.push(node);
    // Readability may reorder what it keeps; highlights and "next mention" follow the page's order.
    nodes.sort((a, b) => order.get(a)! - order.get(b)!);
    return { nodes, summary, source: 'readability' };
  }
  return { nodes: textNodesUnder(body, BOILERPLATE), summary, source: 'fallback' };
}

/**
 * Readability's article on a paired clone of `doc`: its live text nodes, their length in characters,
 * and every live text node's place in document order.
 */
function readability(doc: Document, limits: typeof READABILITY_LIMITS) {
  const clone = doc.cloneNode(true) as Document;
  const twin = new Map<Node, Text>();
  const order = new Map<Text, number>();
  const live = doc.createTreeWalker(doc, SHOW_TEXT);
  const copy = clone.createTreeWalker(clone, SHOW_TEXT);
  for (let l = live.nextNode(), c = copy.nextNode(); l && c; l = live.nextNode(), c = copy.nextNode()) {
    twin.set(c, l as Text);
    order.set(l as Text, order.size);
  }
  for (const ours of [...clone.querySelectorAll('[data-rasid-ui]')]) ours.remove();

  let article;
  try {
    article = new Readability<Node>(clone, {
      serializer: (el) => el,
      charThreshold: 1,
      // Checked above already; Readability's own check is the guard should the two counts ever differ.
      maxElemsToParse: limits.elements,
    }).parse();
  } catch {
    // Over maxElemsToParse: Readability throws rather than answer.
    return null;
  }
  if (!article) return null;
  const nodes: Text[] = [];
  let chars = 0;
  if (article.content) {
    const walker = clone.createTreeWalker(article.content, SHOW_TEXT);
    for (let c = walker.nextNode(); c; c = walker.nextNode()) {
      const node = twin.get(c);
      if (node && readable(node)) {
        nodes.push(node);
        chars += node.data.trim().length;
      }
    }
  }
  return { article, nodes, chars, order };
}
