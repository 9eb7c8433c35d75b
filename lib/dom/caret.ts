/** A caret position: a node and an offset in it (a text node's character, or an element's child). */
export interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/**
 * The caret position under a point of the viewport: `caretPositionFromPoint` (the standard, Firefox
 * and recent Chromium), else `caretRangeFromPoint` (older Chromium, Safari). Null where neither exists.
 */
export function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDocument;
  const position = d.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** A live `Range` over an abstract one (a `StaticRange` has no boxes). */
export function liveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** The boxes a range covers in the viewport. */
export const rectsOf = (doc: Document, range: AbstractRange): DOMRect[] => [
  ...liveRange(doc, range).getClientRects(),
];

/** The box around a range in the viewport, to place a card or toolbar beside it. */
export const boxOf = (doc: Document, range: AbstractRange): DOMRect =>
  liveRange(doc, range).getBoundingClientRect();

/** Is the point inside one of the boxes? */
export const pointInRects = (rects: Iterable<DOMRectReadOnly>, x: number, y: number): boolean =>
  [...rects].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);

/**
 * Does the caret fall in the range? Whole text nodes between its ends count; at its ends, the offsets
 * decide (both ends included: a caret just after a name's last letter is still on it). Only text
 * carets: the caret APIs give a text node over text.
 */
export function caretInRange({ node, offset }: Caret, range: AbstractRange, nodes: readonly Node[]): boolean {
  if (!nodes.includes(node)) return false;
  const lo = node === range.startContainer ? range.startOffset : 0;
  const hi = node === range.endContainer ? range.endOffset : (node.nodeValue?.length ?? 0);
  return offset >= lo && offset <= hi;
}
