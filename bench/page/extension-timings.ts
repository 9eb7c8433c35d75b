import { tabIdOf } from '../../e2e/support/extension.ts';
import { launchChromium } from '../../e2e/support/launch-chromium.ts';
import type { TestPage } from '../../e2e/support/test-browser.ts';
import type { ReaderState } from '../../lib/model/page.ts';
import type { ReaderTimings } from '../../lib/model/page.ts';
import type { Result } from '../../lib/model/result.ts';

/** A long task or long animation frame the page observed (ms since navigation start). */
export interface PageEntry {
  start: number;
  duration: number;
  /** Long animation frames: how long the frame kept input waiting (its tasks' time beyond 50 ms each). */
  blocking?: number;
}

export interface ExtensionRun {
  timings: ReaderTimings;
  mentions: number;
  /** PerformanceObserver 'longtask', registered right after the load with `buffered: true`. */
  longTasks: PageEntry[];
  /** PerformanceObserver 'long-animation-frame', same: frames that took over 50 ms, whoever's work. */
  longFrames: PageEntry[];
  domContentLoaded: number;
  load: number;
}

/** The built extension's reader state for the tab, once its first read has finished. */
export async function finishedReaderState(
  panel: TestPage,
  tabId: number,
  timeoutMs: number,
): Promise<ReaderState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await panel.evaluate(async (id) => {
      type TabsApi = { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
      const api = (globalThis as unknown as { browser: TabsApi }).browser;
      return (await api.tabs
        .sendMessage(id, { type: 'reader/state', payload: {} })
        .catch(() => null)) as Result<ReaderState> | null;
    }, tabId);
    // `timings` exists from the moment the reader does; `finishedAt` is written last, when the read is over.
    if (reply?.ok && reply.value.timings?.finishedAt !== undefined) return reply.value;
    if (Date.now() > deadline)
      throw new Error(
        `the reader gave no timings for tab ${tabId} in ${timeoutMs} ms; its last answer: ${JSON.stringify(reply?.ok ? { url: reply.value.url, enabled: reply.value.enabled, timings: reply.value.timings } : reply)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts collecting the page's long tasks and long animation frames, those before this call included. */
function observeLongEntries(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const store = window as unknown as { benchEntries: Record<string, PageEntry[]> };
    store.benchEntries = { longtask: [], 'long-animation-frame': [] };
    for (const type of ['longtask', 'long-animation-frame'])
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          store.benchEntries[type]!.push({
            start: e.startTime,
            duration: e.duration,
            blocking: (e as PerformanceEntry & { blockingDuration?: number }).blockingDuration,
          });
      }).observe({ type, buffered: true });
  });
}

/**
 * Opens `url` `runs` times (a fresh tab each time) in Chromium with the built extension
 * (.output/chrome-mv3), and reads what its content script measured of its own first read, as the
 * side panel asks it, with the long tasks and long animation frames the page observed meanwhile.
 */
export async function extensionTimings(url: string, runs: number): Promise<ExtensionRun[]> {
  const browser = await launchChromium({ lang: 'ar' });
  const out: ExtensionRun[] = [];
  try {
    const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage(url);
      await observeLongEntries(page);
      const state = await finishedReaderState(panel, await tabIdOf(panel, url), 60_000);
      // Entries are delivered after their frame: give the last ones time to arrive.
      await new Promise((r) => setTimeout(r, 500));
      const seen = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const { benchEntries } = window as unknown as { benchEntries: Record<string, PageEntry[]> };
        return {
          longTasks: benchEntries['longtask'] ?? [],
          longFrames: benchEntries['long-animation-frame'] ?? [],
          domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
          load: nav?.loadEventEnd ?? NaN,
        };
      });
      out.push({
        timings: state.timings!,
        mentions: state.entities.reduce((n, e) => n + e.count, 0),
        ...seen,
      });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
