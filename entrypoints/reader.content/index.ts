import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isArabicPage } from '../../lib/arabic/detect-arabic.ts';
import type { ArticleSummary } from '../../lib/article/extract-article.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/db/settings.ts';
import { sampleText } from '../../lib/dom/sample-text.ts';
import { createTranslator, pickLanguage } from '../../lib/i18n/i18n.ts';
import { precompiledBundledLexicon } from '../../lib/lexicon/precompiled-lexicon.ts';
import { dispatch } from '../../lib/messages/handlers.ts';
import { isTabMessage } from '../../lib/messages/protocol.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';
import { siteOf } from '../../lib/pages/page-key.ts';
import { createPainter } from '../../lib/paint/painter.ts';
import { PageReader, type PageMention } from '../../lib/reader/page-reader.ts';
import { createCardHost } from './card-host.tsx';
import { createTabHandlers } from './tab-handlers.ts';

/** Characters of body text sampled to tell an Arabic page: enough to be sure, cheap on any page. */
const SAMPLE_CHARS = 4000;
/** How long the pointer rests on a name before its card opens. */
const HOVER_MS = 500;

/**
 * Reads Arabic pages: finds the article, highlights the actors and places it names, shows a card for
 * a name on click or hover, and reports the page to the background. On any other page it returns
 * after one cheap sample of the text: no DOM change, no listener, no message.
 */
export default defineContentScript({
  // file:// too: readers open saved pages (Chromium asks them to allow file access first).
  matches: ['http://*/*', 'https://*/*', 'file:///*'],
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
    read(ctx);
  },
});

function read(ctx: ContentScriptContext): void {
  const site = siteOf(location.href);
  const i18n = createTranslator(pickLanguage([browser.i18n.getUILanguage(), ...navigator.languages]));
  const lexicon = precompiledBundledLexicon();
  const card = createCardHost(document, i18n);
  const state: {
    settings: Settings;
    reader: PageReader | null;
    run: AbortController | null;
    reported: string | null;
  } = {
    settings: DEFAULT_SETTINGS,
    reader: null,
    run: null,
    // The URL this visit was reported for: later reports from the same visit are updates.
    reported: null,
  };

  const notifyPanel = () =>
    void browser.runtime.sendMessage({ type: 'reader/changed', payload: {} }).catch(() => undefined);

  const report = () => {
    const reader = state.reader;
    if (!reader || ctx.isInvalid) return;
    const article: ArticleSummary = reader.summary ?? {
      title: document.title,
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: root().getAttribute('lang'),
      dir: root().getAttribute('dir'),
      excerpt: null,
      wordCount: 0,
    };
    const visit = state.reported !== location.href;
    state.reported = location.href;
    void sendMessage('page/report', {
      url: location.href,
      article,
      entities: reader.entities().length,
      visit,
    }).then((reply) => {
      // Only when the extension was reloaded or its database failed: said in the page's console, where
      // a reader debugging a site would look. Nothing is lost: the next visit reports again.
      if (!reply.ok && !ctx.isInvalid) console.warn(`[Rasid] could not record this page: ${reply.error}`);
    });
  };

  /** (Re)reads the page with the current settings; a switched-off site gets nothing. */
  const start = async () => {
    state.run?.abort();
    state.reader?.destroy();
    state.reader = null;
    card.hide();
    const got = await sendMessage('settings/get', { site });
    state.settings = got.ok ? got.value : DEFAULT_SETTINGS;
    if (!state.settings.siteEnabled || ctx.isInvalid) return notifyPanel();
    const run = new AbortController();
    state.run = run;
    const reader = new PageReader(document, lexicon, createPainter(document), state.settings, {
      onChange: () => {
        report();
        notifyPanel();
      },
    });
    state.reader = reader;
    await reader.read();
    if (ctx.isInvalid || run.signal.aborted) return reader.destroy();
    reader.observe(run.signal);
    report();
    notifyPanel();
  };

  // The panel's messages.
  const handlers = createTabHandlers({ state, site, start });
  const onMessage = (message: unknown) =>
    isTabMessage(message) ? dispatch(handlers, message, {}) : undefined;
  browser.runtime.onMessage.addListener(onMessage);

  // Cards: click a name, or rest the pointer on it.
  let shown: PageMention | null = null;
  const showCard = (mention: PageMention, focus: boolean) => {
    const reader = state.reader;
    if (!reader) return;
    shown = mention;
    const { entity } = mention;
    const move = (direction: 1 | -1) => {
      const next = reader.reveal(entity.id, direction, shown ?? undefined);
      if (next) showCard(next, true);
    };
    card.show(
      {
        id: entity.id,
        type: entity.type,
        subtype: entity.subtype,
        ar: entity.ar,
        en: entity.en,
        ...reader.positionOf(mention),
      },
      rectOf(mention),
      {
        onPrevious: () => move(-1),
        onNext: () => move(1),
        onHide: () => {
          reader.setHidden(entity.id, true);
          card.hide();
        },
      },
      focus,
    );
  };
  ctx.addEventListener(document, 'click', (event) => {
    if (card.contains(event)) return;
    const mention = mentionAtPoint(state.reader, event.clientX, event.clientY);
    if (mention && !(event.target as Element | null)?.closest?.('a[href]')) showCard(mention, true);
    else card.hide();
  });
  let hover: ReturnType<typeof setTimeout> | undefined;
  ctx.addEventListener(document, 'mousemove', (event) => {
    clearTimeout(hover);
    if (card.contains(event)) return;
    hover = setTimeout(() => {
      const mention = mentionAtPoint(state.reader, event.clientX, event.clientY);
      if (mention && mention !== shown) showCard(mention, false);
    }, HOVER_MS);
  });

  // Same-document navigations read the new page; an extension reload takes everything away.
  ctx.addEventListener(window, 'wxt:locationchange', () => void start());
  ctx.onInvalidated(() => {
    clearTimeout(hover);
    state.run?.abort();
    state.reader?.destroy();
    card.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  });
  void start();
}

const root = () => document.documentElement;

/** The mention under a point of the viewport: the caret position there, checked against the mention's boxes. */
function mentionAtPoint(reader: PageReader | null, x: number, y: number): PageMention | undefined {
  if (!reader) return undefined;
  const doc = document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  const node = position ? position.offsetNode : doc.caretRangeFromPoint?.(x, y)?.startContainer;
  const offset = position ? position.offset : (doc.caretRangeFromPoint?.(x, y)?.startOffset ?? 0);
  const mention = node ? reader.mentionAt(node, offset) : undefined;
  if (!mention) return undefined;
  const inside = [...liveRange(mention).getClientRects()].some(
    (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
  );
  return inside ? mention : undefined;
}

function liveRange({ range }: PageMention): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

const rectOf = (mention: PageMention) => liveRange(mention).getBoundingClientRect();
