import type { ReaderUi, UiControl } from '../../lib/model/reader-ui.ts';
import { DEFAULT_TIMEOUT, type TestPage } from './test-browser.ts';

/**
 * The tests drive Rasid's in-page UI as a reader does. The card and the toolbar live in closed shadow
 * roots (issue #12): neither a hostile page nor a test can read them from the page. What they show,
 * and where their controls are, is asked from an extension page with the `reader/ui` tab message;
 * then the test clicks and types with the real mouse and keyboard (trusted events).
 */

/** What Rasid's in-page UI shows in the tab `tabId`, asked from one of Rasid's extension pages. */
export async function uiOf(extensionPage: TestPage, tabId: number): Promise<ReaderUi> {
  const reply = await extensionPage.evaluate(async (id) => {
    type TabsApi = { tabs: { sendMessage(id: number, message: unknown): Promise<unknown> } };
    const api = (globalThis as unknown as { browser: TabsApi }).browser;
    return (await api.tabs.sendMessage(id, { type: 'reader/ui', payload: {} })) as
      { ok: true; value: ReaderUi } | { ok: false; error: string } | undefined;
  }, tabId);
  if (!reply?.ok) throw new Error(`reader/ui: ${reply ? reply.error : 'no answer'}`);
  return reply.value;
}

/** The reader at one tab: what its in-page UI shows, and a mouse and keyboard to use it. */
export interface Reader {
  ui(): Promise<ReaderUi>;
  /** Waits until the UI satisfies `test`, and returns it. */
  waitForUi(test: (ui: ReaderUi) => boolean, timeoutMs?: number): Promise<ReaderUi>;
  /** Waits for a control (by `data-testid`) to be shown, and returns it. */
  control(testId: string, timeoutMs?: number): Promise<UiControl>;
  /** Clicks a control of the open surface with the mouse. */
  click(testId: string): Promise<void>;
  /** Clicks a field and types into it with the keyboard. */
  fill(testId: string, text: string): Promise<void>;
}

export function readerAt(page: TestPage, extensionPage: TestPage, tabId: number): Reader {
  const waitForUi = async (test: (ui: ReaderUi) => boolean, timeoutMs = DEFAULT_TIMEOUT) => {
    const deadline = Date.now() + timeoutMs;
    let last: ReaderUi | string = 'nothing yet';
    for (;;) {
      try {
        const ui = await uiOf(extensionPage, tabId);
        if (test(ui)) return ui;
        last = ui;
      } catch (e) {
        last = String(e);
      }
      if (Date.now() > deadline)
        throw new Error(`the in-page UI did not show what was awaited; last: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const boxOf = (ui: ReaderUi, testId: string) => ui.controls.find((c) => c.testId === testId);
  const control = async (testId: string, timeoutMs?: number) => {
    // Where it is once it stays there: the toolbar's frame is placed again when its content grows (a
    // link line, the team's switch, fonts), and a click aimed at the box before that lands beside the
    // control. Three readings alike, 100 ms apart: on a loaded machine one pause is not a rest.
    let seen = boxOf(await waitForUi((u) => !!boxOf(u, testId), timeoutMs), testId)!;
    let alike = 0;
    for (let i = 0; i < 30 && alike < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const now = boxOf(await waitForUi((u) => !!boxOf(u, testId), timeoutMs), testId)!;
      alike = JSON.stringify(now.box) === JSON.stringify(seen.box) ? alike + 1 : 0;
      seen = now;
    }
    return seen;
  };
  const click = async (testId: string) => {
    const { box } = await control(testId);
    await page.front();
    await page.click(box.x + box.width / 2, box.y + box.height / 2);
  };
  return {
    ui: () => uiOf(extensionPage, tabId),
    waitForUi,
    control,
    click,
    async fill(testId, text) {
      await click(testId);
      await page.type(text);
    },
  };
}

/**
 * Selects `phrase` (its first occurrence in `within`) with the mouse, as a reader does: presses at the
 * phrase's first character, drags to its last, lets go. Only the page's own DOM is read, to find where
 * the words are on the screen.
 */
export async function selectWithMouse(page: TestPage, phrase: string, within = 'article'): Promise<void> {
  const points = await page.evaluate(
    ({ wanted, selector }) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(wanted);
        if (at < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        const charBox = (i: number) => {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          return r.getBoundingClientRect();
        };
        const first = charBox(at);
        const last = charBox(at + wanted.length - 1);
        const rtl = getComputedStyle(n.parentElement!).direction === 'rtl';
        // Just inside the outer edge of the first and last characters: the caret lands on the
        // phrase's own boundaries.
        return {
          x1: rtl ? first.right - 1 : first.left + 1,
          y1: first.top + first.height / 2,
          x2: rtl ? last.left + 1 : last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      throw new Error(`${wanted} not found in ${selector}`);
    },
    { wanted: phrase, selector: within },
  );
  await page.front();
  await page.drag(points.x1, points.y1, points.x2, points.y2);
}
