import { browser } from 'wxt/browser';
import type { ChangeTopic, Notification } from '../messages/protocol.ts';

/** Notices that arrive this close together are one change for the page. */
const COALESCE_MS = 30;

/**
 * Calls `listener` when the background says that one of `topics` changed (the one change signal,
 * issue #11), once per burst of notices: a page re-renders once, however many writes a reading makes.
 * The listener gets the tabs the changes were about (`undefined` for changes about no tab). Returns the
 * function that stops listening.
 */
export function onChange(
  topics: readonly ChangeTopic[],
  listener: (tabIds: ReadonlySet<number | undefined>) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tabs = new Set<number | undefined>();
  const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
    const n = message as Partial<Notification>;
    if (n.type !== 'changed' || !n.payload?.topics.some((t) => topics.includes(t))) return;
    // A content script's notice is about its own tab, which the browser names.
    tabs.add(n.payload.tabId ?? sender.tab?.id);
    // Not requestAnimationFrame: it never fires in a page that is not shown (a dashboard in another tab).
    timer ??= setTimeout(() => {
      timer = undefined;
      const changed = tabs;
      tabs = new Set();
      listener(changed);
    }, COALESCE_MS);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(timer);
  };
}
