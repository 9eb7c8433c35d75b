import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LexiconEditor, type LexiconActions } from '../../components/LexiconEditor.tsx';
import type { ReaderLexicon } from '../../lib/model/reader-entity.ts';
import { saveFile } from '../../lib/browser/save-file.ts';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { adoptDesign } from '../../lib/design/tokens.ts';
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { parseReaderLexicon, serializeReaderLexicon } from '../../lib/reader-lexicon/reader-lexicon-file.ts';
import { ok, type Result } from '../../lib/model/result.ts';
import { onChange } from '../../lib/browser/on-change.ts';
import { sendMessage } from '../../lib/browser/send-message.ts';

const i18n = pageTranslator('lexiconTitle');
adoptDesign(document);
const bundledNames = new Map(bundledLexicon.entities.map((e) => [e.id, e.ar]));

/** Throws a refused change, so that the editor says it. */
async function ask<T>(reply: Promise<Result<T>>): Promise<T> {
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
  // Read and checked whole here; the background checks each row again and writes them.
  async importFile(text) {
    const file = parseReaderLexicon(text, Date.now());
    if (!file.ok) return file;
    return ok(await ask(sendMessage('lexicon/import', { file: file.value })));
  },
};

function OptionsPage() {
  const [lexicon, setLexicon] = useState<ReaderLexicon>({ entities: [], aliases: [] });
  useEffect(() => {
    const load = () =>
      void sendMessage('lexicon/get', {}).then((r) => {
        if (r.ok) setLexicon(r.value);
      });
    load();
    // Every change, from here or from a page, comes back as the change signal.
    return onChange(['lexicon'], load);
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
