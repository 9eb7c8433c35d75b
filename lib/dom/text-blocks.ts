/**
 * Text nodes joined into one string to spot, so that a name split across inline elements
 * (`<b>دير</b> الزور`, `<a>ريان</a> <span>ديلون</span>`) is one name, while text of different blocks
 * (paragraphs, headings, list items) is kept apart by a separator that folding leaves alone (a line
 * break would fold to a space, and «دير» ending one paragraph would join «الزور» starting the next).
 */

export const BLOCK_SEPARATOR = '\u0003';

/** Elements that flow inside a line: their text belongs to the surrounding block. */
const INLINE = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DEL DFN EM FONT I INS KBD LABEL MARK Q RUBY RT S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR WBR BIG TT NOBR'.split(
    ' ',
  ),
);

/** The nearest ancestor of `node` that is not inline: the block its text flows in. */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

export interface TextBlocks {
  text: string;
  nodes: Text[];
  /** `starts[k]`: where `nodes[k]`'s text begins in `text`. */
  starts: number[];
}

/** `separator` goes between blocks: the default for spotting; a line break for annotation selectors. */
export function joinTextNodes(nodes: readonly Text[], separator = BLOCK_SEPARATOR): TextBlocks {
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  let block: Element | null | undefined;
  // Sibling text nodes share a parent, and so a block: look it up once per parent.
  let parent: Element | null = null;
  let parentBlock: Element | null = null;
  for (const node of nodes) {
    if (node.parentElement !== parent) {
      parent = node.parentElement;
      parentBlock = blockOf(node);
    }
    const b = parentBlock;
    if (block !== undefined && b !== block) {
      parts.push(separator);
      length += 1;
    }
    block = b;
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(''), nodes: [...nodes], starts };
}

/**
 * The text node (and its index) and the offset in it of position `at` of the joined text; an end
 * position stays in the node it ends.
 */
export function pointAt({ nodes, starts }: TextBlocks, at: number, end = false): [Text, number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! < at || (!end && starts[mid] === at)) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, at - starts[lo]!, lo];
}

/**
 * A range over `[start, end)` of the joined text. A `StaticRange` where the browser has one: live
 * ranges slow every later DOM change on the page (~15,000 of them add ~0.66 ms to each insert or
 * removal), and Rasid follows changes itself. A live `Range` elsewhere (happy-dom).
 */
export function rangeOf(blocks: TextBlocks, start: number, end: number): AbstractRange {
  const [startContainer, startOffset] = pointAt(blocks, start);
  const [endContainer, endOffset] = pointAt(blocks, end, true);
  const doc = startContainer.ownerDocument;
  const StaticRangeCtor = (doc.defaultView as unknown as { StaticRange?: typeof StaticRange } | null)
    ?.StaticRange;
  if (StaticRangeCtor) return new StaticRangeCtor({ startContainer, startOffset, endContainer, endOffset });
  const live = doc.createRange();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  return live;
}
