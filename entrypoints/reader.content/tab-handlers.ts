import type { Settings } from '../../lib/db/settings.ts';
import type { HandlersOf, TabProtocol } from '../../lib/messages/protocol.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';
import type { PageReader } from '../../lib/reader/page-reader.ts';

interface ReaderState {
  settings: Settings;
  reader: PageReader | null;
}

/** The content script's answers to the panel (see `TabProtocol`). */
export function createTabHandlers({
  state,
  site,
  start,
}: {
  state: ReaderState;
  site: string;
  start(): Promise<void>;
}): HandlersOf<TabProtocol> {
  return {
    'reader/state': async () => ({
      url: location.href,
      enabled: state.settings.siteEnabled,
      article: state.reader?.summary ?? null,
      entities: state.reader?.entities() ?? [],
      timings: state.reader?.timings ?? null,
    }),
    'reader/reveal': async ({ entityId, direction }) => !!state.reader?.reveal(entityId, direction),
    'reader/hide': async ({ entityId, hidden }) => {
      state.reader?.setHidden(entityId, hidden);
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
