/**
 * Painters put highlights on the page. The CSS Custom Highlight API paints without touching the
 * page's DOM (Arabic letters stay joined: wrapping part of a word in an element can break the joins);
 * the fallback wraps text in `<mark>` for browsers without `CSS.highlights`.
 */

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
  /** Removes everything this painter painted, and its styles. */
  clear(): void;
}

/**
 * Colours readable on light and dark pages alike: translucent backgrounds over whatever the page
 * has, with an underline in the same hue so that the kind shows even where the background is busy.
 * Suggestions (names Rasid does not know yet, issue 13) have no fill, only a dotted underline: a
 * guess must not look like a known name.
 */
export const HIGHLIGHT_CSS = `
::highlight(rasid-actor) { background-color: rgb(255 176 0 / 0.32); text-decoration: underline 2px rgb(214 120 0); }
::highlight(rasid-place) { background-color: rgb(0 170 170 / 0.25); text-decoration: underline 2px rgb(0 128 128); }
::highlight(rasid-suggested) { text-decoration: underline dotted 2px rgb(110 80 200); }
::highlight(rasid-flash) { background-color: rgb(255 64 129 / 0.55); }
::highlight(rasid-note-yellow) { background-color: rgb(255 235 59 / 0.6); }
::highlight(rasid-note-green) { background-color: rgb(118 255 3 / 0.4); }
::highlight(rasid-note-blue) { background-color: rgb(64 196 255 / 0.45); }
::highlight(rasid-note-pink) { background-color: rgb(255 128 171 / 0.45); }
mark[data-rasid-kind] { color: inherit; border-bottom: 2px solid; }
mark[data-rasid-kind='actor'] { background-color: rgb(255 176 0 / 0.32); border-color: rgb(214 120 0); }
mark[data-rasid-kind='place'] { background-color: rgb(0 170 170 / 0.25); border-color: rgb(0 128 128); }
mark[data-rasid-kind='suggested'] { background-color: transparent; border-bottom-style: dotted; border-color: rgb(110 80 200); }
mark[data-rasid-kind='flash'] { background-color: rgb(255 64 129 / 0.55); }
mark[data-rasid-kind^='note-'] { border: 0; background-color: rgb(255 235 59 / 0.6); }
`;

interface HighlightApi {
  highlights: Map<string, unknown>;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => unknown;

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
  // Several painters share the page (entities, annotations): each clears only what it painted.
  const painted = new Set<HighlightKind>();
  return {
    paint(kind, ranges) {
      const name = `rasid-${kind}`;
      painted.add(kind);
      if (ranges.length) api.registry.set(name, new api.Highlight(...ranges));
      else api.registry.delete(name);
    },
    clear() {
      for (const kind of painted) api.registry.delete(`rasid-${kind}`);
      painted.clear();
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
