import { matchQuotesAsync, type Anchor } from '../anchoring/match-quote.ts';
import { MAX_QUOTE_CHARS } from '../anchoring/quote-limits.ts';
import { ANNOTATION_COLORS, type AnnotationRow } from '../model/annotation.ts';
import { textNodesUnder } from '../dom/article-nodes.ts';
import { joinTextNodes, rangeOf, type TextBlocks } from '../dom/text-blocks.ts';
import type { HighlightLayer } from '../paint/page-highlights.ts';
import type { HighlightKind } from '../paint/painter.ts';

/** Characters of context kept either side of a quote. */
const CONTEXT = 32;

/** The kinds of highlight annotations are painted as: one per colour. */
export const ANNOTATION_KINDS = ANNOTATION_COLORS.map((c) => `note-${c}` as const) satisfies HighlightKind[];

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
 * and painted in their colours (on the page's highlight model, which also hit-tests them). The text they are anchored in is the article's (the reader's nodes)
 * or, for a selection outside it, the whole page's; blocks are joined by line breaks, as W3C
 * selectors expect of text.
 */
export class AnnotationLayer {
  readonly #doc: Document;
  readonly #layer: HighlightLayer<PlacedAnnotation>;
  readonly #article: () => readonly Text[];
  #placed: PlacedAnnotation[] = [];
  /** Counts loads: a load that finishes after a newer one started changes nothing. */
  #generation = 0;

  constructor(doc: Document, layer: HighlightLayer<PlacedAnnotation>, articleNodes: () => readonly Text[]) {
    this.#doc = doc;
    this.#layer = layer;
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
    // Longer than any passage Rasid keeps (the background refuses it too): not an annotation target.
    if (!exact.trim() || exact.length > MAX_QUOTE_CHARS) return null;
    return {
      quote: {
        exact,
        prefix: text.slice(Math.max(0, start - CONTEXT), start),
        suffix: text.slice(end, end + CONTEXT),
      },
      position: { start, end },
    };
  }

  /**
   * Anchors every annotation in the page as it is now, and paints them. Anchoring yields to the page
   * between slices of a few milliseconds (issue #12: a changed 900-character quote once froze a page
   * for minutes); a load overtaken by a newer one, or aborted, paints nothing.
   */
  async load(rows: readonly AnnotationRow[], signal?: AbortSignal): Promise<void> {
    const run = ++this.#generation;
    if (!rows.length) {
      this.#placed = [];
      return this.paint();
    }
    const blocks = this.#text();
    const anchors = await matchQuotesAsync(
      blocks.text,
      rows.map((row) => row.target.selector),
      signal ? { signal } : {},
    ).catch(() => null);
    if (!anchors || run !== this.#generation || signal?.aborted) return;
    this.#placed = rows.map((row, i) => {
      const anchor = anchors[i] ?? null;
      if (!anchor) return { row, range: null, anchor: null };
      return { row, range: rangeOf(blocks, anchor.start, anchor.end), anchor };
    });
    this.paint();
  }

  paint(): void {
    this.#layer.set(
      this.#placed.flatMap((placed) =>
        placed.range
          ? [{ range: placed.range, kind: `note-${placed.row.body.color}` as const, item: placed }]
          : [],
      ),
    );
  }

  /** Scrolls to an annotation and flashes it; false for an orphan. */
  reveal(id: string): boolean {
    const placed = this.#placed.find((p) => p.row.id === id);
    if (!placed?.range) return false;
    this.#layer.flash(placed.range);
    return true;
  }

  clear(): void {
    this.#generation++;
    this.#layer.clear();
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
