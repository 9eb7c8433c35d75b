import { h } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_CSS, EntityCard, LexiconUndoNotice } from '../../components/EntityCard.tsx';
import { inPageTranslator } from '../../lib/browser/in-page-translator.ts';
import {
  loaderStartedAt,
  markLoaderStart,
  readerRunning,
  setReaderRunning,
  takeReaderStart,
} from '../../lib/browser/loader-start.ts';
import { pageLooksArabic } from '../../lib/dom/sample-text.ts';
import { notifyPages, sendMessage } from '../../lib/browser/send-message.ts';
import type { Clock } from '../../lib/clock.ts';
import { fetchShippedLexicon } from '../../lib/browser/fetch-shipped-lexicon.ts';
import { decodeShippedLexicon } from '../../lib/lexicon/shipped-lexicon.ts';
import { dispatch } from '../../lib/messages/dispatch.ts';
import { isTabMessage, type Reply, type TabMessage } from '../../lib/messages/protocol.ts';
import { createPainter } from '../../lib/paint/painter.ts';
import { createReaderSession } from '../../lib/session/reader-session.ts';
import type { Send } from '../../lib/session/seams.ts';
import type { CardView, Surface } from '../../lib/session/views.ts';
import { TOOLBAR_FRAME_PATH } from './toolbar-channel.ts';
import { createFrameSurface } from './frame-surface.ts';
import { createSurface } from './ui-host.tsx';
import { CARD_TEAM_PATH, teamFrameOf } from '../../lib/session/card-team-address.ts';

/**
 * The reader. Not a content script of the manifest: the loader (`entrypoints/loader`, the manifest's
 * only content script, declared by `wxt.config.ts`) decides that a page is Arabic and asks the
 * background, which injects this file (`/reader.js`, one IIFE built by WXT as an unlisted script) into
 * the tab's top frame, in the loader's isolated world (issue #16: every other page runs only the few-KB
 * loader). Not a WXT content script either: WXT's `ContentScriptContext` posts a
 * `<extension id>:…:wxt:content-script-started` message to the page and dispatches a custom event of
 * that name on its `document` — the extension's id handed to every page, and a forged one made the
 * context tear Rasid down (issue #12). Here nothing is posted or dispatched to the page; the session's
 * lifetime is its own (`lifetime` below).
 *
 * On a site where a page was read as Arabic, the background also registers this file to run by itself
 * at `document_end` (`lib/background/reader-sites.ts`): before the loader, which then finds it running
 * and stops. It then asks what the loader would have — is the page Arabic? — and, if it is not (yet),
 * leaves the page to the loader, which looks again once the page is idle.
 */
export default defineUnlistedScript(() => {
  const readerStartedAt = performance.now();
  if (readerRunning()) return;
  // Injected, the loader asked for it; registered, it asks for itself.
  let readerStart = takeReaderStart() as Promise<Reply<'reader/load'>> | undefined;
  const byItself = loaderStartedAt() === undefined;
  if (byItself) {
    if (!pageLooksArabic(document)) return;
    markLoaderStart(readerStartedAt);
    readerStart = sendMessage('reader/load', { running: true });
  }
  setReaderRunning(true);

  const lifetime = new AbortController();
  /**
   * Is the extension still there? When it is reloaded, updated or removed, this script stays in the
   * page, orphaned, and `runtime.id` disappears: the session then takes everything away. Checked on
   * every turn of the session's clock (its location watcher polls every second) and after a failed
   * message.
   */
  const alive = () => {
    if (lifetime.signal.aborted) return false;
    if (browser.runtime?.id) return true;
    lifetime.abort();
    return false;
  };
  const clock: Clock = {
    now: () => Date.now(),
    setTimeout(run, ms) {
      const id = setTimeout(() => alive() && run(), ms);
      return () => clearTimeout(id);
    },
  };
  const send: Send = async (type, payload) => {
    const reply = await sendMessage(type, payload);
    if (!reply.ok) alive();
    return reply;
  };

  // The toolbar, where the reader types notes, is an extension page in a frame: the page hears no key
  // typed there (issue #12; frame-surface.ts).
  const toolbar = createFrameSurface(document, 'rasid-toolbar', {
    url: browser.runtime.getURL(TOOLBAR_FRAME_PATH),
    origin: new URL(browser.runtime.getURL('/')).origin,
  });
  // While the toolbar is open, a name the pointer rested on does not open its card over it: the pointer
  // in the toolbar's frame is not seen by the page, so a hover begun before would fire there.
  // In a team, the card holds the team's line in an extension frame (issue #17).
  const teamFrame = browser.runtime.getURL(CARD_TEAM_PATH);
  const cardSurface = createSurface(document, 'rasid-card', CARD_CSS, (shown: CardView) =>
    shown.view === 'card'
      ? h(EntityCard, { ...shown.props, teamFrame: teamFrameOf(teamFrame, shown.props) })
      : h(LexiconUndoNotice, shown.props),
  );
  const card: Surface<CardView> = {
    ...cardSurface,
    show(props, anchor, focus) {
      if (focus || !toolbar.isOpen()) cardSurface.show(props, anchor, focus);
    },
  };
  const session = createReaderSession({
    doc: document,
    url: () => location.href,
    send,
    // The change signal, about this tab (the browser names the sender's tab to the panel).
    notifyPanel: () => notifyPages({ type: 'changed', payload: { topics: ['reader'] } }),
    painter: createPainter(document),
    clock,
    i18n: inPageTranslator(),
    card,
    toolbar,
    // The shipped lexicon is data, not code (issue #16). The background spots the page's names; this
    // copy, fetched when the reader begins to select, serves the annotation toolbar. Its entities are made one by
    // one, as they are needed. (`getURL` is typed with the public folder's files; the build writes this
    // one, wxt.config.ts.)
    lexicon: () =>
      fetchShippedLexicon((path) => (browser.runtime.getURL as (path: string) => string)(path)).then(
        decodeShippedLexicon,
      ),
    // What the loader's message to the background (or this script's own) brought back: the site's settings.
    readerStart,
    signal: lifetime.signal,
    warn: (message) => console.warn(message),
  });

  // The reader's timings count from the loader's start (issue #16; `npm run bench:page`).
  const started = loaderStartedAt();
  const handlers: typeof session.handlers = {
    ...session.handlers,
    'reader/state': async (payload, sender) => {
      const state = await session.handlers['reader/state'](payload, sender);
      return state.timings && started !== undefined
        ? {
            ...state,
            timings: {
              ...state.timings,
              loaderStartedAt: started,
              readerStartedAt,
              byItself,
            },
          }
        : state;
    },
  };

  // The panel's and the background's messages. Content scripts cannot call `tabs.sendMessage` and
  // pages cannot reach this listener at all; it checks its sender all the same. `reader/ui`, which
  // describes the in-page UI (what the page must not see), is answered only to Rasid's own pages.
  const extensionRoot = browser.runtime.getURL('/');
  const onMessage = (message: unknown, sender: { id?: string | undefined; url?: string | undefined }) => {
    if (!isTabMessage(message) || sender.id !== browser.runtime.id || !alive()) return undefined;
    if (message.type === 'reader/ui' && !sender.url?.startsWith(extensionRoot)) return undefined;
    return dispatch(handlers, message as TabMessage, { kind: 'extension', url: sender.url });
  };
  browser.runtime.onMessage.addListener(onMessage);
  // An extension reload takes everything away. (Same-document navigations: the session watches the
  // address itself, not WXT's `wxt:locationchange`, which the page can forge.)
  lifetime.signal.addEventListener(
    'abort',
    () => {
      session.destroy();
      setReaderRunning(false);
      // The listener of an orphaned script may be gone with its extension: nothing to remove then.
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        /* the extension is gone */
      }
    },
    { once: true },
  );
  void session.start();
});
