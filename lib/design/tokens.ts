/**
 * Rasid's one typographic scale and palette (issue 15: "Arabic is not the small print"), shared by the
 * extension pages (side panel, dashboard, lexicon page, toolbar frame) and the shadow-root card. Sizes are
 * in px, not rem: inside a shadow root a rem is the news page's root size, which Rasid does not choose.
 *
 * Arabic is the primary text everywhere, in both interface languages: names and quotes in Arabic are
 * larger, heavier and set on a taller line (Arabic script has deep descenders and stacked marks); English
 * glosses are smaller and lighter. Fonts are the system's: Arabic-capable faces first, DejaVu Sans
 * (Debian's default, which CI installs) as the floor.
 */

import { ENTITY_UNDERLINES } from './highlight-styles.ts';

export const FONT_ARABIC =
  "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Segoe UI', 'Geeza Pro', 'DejaVu Sans', system-ui, sans-serif";
export const FONT_LATIN = "system-ui, 'Segoe UI', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/** The scale, in px. `ar*` is Arabic primary text (names, quotes, titles); `gloss*` English beside it. */
export const TYPE_SCALE = {
  /** Interface text in the English interface; the Arabic interface's is `uiAr`. */
  ui: 14,
  uiAr: 15,
  uiLine: 1.5,
  /** An Arabic name or quote. */
  ar: 17,
  arWeight: 600,
  arLine: 1.75,
  /** The English gloss of an Arabic name: always smaller and lighter than the name. */
  gloss: 13,
  glossWeight: 400,
  glossLine: 1.4,
  /** Counts, badges, secondary lines. */
  small: 12,
  /** Section headings; the page title. */
  heading: 15,
  title: 20,
} as const;

/** The interface colours of one scheme (`#rrggbb`, opaque, so that their contrast can be computed). */
export interface SchemeColors {
  /** The surface the extension pages and the card are drawn on. */
  bg: string;
  /** A raised surface (a section, a row on hover) on `bg`. */
  surface: string;
  text: string;
  /** Secondary text (glosses, counts) on `bg` and `surface`. */
  muted: string;
  line: string;
  /** The header band and primary buttons; `onBrand` is text on it. */
  brand: string;
  onBrand: string;
  /** A link or a focused control's ring. */
  focus: string;
  /** The hues of the two kinds, for headings' rules and the card's edge (non-text: 3:1 on `bg`). */
  actor: string;
  place: string;
  suggested: string;
  /** Badges: text on its own fill. */
  badgeRecurring: { fg: string; bg: string };
  badgeNewHere: { fg: string; bg: string };
  danger: string;
}

export const SCHEMES: Record<'light' | 'dark', SchemeColors> = {
  light: {
    bg: '#ffffff',
    surface: '#f3f5f5',
    text: '#1b1b1b',
    muted: '#595959',
    line: '#d5dbdb',
    brand: '#0f5c63',
    onBrand: '#ffffff',
    focus: '#0f5c63',
    actor: ENTITY_UNDERLINES.actor.light,
    place: ENTITY_UNDERLINES.place.light,
    suggested: ENTITY_UNDERLINES.suggested.light,
    badgeRecurring: { fg: '#0b4a50', bg: '#dcefef' },
    badgeNewHere: { fg: '#6b3a00', bg: '#ffe6c2' },
    danger: '#b00020',
  },
  dark: {
    bg: '#1c1d1f',
    surface: '#26282b',
    text: '#ececec',
    muted: '#b0b0b0',
    line: '#3d4145',
    brand: '#0f5c63',
    onBrand: '#ffffff',
    focus: '#7fd0d6',
    actor: ENTITY_UNDERLINES.actor.dark,
    place: ENTITY_UNDERLINES.place.dark,
    suggested: ENTITY_UNDERLINES.suggested.dark,
    badgeRecurring: { fg: '#c9f0f2', bg: '#14474c' },
    badgeNewHere: { fg: '#ffe2b8', bg: '#5a3300' },
    danger: '#ff8a80',
  },
};

const vars = (c: SchemeColors) => `
  --rasid-bg: ${c.bg}; --rasid-surface: ${c.surface}; --rasid-text: ${c.text}; --rasid-muted: ${c.muted};
  --rasid-line: ${c.line}; --rasid-brand: ${c.brand}; --rasid-on-brand: ${c.onBrand}; --rasid-focus: ${c.focus};
  --rasid-actor: ${c.actor}; --rasid-place: ${c.place}; --rasid-suggested: ${c.suggested};
  --rasid-badge-recurring-fg: ${c.badgeRecurring.fg}; --rasid-badge-recurring-bg: ${c.badgeRecurring.bg};
  --rasid-badge-new-fg: ${c.badgeNewHere.fg}; --rasid-badge-new-bg: ${c.badgeNewHere.bg};
  --rasid-danger: ${c.danger};`;

const S = TYPE_SCALE;

/**
 * The custom properties, on `:root` (extension pages) and `:host` (a shadow root), for both schemes, and
 * the classes every surface shares: `.ar` (Arabic primary text), `.en` (an English gloss), `.badge`.
 */
export const DESIGN_CSS = `
:root, :host {
  --rasid-font-ar: ${FONT_ARABIC}; --rasid-font-latin: ${FONT_LATIN};
  --rasid-size-ui: ${S.ui}px; --rasid-line-ui: ${S.uiLine};
  --rasid-size-ar: ${S.ar}px; --rasid-weight-ar: ${S.arWeight}; --rasid-line-ar: ${S.arLine};
  --rasid-size-gloss: ${S.gloss}px; --rasid-weight-gloss: ${S.glossWeight}; --rasid-line-gloss: ${S.glossLine};
  --rasid-size-small: ${S.small}px; --rasid-size-heading: ${S.heading}px; --rasid-size-title: ${S.title}px;
  --rasid-radius: 6px;${vars(SCHEMES.light)}
}
:root:lang(ar), :host(:lang(ar)), [lang='ar'] { --rasid-size-ui: ${S.uiAr}px; }
@media (prefers-color-scheme: dark) {
  :root, :host {${vars(SCHEMES.dark)}
  }
}
.ar {
  font-family: var(--rasid-font-ar); font-size: var(--rasid-size-ar); font-weight: var(--rasid-weight-ar);
  line-height: var(--rasid-line-ar);
}
.en {
  font-family: var(--rasid-font-latin); font-size: var(--rasid-size-gloss); font-weight: var(--rasid-weight-gloss);
  line-height: var(--rasid-line-gloss); color: var(--rasid-muted);
}
.badge {
  display: inline-block; font-size: var(--rasid-size-small); font-weight: 600; line-height: 1.3;
  padding: 0 0.45em; border-radius: 999px; white-space: nowrap;
  color: var(--rasid-badge-recurring-fg); background: var(--rasid-badge-recurring-bg);
}
.badge--new-here { color: var(--rasid-badge-new-fg); background: var(--rasid-badge-new-bg); }
`;

/**
 * The base of an extension page: the scale on its root, its colours, its fonts (Arabic faces first in the
 * Arabic interface). Pages add their own layout after it.
 */
export const PAGE_CSS = `${DESIGN_CSS}
:root { color-scheme: light dark; }
body {
  margin: 0; background: var(--rasid-bg); color: var(--rasid-text);
  font-family: var(--rasid-font-latin); font-size: var(--rasid-size-ui); line-height: var(--rasid-line-ui);
}
:root:lang(ar) body { font-family: var(--rasid-font-ar); line-height: 1.65; }
:focus-visible { outline: 2px solid var(--rasid-focus); outline-offset: 1px; }
button, select, input, textarea { font: inherit; color: inherit; }
`;

/** Puts `PAGE_CSS` (and any `extra` shared CSS) first in an extension page's head, before its own stylesheet. */
export function adoptDesign(doc: Document, extra = ''): void {
  const style = doc.createElement('style');
  style.setAttribute('data-rasid', 'design');
  style.textContent = `${PAGE_CSS}\n${extra}`;
  doc.head.prepend(style);
}
