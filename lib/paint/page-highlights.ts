import { caretAt, caretInRange, pointInRects, rectsOf, type Caret } from '../dom/caret.ts';
import { createFlash } from './flash.ts';
import type { HighlightKind, Painter } from './painter.ts';

/** Something painted on the page: its range, how it is painted, and what it is. */
export interface Highlight<T> {
  range: AbstractRange;
  kind: HighlightKind;
  item: T;
}

/** One layer of the page's highlights (the reader's mentions, the annotations…). */
export interface HighlightLayer<T> {
  /** Replaces the layer's highlights and repaints its kinds. */
  set(highlights: readonly Highlight<T>[]): void;
  /** Adds highlights to the layer's, painting only them. */
  add(highlights: readonly Highlight<T>[]): void;
  /** Scrolls to a range and flashes it (one flash on the page at a time). */
  flash(range: AbstractRange): void;
  /** Removes the layer's highlights. */
  clear(): void;
}

/** What is under a point: the layer's name, the item and its range. */
export type Hit<L> = { [K in keyof L]: { layer: K; item: L[K]; range: AbstractRange } }[keyof L];

export interface HitTesting {
  /** The caret under a point (`caretPositionFromPoint`); injected in tests, where there is no layout. */
  caretAt(x: number, y: number): Caret | null;
  /** The boxes of a range in the viewport. */
  rectsOf(range: AbstractRange): Iterable<DOMRectReadOnly>;
}

interface Entry<T> {
  highlight: Highlight<T>;
  /** The text nodes the range spans, for the hit-test. */
  nodes: Node[];
}

/**
 * The page's one model of what Rasid shows: every highlight, in named layers (`L` maps each layer's
 * name to its items), painted by one painter and hit-tested in one place. Layers are registered in
 * priority order: where two overlap, the one registered first is hit first (an annotation over a name).
 */
export class PageHighlights<L extends Record<string, unknown>> {
  readonly #painter: Painter;
  readonly #hits: HitTesting;
  readonly #layers = new Map<keyof L, { kinds: readonly HighlightKind[]; entries: Entry<unknown>[] }>();
  readonly #flash: ReturnType<typeof createFlash>;

  constructor(doc: Document, painter: Painter, hits?: Partial<HitTesting>) {
    this.#painter = painter;
    this.#flash = createFlash(painter);
    this.#hits = {
      caretAt: (x, y) => caretAt(doc, x, y),
      rectsOf: (range) => rectsOf(doc, range),
      ...hits,
    };
  }

  /** Registers a layer that paints `kinds` (and nothing else). */
  layer<K extends keyof L>(name: K, kinds: readonly HighlightKind[]): HighlightLayer<L[K]> {
    const layer = { kinds, entries: [] as Entry<unknown>[] };
    this.#layers.set(name, layer);
    return {
      set: (highlights) => {
        layer.entries = highlights.map((highlight) => ({ highlight, nodes: nodesOf(highlight.range) }));
        this.#paint(kinds);
      },
      add: (highlights) => {
        const byKind = new Map<HighlightKind, AbstractRange[]>();
        for (const highlight of highlights) {
          layer.entries.push({ highlight, nodes: nodesOf(highlight.range) });
          const ranges = byKind.get(highlight.kind) ?? [];
          ranges.push(highlight.range);
          byKind.set(highlight.kind, ranges);
        }
        const painter = this.#painter;
        if (painter.add) for (const [kind, ranges] of byKind) painter.add(kind, ranges);
        else this.#paint([...byKind.keys()]);
      },
      flash: (range) => this.#flash.show(range),
      clear: () => {
        layer.entries = [];
        this.#paint(kinds);
      },
    };
  }

  #paint(kinds: readonly HighlightKind[]): void {
    for (const kind of kinds) {
      const ranges: AbstractRange[] = [];
      for (const { entries } of this.#layers.values())
        for (const { highlight } of entries) if (highlight.kind === kind) ranges.push(highlight.range);
      this.#painter.paint(kind, ranges);
    }
  }

  /**
   * Everything under a point of the viewport, layers in priority order: the caret there must fall in
   * the highlight, and the point in one of its boxes (past the end of a line the caret APIs still
   * answer with the nearest character).
   */
  hitsAt(x: number, y: number): Hit<L>[] {
    const caret = this.#hits.caretAt(x, y);
    if (!caret) return [];
    const hits: Hit<L>[] = [];
    for (const [layer, { entries }] of this.#layers)
      for (const { highlight, nodes } of entries)
        if (
          caretInRange(caret, highlight.range, nodes) &&
          pointInRects(this.#hits.rectsOf(highlight.range), x, y)
        )
          hits.push({ layer, item: highlight.item, range: highlight.range } as Hit<L>);
    return hits;
  }

  /** The item under a point, if any: the topmost layer's. */
  itemAt(x: number, y: number): Hit<L> | undefined {
    return this.hitsAt(x, y)[0];
  }

  /** Removes every highlight and the painter's styles: the page is as Rasid found it. */
  destroy(): void {
    this.#flash.cancel();
    for (const layer of this.#layers.values()) layer.entries = [];
    this.#painter.clear();
  }
}

/** The text nodes a range starts in, ends in, and spans between. */
function nodesOf(range: AbstractRange): Node[] {
  const { startContainer: start, endContainer: end } = range;
  if (start === end) return [start];
  const doc = start.ownerDocument;
  const root = commonRoot(start, end);
  if (!doc || !root) return [start, end];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  walker.currentNode = start;
  for (let n: Node | null = start; n; n = walker.nextNode()) {
    nodes.push(n);
    if (n === end) break;
  }
  return nodes.includes(end) ? nodes : [...nodes, end];
}

function commonRoot(a: Node, b: Node): Node | null {
  for (let n: Node | null = a; n; n = n.parentNode) if (n.contains(b)) return n;
  return null;
}
