import type { ColorNames } from '../model/settings.ts';
import { editDraft, newDraft, shareDraft, type AnnotationValues } from '../annotate/annotation-draft.ts';
import type { AnnotationLayer } from '../annotate/annotation-layer.ts';
import { saveWithRetry } from '../annotate/save-with-retry.ts';
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import type { AnnotationDraft, AnnotationRow } from '../model/annotation.ts';
import type { Entity } from '../lexicon/schema.ts';
import { looksLikeName } from '../arabic/name-like.ts';
import { entitySearch } from '../reader-lexicon/entity-search.ts';
import { linkable } from '../reader-lexicon/linkable-entities.ts';
import type { SessionSeams } from './seams.ts';
import type { ToolbarProps } from './views.ts';

/**
 * Annotating: the toolbar for a selection (a colour saves at once; a note, tags, a link to an entity),
 * the same toolbar to edit an annotation, delete with undo. Saves send a draft — the background owns
 * the page, the dates and the id — and a failed one is tried again; a save over a newer version made
 * elsewhere is refused by the background, and the toolbar shows that version instead (issue #12).
 */
export class Annotating {
  readonly #seams: SessionSeams;
  readonly #layer: AnnotationLayer;
  readonly #lexicon: () => CompiledLexicon;
  readonly #ready: () => Promise<unknown> | null;
  readonly #page: () => { url: string; canonical: string | null };
  readonly #reload: () => Promise<void>;
  readonly #addSpelling: (entity: string, text: string, anchor: DOMRect) => void;
  readonly #colorNames: () => ColorNames;
  /** The search over the lexicon the toolbar was last opened with (made again when it changes). */
  #search: { lexicon: CompiledLexicon; find: (query: string) => Entity[] } | null = null;

  constructor(options: {
    seams: SessionSeams;
    layer: AnnotationLayer;
    lexicon(): CompiledLexicon;
    /** Null when `lexicon()` is the page's lexicon; else its promise (the toolbar opens once it is). */
    ready?(): Promise<unknown> | null;
    page(): { url: string; canonical: string | null };
    /** Loads the page's annotations again, after a change. */
    reload(): Promise<void>;
    /** Adds a spelling to the reader's lexicon, from the toolbar at `anchor`. */
    addSpelling(entity: string, text: string, anchor: DOMRect): void;
    /** The reader's names for the colours, as the settings have them now. */
    colorNames?(): ColorNames;
  }) {
    this.#seams = options.seams;
    this.#layer = options.layer;
    this.#lexicon = options.lexicon;
    this.#ready = options.ready ?? (() => null);
    this.#page = options.page;
    this.#reload = options.reload;
    this.#addSpelling = options.addSpelling;
    this.#colorNames = options.colorNames ?? (() => ({}));
  }

  /** Opens the toolbar for the current selection; false when it holds no text Rasid reads. */
  annotateSelection(focus: boolean): boolean {
    const selection = this.#seams.doc.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
    const range = selection.getRangeAt(0);
    const selectors = this.#layer.selectorsFor(range);
    if (!selectors) return false;
    const anchor = range.getBoundingClientRect();
    this.#whenReady(() => {
      // A selection that names an entity is offered as a link to it: shown in the toolbar, which the
      // reader can remove before a colour saves it (issue 15 §3).
      const suggested = spot(selectors.quote.exact, this.#lexicon())[0]?.alias.entity.id;
      const text = selectors.quote.exact;
      const show = (error?: string) =>
        this.#showToolbar(
          {
            mode: 'new',
            initial: { color: 'yellow', note: '', tags: [], entity: suggested },
            error,
            onSave: (values) => void this.#save(values, (v) => newDraft(selectors, v), anchor, show),
            // A sentence is not a spelling of a name: offered only for a few words that look like one.
            ...(looksLikeName(text)
              ? {
                  onAddSpelling: (entity: string) => {
                    this.#seams.toolbar.hide();
                    this.#addSpelling(entity, text, anchor);
                  },
                }
              : {}),
          },
          anchor,
          focus,
        );
      show();
    });
    return true;
  }

  /** The toolbar for a stored annotation: edit, recolour, retag, delete; `notice` says why it is shown. */
  edit(stored: AnnotationRow, anchor: DOMRect, notice?: string): void {
    // The row as last saved: the share switch saves at once, and the next save starts from its version.
    let row = stored;
    const show = (error?: string, focus = true) =>
      this.#showToolbar(
        {
          mode: 'edit',
          initial: { ...row.body, ...(row.shared === undefined ? {} : { shared: row.shared }) },
          dates: { created: row.created, modified: row.modified },
          error,
          notice: error ? undefined : notice,
          onSave: (values) => void this.#save(values, (v) => editDraft(row, v), anchor, show),
          onDelete: () => void this.#delete(row, anchor, show),
          // A teammate's annotation is theirs to share (issue #17): it has no switch.
          ...(row.team
            ? { teammates: true }
            : {
                onShare: (shared: boolean) =>
                  void this.#share(
                    row,
                    shared,
                    (saved) => {
                      row = saved;
                      show(undefined, false);
                    },
                    show,
                  ),
              }),
        },
        anchor,
        focus,
      );
    this.#whenReady(() => show());
  }

  /**
   * Runs `open` (a toolbar opening) now if the page's lexicon is here, else once it has arrived — the
   * first selection on a page, which begins its fetch, still finds its entity — unless the session
   * ended meanwhile.
   */
  #whenReady(open: () => void): void {
    const waiting = this.#ready();
    if (!waiting) return open();
    const { signal } = this.#seams;
    void waiting.then(() => signal.aborted || open());
  }

  /** Shares a stored annotation with the team or stops sharing it; the toolbar stays open. */
  async #share(
    row: AnnotationRow,
    shared: boolean,
    saved: (row: AnnotationRow) => void,
    failed: (error: string) => void,
  ): Promise<void> {
    const { send, clock, signal } = this.#seams;
    const reply = await saveWithRetry(
      () => send('annotation/save', { draft: shareDraft(row, shared), ...this.#page() }),
      { clock, signal, onError: failed },
    );
    if (!reply.ok || signal.aborted) return;
    if ('stale' in reply.value) return failed(this.#seams.i18n.t('staleAnnotation'));
    saved(reply.value.saved);
    // The page's annotations as stored now (the panel's list too): a click on this one opens its version.
    await this.#reload();
  }

  #showToolbar(
    props: Omit<ToolbarProps, 'i18n' | 'linked' | 'searchEntities' | 'onClose'>,
    anchor: DOMRect,
    focus: boolean,
  ): void {
    const { toolbar, i18n } = this.#seams;
    const yours = i18n.t('yours');
    const id = props.initial?.entity;
    const entity = id ? this.#lexicon().entities.find((e) => e.id === id) : undefined;
    toolbar.show(
      {
        view: 'toolbar',
        props: {
          ...props,
          linked: entity ? linkable(entity, yours) : undefined,
          searchEntities: async (query) => this.#find(query).map((e) => linkable(e, yours)),
          colorNames: this.#colorNames(),
          onClose: () => toolbar.hide(),
        },
      },
      anchor,
      focus,
    );
  }

  /** The entities that answer `query`, in the lexicon as it is now (the reader's own merged in). */
  #find(query: string): Entity[] {
    const lexicon = this.#lexicon();
    if (this.#search?.lexicon !== lexicon) this.#search = { lexicon, find: entitySearch(lexicon.entities) };
    return this.#search.find(query);
  }

  /** Makes the reader's new entity first (and links it), then saves the draft, trying again on failure. */
  async #save(
    values: AnnotationValues,
    draftOf: (values: AnnotationValues) => AnnotationDraft,
    anchor: DOMRect,
    failed: (error: string) => void,
  ): Promise<void> {
    const { send, clock, signal, toolbar, doc, i18n } = this.#seams;
    let chosen = values;
    if (values.newEntity) {
      const made = await send('entity/create', values.newEntity);
      if (!made.ok) return failed(made.error);
      chosen = { ...values, entity: made.value.id, newEntity: undefined };
    }
    const draft = draftOf(chosen);
    const reply = await saveWithRetry(() => send('annotation/save', { draft, ...this.#page() }), {
      clock,
      signal,
      onError: failed,
    });
    if (!reply.ok || signal.aborted) return;
    if ('stale' in reply.value) {
      await this.#reload();
      // Hidden first, so that the toolbar opens afresh with the newer values, not the reader's.
      toolbar.hide();
      return this.edit(reply.value.stale, anchor, i18n.t('staleAnnotation'));
    }
    toolbar.hide();
    doc.getSelection()?.removeAllRanges();
    await this.#reload();
  }

  /** Deletes an annotation, and offers to undo it where it was (`annotation/restore`). */
  async #delete(row: AnnotationRow, anchor: DOMRect, failed: (error: string) => void): Promise<void> {
    const { send, clock, signal, toolbar } = this.#seams;
    const removed = await send('annotation/delete', { id: row.id });
    if (!removed.ok) return failed(removed.error);
    await this.#reload();
    const undo = async () => {
      const restored = await saveWithRetry(() => send('annotation/restore', { id: row.id }), {
        clock,
        signal,
        onError: failed,
      });
      if (!restored.ok || signal.aborted) return;
      toolbar.hide();
      await this.#reload();
    };
    toolbar.show(
      { view: 'deleted', props: { onUndo: () => void undo(), onClose: () => toolbar.hide() } },
      anchor,
      false,
    );
  }
}
