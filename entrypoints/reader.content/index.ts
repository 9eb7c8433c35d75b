import { h } from 'preact';
import { browser } from 'wxt/browser';
import {
  AnnotationToolbar,
  DeletedNotice,
  TOOLBAR_CSS,
  type AnnotationValues,
  type LinkableEntity,
} from '../../components/AnnotationToolbar.tsx';
import { CARD_CSS, EntityCard } from '../../components/EntityCard.tsx';
import { AnnotationLayer, type Selectors } from '../../lib/annotate/annotation-layer.ts';
import type { AnnotationRow } from '../../lib/db/annotation.ts';
import type { EntityHistory } from '../../lib/db/mention.ts';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isArabicPage } from '../../lib/arabic/detect-arabic.ts';
import type { ArticleSummary } from '../../lib/article/extract-article.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/db/settings.ts';
import { sampleText } from '../../lib/dom/sample-text.ts';
import { browserTranslator } from '../../lib/i18n/browser-translator.ts';
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { compileLexicon, type CompiledLexicon } from '../../lib/lexicon/compile-lexicon.ts';
import { precompiledBundledLexicon } from '../../lib/lexicon/precompiled-lexicon.ts';
import { mergeLexicon } from '../../lib/lexicon/reader-lexicon.ts';
import type { Entity } from '../../lib/lexicon/schema.ts';
import { spot } from '../../lib/lexicon/spot.ts';
import { dispatch } from '../../lib/messages/dispatch.ts';
import { isTabMessage } from '../../lib/messages/protocol.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';
import { siteOf } from '../../lib/pages/page-key.ts';
import { createPainter } from '../../lib/paint/painter.ts';
import { PageReader, type PageMention } from '../../lib/reader/page-reader.ts';
import { createTabHandlers } from './tab-handlers.ts';
import { createUiHost } from './ui-host.tsx';

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
  const i18n = browserTranslator();
  // The bundled lexicon as compiled at build time, until the reader's own is merged over it.
  let lexicon: CompiledLexicon = precompiledBundledLexicon();
  /** Fetches the reader's lexicon and compiles it over the bundled one (kept as is when they have none). */
  const loadLexicon = async () => {
    const reply = await sendMessage('lexicon/get', {});
    if (!reply.ok) return;
    lexicon =
      reply.value.entities.length || reply.value.aliases.length
        ? compileLexicon({ entities: mergeLexicon(bundledLexicon.entities, reply.value) })
        : precompiledBundledLexicon();
  };
  const card = createUiHost(document, 'rasid-card', CARD_CSS);
  const toolbar = createUiHost(document, 'rasid-toolbar', TOOLBAR_CSS);
  const state: {
    settings: Settings;
    reader: PageReader | null;
    run: AbortController | null;
    reported: string | null;
    annotations: AnnotationLayer;
  } = {
    settings: DEFAULT_SETTINGS,
    reader: null,
    run: null,
    // The URL this visit was reported for: later reports from the same visit are updates.
    reported: null,
    annotations: new AnnotationLayer(document, createPainter(document), () => state.reader?.nodes ?? []),
  };

  /** Loads the page's annotations from the database and anchors them in the page as it is now. */
  const loadAnnotations = async () => {
    const rows = await sendMessage('annotation/list', { url: location.href, canonical: canonicalLink() });
    if (rows.ok && !ctx.isInvalid) state.annotations.load(rows.value);
    notifyPanel();
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
      canonical: canonicalLink(),
      article,
      entities: reader.entities().length,
      mentions: reader.mentionReports(),
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
    state.annotations.load([]);
    card.hide();
    toolbar.hide();
    const [got] = await Promise.all([sendMessage('settings/get', { site }), loadLexicon()]);
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
    await loadAnnotations();
  };

  /**
   * Saves an annotation. A failed write (a full disk, a background restarting) is shown in the
   * toolbar, which stays open, and tried again with growing delays: never silently dropped.
   */
  const saveAnnotation = async (
    row: AnnotationRow,
    failed: (error: string) => void,
    attempt = 0,
  ): Promise<void> => {
    const saved = await sendMessage('annotation/save', { annotation: row, canonical: canonicalLink() });
    if (!saved.ok) {
      failed(saved.error);
      if (attempt < 5 && !ctx.isInvalid)
        ctx.setTimeout(() => void saveAnnotation(row, failed, attempt + 1), 1000 * 2 ** attempt);
      return;
    }
    toolbar.hide();
    getSelection()?.removeAllRanges();
    await loadAnnotations();
  };

  const bodyOf = ({ note, tags, color, entity }: AnnotationValues): AnnotationRow['body'] => ({
    note,
    tags,
    color,
    ...(entity ? { entity } : {}),
  });

  const newRow = (selectors: Selectors, values: AnnotationValues): AnnotationRow => ({
    id: crypto.randomUUID(),
    page: location.href,
    target: { source: location.href, selector: selectors },
    body: bodyOf(values),
    created: Date.now(),
    modified: Date.now(),
  });

  /** Entities to link to: the reader's own first (marked as theirs), then the bundled ones. */
  const linkable = (): LinkableEntity[] => {
    const own = (e: Entity) => e.provenance.source === 'reader';
    return [...lexicon.entities.filter(own), ...lexicon.entities.filter((e) => !own(e))].map((e) => ({
      id: e.id,
      ar: e.ar,
      en: own(e) ? i18n.t('yours') : e.en,
    }));
  };

  /** A change to the reader's lexicon; the page re-highlights when the background says it changed. */
  const changeLexicon = async (change: Parameters<typeof sendMessage<'lexicon/alias'>>[1]) => {
    const reply = await sendMessage('lexicon/alias', change);
    if (!reply.ok) console.warn(`[Rasid] could not change the lexicon: ${reply.error}`);
  };

  /** The values to save: a new entity of the reader's own is made first, and linked. */
  const withEntity = async (values: AnnotationValues): Promise<AnnotationValues | string> => {
    if (!values.newEntity) return values;
    const made = await sendMessage('entity/create', values.newEntity);
    return made.ok ? { ...values, entity: made.value.id, newEntity: undefined } : made.error;
  };

  /** The toolbar for the current selection, if it holds text Rasid reads. */
  const annotateSelection = (focus: boolean): boolean => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
    const range = selection.getRangeAt(0);
    const selectors = state.annotations.selectorsFor(range);
    if (!selectors) return false;
    // A selection that names an entity is offered as a link to it.
    const suggested = spot(selectors.quote.exact, lexicon)[0]?.alias.entity.id;
    const show = (error?: string) =>
      toolbar.show(
        h(AnnotationToolbar, {
          i18n,
          mode: 'new',
          initial: { color: 'yellow', note: '', tags: [], entity: suggested },
          entities: linkable(),
          error,
          onSave: (values) =>
            void withEntity(values).then((v) =>
              typeof v === 'string' ? show(v) : saveAnnotation(newRow(selectors, v), (error) => show(error)),
            ),
          onAddSpelling: (entity) => {
            toolbar.hide();
            void changeLexicon({ entity, text: selectors.quote.exact, action: 'add' });
          },
          onClose: () => toolbar.hide(),
        }),
        range.getBoundingClientRect(),
        focus,
      );
    show();
    return true;
  };

  /** Deletes an annotation, and offers to undo it where it was. */
  const deleteAnnotation = async (row: AnnotationRow, anchor: DOMRect, failed: (error: string) => void) => {
    const removed = await sendMessage('annotation/delete', { id: row.id });
    if (!removed.ok) return failed(removed.error);
    await loadAnnotations();
    const undo = () => void saveAnnotation(row, failed);
    toolbar.show(h(DeletedNotice, { i18n, onUndo: undo, onClose: () => toolbar.hide() }), anchor, false);
  };

  /** The toolbar for an existing annotation: edit, recolour, retag, delete. */
  const editAnnotation = (row: AnnotationRow, anchor: DOMRect) => {
    const show = (error?: string) =>
      toolbar.show(
        h(AnnotationToolbar, {
          i18n,
          mode: 'edit',
          initial: row.body,
          entities: linkable(),
          error,
          onSave: (values) =>
            void withEntity(values).then((v) =>
              typeof v === 'string'
                ? show(v)
                : saveAnnotation({ ...row, body: bodyOf(v) }, (error) => show(error)),
            ),
          onDelete: () => void deleteAnnotation(row, anchor, show),
          onClose: () => toolbar.hide(),
        }),
        anchor,
        true,
      );
    show();
  };

  // The panel's messages.
  const handlers = createTabHandlers({
    state,
    site,
    start,
    loadAnnotations,
    annotateSelection,
    canonical: canonicalLink,
  });
  const onMessage = (message: unknown) =>
    isTabMessage(message) ? dispatch(handlers, message, {}) : undefined;
  browser.runtime.onMessage.addListener(onMessage);

  // Cards: click a name, or rest the pointer on it.
  let shown: PageMention | null = null;
  const showCard = (mention: PageMention, focus: boolean, history?: EntityHistory) => {
    const reader = state.reader;
    if (!reader) return;
    shown = mention;
    const { entity } = mention;
    const move = (direction: 1 | -1) => {
      const next = reader.reveal(entity.id, direction, shown ?? undefined);
      if (next) showCard(next, true);
    };
    // The card opens at once; what Rasid remembers of the entity follows when the background answers.
    if (!history)
      void sendMessage('entity/history', {
        url: location.href,
        canonical: canonicalLink(),
        entities: [entity.id],
      }).then((reply) => {
        if (reply.ok && reply.value[0] && shown === mention && card.isOpen())
          showCard(mention, false, reply.value[0]);
      });
    card.show(
      h(EntityCard, {
        i18n,
        history,
        entity: {
          id: entity.id,
          type: entity.type,
          subtype: entity.subtype,
          ar: entity.ar,
          en: entity.en,
          ...reader.positionOf(mention),
        },
        onPrevious: () => move(-1),
        onNext: () => move(1),
        onHide: () => {
          reader.setHidden(entity.id, true);
          card.hide();
        },
        spelling: mention.alias,
        onSpellingOff: () => {
          card.hide();
          void changeLexicon({ entity: entity.id, text: mention.alias, action: 'off' });
        },
        onClose: () => card.hide(),
      }),
      rectOf(mention),
      focus,
    );
  };
  ctx.addEventListener(document, 'click', (event) => {
    if (card.contains(event) || toolbar.contains(event)) return;
    if (!getSelection()?.isCollapsed) return;
    toolbar.hide();
    const caret = caretAt(event.clientX, event.clientY);
    const annotation = caret && state.annotations.at(caret.node, caret.offset);
    if (annotation?.range) return editAnnotation(annotation.row, boxOf(annotation.range));
    const mention = mentionAtPoint(state.reader, event.clientX, event.clientY);
    if (mention && !(event.target as Element | null)?.closest?.('a[href]')) showCard(mention, true);
    else card.hide();
  });
  // Annotating: select text (the toolbar appears), or press Alt+Shift+A with a selection.
  ctx.addEventListener(document, 'mouseup', (event) => {
    if (toolbar.contains(event) || card.contains(event)) return;
    setTimeout(() => annotateSelection(false), 0);
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.altKey && event.shiftKey && event.code === 'KeyA') annotateSelection(true);
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
    state.annotations.clear();
    card.remove();
    toolbar.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  });
  void start();
}

const root = () => document.documentElement;

/** The page's canonical link, if it has one (page identity: `lib/pages/page-identity.ts`). */
const canonicalLink = () =>
  document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;

/** The caret position under a point of the viewport. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The mention under a point of the viewport: the caret position there, checked against the mention's boxes. */
function mentionAtPoint(reader: PageReader | null, x: number, y: number): PageMention | undefined {
  if (!reader) return undefined;
  const caret = caretAt(x, y);
  const mention = caret ? reader.mentionAt(caret.node, caret.offset) : undefined;
  if (!mention) return undefined;
  const inside = [...liveRange(mention).getClientRects()].some(
    (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
  );
  return inside ? mention : undefined;
}

function liveRange({ range }: { range: AbstractRange }): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

const rectOf = (mention: PageMention) => liveRange(mention).getBoundingClientRect();
const boxOf = (range: AbstractRange) => liveRange({ range }).getBoundingClientRect();
