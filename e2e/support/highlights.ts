import type { TestPage } from './test-browser.ts';

export interface PaintedMention {
  kind: 'actor' | 'place';
  text: string;
  /** Where it is: inside <article>, or in boilerplate. */
  inArticle: boolean;
  inBoilerplate: boolean;
  /** Inside a link (clicking it would navigate). */
  inLink: boolean;
}

/**
 * What Rasid painted, read back from the page's own `CSS.highlights` registry (the main world sees
 * the highlights the content script registered from its isolated world).
 */
export function paintedMentions(page: TestPage): Promise<PaintedMention[]> {
  return page.evaluate(() => {
    // TypeScript's DOM library types the registry (`HighlightRegistry`, a map of `Highlight` sets): no
    // cast, here or in the tests' `page.evaluate` callbacks, which cannot import a helper.
    const registry = CSS.highlights;
    const out: PaintedMention[] = [];
    for (const kind of ['actor', 'place'] as const) {
      for (const r of registry.get(`rasid-${kind}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const el = r.startContainer.parentElement;
        out.push({
          kind,
          text: range.toString(),
          inArticle: !!el?.closest('article'),
          inBoilerplate: !!el?.closest('nav, aside, footer, header, .comments, form'),
          inLink: !!el?.closest('a[href]'),
        });
      }
    }
    return out;
  });
}

/** How many ranges each highlight holds. */
export function paintedCounts(page: TestPage): Promise<{ actor: number; place: number }> {
  return page.evaluate(() => {
    const registry = CSS.highlights;
    return { actor: registry.get('rasid-actor')?.size ?? 0, place: registry.get('rasid-place')?.size ?? 0 };
  });
}

/** Scrolls a painted mention with this text (outside links) into view and returns its centre. */
export function pointOfMention(page: TestPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const registry = CSS.highlights;
    // A click on an annotated name edits the annotation: the point sought is a name's card.
    const notes = [...registry.entries()]
      .filter(([name]) => name.startsWith('rasid-note'))
      .flatMap(([, highlight]) => [...highlight]);
    const annotated = (range: Range) =>
      notes.some(
        (n) =>
          range.comparePoint(n.startContainer, n.startOffset) <= 0 &&
          range.comparePoint(n.endContainer, n.endOffset) >= 0,
      );
    for (const kind of ['rasid-actor', 'rasid-place'])
      for (const r of registry.get(kind) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (
          range.toString() !== wanted ||
          r.startContainer.parentElement?.closest('a[href]') ||
          annotated(range)
        )
          continue;
        r.startContainer.parentElement?.scrollIntoView({
          block: 'center',
          behavior: 'instant' as ScrollBehavior,
        });
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    return null;
  }, text);
}
