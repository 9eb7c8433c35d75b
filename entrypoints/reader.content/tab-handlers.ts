import type { AnnotationLayer } from '../../lib/annotate/annotation-layer.ts';
import type { Settings } from '../../lib/db/settings.ts';
import type { HandlersOf, TabProtocol } from '../../lib/messages/protocol.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';
import type { PageReader } from '../../lib/reader/page-reader.ts';

interface ReaderState {
  settings: Settings;
  reader: PageReader | null;
  annotations: AnnotationLayer;
}

/** The content script's answers to the panel (see `TabProtocol`). */
export function createTabHandlers({
  state,
  site,
  start,
  loadAnnotations,
  annotateSelection,
  canonical,
}: {
  state: ReaderState;
  site: string;
  start(): Promise<void>;
  loadAnnotations(): Promise<void>;
  /** Opens the toolbar for the current selection; false when there is none Rasid can annotate. */
  annotateSelection(focus: boolean): boolean;
  canonical(): string | null;
}): HandlersOf<TabProtocol> {
  return {
    'reader/state': async () => ({
      url: location.href,
      canonical: canonical(),
      enabled: state.settings.siteEnabled,
      article: state.reader?.summary ?? null,
      entities: state.reader?.entities() ?? [],
      timings: state.reader?.timings ?? null,
      // Reading order: anchored ones by where they are now, orphans (kept, never deleted) last.
      annotations: [...state.annotations.placed]
        .sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity))
        .map(({ row, range }) => ({ row, orphan: !range })),
    }),
    'reader/reveal': async ({ entityId, direction }) => !!state.reader?.reveal(entityId, direction),
    'reader/hide': async ({ entityId, hidden }) => {
      state.reader?.setHidden(entityId, hidden);
      return null;
    },
    'annotations/annotate-selection': async () => annotateSelection(true),
    'annotations/refresh': async () => {
      await loadAnnotations();
      return null;
    },
    'annotations/reveal': async ({ id }) => state.annotations.reveal(id),
    'lexicon/changed': async () => {
      await start();
      return null;
    },
    'reader/refresh': async () => {
      const got = await sendMessage('settings/get', { site });
      if (!got.ok) return null;
      const switched = got.value.siteEnabled !== state.settings.siteEnabled;
      state.settings = got.value;
      if (switched || !state.reader) await start();
      else state.reader.setSettings(got.value);
      return null;
    },
  };
}
