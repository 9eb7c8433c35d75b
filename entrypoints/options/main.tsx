import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LexiconEditor, type LexiconActions } from '../../components/LexiconEditor.tsx';
import type { ReaderAliasRow, ReaderLexicon } from '../../lib/model/reader-entity.ts';
import { saveFile } from '../../lib/browser/save-file.ts';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { fold } from '../../lib/arabic/normalize.ts';
import { adoptDesign } from '../../lib/design/tokens.ts';
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { parseReaderLexicon, serializeReaderLexicon } from '../../lib/reader-lexicon/reader-lexicon-file.ts';
import { parseLexiconCsv } from '../../lib/reader-lexicon/lexicon-csv.ts';
import { checkNewName, nameIndex } from '../../lib/reader-lexicon/check-name.ts';
import { entitySearch } from '../../lib/reader-lexicon/entity-search.ts';
import { mergeLexicon } from '../../lib/reader-lexicon/merge-reader-lexicon.ts';
import { ok, type Result } from '../../lib/model/result.ts';
import { onChange } from '../../lib/browser/on-change.ts';
import { askBackground, sendMessage } from '../../lib/browser/send-message.ts';
import { TeamSettings, type TeamActions } from '../../components/TeamSettings.tsx';
import type { TeamState } from '../../lib/model/team.ts';

const i18n = pageTranslator('lexiconTitle');
adoptDesign(document);
const bundledNames = new Map(bundledLexicon.entities.map((e) => [e.id, e.ar]));
/** Up to 50 bundled entities per search: enough to browse, few enough to draw at once. */
const searchBundled = entitySearch(bundledLexicon.entities);
const BROWSE_LIMIT = 50;
const keyOf = (entity: string, text: string) => `${entity}\u0000${fold(text)}`;

/** Throws a refused change, so that the editor says it. */
async function ask<T>(reply: Promise<Result<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** What the page reads the reader's names against: the bundled lexicon with the reader's merged over it. */
let names = nameIndex(bundledLexicon.entities);

const actions: LexiconActions = {
  create: async (name, type) => void (await ask(sendMessage('entity/create', { name, type }))),
  save: async (entity) => void (await ask(sendMessage('lexicon/save-entity', { entity }))),
  deleteEntity: async (id) => void (await ask(sendMessage('lexicon/delete-entity', { id }))),
  deleteAlias: async (id) => void (await ask(sendMessage('lexicon/delete-alias', { id }))),
  switchOff: async (entity, text) =>
    void (await ask(sendMessage('lexicon/alias', { entity, text, action: 'off' }))),
  setHoverCards: async (on) =>
    void (await ask(sendMessage('settings/set', { site: '', patch: { hoverCards: on } }))),
  async exportFile() {
    const lexicon = await ask(sendMessage('lexicon/get', {}));
    const now = Date.now();
    const name = `rasid-lexicon-${new Date(now).toISOString().slice(0, 10)}.json`;
    const text = serializeReaderLexicon(lexicon, browser.runtime.getManifest().version, now);
    await saveFile({ name, type: 'application/json', text });
    return name;
  },
  // Read and checked whole here — Rasid's JSON, or a CSV of names checked against the lexicon — and
  // the background checks each row again and writes them.
  async importFile(text) {
    const json = /^\uFEFF?\s*[{[]/u.test(text);
    const file = json ? parseReaderLexicon(text, Date.now()) : parseLexiconCsv(text, Date.now(), names);
    if (!file.ok) return file;
    return ok(await ask(sendMessage('lexicon/import', { file: file.value })));
  },
};

const teamActions: TeamActions = {
  join: (config) => ask(sendMessage('team/join', { config })),
  leave: () => ask(sendMessage('team/leave', {})),
  resolve: (id, rev) => ask(sendMessage('team/resolve', { id, rev })),
};

/** The team section (issue #17): its state from the background, again on every change of the team's. */
function Team() {
  const [state, setState] = useState<TeamState>({ config: null, status: { state: 'off' }, conflicts: [] });
  useEffect(() => {
    // Asked again when unanswered (a background still starting): else the reader would see no team.
    const load = () =>
      void askBackground('team/state', {}).then((r) => {
        if (r.ok) setState(r.value);
      });
    load();
    return onChange(['team'], load);
  }, []);
  const act =
    <A extends unknown[]>(action: (...args: A) => Promise<TeamState>) =>
    async (...args: A) => {
      const next = await action(...args);
      // A refused join keeps showing the team the reader is in (or none).
      if (next.status.state !== 'problem' || !next.config) setState(next);
      return next;
    };
  return (
    <TeamSettings
      i18n={i18n}
      state={state}
      actions={{
        join: act(teamActions.join),
        leave: act(teamActions.leave),
        resolve: act(teamActions.resolve),
      }}
    />
  );
}

function OptionsPage() {
  const [lexicon, setLexicon] = useState<ReaderLexicon>({ entities: [], aliases: [] });
  const [hoverCards, setHoverCards] = useState(true);
  useEffect(() => {
    const load = () =>
      void sendMessage('lexicon/get', {}).then((r) => {
        if (r.ok) setLexicon(r.value);
      });
    const loadSettings = () =>
      void sendMessage('settings/get', { site: '' }).then((r) => {
        if (r.ok) setHoverCards(r.value.hoverCards);
      });
    load();
    loadSettings();
    // Every change, from here or from a page, comes back as the change signal.
    const stopLexicon = onChange(['lexicon'], load);
    const stopSettings = onChange(['settings'], loadSettings);
    return () => {
      stopLexicon();
      stopSettings();
    };
  }, []);
  const own = new Map(lexicon.entities.map((e) => [e.id, e.name]));
  const merged = useMemo(() => {
    names = nameIndex(mergeLexicon(bundledLexicon.entities, { entities: lexicon.entities, aliases: [] }));
    return names;
  }, [lexicon.entities]);
  const offSpellings = new Map<string, ReaderAliasRow>(
    lexicon.aliases.filter((a) => a.action === 'off').map((a) => [keyOf(a.entity, a.text), a]),
  );
  return (
    <LexiconEditor
      i18n={i18n}
      lexicon={lexicon}
      nameOf={(id) => own.get(id) ?? bundledNames.get(id) ?? id}
      checkName={(name, self) => {
        const problem = checkNewName(name, merged);
        return problem?.code === 'exists' && problem.entity.id === self ? null : problem;
      }}
      searchBundled={(query) => searchBundled(query, BROWSE_LIMIT)}
      offSpellings={offSpellings}
      keyOf={keyOf}
      hoverCards={hoverCards}
      actions={{
        ...actions,
        setHoverCards: async (on) => {
          setHoverCards(on);
          await actions.setHoverCards(on);
        },
      }}
    />
  );
}

render(
  <>
    <OptionsPage />
    <Team />
  </>,
  document.getElementById('app')!,
);
