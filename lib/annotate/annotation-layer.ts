import { matchQuote, type Anchor } from '../anchoring/match-quote.ts';
import type { AnnotationColor, AnnotationRow } from '../db/annotation.ts';
import { textNodesUnder } from '../dom/article-nodes.ts';
import { joinTextNodes, rangeOf, type TextBlocks } from '../dom/text-blocks.ts';
import { createFlash } from '../paint/flash.ts';
import type { HighlightKind, Painter } from '../paint/painter.ts';

/** Characters of context kept either side of a quote. */
const CONTEXT = 32;

/** An annotation on the page: its row, and where it landed (null: an orphan, kept but not shown). */
export interface PlacedAnnotation {
  row: AnnotationRow;
  range: AbstractRange | null;
  anchor: Anchor | null;
}

/** What a selection is, as an annotation target. */
export interface Selectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/**
 * The page side of annotations: selectors from a selection, annotations anchored back onto the page
 * and painted in their colours. The text they are anchored in is the article's (the reader's nodes)
 * or, for a selection outside it, the whole page's; blocks are joined by line breaks, as W3C
 * selectors expect of text.
 */
export class AnnotationLayer {
  readonly #doc: Document;
  readonly #painter: Painter;
  readonly #article: () => readonly Text[];
  #placed: PlacedAnnotation[] = [];
  readonly #flash: ReturnType<typeof createFlash>;

  constructor(doc: Document, painter: Painter, articleNodes: () => readonly Text[]) {
    this.#doc = doc;
    this.#painter = painter;
    this.#flash = createFlash(painter);
    this.#article = articleNodes;
  }

  get placed(): readonly PlacedAnnotation[] {
    return this.#placed;
  }

  #text(): TextBlocks {
    const article = this.#article();
    return joinTextNodes(article.length ? article : textNodesUnder(this.#doc.body), '\n');
  }

  /** Selectors for a selected range, or null when it holds no text Rasid reads. */
  selectorsFor(range: Range): Selectors | null {
    const blocks = this.#text();
    const start = offsetOf(blocks, range.startContainer, range.startOffset, false);
    const end = offsetOf(blocks, range.endContainer, range.endOffset, true);
    if (start === null || end === null || end <= start) return null;
    const { text } = blocks;
    const exact = text.slice(start, end);
    if (!exact.trim()) return null;
    return {
      quote: {
        exact,
        prefix: text.slice(Math.max(0, start - CONTEXT), start),
        suffix: text.slice(end, end + CONTEXT),
      },
      position: { start, end },
    };
  }

  /** Anchors every annotation in the page as it is now, and paints them. */
  load(rows: readonly AnnotationRow[]): void {
    const blocks = this.#text();
    this.#placed = rows.map((row) => {
      const anchor = matchQuote(blocks.text, row.target.selector.quote, row.target.selector.position);
      if (!anchor) return { row, range: null, anchor: null };
      return { row, range: rangeOf(blocks, anchor.start, anchor.end), anchor };
    });
    this.paint();
  }

  paint(): void {
    const byColor = new Map<AnnotationColor, AbstractRange[]>();
    for (const { row, range } of this.#placed)
      if (range) byColor.set(row.body.color, [...(byColor.get(row.body.color) ?? []), range]);
    for (const color of ['yellow', 'green', 'blue', 'pink'] as const)
      this.#painter.paint(`note-${color}` as HighlightKind, byColor.get(color) ?? []);
  }

  /** The annotation under a caret position, if any. */
  at(node: Node, offset: number): PlacedAnnotation | undefined {
    return this.#placed.find(({ range }) => {
      if (!range) return false;
      const live = this.#doc.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.isPointInRange(node, offset);
    });
  }

  /** Scrolls to an annotation and flashes it; false for an orphan. */
  reveal(id: string): boolean {
    const placed = this.#placed.find((p) => p.row.id === id);
    if (!placed?.range) return false;
    this.#flash.show(placed.range);
    return true;
  }

  clear(): void {
    this.#flash.cancel();
    this.#painter.clear();
    this.#placed = [];
  }
}

/** The offset in the joined text of a range boundary (in a text node, or between an element's children). */
function offsetOf(blocks: TextBlocks, node: Node, offset: number, end: boolean): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const i = blocks.nodes.indexOf(node as Text);
    return i < 0 ? null : blocks.starts[i]! + offset;
  }
  // Between elements: a start moves to the first text at or after it, an end to the last text before it.
  const boundary = node.ownerDocument!.createRange();
  boundary.setStart(node, offset);
  if (!end) {
    const i = blocks.nodes.findIndex((t) => boundary.comparePoint(t, 0) >= 0);
    return i < 0 ? null : blocks.starts[i]!;
  }
  let last = -1;
  blocks.nodes.forEach((t, i) => {
    if (boundary.comparePoint(t, t.length) <= 0) last = i;
  });
  return last < 0 ? null : blocks.starts[last]! + blocks.nodes[last]!.length;
}
