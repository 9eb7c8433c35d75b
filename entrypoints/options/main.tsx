import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LexiconEditor, type LexiconActions } from '../../components/LexiconEditor.tsx';
import type { ReaderLexicon } from '../../lib/db/reader-entity.ts';
import { saveFile } from '../../lib/exchange/save-file.ts';
import { pageTranslator } from '../../lib/i18n/browser-translator.ts';
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { serializeReaderLexicon } from '../../lib/lexicon/reader-lexicon-file.ts';
import type { Notification } from '../../lib/messages/protocol.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';

const i18n = pageTranslator('lexiconTitle');
const bundledNames = new Map(bundledLexicon.entities.map((e) => [e.id, e.ar]));

/** Throws a refused change, so that the editor says it. */
async function ask<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const actions: LexiconActions = {
  create: async (name, type) => void (await ask(sendMessage('entity/create', { name, type }))),
  save: async (entity) => void (await ask(sendMessage('lexicon/save-entity', { entity }))),
  deleteEntity: async (id) => void (await ask(sendMessage('lexicon/delete-entity', { id }))),
  deleteAlias: async (id) => void (await ask(sendMessage('lexicon/delete-alias', { id }))),
  async exportFile() {
    const lexicon = await ask(sendMessage('lexicon/get', {}));
    const now = Date.now();
    const name = `rasid-lexicon-${new Date(now).toISOString().slice(0, 10)}.json`;
    const text = serializeReaderLexicon(lexicon, browser.runtime.getManifest().version, now);
    await saveFile({ name, type: 'application/json', text });
    return name;
  },
  importFile: (text) => ask(sendMessage('lexicon/import', { text })),
};

function OptionsPage() {
  const [lexicon, setLexicon] = useState<ReaderLexicon>({ entities: [], aliases: [] });
  useEffect(() => {
    const load = () =>
      void sendMessage('lexicon/get', {}).then((r) => {
        if (r.ok) setLexicon(r.value);
      });
    load();
    // Every change, from here or from a page, comes back as a notification.
    const onMessage = (m: unknown) => {
      if ((m as Partial<Notification>).type === 'lexicon/changed') load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  const own = new Map(lexicon.entities.map((e) => [e.id, e.name]));
  return (
    <LexiconEditor
      i18n={i18n}
      lexicon={lexicon}
      nameOf={(id) => own.get(id) ?? bundledNames.get(id) ?? id}
      actions={actions}
    />
  );
}

render(<OptionsPage />, document.getElementById('app')!);
