/**
 * A page's elements and text as plain data, for Readability to run elsewhere than on the page's main
 * thread (issue #16: on a 1 MB page it was one task of ~450 ms there). The content script takes the
 * snapshot (`snapshotPage`, one walk) and keeps its text nodes; the background builds the same tree
 * in a document of its own (`buildSnapshot`) and answers with the *indices* of the article's text
 * nodes, which map back to the very live nodes — no text is compared, no HTML re-parsed.
 *
 * The snapshot is a flat list, in document order: an array `[tag, name, value, …]` opens an element, a
 * string is a text node, `0` closes the element last opened. What Readability never reads is left out:
 * the text of scripts (but JSON-LD, which it reads for the byline and date) and of styles, and
 * Rasid's own UI. A template's content is not its children, on the page or here.
 */

export type SnapshotItem = string | 0 | string[];

export interface PageSnapshot {
  items: SnapshotItem[];
  /** The live text nodes, by the index the snapshot gives them (its strings, in order). */
  texts: Text[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/**
 * Elements whose text Readability drops unread; their element stays (its place can matter). And the
 * template, whose content is not its children (a parser without templates may put it there).
 */
const NOT_ENTERED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'svg', 'SVG', 'math', 'MATH']);
/** An attribute longer than this (an inline image, a blob of data) is left out. */
const MAX_ATTRIBUTE = 4096;

const isJsonLd = (el: Element) =>
  el.tagName === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json';

/** One walk of `doc` from its root element, in one go. */
export function snapshotPage(doc: Document): PageSnapshot {
  const walk = new SnapshotWalk(doc);
  walk.step(Infinity);
  return walk.snapshot;
}

/**
 * The same walk in slices of about `sliceMs` of the page's main thread, `between` giving the page its
 * turn after each (issue #16: on a 1 MB page the walk was one task of 35–50 ms). The page may change
 * between slices: what changed where the walk has been or has yet to go is taken as it is when the
 * walk passes (the background's answer is by text node, and a node gone since is dropped when it comes
 * back). Should the walk's own place be moved or removed, it is taken again, in one go. `tasks`: each
 * slice's time. Over `limits`, the walk gives up and says which (`over`).
 */
export async function snapshotPageInSlices(
  doc: Document,
  between: () => Promise<unknown>,
  sliceMs: number,
  limits?: WalkLimits,
): Promise<PageSnapshot & { tasks: number[]; over: keyof WalkLimits | null }> {
  const tasks: number[] = [];
  let walk = new SnapshotWalk(doc, limits);
  for (;;) {
    const start = performance.now();
    if (!walk.inPlace()) {
      walk = new SnapshotWalk(doc, limits);
      walk.step(Infinity);
    } else walk.step(start + sliceMs);
    tasks.push(performance.now() - start);
    if (walk.done) return { ...walk.snapshot, tasks, over: walk.over };
    await between();
  }
}

/**
 * How deep (below the root element) and how many elements a walk takes before it gives up: Readability's
 * limits (`READABILITY_LIMITS`), over which a page is not read by it.
 */
export interface WalkLimits {
  depth: number;
  elements: number;
}

/** Nodes walked between looks at the clock. */
const NODES_PER_LOOK = 256;

/** The walk of `snapshotPage`, resumable: its place, and the elements open around it. */
class SnapshotWalk {
  readonly snapshot: PageSnapshot = { items: [], texts: [] };
  done = false;
  /** Over the limits: the walk gave up. */
  over: keyof WalkLimits | null = null;
  readonly #root: Element | null;
  readonly #limits: WalkLimits;
  #elements = 0;
  /** The next node to take, and the elements open around it (the root first). */
  #node: Node | null = null;
  readonly #open: Element[] = [];

  constructor(doc: Document, limits: WalkLimits = { depth: Infinity, elements: Infinity }) {
    this.#root = doc.documentElement;
    this.#limits = limits;
    if (!this.#root) {
      this.done = true;
      return;
    }
    this.#enter(this.#root);
    this.#node = this.#root.firstChild;
    if (!this.#node) this.#finish();
  }

  /** Whether the walk's place is still where it was left: its node under the elements it opened. */
  inPlace(): boolean {
    const open = this.#open;
    if (this.#node?.parentNode !== open[open.length - 1]) return false;
    for (let i = open.length - 1; i > 0; i--) if (open[i]!.parentNode !== open[i - 1]) return false;
    return open[0] === this.#root && this.#root?.ownerDocument.documentElement === this.#root;
  }

  /** Walks until `deadline` (on `performance.now()`'s clock) or the end. */
  step(deadline: number): void {
    const { items, texts } = this.snapshot;
    const open = this.#open;
    let node = this.#node;
    let count = 0;
    while (node) {
      if (++count === NODES_PER_LOOK) {
        count = 0;
        if (performance.now() >= deadline) break;
      }
      let enter = false;
      if (node.nodeType === TEXT_NODE) {
        items.push((node as Text).data);
        texts.push(node as Text);
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (!el.hasAttribute('data-rasid-ui')) {
          enter = (!NOT_ENTERED.has(el.tagName) || isJsonLd(el)) && !!el.firstChild;
          this.#enter(el);
          if (this.over) break;
          if (!enter) {
            items.push(0);
            open.pop();
          }
        }
      }
      if (enter) {
        node = node.firstChild;
        continue;
      }
      // Up while the node is its element's last child: each element climbed out of is closed.
      while (!node.nextSibling && open.length > 1) {
        node = open.pop()!;
        items.push(0);
      }
      node = node.nextSibling;
    }
    this.#node = node;
    if (this.over) this.done = true;
    else if (!node) this.#finish();
  }

  #enter(el: Element): void {
    if (++this.#elements > this.#limits.elements) this.over = 'elements';
    else if (this.#open.length > this.#limits.depth) this.over = 'depth';
    const item = [el.localName];
    for (const { name, value } of el.attributes) if (value.length <= MAX_ATTRIBUTE) item.push(name, value);
    this.snapshot.items.push(item);
    this.#open.push(el);
  }

  #finish(): void {
    this.snapshot.items.push(0);
    this.#open.length = 0;
    this.done = true;
  }
}

/** What a snapshot may hold at most: the limits Readability runs under, and some text. */
export interface SnapshotLimits {
  depth: number;
  elements: number;
  chars: number;
}

const TAG = /^[a-z][a-z0-9-]*$/iu;
const ATTRIBUTE = /^[^\s"'>/=\p{Cc}]+$/u;

/**
 * Checks a snapshot from a content script before it is built: its shape, its names, its size. The
 * reason it is refused, or null.
 */
export function snapshotProblem(items: unknown, limits: SnapshotLimits): string | null {
  if (!Array.isArray(items) || !items.length) return 'not a snapshot';
  let depth = 0;
  let elements = 0;
  let chars = 0;
  for (const [i, item] of items.entries()) {
    if (typeof item === 'string') {
      if (!depth) return 'text outside the root element';
      chars += item.length;
      if (chars > limits.chars) return 'too much text';
    } else if (item === 0) {
      if (--depth < 0) return 'an element closed twice';
      if (!depth && i !== items.length - 1) return 'more than one root element';
    } else if (Array.isArray(item)) {
      if (item.length % 2 !== 1 || !item.every((s) => typeof s === 'string')) return 'a malformed element';
      if (!TAG.test(item[0] as string)) return 'a malformed tag name';
      for (let a = 1; a < item.length; a += 2)
        if (!ATTRIBUTE.test(item[a] as string)) return 'a malformed attribute name';
      if (++depth > limits.depth) return 'too deep';
      if (++elements > limits.elements) return 'too many elements';
    } else return 'not a snapshot';
  }
  return depth ? 'an element left open' : null;
}

/**
 * Builds a checked snapshot (`snapshotProblem`) into `doc`, replacing its root element, and returns
 * its text nodes by index.
 */
export function buildSnapshot(doc: Document, items: readonly SnapshotItem[]): Text[] {
  const texts: Text[] = [];
  const stack: Node[] = [];
  let root: Element | null = null;
  for (const item of items) {
    if (item === 0) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (typeof item === 'string') {
      const text = doc.createTextNode(item);
      texts.push(text);
      parent?.appendChild(text);
      continue;
    }
    const el = doc.createElement(item[0]!);
    for (let a = 1; a < item.length; a += 2) {
      try {
        el.setAttribute(item[a]!, item[a + 1]!);
      } catch {
        // A name the document will not take (its rules differ from a page's parser's): left out.
      }
    }
    if (parent) parent.appendChild(el);
    else root = el;
    stack.push(el);
  }
  if (root) {
    const old = doc.documentElement;
    if (old) doc.replaceChild(root, old);
    else doc.appendChild(root);
  }
  return texts;
}
