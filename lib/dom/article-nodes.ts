import { Readability } from '@mozilla/readability';
import {
  clean,
  countWords,
  summarize,
  summaryOf,
  type ArticleSummary,
  type ParsedArticle,
} from './article-summary.ts';

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
 * `readable` for many nodes of one page, each element matched once (`closest` on every node climbs
 * every ancestor: 20–60 ms for the 6,500 text nodes of a 1 MB article, issue #16).
 */
export function readableTester(): (node: Text) => boolean {
  /** Element → is it, or an ancestor, one Rasid never reads. */
  const never = new Map<Element, boolean>();
  return (node) => {
    const parent = node.parentElement;
    if (!parent) return false;
    const climbed: Element[] = [];
    let verdict = false;
    for (let el: Element | null = parent; el; el = el.parentElement) {
      const known = never.get(el);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      climbed.push(el);
      if (el.matches(NEVER)) {
        verdict = true;
        break;
      }
    }
    for (const el of climbed) never.set(el, verdict);
    return !verdict;
  };
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
  return articleFrom(doc, parsed && { ...parsed, summary }, { wholePage });
}

/** What Readability picked, as live text nodes, before the headline and the fallback are decided. */
interface Picked {
  /** The article's live text nodes that Rasid may read. */
  nodes: Text[];
  /** Their length in characters, trimmed. */
  chars: number;
  /** A live text node's place in document order (when Readability ran); past the end for one it never saw. */
  placeOf: (node: Text) => number;
  summary: ArticleSummary | null;
}

/** The article of `doc` from Readability's pick (null: none): the headline added, or the fallback. */
function articleFrom(doc: Document, picked: Picked | null, { wholePage = false } = {}): ArticleNodes {
  const body = doc.body;
  if (!body) return { nodes: [], summary: null, source: 'page' };
  const summary = picked?.summary ?? null;
  if (wholePage) return { nodes: textNodesUnder(body), summary, source: 'page' };
  if (picked && picked.chars >= SHORT_ARTICLE) {
    const { nodes, placeOf } = picked;
    const heading = titleHeading(doc, summary?.title);
    if (heading) for (const node of textNodesUnder(heading)) if (!nodes.includes(node)) nodes.push(node);
    // Readability may reorder what it keeps; highlights and "next mention" follow the page's order. (A
    // node the page added since a snapshot was taken goes last.)
    nodes.sort((a, b) => placeOf(a) - placeOf(b));
    return { nodes, summary, source: 'readability' };
  }
  return { nodes: textNodesUnder(body, BOILERPLATE), summary, source: 'fallback' };
}

/** `node`'s index in `texts`, or past the end (a node the snapshot never saw). */
function placeIn(texts: readonly Text[], node: Text): number {
  const i = texts.indexOf(node);
  return i < 0 ? texts.length : i;
}

/**
 * What Readability finds in a document built from a page's snapshot (`lib/dom/page-snapshot.ts`), by
 * the index of its text nodes (`texts`): the background's half of reading a page off its main thread
 * (issue #16). The document is Readability's to rewrite. Null when Readability finds nothing.
 */
export interface ArticleIndices {
  indices: number[];
  parsed: Omit<ParsedArticle, 'textContent'>;
  wordCount: number;
}

export function readabilityIndices(
  doc: Document,
  texts: readonly Text[],
  limits = READABILITY_LIMITS,
): ArticleIndices | null {
  const index = new Map<Node, number>(texts.map((t, i) => [t, i]));
  const article = runReadability(doc, limits);
  if (!article) return null;
  const indices: number[] = [];
  if (article.content) {
    const walker = doc.createTreeWalker(article.content, SHOW_TEXT);
    for (let c = walker.nextNode(); c; c = walker.nextNode()) {
      const i = index.get(c);
      if (i !== undefined) indices.push(i);
    }
  }
  const { title, byline, siteName, publishedTime, lang, dir, excerpt, textContent } = article;
  return {
    indices,
    parsed: { title, byline, siteName, publishedTime, lang, dir, excerpt },
    wordCount: countWords(textContent ?? ''),
  };
}

/**
 * The live article from the background's answer for a snapshot of `doc` whose text nodes are `texts`
 * (null: Readability found nothing there). Nodes the page has removed since are left out; the rest is
 * `articleNodes`' own: the headline, the order, the short article read whole.
 */
export function articleFromIndices(
  doc: Document,
  texts: readonly Text[],
  found: ArticleIndices | null,
  options: { wholePage?: boolean } = {},
): ArticleNodes {
  let picked: Picked | null = null;
  if (found) {
    const nodes: Text[] = [];
    let chars = 0;
    const isReadable = readableTester();
    // The article's nodes know their place (their index); another (the headline's) is looked for. A
    // map of every text node of a 1 MB page cost the page ~10 ms.
    const at = new Map<Text, number>();
    for (const i of found.indices) {
      const node = texts[i];
      if (!node?.isConnected || !isReadable(node)) continue;
      nodes.push(node);
      at.set(node, i);
      chars += node.data.trim().length;
    }
    const placeOf = (node: Text) => {
      let place = at.get(node);
      if (place === undefined) at.set(node, (place = placeIn(texts, node)));
      return place;
    };
    picked = { nodes, chars, placeOf, summary: summaryOf(found.parsed, found.wordCount, doc) };
  }
  return articleFrom(doc, picked, options);
}

/** Readability on `doc` itself (it rewrites it), within the limits; null when it finds nothing. */
function runReadability(doc: Document, limits: typeof READABILITY_LIMITS) {
  try {
    return new Readability<Node>(doc, {
      serializer: (el) => el,
      charThreshold: 1,
      // Checked before already; Readability's own check is the guard should the two counts ever differ.
      maxElemsToParse: limits.elements,
    }).parse();
  } catch {
    // Over maxElemsToParse: Readability throws rather than answer.
    return null;
  }
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

  const article = runReadability(clone, limits);
  if (!article) return null;
  const nodes: Text[] = [];
  let chars = 0;
  if (article.content) {
    const walker = clone.createTreeWalker(article.content, SHOW_TEXT);
    const isReadable = readableTester();
    for (let c = walker.nextNode(); c; c = walker.nextNode()) {
      const node = twin.get(c);
      if (node && isReadable(node)) {
        nodes.push(node);
        chars += node.data.trim().length;
      }
    }
  }
  return { article, nodes, chars, placeOf: (node: Text) => order.get(node) ?? order.size };
}
