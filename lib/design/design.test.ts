import { describe, expect, it } from 'vitest';
import { ANNOTATION_COLORS } from '../model/annotation.ts';
import { AA_NON_TEXT, AA_TEXT, contrast, parseHex } from './contrast.ts';
import {
  ANNOTATION_FILLS,
  ENTITY_UNDERLINES,
  FLASH_FILL,
  HIGHLIGHT_CSS,
  PAGE_BACKGROUNDS,
} from './highlight-styles.ts';
import { DESIGN_CSS, SCHEMES, TYPE_SCALE } from './tokens.ts';

const SCHEME_NAMES = ['light', 'dark'] as const;

describe('contrast', () => {
  it('computes the WCAG ratios of known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's reference: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrast('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });

  it('refuses what is not a hex colour, so a token in another notation fails here', () => {
    expect(() => parseHex('rgb(0 0 0)')).toThrow(/not a #rgb/u);
  });
});

describe('highlights on the page: every style readable in light and dark schemes', () => {
  for (const scheme of SCHEME_NAMES) {
    for (const color of ANNOTATION_COLORS)
      it(`${scheme}: text on a ${color} annotation is AA (4.5:1)`, () => {
        const { fg, bg } = ANNOTATION_FILLS[color][scheme];
        expect(contrast(fg, bg)).toBeGreaterThanOrEqual(AA_TEXT);
      });

    it(`${scheme}: text on the flash is AA`, () => {
      const { fg, bg } = FLASH_FILL[scheme];
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(AA_TEXT);
    });

    for (const [kind, underline] of Object.entries(ENTITY_UNDERLINES))
      it(`${scheme}: the ${kind} underline stands out from the page (3:1) and from every annotation behind it`, () => {
        expect(contrast(underline[scheme], PAGE_BACKGROUNDS[scheme])).toBeGreaterThanOrEqual(AA_NON_TEXT);
        // An annotation over a name keeps the name's underline visible (issue 15: "hides them").
        for (const color of ANNOTATION_COLORS)
          expect(
            contrast(underline[scheme], ANNOTATION_FILLS[color][scheme].bg),
            `${kind} over ${color}`,
          ).toBeGreaterThanOrEqual(2);
      });
  }

  it('paints entities as underlines only: no fill or text colour of theirs can lower the page contrast', () => {
    for (const kind of Object.keys(ENTITY_UNDERLINES)) {
      const rules = HIGHLIGHT_CSS.match(new RegExp(`::highlight\\(rasid-${kind}\\) \\{[^}]*\\}`, 'gu')) ?? [];
      expect(rules).toHaveLength(2);
      for (const rule of rules) expect(rule).not.toMatch(/background|[^-]color:/u);
    }
  });

  it('paints every annotation colour opaque, with its own text colour, in both schemes', () => {
    expect(HIGHLIGHT_CSS).not.toMatch(/rgba?\(|\/ 0\./u);
    for (const color of ANNOTATION_COLORS)
      for (const scheme of SCHEME_NAMES) {
        const { fg, bg } = ANNOTATION_FILLS[color][scheme];
        expect(HIGHLIGHT_CSS).toContain(
          `::highlight(rasid-note-${color}) { color: ${fg}; background-color: ${bg}; }`,
        );
      }
  });

  it('keeps the annotation fills apart from one another', () => {
    for (const scheme of SCHEME_NAMES)
      for (const a of ANNOTATION_COLORS)
        for (const b of ANNOTATION_COLORS)
          if (a < b) expect(ANNOTATION_FILLS[a][scheme].bg).not.toBe(ANNOTATION_FILLS[b][scheme].bg);
  });
});

describe('the interface palette', () => {
  for (const scheme of SCHEME_NAMES) {
    const c = SCHEMES[scheme];
    it(`${scheme}: text and secondary text are AA on the page and on raised surfaces`, () => {
      for (const surface of [c.bg, c.surface]) {
        expect(contrast(c.text, surface)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrast(c.muted, surface)).toBeGreaterThanOrEqual(AA_TEXT);
      }
      expect(contrast(c.onBrand, c.brand)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrast(c.danger, c.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    });

    it(`${scheme}: badges are AA, and the kinds' hues and the focus ring stand out (3:1)`, () => {
      for (const badge of [c.badgeRecurring, c.badgeNewHere])
        expect(contrast(badge.fg, badge.bg)).toBeGreaterThanOrEqual(AA_TEXT);
      for (const hue of [c.actor, c.place, c.suggested, c.focus])
        expect(contrast(hue, c.bg)).toBeGreaterThanOrEqual(AA_NON_TEXT);
    });
  }
});

describe('the typographic scale: Arabic is not the small print', () => {
  it('sets Arabic larger, heavier and on a taller line than its English gloss', () => {
    expect(TYPE_SCALE.ar).toBeGreaterThan(TYPE_SCALE.gloss);
    expect(TYPE_SCALE.ar).toBeGreaterThan(TYPE_SCALE.ui);
    expect(TYPE_SCALE.arWeight).toBeGreaterThan(TYPE_SCALE.glossWeight);
    expect(TYPE_SCALE.arLine).toBeGreaterThan(TYPE_SCALE.glossLine);
    expect(TYPE_SCALE.uiAr).toBeGreaterThanOrEqual(TYPE_SCALE.ui);
  });

  it('publishes the scale as custom properties for pages and shadow roots alike', () => {
    expect(DESIGN_CSS).toContain(':root, :host {');
    expect(DESIGN_CSS).toContain(`--rasid-size-ar: ${TYPE_SCALE.ar}px`);
    expect(DESIGN_CSS).toContain(`--rasid-size-gloss: ${TYPE_SCALE.gloss}px`);
  });
});
