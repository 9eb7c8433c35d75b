import type { TestPage } from './test-browser.ts';

/**
 * The text of each range a page paints as `rasid-<kind>` (actor, place, suggested…), read from its
 * highlight registry; and a wait for one to be painted or gone.
 */
export function paintedTexts(page: TestPage, kind: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    `rasid-${kind}`,
  );
}

/** Waits until `text` is painted as `kind` (`painted` true) or no longer is (false). */
export const waitForPaintedText = (
  page: TestPage,
  kind: string,
  text: string,
  painted = true,
  timeoutMs = 30_000,
) =>
  page.waitFor(
    ([name, want, yes]) =>
      [...(CSS.highlights.get(name) ?? [])].some((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString() === want;
      }) === yes,
    [`rasid-${kind}`, text, painted] as const,
    timeoutMs,
  );

/** Clicks one of a suggestion's buttons in the panel (an extension page: a script click is fine there). */
export const clickSuggestion = (
  panel: TestPage,
  text: string,
  button: 'add-actor' | 'add-place' | 'dismiss',
): Promise<void> =>
  panel.evaluate(
    ([name, cls]) => {
      const li = [...document.querySelectorAll('li[data-suggestion]')].find(
        (el) => el.querySelector('.ar')?.textContent === name,
      );
      const target = li?.querySelector<HTMLButtonElement>(`button.${cls}`);
      if (!target) throw new Error(`no ${cls} button for ${name}`);
      target.click();
    },
    [text, button] as const,
  );
