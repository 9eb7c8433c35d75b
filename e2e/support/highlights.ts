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
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
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
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    return { actor: registry.get('rasid-actor')?.size ?? 0, place: registry.get('rasid-place')?.size ?? 0 };
  });
}

/** Scrolls a painted mention with this text (outside links) into view and returns its centre. */
export function pointOfMention(page: TestPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const kind of ['rasid-actor', 'rasid-place'])
      for (const r of registry.get(kind) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted || r.startContainer.parentElement?.closest('a[href]')) continue;
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

/** The card's visible text, by part, from its shadow root; null when no card is open. */
export function cardText(
  page: TestPage,
): Promise<{ name: string; en: string; kind: string; mentionOf: string } | null> {
  return page.evaluate(() => {
    const root = document.querySelector('rasid-card')?.shadowRoot;
    const card = root?.querySelector('[role=dialog]');
    if (!card) return null;
    const text = (sel: string) => card.querySelector(sel)?.textContent ?? '';
    return {
      name: text('h2'),
      en: text('.en'),
      kind: text('.kind'),
      mentionOf: text('[data-testid=mention-of]'),
    };
  });
}
