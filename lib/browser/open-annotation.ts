import { browser } from 'wxt/browser';
import { sendToTab } from './send-message.ts';

/**
 * Opens the page an annotation was made on in a new tab and, once Rasid's reader there has anchored
 * the page's annotations, scrolls to it and flashes it — the route the panel takes
 * (`annotations/reveal`). Resolves with `revealed` when it flashed, `orphan` when the passage is not on
 * the page as it is now (the page is open all the same), `no-reader` when no reader answered in time.
 */
export async function openAnnotation(
  address: string,
  id: string,
  timeoutMs = 20_000,
): Promise<'revealed' | 'orphan' | 'no-reader'> {
  const tab = await browser.tabs.create({ url: address, active: true });
  if (tab.id === undefined) return 'no-reader';
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
