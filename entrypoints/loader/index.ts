import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageLooksArabic } from '../../lib/dom/sample-text.ts';
import { leaveReaderStart, markLoaderStart, readerRunning } from '../../lib/browser/loader-start.ts';

/** The runtime calls the loader makes, without the polyfill (a few KB it has no use for). */
interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown> | undefined;
}
const runtime = () =>
  (
    (globalThis as { browser?: { runtime: Runtime } }).browser ??
    (globalThis as { chrome?: { runtime: Runtime } }).chrome
  )?.runtime;

/**
 * Rasid's only content script (issue #16), declared in the manifest by `wxt.config.ts` and run on
 * every http(s) and file page: a few KB that sample the page's text and stop unless it is Arabic. On
 * an Arabic page it asks the background for the reader (`reader/load`), which injects
 * `entrypoints/reader` into this tab's top frame, in this same isolated world. So a page that is not
 * Arabic compiles and runs this file only: no lexicon, no DOM change, no listener. On a site where the
 * reader starts by itself (`lib/background/reader-sites.ts`) it has already run, and this stops.
 */
export default defineUnlistedScript(() => {
  if (readerRunning()) return;
  markLoaderStart();
  if (!pageLooksArabic(document)) return;
  const api = runtime();
  if (!api) return;
  // A rejection (the extension reloading, the tab gone) leaves the page as it is. The answer, the
  // settings the reader's first reading needs, is left for it.
  const reply = api.sendMessage({ type: 'reader/load', payload: {} });
  if (!reply) return;
  reply.catch(() => undefined);
  leaveReaderStart(reply);
});
