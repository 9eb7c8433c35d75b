import { fallbackSummary } from '../article/fallback-summary.ts';
import { ANNOTATION_KINDS, AnnotationLayer, type PlacedAnnotation } from '../annotate/annotation-layer.ts';
import { canonicalLink } from '../dom/canonical-link.ts';
import { boxOf } from '../dom/caret.ts';
import { compileLexicon, type CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { HandlersOf, Reply, Request, TabProtocol } from '../messages/protocol.ts';
import { ok } from '../model/result.ts';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings.ts';
import type { ReaderTimings } from '../model/page.ts';
import { siteOf } from '../pages/page-key.ts';
import { PageHighlights } from '../paint/page-highlights.ts';
import type { HighlightKind, Painter } from '../paint/painter.ts';
import { compileReaderLexicon, type BundledLexicon } from '../reader-lexicon/compile-reader-lexicon.ts';
import {
  MENTION_KINDS,
  SUGGESTION_KINDS,
  type PageMention,
  type PageSuggestion,
} from '../reader/page-reader.ts';
import { Annotating } from './annotating.ts';
import { Cards } from './cards.ts';
import { watchLocation } from './location-watcher.ts';
import { Reading, remoteExtractor, remoteRecogniser, remoteSpotter, withSuggestions } from './reading.ts';
import { localSpotter } from '../reader/spotter.ts';
import type { SessionSeams } from './seams.ts';
import { createTabHandlers } from './tab-handlers.ts';

/** How long the pointer rests on a name before its card opens. */
export const HOVER_MS = 500;

/** The page's highlights, by layer: annotations first (a click on one inside a name edits it). */
export type PageItems = {
  annotations: PlacedAnnotation;
  mentions: PageMention;
  /** Names Rasid does not know yet (issue 13): under the known names, never over them. */
  suggestions: PageSuggestion;
};

/** What a start waited for, and when each arrived (`ReaderTimings`). */
type Waited = Pick<ReaderTimings, 'settingsAt'>;

export interface ReaderSession {
  /** (Re)reads the page with the current settings and lexicon; a switched-off site gets nothing. */
  start(): Promise<void>;
  /** The answers to the panel's messages. */
  handlers: HandlersOf<TabProtocol>;
  /** Takes everything away: highlights, UI, listeners, observers, retries. */
  destroy(): void;
}

/**
 * A reader on one Arabic page: reads it and follows its changes (`Reading`), reports it to the
 * background, loads its annotations, and answers the reader — cards for names (`Cards`), the toolbar
 * for selections and annotations (`Annotating`) — and the panel (`createTabHandlers`). Everything it
 * touches comes in `seams`; one highlight model holds mentions and annotations, with one painter and
 * one hit-test.
 */
export function createReaderSession(seams: SessionSeams): ReaderSession {
  const { doc, send, clock, card, toolbar } = seams;
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, seams.signal]);
  const inner: SessionSeams = { ...seams, signal };
  const page = () => ({ url: seams.url(), canonical: canonicalLink(doc) });

  let settings: Settings = DEFAULT_SETTINGS;
  // `CSS.highlights` is shared with the page, which can enumerate every range in it: on a site the
  // reader made private, annotations are not registered there — which passages the reader annotated
  // stays out of the page's reach; the panel lists them, and a click on one still edits it (the
  // hit-test reads the session's own model, not the registry). Names stay painted: they come from the
  // page's own text and the public lexicon (issue #12; SECURITY.md).
  const annotationKinds = new Set<HighlightKind>(ANNOTATION_KINDS);
  const painter: Painter = {
    paint: (kind, ranges) =>
      seams.painter.paint(kind, settings.private && annotationKinds.has(kind) ? [] : ranges),
    ...(seams.painter.add && {
      add: (kind: HighlightKind, ranges: readonly AbstractRange[]) => {
        if (!(settings.private && annotationKinds.has(kind))) seams.painter.add!(kind, ranges);
      },
    }),
    clear: () => seams.painter.clear(),
  };
  const highlights = new PageHighlights<PageItems>(doc, painter, seams.hitTesting);
  // Registered in priority order: an annotation is hit before the name it covers.
  const annotationLayer = highlights.layer('annotations', ANNOTATION_KINDS);
  const mentionLayer = highlights.layer('mentions', MENTION_KINDS);
  const suggestionLayer = highlights.layer('suggestions', SUGGESTION_KINDS);

  // The page's own copy of the lexicon — the bundled one as compiled at build time, or the reader's
  // names merged over it — for the annotation toolbar (a selection's entity, the link field's search)
  // and for spotting here should the background fail. Fetched when first needed, never for the
  // reading (issue #16: the background spots); none until it has arrived.
  let lexicon: CompiledLexicon | null = null;
  let none: CompiledLexicon | undefined;
  let bundled: Promise<BundledLexicon | null> | undefined;
  /** The lexicon of the latest start (the reader's names are fetched again for each). */
  let compiled: { run: number; lexicon: Promise<CompiledLexicon | null> } | undefined;
  // The URL this visit was reported for: later reports from the same visit are updates.
  let reported: string | null = null;
  // Each start supersedes the ones before: an older one that finishes later does nothing.
  let generation = 0;

  // Spellings the reader said are not names (issue 13): fetched with the lexicon.
  let dismissed: ReadonlySet<string> = new Set();
  const reading = new Reading({
    doc,
    layer: mentionLayer,
    suggestionLayer,
    recognise: remoteRecogniser(send),
    extract: remoteExtractor(send, seams.url, seams.remoteExtractionChars),
    signal,
    clock,
    yieldToPage: seams.yieldToPage,
    onChange: () => {
      report();
      seams.notifyPanel();
    },
  });
  const annotations = new AnnotationLayer(doc, annotationLayer, () => reading.reader?.nodes ?? []);

  /**
   * A change to the reader's lexicon from the page; the page re-highlights when the background says it
   * changed. It applies everywhere, so it is said, with an undo, where the reader made it (issue 15 §5).
   */
  const changeLexicon = async (change: Request<'lexicon/alias'>, anchor: DOMRect) => {
    const reply = await send('lexicon/alias', change);
    if (!reply.ok) return seams.warn(`[Rasid] could not change the lexicon: ${reply.error}`);
    if (signal.aborted) return;
    const { i18n } = seams;
    const close = () => cards.hide();
    const undo = async () => {
      const undone = await send('lexicon/undo-alias', { id: reply.value.id });
      if (!undone.ok) seams.warn(`[Rasid] could not undo: ${undone.error}`);
      close();
    };
    cards.showNotice(
      {
        i18n,
        message: i18n.t(change.action === 'off' ? 'spellingSwitchedOff' : 'spellingAdded', {
          spelling: change.text,
        }),
        onUndo: () => void undo(),
        onClose: close,
      },
      anchor,
    );
  };
  const cards = new Cards({
    seams: inner,
    reading,
    spellingOff: (entity, text, anchor) => void changeLexicon({ entity, text, action: 'off' }, anchor),
    page,
  });

  /** Loads the page's annotations from the database and anchors them in the page as it is now. */
  const loadAnnotations = async () => {
    const rows = await send('annotation/list', page());
    if (rows.ok && !signal.aborted) {
      await annotations.load(rows.value, signal);
      // The notebook lists orphans across pages (issue 14): the background learns where each was.
      const placed = annotations.placed;
      if (placed.length && !signal.aborted)
        void send('annotation/anchors', {
          ...page(),
          found: placed.flatMap((p) => (p.range ? [p.row.id] : [])),
          orphans: placed.flatMap((p) => (p.range ? [] : [p.row.id])),
        });
    }
    seams.notifyPanel();
  };
  const annotating = new Annotating({
    seams: inner,
    layer: annotations,
    // Before the page's lexicon has arrived, the toolbar waits for it (a selection's entity, its links).
    lexicon: () => lexicon ?? (none ??= compileLexicon({ entities: [] })),
    ready: () => (lexicon ? null : pageLexicon()),
    page,
    reload: loadAnnotations,
    addSpelling: (entity, text, anchor) => void changeLexicon({ entity, text, action: 'add' }, anchor),
    colorNames: () => settings.colorNames,
  });

  const report = () => {
    const reader = reading.reader;
    if (!reader || signal.aborted) return;
    const { url, canonical } = page();
    const visit = reported !== url;
    reported = url;
    void send('page/report', {
      url,
      canonical,
      article: reader.summary ?? fallbackSummary(doc),
      entities: reader.entities().length,
      mentions: reader.mentionReports(),
      suggested: reader.suggestionReports(),
      visit,
    }).then((reply) => {
      // Only when the extension was reloaded or its database failed: said in the page's console, where
      // a reader debugging a site would look. Nothing is lost: the next visit reports again.
      if (!reply.ok && !signal.aborted) seams.warn(`[Rasid] could not record this page: ${reply.error}`);
    });
  };

  /**
   * The page's lexicon for the latest start: the reader's names fetched and compiled over the bundled
   * one (fetched once); null if the bundled one failed, which is said in the page's console.
   */
  const pageLexicon = (): Promise<CompiledLexicon | null> => {
    const run = generation;
    if (compiled?.run === run) return compiled.lexicon;
    bundled ??= Promise.resolve()
      .then(seams.lexicon)
      .catch((error: unknown) => {
        seams.warn(`[Rasid] could not load the lexicon: ${String(error)}`);
        return null;
      });
    const made = Promise.all([bundled, send('lexicon/get', {})]).then(([file, reply]) => {
      if (!file) return null;
      const merged = reply.ok ? compileReaderLexicon(reply.value, file) : file.compiled();
      if (run === generation) lexicon = merged;
      return merged;
    });
    compiled = { run, lexicon: made };
    return made;
  };
  /** Names are spotted in the background; here, with the page's lexicon, if it fails. */
  const spotter = remoteSpotter(send, async () => {
    const local = await pageLexicon();
    return local && localSpotter(local);
  });

  /** The background's answer to the loader, for the first start only. */
  let readerStart = seams.readerStart;
  /**
   * What a reading waits for: the site's settings and the spellings the reader dismissed. The first
   * start takes them from the answer to the loader, read while the reader was injected (issue #16),
   * if it is for this page's site; later ones, and a failed answer, ask.
   */
  const startingPoint = async (): Promise<
    [Reply<'settings/get'>, Reply<'names/dismissed'>, { handed: boolean }]
  > => {
    const site = siteOf(seams.url());
    const handed = readerStart;
    readerStart = undefined;
    const early = handed && (await handed.catch(() => undefined));
    if (early?.ok && early.value?.site === site)
      return [ok(early.value.settings), ok(early.value.dismissed), { handed: true }];
    return [
      ...(await Promise.all([send('settings/get', { site }), send('names/dismissed', {})])),
      { handed: false },
    ];
  };

  /**
   * The settings handed to the first start were read before this reader listened: a change made
   * meanwhile (the panel switching the site on while the reader was injected) told no one here. Asked
   * again once the first start is over, off the names' way; a difference starts what `refresh` would.
   */
  const confirmHanded = async () => {
    const got = await send('settings/get', { site: siteOf(seams.url()) });
    if (got.ok && !signal.aborted && JSON.stringify(got.value) !== JSON.stringify(settings))
      await refresh(got);
  };

  /**
   * Reads the page afresh. `keepToolbar`: the lexicon changed (a name added here, or a teammate's
   * arriving by sync), not the page: the toolbar stays open with what the reader was typing in it.
   */
  const start = async ({ keepToolbar = false }: { keepToolbar?: boolean } = {}) => {
    const run = ++generation;
    reading.stop();
    void annotations.load([]);
    cards.hideForReading();
    if (!keepToolbar) toolbar.hide();
    // Readability begins in the background while the settings are on their way.
    reading.prefetch();
    const waited: Waited = {};
    const [got, names, { handed }] = await startingPoint();
    waited.settingsAt = performance.now();
    if (run !== generation || signal.aborted) return;
    settings = got.ok ? got.value : DEFAULT_SETTINGS;
    if (names.ok) dismissed = new Set(names.value);
    if (!settings.siteEnabled) seams.notifyPanel();
    else if ((await reading.start(spotter, settings, dismissed, waited)) && run === generation) {
      report();
      // The toolbar has been used here: its lexicon is made again with the reader's names as they are now.
      if (lexicon) void pageLexicon();
      await loadAnnotations();
    }
    if (handed && run === generation) await confirmHanded();
  };

  const refresh = async (asked?: Reply<'settings/get'>) => {
    const got = asked ?? (await send('settings/get', { site: siteOf(seams.url()) }));
    if (!got.ok) return;
    const switched = got.value.siteEnabled !== settings.siteEnabled;
    const privacy = got.value.private !== settings.private;
    settings = got.value;
    const reader = reading.reader;
    if (switched || !reader) await start();
    else {
      reader.setSettings(got.value);
      // Paints the annotations again, or takes them out of the page's registry.
      if (privacy) await loadAnnotations();
    }
  };

  // Cards: click a name, or rest the pointer on it. A click on an annotation edits it.
  // Only the reader's own input counts: an event the page dispatches (`dispatchEvent`, `.click()`) is
  // not trusted, and opens nothing, selects nothing, changes nothing (issue #12).
  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    listener: (event: DocumentEventMap[K]) => void,
  ) =>
    doc.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) listener(event);
      },
      { signal },
    );
  listen('click', (event) => {
    if (card.contains(event) || toolbar.contains(event)) return;
    if (!doc.getSelection()?.isCollapsed) return;
    toolbar.hide();
    const hit = highlights.itemAt(event.clientX, event.clientY);
    if (hit?.layer === 'annotations') return annotating.edit(hit.item.row, boxOf(doc, hit.range));
    if (hit?.layer === 'mentions' && !(event.target as Element | null)?.closest?.('a[href]'))
      cards.show(hit.item, true);
    else cards.hide();
  });
  // The toolbar's lexicon is fetched when the reader begins to select (by the time the mouse is
  // released it is mostly here): a visit on which nothing is selected never loads it (issue #16).
  doc.addEventListener('selectionchange', () => void pageLexicon(), { signal, once: true });
  // Annotating: select text (the toolbar appears), or press Alt+Shift+A with a selection.
  listen('mouseup', (event) => {
    if (toolbar.contains(event) || card.contains(event)) return;
    // After the click that ends the selection has been handled.
    afterwards(0, () => annotating.annotateSelection(false));
  });
  listen('keydown', (event) => {
    if (event.altKey && event.shiftKey && event.code === 'KeyA') annotating.annotateSelection(true);
  });
  let cancelHover = () => {};
  listen('mousemove', (event) => {
    cancelHover();
    // Cards on click only, if the reader chose so (the options page; issue 15 §5).
    if (!settings.hoverCards || card.contains(event)) return;
    cancelHover = afterwards(HOVER_MS, () => {
      const mention = highlights.hitsAt(event.clientX, event.clientY).find((h) => h.layer === 'mentions');
      if (mention && mention.item !== cards.shown) cards.show(mention.item, false);
    });
  });
  /** Runs `work` after `ms` unless the session ends first; returns a cancel. */
  function afterwards(ms: number, work: () => void): () => void {
    const cancel = clock.setTimeout(() => {
      signal.removeEventListener('abort', cancel);
      if (!signal.aborted) work();
    }, ms);
    signal.addEventListener('abort', cancel, { once: true });
    return () => {
      signal.removeEventListener('abort', cancel);
      cancel();
    };
  }

  // Same-document navigations read the new page.
  watchLocation(seams.url, { clock, signal }, () => void start());

  const destroy = () => {
    if (stop.signal.aborted) return;
    stop.abort();
    reading.stop();
    annotations.clear();
    highlights.destroy();
    card.remove();
    toolbar.remove();
  };
  seams.signal.addEventListener('abort', destroy, { once: true });

  return {
    start,
    destroy,
    handlers: withSuggestions(
      reading,
      createTabHandlers({
        page,
        settings: () => settings,
        reader: () => reading.reader,
        annotations,
        start,
        refresh,
        loadAnnotations,
        annotateSelection: (focus) => annotating.annotateSelection(focus),
        stepMention: (direction) => cards.step(direction),
        card,
        toolbar,
      }),
    ),
  };
}
