import { browser } from 'wxt/browser';
import { pageKey } from '../pages/page-key.ts';
import { sendToTab } from './send-message.ts';

/** The key of the page a tab shows, or null for what is not a web page. */
function keyOf(url: string | undefined): string | null {
  try {
    return url ? pageKey(url) : null;
  } catch {
    return null;
  }
}

/**
 * Opens the page an annotation was made on — the tab that shows it already, else a new one at the
 * address it was made on — and, once Rasid's reader there has anchored
 * the page's annotations, scrolls to it and flashes it — the route the panel takes
 * (`annotations/reveal`). Resolves with `revealed` when it flashed, `orphan` when the passage is not on
 * the page as it is now (the page is open all the same), `no-reader` when no reader answered in time.
 */
export async function openAnnotation(
  { id, page, target }: { id: string; page: string; target: { source: string } },
  timeoutMs = 20_000,
): Promise<'revealed' | 'orphan' | 'no-reader'> {
  const open = (await browser.tabs.query({})).find((t) => keyOf(t.url) === page);
  const tab =
    open?.id !== undefined
      ? await browser.tabs.update(open.id, { active: true })
      : await browser.tabs.create({ url: target.source, active: true });
  if (open?.windowId !== undefined)
    await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
  if (tab?.id === undefined) return 'no-reader';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await sendToTab(tab.id, 'reader/state', {});
    const placed = state.ok ? state.value.annotations.find((a) => a.row.id === id) : undefined;
    if (placed?.orphan) return 'orphan';
    if (placed) {
      const shown = await sendToTab(tab.id, 'annotations/reveal', { id });
      if (shown.ok && shown.value) return 'revealed';
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return 'no-reader';
}
