import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isArabicPage } from '../../lib/arabic/detect-arabic.ts';
import { sampleText } from '../../lib/dom/sample-text.ts';
import { leaveReaderStart, markLoaderStart } from '../../lib/browser/loader-start.ts';

/** Characters of body text sampled to tell an Arabic page: enough to be sure, cheap on any page. */
const SAMPLE_CHARS = 4000;

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
 * Arabic compiles and runs this file only: no lexicon, no DOM change, no listener.
 */
export default defineUnlistedScript(() => {
  markLoaderStart();
  const { documentElement: html, body } = document as {
    documentElement: HTMLElement;
    body: HTMLElement | null;
  };
  const hints = {
    lang: html.getAttribute('lang') || body?.getAttribute('lang') || null,
    dir: html.getAttribute('dir') || body?.getAttribute('dir') || null,
    sample: sampleText(body, SAMPLE_CHARS),
  };
  if (!isArabicPage(hints)) return;
  const api = runtime();
  if (!api) return;
  // A rejection (the extension reloading, the tab gone) leaves the page as it is. The answer, the
  // settings the reader's first reading needs, is left for it.
  const reply = api.sendMessage({ type: 'reader/load', payload: {} });
  if (!reply) return;
  reply.catch(() => undefined);
  leaveReaderStart(reply);
});
