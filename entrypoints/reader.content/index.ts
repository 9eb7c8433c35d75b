import { defineContentScript } from 'wxt/utils/define-content-script';
import { isArabicPage } from '../../lib/arabic/detect-arabic.ts';
import { extractArticle } from '../../lib/article/extract-article.ts';
import { sampleText } from '../../lib/dom/sample-text.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';

/** Characters of body text sampled to tell an Arabic page: enough to be sure, cheap on any page. */
const SAMPLE_CHARS = 4000;

/**
 * Reads Arabic pages: finds the article with Readability and reports it to the background.
 * On any other page it returns after one cheap sample of the text: no DOM change, no listener, no message.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const html = document.documentElement;
    const body = document.body as HTMLElement | null;
    const hints = {
      lang: html.getAttribute('lang') || body?.getAttribute('lang') || null,
      dir: html.getAttribute('dir') || body?.getAttribute('dir') || null,
      sample: sampleText(body, SAMPLE_CHARS),
    };
    if (!isArabicPage(hints)) return;

    const article = extractArticle(document);
    if (!article || ctx.isInvalid) return;
    void sendMessage('page/report', { url: location.href, article: article.summary }).then((reply) => {
      // Only reachable when the extension was reloaded or the background failed: say so in the page's console,
      // where a reader debugging a site would look; nothing is lost, the next visit reports again.
      if (!reply.ok && !ctx.isInvalid) console.warn(`[Rasid] could not record this page: ${reply.error}`);
    });
  },
});
