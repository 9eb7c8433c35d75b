import type { PageRow, RasidDB } from '../db/schema.ts';
import { pageRow, recordPage } from '../db/record-page.ts';
import { entityDetail, rankEntities } from '../db/dashboard.ts';
import { entityHistory } from '../db/entity-history.ts';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { forgetHistory } from '../db/forget.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import { getSettings, setSettings } from '../db/settings.ts';
import {
  addReaderAlias,
  deleteReaderEntity,
  importReaderLexicon,
  readReaderLexicon,
} from '../db/reader-lexicon-store.ts';
import { parseReaderLexicon } from '../lexicon/reader-lexicon-file.ts';
import { mergeLexicon } from '../lexicon/reader-lexicon.ts';
import type { HandlersOf, Notification, Protocol, TabMessage } from './protocol.ts';

export type { Sender } from './protocol.ts';
export { dispatch } from './dispatch.ts';

/** What the handlers need from the browser, injected so that tests run them on fake-indexeddb. */
export interface HandlerDeps {
  db: RasidDB;
  /** The URL of the page shown in a tab, if the extension may know it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  now(): number;
  /** Tells open extension pages that something changed. Must not throw. */
  notify(notification: Notification): void;
  /** Tells every tab's content script something (the reader's lexicon changed). Must not throw. */
  broadcast(message: TabMessage): void;
  /** Shows how many entities the page in a tab names on the toolbar button. Must not throw. */
  setBadge(tabId: number, entities: number): void;
}

export type Handlers = HandlersOf<Protocol>;

export function createHandlers({ db, tabUrl, now, notify, setBadge, broadcast }: HandlerDeps): Handlers {
  /** After any change to the reader's lexicon: pages re-highlight, the options page reloads its list. */
  const lexiconChanged = () => {
    broadcast({ type: 'lexicon/changed', payload: {} });
    notify({ type: 'lexicon/changed', payload: {} });
  };
  /** The bundled entities with the reader's merged over them: what the dashboard names and filters. */
  const lexicon = async () => mergeLexicon(bundledLexicon.entities, await readReaderLexicon(db));
  // Which page each tab shows, from its reports: the canonical link that decides a page's key is known
  // only to the page. (Lost when an MV3 service worker stops; `page/get` then falls back to the URL.)
  const tabPages = new Map<number, { address: string; key: string; page: PageRow }>();
  return {
    async 'page/report'({ url, canonical, article, entities, visit, mentions }, { tabId }) {
      // With history off, nothing is written: the panel still describes the page, from memory.
      const page = (await getSettings(db, siteOf(url))).history
        ? await recordPage(db, url, canonical, article, now(), visit, mentions)
        : pageRow(url, canonical, article, now(), visit, await db.pages.get(pageKey(url, canonical)));
      if (tabId !== undefined) {
        tabPages.set(tabId, { address: url, key: page.url, page });
        setBadge(tabId, entities);
        notify({ type: 'page/changed', payload: { tabId } });
      }
      return page;
    },

    async 'annotation/list'({ url, canonical }) {
      const rows = await db.annotations.where('page').equals(pageKey(url, canonical)).toArray();
      return rows.sort((a, b) => a.target.selector.position.start - b.target.selector.position.start);
    },

    async 'annotation/save'({ annotation, canonical }) {
      const row = await db.transaction('rw', db.annotations, async () => {
        const previous = await db.annotations.get(annotation.id);
        const saved = {
          ...annotation,
          page: pageKey(annotation.target.source, canonical),
          created: previous?.created ?? annotation.created,
          modified: now(),
        };
        await db.annotations.put(saved);
        return saved;
      });
      notify({ type: 'annotations/changed', payload: { page: row.page } });
      return row;
    },

    async 'annotation/delete'({ id }) {
      const row = await db.transaction('rw', db.annotations, async () => {
        const previous = await db.annotations.get(id);
        if (previous) await db.annotations.delete(id);
        return previous ?? null;
      });
      if (row) notify({ type: 'annotations/changed', payload: { page: row.page } });
      return row;
    },

    async 'entity/create'({ name, type }) {
      const clean = name.replace(/\s+/gu, ' ').trim();
      if (!clean) throw new Error('an entity needs a name');
      const row = { id: `reader-${crypto.randomUUID()}`, type, name: clean, created: now(), modified: now() };
      await db.entities.add(row);
      lexiconChanged();
      return row;
    },

    'lexicon/get': () => readReaderLexicon(db),
    async 'lexicon/alias'(alias) {
      const row = await addReaderAlias(db, alias, now());
      lexiconChanged();
      return row;
    },
    async 'lexicon/delete-alias'({ id }) {
      await db.readerAliases.delete(id);
      lexiconChanged();
      return null;
    },
    async 'lexicon/save-entity'({ entity }) {
      const name = entity.name.replace(/\s+/gu, ' ').trim();
      if (!name) throw new Error('an entity needs a name');
      if (!entity.id.startsWith('reader-')) throw new Error('only the reader’s own entities can be edited');
      const row = { ...entity, name, modified: now() };
      await db.entities.put(row);
      lexiconChanged();
      return row;
    },
    async 'lexicon/delete-entity'({ id }) {
      await deleteReaderEntity(db, id);
      lexiconChanged();
      return null;
    },
    async 'lexicon/import'({ text }) {
      const file = parseReaderLexicon(text, now());
      if (!file.ok) return file;
      const report = await importReaderLexicon(db, file);
      if (report.counts.imported || report.counts.updated) lexiconChanged();
      return { ok: true, report };
    },

    'entity/list': () => db.entities.orderBy('id').toArray(),

    'history/forget': async (what) => {
      const pages = await forgetHistory(db, what);
      notify({ type: 'history/changed', payload: {} });
      return { pages };
    },

    'dashboard/ranking': async (filters) => rankEntities(db, await lexicon(), filters),
    'dashboard/entity': ({ entity }) => entityDetail(db, entity),
    'dashboard/sites': async () => (await db.mentions.orderBy('site').uniqueKeys()) as string[],

    'history/count': async ({ site }) => ({
      pages: await (site === null ? db.pages.count() : db.pages.where('site').equals(site).count()),
    }),

    'entity/history': ({ url, canonical, entities }) =>
      entityHistory(db, entities, pageKey(url, canonical), siteOf(url)),

    'settings/get': ({ site }) => getSettings(db, site),
    'settings/set': ({ site, patch }) => setSettings(db, site, patch),

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
