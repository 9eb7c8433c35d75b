import type { RasidDB } from '../db/schema.ts';
import type { PageRow } from '../model/page.ts';
import { pageRow, recordPage } from '../db/record-page.ts';
import { entityDetail, rankEntities } from '../db/dashboard.ts';
import { entityHistory } from '../db/entity-history.ts';
import { bundledLexicon, compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ReaderLexicon } from '../model/reader-entity.ts';
import { spotAnswer } from '../lexicon/spot-texts.ts';
import { readyToSpot } from '../lexicon/spot.ts';
import { compileReaderLexicon, type BundledLexicon } from '../reader-lexicon/compile-reader-lexicon.ts';
import { forgetHistory } from '../db/forget.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import { keptAddress } from '../pages/page-identity.ts';
import { getSettings, setSettings } from '../db/settings.ts';
import { readerPatternOf } from './reader-sites.ts';
import { addReaderAlias, deleteReaderEntity } from '../db/reader-lexicon-store.ts';
import { mergeLexicon } from '../reader-lexicon/merge-reader-lexicon.ts';
import type { ChangeTopic, HandlersOf, Protocol, Sender, TabMessage } from '../messages/protocol.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { EntityHistory } from '../model/mention.ts';
import type { Trash } from './trash.ts';
import type { TeamService } from './team-service.ts';
import { LEXICON_WITH_TEAM_TABLES, lexiconWithTeam, teamSeen } from '../db/team-store.ts';
import { keptRead } from '../db/kept-read.ts';
import { withTeamSeen } from '../model/new-on-site.ts';
import { teamDetail, teamRanking } from '../db/team-figures.ts';
import { createExchange } from '../db/run-exchange.ts';
import { createNotebook, recordAnchors, renameTag } from '../db/notebook.ts';
import { markdownLabels } from '../exchange/markdown-labels.ts';
import { importReaderLexiconItems } from '../db/reader-lexicon-store.ts';
import { isStopword } from '../arabic/stopwords.ts';
import { READABILITY_LIMITS, readabilityIndices } from '../dom/article-nodes.ts';
import { buildSnapshot, snapshotProblem, type SnapshotItem } from '../dom/page-snapshot.ts';
import { parseHtmlDocument } from '../dom/parse-html.ts';
import { dismissName, nameCandidates, undismissName } from '../db/name-candidates.ts';
import { nameKey, suggestNames } from '../suggest/suggest-names.ts';
import { bundledTagger } from '../suggest/bundled-recogniser.ts';

/** What the handlers need from the browser, injected so that tests run them on fake-indexeddb. */
export interface HandlerDeps {
  db: RasidDB;
  /** The URL of the page shown in a tab, if the extension may know it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  now(): number;
  /** Rasid's version, named in exports. */
  version: string;
  /** Tells open extension pages what changed (the one change signal). Must not throw. */
  changed(topics: ChangeTopic[], tabId?: number): void;
  /** Tells every tab's content script something (the reader's lexicon changed). Must not throw. */
  broadcast(message: TabMessage): void;
  /** Shows how many entities the page in a tab names on the toolbar button. Must not throw. */
  setBadge(tabId: number, entities: number): void;
  /**
   * Injects the reader into the top frame of a tab (issue #16: the manifest's content script is the
   * small loader). Rejects when the tab is gone or shows another page by now.
   */
  loadReader(tabId: number): Promise<void>;
  /**
   * The sites whose pages start the reader by themselves (`reader-sites.ts`, issue #16): `add` a
   * pattern of `readerPatternOf`, `remove` a site (`siteOf`'s name) or every site. Absent in tests that
   * do not need them. Must not throw.
   */
  readerSites?: { add(pattern: string): Promise<void>; remove(site?: string): Promise<void> };
  /**
   * Deleted annotations, kept for undo while the browser runs (`storage.session` in the extension, so a
   * restarted service worker still has them). Must not throw.
   */
  trash: Trash;
  /** The reader's team (issue #17): absent in tests that do not need one. */
  team?: TeamService;
  /**
   * The bundled lexicon pages are read with (`lexicon/spot`): in the extension the shipped file, decoded
   * (its trie compiled at build time); by default compiled here from the bundled entities.
   */
  bundled?: () => Promise<BundledLexicon>;
}

export type Handlers = HandlersOf<Protocol>;

/** Can this sender touch this stored annotation? A content script only those of its own site. */
const mayTouch = (sender: Sender, row: AnnotationRow) =>
  sender.kind === 'extension' || siteOf(sender.url) === siteOf(row.page);

/**
 * Text with every lone surrogate as U+FFFD, as it will be once written to a UTF-8 file: stored so, an
 * export read back gives the very same annotation (issue #12: export → import → export differed).
 */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD');

const wellFormedSelector = ({ quote, position }: AnnotationRow['target']['selector']) => ({
  quote: {
    exact: wellFormed(quote.exact),
    ...(quote.prefix === undefined ? {} : { prefix: wellFormed(quote.prefix) }),
    ...(quote.suffix === undefined ? {} : { suffix: wellFormed(quote.suffix) }),
  },
  position,
});

/** What a page's snapshot may hold: Readability's own limits, and 20 MB of text. */
const SNAPSHOT_LIMITS = { ...READABILITY_LIMITS, chars: 20_000_000 };
const EMPTY_PAGE = '<!doctype html><html><head></head><body></body></html>';
/** Items a snapshot sent in parts may hold, held until its last part: elements, closes and texts. */
const MAX_SNAPSHOT_ITEMS = 4_000_000;
/** Snapshots held at once while their parts arrive (one per tab being read). */
const SNAPSHOTS_HELD = 8;

/** How long a spelling added or switched off from a page can be undone from it (issue 15 §5). */
export const ALIAS_UNDO_MS = 5 * 60_000;

/** A spelling too common to name anyone: «في», «من», two letters. */
function ordinaryWord(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length < 3 || isStopword(text);
}

/** An entity's names as the history keys suggested names (`nameKey`). */
const keysOf = (e: { ar: string; aliases: readonly { text: string }[] }) =>
  [e.ar, ...e.aliases.map((a) => a.text)].map(nameKey);

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, tabUrl, now, changed, setBadge, broadcast, trash, team } = deps;
  const noTeam = () => {
    throw new Error('teams are not available here');
  };
  // Declared before the notebook exists: called only from handlers, after it does.
  const notebookChanged = () => notebook.invalidate();
  /** After any change to the reader's lexicon: pages re-highlight, the options page reloads its list. */
  const lexiconChanged = () => {
    // The notebook searches entity names (built on its next question).
    notebookChanged();
    broadcast({ type: 'lexicon/changed', payload: {} });
    changed(['lexicon']);
  };
  /**
   * The reader's lexicon with the team's names (issue #17) when the reader is in a team. Kept until
   * one of its tables is written (`keptRead`): every page's reading asks for it (issue #16).
   */
  const names = keptRead(db, LEXICON_WITH_TEAM_TABLES, (inTeam: boolean) => lexiconWithTeam(db, inTeam));
  const withTeamNames = async () => names(((await team?.member()) ?? null) !== null);
  /** The bundled entities with the reader's (and the team's) merged over them: what the dashboard names and filters. */
  const lexicon = async () => mergeLexicon(bundledLexicon.entities, (await withTeamNames()).lexicon);
  const notebook = createNotebook(db, lexicon);
  const bundled =
    deps.bundled ?? (async () => ({ entities: bundledLexicon.entities, compiled: compiledBundledLexicon }));
  /**
   * The lexicon pages are read with, compiled once for the reader's and the team's names as they are
   * now: compiled again only when they changed (whichever way: from a page, the options, a teammate).
   */
  let spotting: { key: string; lexicon: Promise<CompiledLexicon> } | undefined;
  /** The names' key, written once for each read of them (kept while unchanged: `withTeamNames`). */
  const keys = new WeakMap<ReaderLexicon, string>();
  const keyOf = (reader: ReaderLexicon) => {
    let key = keys.get(reader);
    if (key === undefined) keys.set(reader, (key = JSON.stringify(reader)));
    return key;
  };
  const spotLexicon = (reader: ReaderLexicon, key = keyOf(reader)) => {
    if (spotting?.key !== key) {
      // Made ready to walk too: `reader/load` asks for it while the reader is injected.
      const lexicon = bundled().then((b) => readyToSpot(compileReaderLexicon(reader, b)));
      spotting = { key, lexicon };
      // A file that failed to load is fetched again by the next page.
      lexicon.catch(() => spotting?.lexicon === lexicon && (spotting = undefined));
    }
    return spotting.lexicon;
  };
  const exchange = createExchange({
    db,
    version: deps.version,
    now,
    lexicon,
    select: (filters) => notebook.ids(filters),
  });
  // Which page each tab shows, from its reports: the canonical link that decides a page's key is known
  // only to the page. (Lost when an MV3 service worker stops; `page/get` then falls back to the URL.)
  const tabPages = new Map<number, { address: string; key: string; page: PageRow }>();
  /**
   * The snapshots being sent in parts (`article/part`), by tab, until their `article/extract`. One per
   * tab; a tab that went away mid-way leaves its parts until they are among the oldest of
   * `SNAPSHOTS_HELD`.
   */
  const snapshotParts = new Map<number, { items: unknown[]; count: number }>();
  /** The folded spellings of the bundled lexicon's names, for the dashboard's candidates (built on first use). */
  let bundledKeys: Set<string> | undefined;
  const annotationsChanged = () => {
    notebookChanged();
    changed(['annotations']);
  };
  /** The reader's own history of a page's entities, with what the team saw of them (issue #17). */
  const withTeam = async (
    own: Promise<EntityHistory[]>,
    entities: string[],
    site: string,
  ): Promise<EntityHistory[]> => {
    const [history, seen] = await Promise.all([
      own,
      teamSeen(db, entities, site, (await team?.member()) ?? null),
    ]);
    const byEntity = new Map(seen.map((s) => [s.entity, s]));
    // "New on this site" is judged over the reader's reading and the team's.
    return history.map((h) => withTeamSeen(h, byEntity.get(h.entity)));
  };
  return {
    async 'page/report'({ url, canonical, article, entities, visit, mentions, suggested }, sender) {
      // With history off, nothing is written: the panel still describes the page, from memory.
      const settings = await getSettings(db, siteOf(url));
      const page = settings.history
        ? await recordPage(db, url, canonical, article, now(), visit, mentions, suggested)
        : pageRow(url, canonical, article, now(), visit, await db.pages.get(pageKey(url, canonical)));
      // What the page named goes to the team only with history on, and the site's switch on.
      if (settings.history) team?.pageRead(page, mentions, settings.shareWithTeam);
      // The site's next pages start the reader by themselves (`reader-sites.ts`) — unless the list would
      // keep what the reader asked not to: no history, or a site that is private or where Rasid is off.
      // Asked once the page is read: registering costs the browser's pages a moment, not this page's wait.
      const pattern = sender.kind === 'content' ? readerPatternOf(sender.url) : undefined;
      if (pattern && settings.history && settings.siteEnabled && !settings.private)
        void deps.readerSites?.add(pattern);
      if (sender.tabId !== undefined) {
        tabPages.set(sender.tabId, { address: url, key: page.url, page });
        setBadge(sender.tabId, entities);
      }
      await notebook.pageRead(page);
      changed(['pages', 'history'], sender.tabId);
      return page;
    },

    async 'annotation/list'({ url, canonical }) {
      const rows = await db.annotations.where('page').equals(pageKey(url, canonical)).toArray();
      return rows.sort((a, b) => a.target.selector.position.start - b.target.selector.position.start);
    },

    async 'annotation/save'({ draft, url, canonical }, sender) {
      const page = pageKey(url, canonical);
      type Outcome =
        | { again: AnnotationRow }
        | { stale: AnnotationRow }
        | { saved: AnnotationRow; previous: AnnotationRow | undefined };
      const result = await db.transaction('rw', db.annotations, async (): Promise<Outcome> => {
        const previous = draft.id === undefined ? undefined : await db.annotations.get(draft.id);
        if (previous && !mayTouch(sender, previous))
          throw new Error('that annotation belongs to another site');
        if (previous) {
          // A new annotation sent again (its first reply was lost): it is saved already.
          if (draft.base === undefined && previous.page === page) return { again: previous };
          // An edit of an older version: the reader sees the newer one instead (no last-writer-wins).
          if (draft.base !== previous.modified) return { stale: previous };
        } else if (draft.base !== undefined) throw new Error('that annotation was deleted');
        const time = Math.max(now(), (previous?.modified ?? 0) + 1);
        const saved: AnnotationRow = {
          id: draft.id ?? crypto.randomUUID(),
          page: previous?.page ?? page,
          target: {
            source: previous?.target.source ?? keptAddress(url),
            selector: wellFormedSelector(draft.selector),
          },
          body: { ...draft.body, note: wellFormed(draft.body.note), tags: draft.body.tags.map(wellFormed) },
          created: previous?.created ?? time,
          modified: time,
          ...(previous?.team ? { team: previous.team } : {}),
          ...((draft.shared ?? previous?.shared) === undefined
            ? {}
            : { shared: draft.shared ?? previous?.shared }),
        };
        await db.annotations.put(saved);
        return { saved, previous };
      });
      if ('again' in result) return { saved: result.again };
      if ('stale' in result) return result;
      team?.annotationSaved(result.saved, result.previous);
      annotationsChanged();
      return { saved: result.saved };
    },

    async 'annotation/delete'({ id }, sender) {
      const row = await db.transaction('rw', db.annotations, async () => {
        const previous = await db.annotations.get(id);
        if (previous && !mayTouch(sender, previous))
          throw new Error('that annotation belongs to another site');
        if (previous) await db.annotations.delete(id);
        return previous ?? null;
      });
      if (row) {
        await trash.put(row);
        team?.annotationDeleted(row);
        annotationsChanged();
      }
      return row;
    },

    async 'annotation/restore'({ id }, sender) {
      const row = await trash.take(id);
      if (!row) return null;
      if (!mayTouch(sender, row)) {
        await trash.put(row);
        throw new Error('that annotation belongs to another site');
      }
      // Put back as it was, unless it was made again meanwhile.
      await db.transaction('rw', db.annotations, async () => {
        if (!(await db.annotations.get(id))) await db.annotations.add(row);
      });
      team?.annotationSaved(row, undefined);
      annotationsChanged();
      return row;
    },

    async 'entity/create'({ name, type }) {
      const clean = name.replace(/\s+/gu, ' ').trim();
      if (!clean) throw new Error('an entity needs a name');
      if (ordinaryWord(clean)) throw new Error('too common a word to name an entity');
      const row = { id: `reader-${crypto.randomUUID()}`, type, name: clean, created: now(), modified: now() };
      await db.entities.add(row);
      team?.nameAdded({ kind: 'entity', entity: row });
      lexiconChanged();
      return row;
    },

    // With the team's names, the reader's own decisions winning for them (issue #17).
    'lexicon/get': async () => (await withTeamNames()).lexicon,
    async 'lexicon/alias'(alias) {
      if (alias.action === 'add' && ordinaryWord(alias.text))
        throw new Error('too common a word to be a spelling of a name');
      const row = await addReaderAlias(db, alias, now());
      team?.nameAdded({ kind: 'alias', alias: row });
      lexiconChanged();
      return row;
    },
    async 'lexicon/delete-alias'({ id }) {
      await db.readerAliases.delete(id);
      team?.nameRemoved(`alias:${id}`);
      lexiconChanged();
      return null;
    },
    async 'lexicon/undo-alias'({ id }) {
      // A content script may take back only what it has just done: a spelling made moments ago.
      const row = await db.readerAliases.get(id);
      if (!row) return null;
      if (now() - row.created > ALIAS_UNDO_MS) throw new Error('too late to undo that change');
      await db.readerAliases.delete(id);
      team?.nameRemoved(`alias:${id}`);
      lexiconChanged();
      return null;
    },
    async 'lexicon/save-entity'({ entity }) {
      const name = entity.name.replace(/\s+/gu, ' ').trim();
      if (!name) throw new Error('an entity needs a name');
      if (!entity.id.startsWith('reader-')) throw new Error('only the reader’s own entities can be edited');
      const row = { ...entity, name, modified: now() };
      await db.entities.put(row);
      team?.nameAdded({ kind: 'entity', entity: row });
      lexiconChanged();
      return row;
    },
    async 'lexicon/delete-entity'({ id }) {
      const spellings = await db.readerAliases.where('entity').equals(id).primaryKeys();
      await deleteReaderEntity(db, id);
      // Gone for the team too, with the spellings shared for it.
      team?.nameRemoved(`entity:${id}`);
      for (const alias of spellings) team?.nameRemoved(`alias:${alias}`);
      lexiconChanged();
      return null;
    },
    async 'lexicon/import'({ file }) {
      const report = await importReaderLexiconItems(db, file);
      if (report.counts.imported || report.counts.updated) lexiconChanged();
      return report;
    },

    'exchange/export': ({ scope, format, mentions, lang }) =>
      exchange.exportFile(scope, format, mentions, markdownLabels(lang)),
    async 'exchange/import'({ items, entities }) {
      const report = await exchange.importChunk(items, entities);
      if (report.counts.imported || report.counts.updated) annotationsChanged();
      return report;
    },

    async 'panel/state'({ tabId, url, canonical, entities }) {
      const address = url ?? (await tabUrl(tabId));
      const known = address && /^(?:https?|file):/u.test(address) ? address : null;
      const reported = known && tabPages.get(tabId)?.address === known ? tabPages.get(tabId) : undefined;
      const key = known ? (reported?.key ?? pageKey(known, canonical)) : null;
      const [page, settings, own, history, shareByDefault] = await Promise.all([
        key ? db.pages.get(key) : undefined,
        getSettings(db, known ? siteOf(known) : ''),
        db.entities.toArray(),
        key && known && entities.length
          ? withTeam(entityHistory(db, entities, key, siteOf(known)), entities, siteOf(known))
          : [],
        team?.sharesByDefault() ?? null,
      ]);
      return {
        page: page ?? reported?.page ?? null,
        settings,
        ownNames: Object.fromEntries(own.map((e) => [e.id, e.name])),
        history,
        team: shareByDefault === null ? null : { shareByDefault },
      };
    },

    'entity/list': () => db.entities.orderBy('id').toArray(),

    'history/forget': async (what) => {
      const pages = await forgetHistory(db, what);
      // The list of sites the reader starts on by itself is history too (`page/report` adds to it).
      if (what.scope !== 'page') void deps.readerSites?.remove(what.scope === 'site' ? what.site : undefined);
      // Titles of forgotten pages leave the notebook's search.
      notebookChanged();
      changed(['history', 'pages']);
      return { pages };
    },

    async 'dashboard/ranking'(filters) {
      const ranked = await rankEntities(db, await lexicon(), filters);
      // In a team, each entity's figures among the teammates' reading (issue #17).
      const me = (await team?.member()) ?? null;
      if (me === null) return ranked;
      const figures = await teamRanking(
        db,
        ranked.map((r) => r.entity),
        me,
      );
      return ranked.map((r) => ({ ...r, team: figures.get(r.entity) ?? { pages: 0, sites: 0 } }));
    },
    async 'dashboard/entity'({ entity }) {
      const [detail, theirs] = await Promise.all([
        entityDetail(db, entity),
        (async () => teamDetail(db, entity, (await team?.member()) ?? null))(),
      ]);
      return theirs ? { ...detail, team: theirs } : detail;
    },
    async 'names/suggest'({ chunks }) {
      // The model is decoded on the first request and kept while the background lives.
      const tagger = bundledTagger();
      return chunks.map(({ text, known }) =>
        suggestNames(text, known, { tagger }).map(({ start, end, text: name, key, type, kind }) => ({
          start,
          end,
          text: name,
          key,
          type,
          kind,
        })),
      );
    },
    // The reader's and the team's (issue #17), less the names the reader added themselves.
    'names/dismissed': async () => (await withTeamNames()).dismissed,
    async 'names/dismiss'({ key, text }) {
      await dismissName(db, key, text, now());
      team?.nameAdded({ kind: 'not-a-name', key, text });
      // Pages read again without it; the panel and the dashboard drop it.
      lexiconChanged();
      return null;
    },
    async 'names/undismiss'({ key }) {
      await undismissName(db, key);
      team?.nameRemoved(`not-a-name:${key}`);
      lexiconChanged();
      return null;
    },
    async 'dashboard/candidates'() {
      // A candidate the reader has since added (or that the lexicon learnt) is no longer unknown. The
      // bundled names' keys are folded once; the reader's few, each time.
      bundledKeys ??= new Set(bundledLexicon.entities.flatMap(keysOf));
      const known = bundledKeys;
      const { lexicon: reader, dismissed } = await withTeamNames();
      const entities = [...reader.entities, ...(reader.team?.entities ?? [])];
      const aliases = [...reader.aliases, ...(reader.team?.aliases ?? [])];
      // The team's names, and what the team said is not a name, are not candidates either.
      const own = new Set([
        ...[
          ...entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]),
          ...aliases.filter((a) => a.action === 'add').map((a) => a.text),
        ].map(nameKey),
        ...dismissed,
      ]);
      return nameCandidates(db, (key) => known.has(key) || own.has(key));
    },
    'dashboard/sites': async () => (await db.mentions.orderBy('site').uniqueKeys()) as string[],

    // A count from the store's primary index: the dashboard asks on every change, an import's chunks
    // included, and must not make the notebook build its index for it.
    'annotations/count': async () => ({ annotations: await db.annotations.count() }),
    'history/count': async ({ site }) => ({
      pages: await (site === null ? db.pages.count() : db.pages.where('site').equals(site).count()),
    }),

    'entity/history': ({ url, canonical, entities }) =>
      withTeam(entityHistory(db, entities, pageKey(url, canonical), siteOf(url)), entities, siteOf(url)),

    'team/state': () => (team ?? noTeam()).state(),
    async 'team/join'({ config }) {
      return (team ?? noTeam()).join(config);
    },
    'team/leave': () => (team ?? noTeam()).leave(),
    'team/resolve': ({ id, rev }) => (team ?? noTeam()).resolve(id, rev),
    'team/joined': async () => ((await team?.member()) ?? null) !== null,

    'notebook/query': (query) => notebook.query(query),
    async 'notebook/rename-tag'({ from, to }) {
      const count = await renameTag(db, from, to, now());
      if (count) annotationsChanged();
      return { changed: count };
    },
    async 'annotation/anchors'({ url, found, orphans }) {
      // Only the annotations of the reporting page's own site (the guard checked `url` is its page).
      if (await recordAnchors(db, siteOf(url), found, orphans, now())) annotationsChanged();
      return null;
    },

    async 'article/part'({ items, first }, sender) {
      const key = sender.tabId ?? -1;
      if (first) {
        snapshotParts.delete(key);
        for (const old of snapshotParts.keys())
          if (snapshotParts.size >= SNAPSHOTS_HELD) snapshotParts.delete(old);
      }
      const got = first ? { items: [], count: 0 } : snapshotParts.get(key);
      if (!got) throw new Error('article/part: no snapshot begun');
      if (got.items.length + items.length > MAX_SNAPSHOT_ITEMS) {
        snapshotParts.delete(key);
        throw new Error('article/part: too many items');
      }
      for (const item of items) got.items.push(item);
      got.count++;
      snapshotParts.set(key, got);
      return null;
    },
    async 'article/extract'({ items: last, parts }, sender) {
      let items: unknown[] = last;
      if (parts) {
        const key = sender.tabId ?? -1;
        const got = snapshotParts.get(key);
        snapshotParts.delete(key);
        if (got?.count !== parts) throw new Error('article/extract: a part of the snapshot is missing');
        items = got.items.concat(last);
      }
      const problem = snapshotProblem(items, SNAPSHOT_LIMITS);
      if (problem) throw new Error(`article/extract: ${problem}`);
      const doc = parseHtmlDocument(EMPTY_PAGE);
      return readabilityIndices(doc, buildSnapshot(doc, items as SnapshotItem[]));
    },
    async 'lexicon/spot'(asked) {
      // The names (kept in memory unless they changed, else read from the database) are had while the
      // texts are spotted with the lexicon compiled last: nearly always it is theirs.
      const names = withTeamNames();
      const last = spotting;
      const answer = await last?.lexicon.then((lexicon) => spotAnswer(lexicon, asked)).catch(() => undefined);
      const reader = (await names).lexicon;
      const key = keyOf(reader);
      if (answer && last?.key === key) return JSON.stringify(answer);
      return JSON.stringify(spotAnswer(await spotLexicon(reader, key), asked));
    },
    async 'reader/load'({ running }, sender) {
      if (sender.kind !== 'content') throw new Error('the reader is loaded into a page’s tab only');
      // The injection is not waited for: the answer, which the loader leaves for the reader, is ready
      // before the reader runs (waiting for it held the first reading ~20 ms, issue #16). A failure
      // leaves the page as it is, as the loader would. A reader that started by itself (its site is
      // registered, `reader-sites.ts`) asks only for the answer.
      if (!running) deps.loadReader(sender.tabId).catch(() => undefined);
      // Read while the reader is injected: its first reading waits for them (and for the lexicon, made
      // ready meanwhile for the names it will ask for).
      const site = siteOf(sender.url);
      const names = withTeamNames();
      names.then(({ lexicon }) => spotLexicon(lexicon)).catch(() => undefined);
      const [settings, { dismissed }] = await Promise.all([getSettings(db, site), names]);
      return { site, settings, dismissed };
    },
    'settings/get': ({ site }, sender) => {
      if (sender.kind === 'content' && site !== siteOf(sender.url))
        throw new Error('a content script reads only its own site’s settings');
      return getSettings(db, site);
    },
    async 'settings/set'({ site, patch }) {
      const settings = await setSettings(db, site, patch);
      changed(['settings']);
      // What the sites whose pages start the reader by themselves must no longer hold (`page/report`).
      if (patch.history === false) void deps.readerSites?.remove();
      else if (site && (patch.siteEnabled === false || patch.private === true))
        void deps.readerSites?.remove(site);
      // Set on the options page, for every open page at once (the panel refreshes its own tab itself).
      if (patch.hoverCards !== undefined) broadcast({ type: 'reader/refresh', payload: {} });
      return settings;
    },

    // The tab's current URL says which page it shows; the last report from it, if it is about that
    // URL, also knows the canonical link.
    async 'page/get'({ tabId }) {
      const url = await tabUrl(tabId);
      if (!url || !/^(?:https?|file):/u.test(url)) return null;
      const reported = tabPages.get(tabId)?.address === url ? tabPages.get(tabId) : undefined;
      const page = (await db.pages.get(reported?.key ?? pageKey(url))) ?? reported?.page;
      return page ? { tabId, page } : null;
    },
  };
}
