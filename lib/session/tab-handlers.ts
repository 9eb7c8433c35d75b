import type { AnnotationLayer } from '../annotate/annotation-layer.ts';
import type { HandlersOf, TabProtocol } from '../messages/protocol.ts';
import type { Settings } from '../model/settings.ts';
import type { PageReader } from '../reader/page-reader.ts';
import type { CardView, Surface, ToolbarView } from './views.ts';

/** What the panel's messages reach of a session. */
export interface TabSession {
  page(): { url: string; canonical: string | null };
  settings(): Settings;
  reader(): PageReader | null;
  annotations: AnnotationLayer;
  start(options?: { keepToolbar?: boolean }): Promise<void>;
  /** Fetches the settings again: repaints, or reads the page again when the site was switched. */
  refresh(): Promise<void>;
  loadAnnotations(): Promise<void>;
  /** Opens the toolbar for the current selection; false when there is none Rasid can annotate. */
  annotateSelection(focus: boolean): boolean;
  /** Goes to the next (1) or previous (-1) mention of the name at the caret; false when there is none. */
  stepMention(direction: 1 | -1): boolean;
  card: Surface<CardView>;
  toolbar: Surface<ToolbarView>;
}

/** The content script's answers to the panel (see `TabProtocol`). */
export function createTabHandlers(session: TabSession): HandlersOf<TabProtocol> {
  return {
    'reader/state': async () => {
      const reader = session.reader();
      return {
        ...session.page(),
        enabled: session.settings().siteEnabled,
        article: reader?.summary ?? null,
        entities: reader?.entities() ?? [],
        timings: reader?.timings ?? null,
        // Reading order: anchored ones by where they are now, orphans (kept, never deleted) last.
        annotations: [...session.annotations.placed]
          .sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity))
          .map(({ row, range }) => ({ row, orphan: !range })),
      };
    },
    'reader/reveal': async ({ entityId, direction }) => !!session.reader()?.reveal(entityId, direction),
    'reader/hide': async ({ entityId, hidden }) => {
      session.reader()?.setHidden(entityId, hidden);
      return null;
    },
    'annotations/annotate-selection': async () => session.annotateSelection(true),
    // The background names the command; anything else (from a newer or older Rasid) does nothing.
    'reader/command': async ({ command }) =>
      command === 'annotate-selection'
        ? session.annotateSelection(true)
        : command === 'next-mention' || command === 'previous-mention'
          ? session.stepMention(command === 'next-mention' ? 1 : -1)
          : false,
    'annotations/refresh': async () => {
      await session.loadAnnotations();
      return null;
    },
    'annotations/reveal': async ({ id }) => session.annotations.reveal(id),
    'lexicon/changed': async () => {
      // The lexicon changed, not the page: a note being typed in the toolbar stays.
      await session.start({ keepToolbar: true });
      return null;
    },
    // Only for Rasid's own pages (the content script checks the sender): see `TabProtocol['reader/ui']`.
    'reader/ui': async () => {
      const toolbar = session.toolbar.describe();
      if (toolbar) return { surface: 'toolbar', ...toolbar };
      const card = session.card.describe();
      if (card) return { surface: 'card', ...card };
      return { surface: null, text: '', controls: [] };
    },
    'reader/refresh': async () => {
      await session.refresh();
      return null;
    },
  };
}
