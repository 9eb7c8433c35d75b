/**
 * What Rasid paints on a news page (issue 15, "colours that don't clash"). Two families that never look
 * alike, whatever overlaps:
 *
 * - **Entity highlights are underlines** (actors solid, places dashed, suggestions dotted): they leave
 *   the page's own text colour and background alone, so they cannot lower its contrast, and an
 *   annotation's background over them hides nothing.
 * - **Annotations (and the flash) are backgrounds** with their own text colour, opaque, so that the
 *   contrast of text on them is known whatever the page's colours (WCAG AA 4.5:1, checked in
 *   `design.test.ts` for both schemes). No translucency: teal under yellow no longer turns green.
 *
 * `::highlight()` takes only some properties (color, background-color, text-decoration*, text-shadow),
 * which is all these use. The `<mark>` fallback (browsers without `CSS.highlights`) gets the same.
 */
import { ANNOTATION_COLORS, type AnnotationColor } from '../model/annotation.ts';

export interface Underline {
  style: 'solid' | 'dashed' | 'dotted';
  /** Light and dark schemes: a non-text mark, 3:1 against the scheme's page. */
  light: string;
  dark: string;
}

export interface Fill {
  light: { fg: string; bg: string };
  dark: { fg: string; bg: string };
}

export const ENTITY_UNDERLINES = {
  actor: { style: 'solid', light: '#b35c00', dark: '#ffb452' },
  place: { style: 'dashed', light: '#00777a', dark: '#4fd3d3' },
  suggested: { style: 'dotted', light: '#6e50c8', dark: '#b9a4ff' },
} as const satisfies Record<string, Underline>;

/** Annotation colours: the stored keys stay `yellow`, `green`… (files and rows name them); the reader names them. */
export const ANNOTATION_FILLS: Record<AnnotationColor, Fill> = {
  yellow: { light: { fg: '#1b1b1b', bg: '#fff0a0' }, dark: { fg: '#fff6cc', bg: '#5c4c00' } },
  green: { light: { fg: '#1b1b1b', bg: '#c9efc1' }, dark: { fg: '#e2ffe0', bg: '#1f4d26' } },
  blue: { light: { fg: '#1b1b1b', bg: '#cfe4ff' }, dark: { fg: '#e3f0ff', bg: '#1b3f66' } },
  pink: { light: { fg: '#1b1b1b', bg: '#ffd2e6' }, dark: { fg: '#ffe4f1', bg: '#62203f' } },
};

/** The flash that shows where "go to" landed: stronger than any annotation. */
export const FLASH_FILL: Fill = {
  light: { fg: '#000000', bg: '#ff9ec7' },
  dark: { fg: '#ffffff', bg: '#a3185a' },
};

/** The page behind highlights, per scheme, for the underlines' contrast: a white page, a dark one. */
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#121212' } as const;

type Scheme = 'light' | 'dark';

function rules(scheme: Scheme): string {
  const out: string[] = [];
  for (const [kind, u] of Object.entries(ENTITY_UNDERLINES) as [string, Underline][]) {
    const line = `underline ${u.style} 2px ${u[scheme]}`;
    out.push(`::highlight(rasid-${kind}) { text-decoration: ${line}; }`);
    out.push(
      `mark[data-rasid-kind='${kind}'] { background: none; color: inherit; text-decoration: ${line}; }`,
    );
  }
  const fill = (name: string, mark: string, f: Fill) => {
    const { fg, bg } = f[scheme];
    out.push(`::highlight(${name}) { color: ${fg}; background-color: ${bg}; }`);
    out.push(`${mark} { color: ${fg}; background-color: ${bg}; }`);
  };
  for (const color of ANNOTATION_COLORS)
    fill(`rasid-note-${color}`, `mark[data-rasid-kind='note-${color}']`, ANNOTATION_FILLS[color]);
  fill('rasid-flash', "mark[data-rasid-kind='flash']", FLASH_FILL);
  return out.join('\n');
}

/** The page's `::highlight()` rules (and the `<mark>` fallback's), light, then dark for a dark scheme. */
export const HIGHLIGHT_CSS = `${rules('light')}
@media (prefers-color-scheme: dark) {
${rules('dark')}
}`;

/**
 * A colour's fill as custom properties (`--swatch`, `--swatch-fg`) on `.swatch--<color>` (the toolbar's
 * buttons) and `.annotation--<color>` (the panel's list), so that they look as the page paints them.
 */
const swatches = (scheme: Scheme) =>
  ANNOTATION_COLORS.map((c) => {
    const { fg, bg } = ANNOTATION_FILLS[c][scheme];
    return `.swatch--${c}, .annotation--${c} { --swatch: ${bg}; --swatch-fg: ${fg}; }`;
  }).join('\n');

export const SWATCH_CSS = `${swatches('light')}
@media (prefers-color-scheme: dark) {
${swatches('dark')}
}`;
