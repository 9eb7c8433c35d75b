/**
 * Painters put highlights on the page. The CSS Custom Highlight API paints without touching the
 * page's DOM (Arabic letters stay joined: wrapping part of a word in an element can break the joins);
 * the fallback wraps text in `<mark>` for browsers without `CSS.highlights`.
 */
import { HIGHLIGHT_CSS } from '../design/highlight-styles.ts';

/** The kinds of highlight Rasid paints; each is one `Highlight` named `rasid-<kind>`. */
export const HIGHLIGHT_KINDS = [
  'actor',
  'place',
  'suggested',
  'flash',
  'note-yellow',
  'note-green',
  'note-blue',
  'note-pink',
] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface Painter {
  /** Replaces everything painted as `kind` with `ranges`. */
  paint(kind: HighlightKind, ranges: readonly AbstractRange[]): void;
  /**
   * Paints `ranges` as `kind` too, beside what is painted already (issue #16: a page painted in
   * slices). A painter without it is asked to paint everything again.
   */
  add?(kind: HighlightKind, ranges: readonly AbstractRange[]): void;
  /** Removes everything this painter painted, and its styles. */
  clear(): void;
}

/** The styles, generated from one palette with the rest of Rasid's look (issue 15). */
export { HIGHLIGHT_CSS };

interface HighlightApi {
  highlights: Map<string, unknown>;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => { add(range: AbstractRange): unknown };

/** The page's highlight registry and `Highlight` constructor, if the browser has them. */
function highlightApi(
  win: Window,
): { registry: Map<string, unknown>; Highlight: HighlightConstructor } | null {
  const css = (win as unknown as { CSS?: Partial<HighlightApi> }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

/**
 * The `::highlight()` rules must live in the page's document: one `<style>` element, marked as ours,
 * is the only thing Rasid adds to the page for painting.
 */
function addStyles(doc: Document): () => void {
  const style = doc.createElement('style');
  style.setAttribute('data-rasid-ui', 'highlight-styles');
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}

export function createHighlightPainter(doc: Document): Painter | null {
  const api = highlightApi(doc.defaultView ?? window);
  if (!api) return null;
  const removeStyles = addStyles(doc);
  // Several painters share the page (entities, annotations): each clears only what it painted, and
  // adds to its own highlights.
  const mine = new Map<HighlightKind, InstanceType<HighlightConstructor>>();
  const paint = (kind: HighlightKind, ranges: readonly AbstractRange[]) => {
    const highlight = new api.Highlight();
    // Added one by one: a page names tens of thousands of names, more than a call takes arguments.
    for (const range of ranges) highlight.add(range);
    mine.set(kind, highlight);
    api.registry.set(`rasid-${kind}`, highlight);
  };
  return {
    paint(kind, ranges) {
      if (ranges.length) return paint(kind, ranges);
      mine.delete(kind);
      api.registry.delete(`rasid-${kind}`);
    },
    add(kind, ranges) {
      const highlight = mine.get(kind);
      if (!highlight) paint(kind, ranges);
      else for (const range of ranges) highlight.add(range);
    },
    clear() {
      for (const kind of mine.keys()) api.registry.delete(`rasid-${kind}`);
      mine.clear();
      removeStyles();
    },
  };
}

/** For browsers without `CSS.highlights`: wraps each range's text in `<mark data-rasid-kind>`. */
export function createMarkPainter(doc: Document): Painter {
  const removeStyles = addStyles(doc);
  const marks = new Map<HighlightKind, HTMLElement[]>();
  // Text nodes are not merged back (normalize()): that would invalidate the ranges still painted.
  const unwrap = (kind: HighlightKind) => {
    for (const mark of marks.get(kind) ?? []) if (mark.parentNode) mark.replaceWith(...mark.childNodes);
    marks.delete(kind);
  };
  // No `add`: wrapping splits text nodes, which would move the ranges of a later slice.
  return {
    paint(kind, ranges) {
      unwrap(kind);
      const made: HTMLElement[] = [];
      // From the last range to the first, so that splitting text nodes does not move ranges still to come.
      for (const r of [...ranges].reverse()) {
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const mark = doc.createElement('mark');
        mark.setAttribute('data-rasid-kind', kind);
        mark.append(range.extractContents());
        range.insertNode(mark);
        made.push(mark);
      }
      marks.set(kind, made);
    },
    clear() {
      for (const kind of HIGHLIGHT_KINDS) unwrap(kind);
      removeStyles();
    },
  };
}

/** The best painter this browser has. */
export function createPainter(doc: Document): Painter {
  return createHighlightPainter(doc) ?? createMarkPainter(doc);
}
