import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtmlDocument } from '../dom/parse-html.ts';
import { snapshotPage } from '../dom/page-snapshot.ts';
import { articleFromIndices, articleNodes } from '../dom/article-nodes.ts';
import type { ArticleSummary } from '../model/article.ts';
import type { AnnotationDraft, AnnotationRow } from '../model/annotation.ts';
import type { RasidDB } from '../db/schema.ts';
import { freshDb } from '../../tests/support/fresh-db.ts';
import { ALIAS_UNDO_MS, createHandlers, type Handlers } from './handlers.ts';
import { dispatch } from '../messages/dispatch.ts';
import { memoryTrash } from './trash.ts';
import { parseReaderLexicon } from '../reader-lexicon/reader-lexicon-file.ts';
import type { ChangeTopic, Sender, TabMessage } from '../messages/protocol.ts';
import { REQUESTS } from './message-guards.ts';
import { compileLexicon, type CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { spotTexts, spottedOf, type SpotAnswer } from '../lexicon/spot-texts.ts';
import { walkTrieMade } from '../lexicon/walk-trie.ts';
import { testEntity } from '../../tests/support/test-entity.ts';

const article: ArticleSummary = {
  title: 'مقاتلو "الدولة".. ورقة التحالف وروسيا بمعركة جنوب سوريا المرتقبة',
  byline: 'كنان سلطان',
  siteName: 'بلدي نيوز',
  publishedTime: null,
  lang: 'ar',
  dir: 'rtl',
  excerpt: null,
  wordCount: 812,
};
const url = 'http://127.0.0.1:8080/baladi/index.html#comments';
/** A content script in tab `tabId`, showing `address`. */
const tab = (tabId: number, address = url): Sender => ({ kind: 'content', tabId, url: address });
/** One of Rasid's extension pages. */
const EXT: Sender = { kind: 'extension' };

let db: RasidDB;
let handlers: Handlers;
let clock: number;
let notified: { topics: ChangeTopic[]; tabId?: number | undefined }[];
let badges: [number, number][];
let loaded: number[];
/** What the handlers asked of the reader's sites: `add <pattern>`, `remove <site>`, `remove` (all). */
let readerSites: string[];
/** What an injection waits for: by default, nothing. */
let injected: Promise<void>;
let broadcasts: TabMessage[];
const tabs = new Map<number, string>();

beforeEach(() => {
  db = freshDb();
  clock = 1_000;
  notified = [];
  badges = [];
  loaded = [];
  readerSites = [];
  injected = Promise.resolve();
  broadcasts = [];
  tabs.clear();
  handlers = createHandlers({
    db,
    tabUrl: async (id) => tabs.get(id),
    now: () => clock,
    version: '0.1.0',
    changed: (topics, tabId) => void notified.push({ topics, tabId }),
    trash: memoryTrash(),
    setBadge: (tabId, n) => badges.push([tabId, n]),
    loadReader: async (tabId) => {
      loaded.push(tabId);
      await injected;
    },
    readerSites: {
      add: async (pattern) => void readerSites.push(`add ${pattern}`),
      remove: async (site) => void readerSites.push(site === undefined ? 'remove' : `remove ${site}`),
    },
    broadcast: (m) => broadcasts.push(m),
  });
});

describe('reader/load', () => {
  it('injects the reader into the asking tab only, and never for an extension page', async () => {
    await handlers['settings/set']({ site: '127.0.0.1:8080', patch: { places: false } }, EXT);
    await handlers['names/dismiss']({ key: 'ابو عمر', text: 'أبو عمر' }, EXT);
    // Answered with what the reader's first reading waits for: its site's settings, the dismissed names.
    const start = await handlers['reader/load']({}, tab(7));
    expect(start).toMatchObject({
      site: '127.0.0.1:8080',
      settings: { places: false },
      dismissed: ['ابو عمر'],
    });
    expect(loaded).toEqual([7]);
    await expect(handlers['reader/load']({}, EXT)).rejects.toThrow(/tab only/);
    expect(loaded).toEqual([7]);
  });

  it('answers without waiting for the injection, which a failure leaves as it is', async () => {
    // The answer is ready before the reader runs: the injection still under way does not hold it.
    injected = new Promise(() => undefined);
    await expect(handlers['reader/load']({}, tab(7))).resolves.toMatchObject({ site: '127.0.0.1:8080' });
    injected = Promise.reject(new Error('the tab is gone'));
    await expect(handlers['reader/load']({}, tab(8))).resolves.toMatchObject({ site: '127.0.0.1:8080' });
    expect(loaded).toEqual([7, 8]);
  });

  it('has a site whose page was read start the reader by itself, unless that would keep what the reader asked not to', async () => {
    const report = () =>
      handlers['page/report'](
        { url, canonical: null, article, entities: 0, visit: true, mentions: [] },
        tab(7),
      );
    await report();
    expect(readerSites).toEqual(['add *://127.0.0.1/*']);
    // A reader that started by itself is answered, and nothing is injected.
    await handlers['reader/load']({ running: true }, tab(8));
    expect(loaded).toEqual([]);
    // Asking for the reader adds nothing: the page is not read yet.
    await handlers['reader/load']({}, tab(7));
    expect(loaded).toEqual([7]);
    expect(readerSites).toEqual(['add *://127.0.0.1/*']);
    // A private site, a site switched off, no history: nothing added — and what was there goes.
    for (const patch of [{ private: true }, { siteEnabled: false }]) {
      readerSites = [];
      await handlers['settings/set']({ site: '127.0.0.1:8080', patch }, EXT);
      await report();
      expect(readerSites).toEqual(['remove 127.0.0.1:8080']);
      await handlers['settings/set'](
        { site: '127.0.0.1:8080', patch: { private: false, siteEnabled: true } },
        EXT,
      );
    }
    readerSites = [];
    await handlers['settings/set']({ site: '', patch: { history: false } }, EXT);
    await report();
    expect(readerSites).toEqual(['remove']);
    // Other settings leave the list as it is.
    readerSites = [];
    await handlers['settings/set']({ site: '127.0.0.1:8080', patch: { history: true, places: false } }, EXT);
    expect(readerSites).toEqual([]);
  });

  it('forgets the sites with their history: a site with it, all with all, none with a page', async () => {
    await handlers['history/forget']({ scope: 'page', url, canonical: null }, EXT);
    await handlers['history/forget']({ scope: 'site', site: '127.0.0.1:8080' }, EXT);
    await handlers['history/forget']({ scope: 'all' }, EXT);
    expect(readerSites).toEqual(['remove 127.0.0.1:8080', 'remove']);
  });
});

describe('article/extract', () => {
  it('answers Readability on a snapshot by text-node index, and refuses a malformed one', async () => {
    const html = `<html><body><nav><a href="/">الرئيسية</a></nav><article><h1>عنوان</h1>${'<p>نص الخبر في دمشق وحلب. </p>'.repeat(40)}</article><footer>حقوق</footer></body></html>`;
    const doc = parseHtmlDocument(html);
    const { items, texts } = snapshotPage(doc);
    const found = await handlers['article/extract']({ url, items }, tab(7));
    const data = (nodes: Text[]) => nodes.map((n) => n.data);
    expect(found?.indices.length).toBeGreaterThan(30);
    expect(data(articleFromIndices(doc, texts, found).nodes)).toEqual(
      data(articleNodes(parseHtmlDocument(html)).nodes),
    );
    await expect(handlers['article/extract']({ url, items: [['p', 'a"b', 'x'], 0] }, tab(7))).rejects.toThrow(
      /malformed attribute/,
    );
  });
});

describe('article/part', () => {
  const html = `<html><body><nav><a href="/">الرئيسية</a></nav><article><h1>عنوان</h1>${'<p>نص الخبر في دمشق وحلب. </p>'.repeat(40)}</article><footer>حقوق</footer></body></html>`;
  const { items } = snapshotPage(parseHtmlDocument(html));
  const thirds = [items.slice(0, 30), items.slice(30, 60), items.slice(60)];

  it('gathers a snapshot sent in parts, per tab, and answers its last as the whole', async () => {
    const whole = await handlers['article/extract']({ url, items }, tab(7));
    // Tab 8 begins a snapshot of its own between tab 7's parts.
    await handlers['article/part']({ url, items: thirds[0]!, first: true }, tab(7));
    await handlers['article/part']({ url, items: [['html'], 'x'], first: true }, tab(8));
    await handlers['article/part']({ url, items: thirds[1]!, first: false }, tab(7));
    expect(await handlers['article/extract']({ url, items: thirds[2]!, parts: 2 }, tab(7))).toEqual(whole);
    // Taken: the same parts are not there twice.
    await expect(handlers['article/extract']({ url, items: thirds[2]!, parts: 2 }, tab(7))).rejects.toThrow(
      /missing/,
    );
  });

  it('refuses a snapshot with a part missing, and a part with no beginning', async () => {
    await handlers['article/part']({ url, items: thirds[0]!, first: true }, tab(7));
    await expect(handlers['article/extract']({ url, items: thirds[2]!, parts: 2 }, tab(7))).rejects.toThrow(
      /missing/,
    );
    await expect(handlers['article/part']({ url, items: thirds[1]!, first: false }, tab(9))).rejects.toThrow(
      /no snapshot begun/,
    );
  });

  it('begins again at a first part: what an earlier snapshot of the tab left is dropped', async () => {
    await handlers['article/part']({ url, items: [['html'], 'stale'], first: true }, tab(7));
    await handlers['article/part']({ url, items: thirds[0]!, first: true }, tab(7));
    await handlers['article/part']({ url, items: thirds[1]!, first: false }, tab(7));
    const found = await handlers['article/extract']({ url, items: thirds[2]!, parts: 2 }, tab(7));
    expect(found).toEqual(await handlers['article/extract']({ url, items }, tab(7)));
  });
});

describe('lexicon/spot', () => {
  const SDF = testEntity('sdf', 'actor', [{ text: 'قسد' }]);
  const HASAKAH = testEntity('hasakah', 'place', [{ text: 'الحسكة' }]);
  /** The handlers with a small bundled lexicon, counting how often it is loaded and compiled. */
  const withSmallLexicon = () => {
    const counts = { loaded: 0, compiled: 0 };
    const made: CompiledLexicon[] = [];
    const small = {
      entities: [SDF, HASAKAH],
      compiled: () => {
        counts.compiled++;
        made.push(compileLexicon({ entities: [SDF, HASAKAH] }));
        return made.at(-1)!;
      },
    };
    const spotting = createHandlers({
      db,
      tabUrl: async () => undefined,
      now: () => clock,
      version: '0.1.0',
      changed: () => undefined,
      trash: memoryTrash(),
      setBadge: () => undefined,
      loadReader: async () => undefined,
      broadcast: () => undefined,
      bundled: async () => (counts.loaded++, small),
    });
    return { spotting, counts, made };
  };

  it('has the lexicon ready to walk once a reader is loaded, before its page asks for names (issue #16)', async () => {
    const { spotting, made } = withSmallLexicon();
    await spotting['reader/load']({}, tab(7));
    await vi.waitFor(() => expect(made).toHaveLength(1));
    await vi.waitFor(() => expect(walkTrieMade(made[0]!)).toBe(true));
  });

  it('spots a page’s texts with the reader’s names merged over the bundled ones, each entity sent once', async () => {
    const { spotting, counts } = withSmallLexicon();
    const texts = ['قسد في الحسكة', 'وقالت قسد إن الحسكة', 'لا أحد هنا'];
    const json = await spotting['lexicon/spot']({ texts, context: [], reading: 'page' as const }, tab(7));
    const answer = JSON.parse(json) as SpotAnswer;
    expect(answer.entities.map((e) => e.id)).toEqual(['sdf', 'hasakah']);
    expect(answer.aliases).toEqual(['قسد', 'الحسكة']);
    expect(answer.found.map((f) => f.names)).toEqual([
      [0, 3, 0, 0, 7, 13, 1, 1],
      [6, 9, 0, 0, 13, 19, 1, 1],
      [],
    ]);
    expect(spottedOf(json)).toEqual([
      ...spotTexts(texts, compileLexicon({ entities: [SDF, HASAKAH] }), new Set(), 'in-order'),
    ]);
    // Compiled once: the next page is spotted with the same lexicon.
    await spotting['lexicon/spot']({ texts, context: [], reading: 'page' as const }, tab(8));
    expect(counts).toEqual({ loaded: 1, compiled: 1 });

    // A spelling the reader adds is spotted at once (the lexicon compiled again, over the same file).
    await spotting['lexicon/alias']({ entity: 'sdf', text: 'قوات سوريا الديمقراطية', action: 'add' }, EXT);
    const added = JSON.parse(
      await spotting['lexicon/spot'](
        { texts: ['بيان قوات سوريا الديمقراطية'], context: [], reading: 'page' as const },
        tab(7),
      ),
    ) as SpotAnswer;
    expect(added.found[0]?.names).toEqual([5, 27, 0, 0]);
    expect(added.aliases).toEqual(['قوات سوريا الديمقراطية']);
    expect(counts.loaded).toBe(2);
  });

  it('refuses more text than a page holds', () => {
    const ok = { texts: ['نص'], context: [], reading: 'page' as const };
    expect(REQUESTS['lexicon/spot'].safeParse(ok).success).toBe(true);
    const tooMuch = { ...ok, texts: Array.from({ length: 30 }, () => 'ن'.repeat(100_000)) };
    expect(REQUESTS['lexicon/spot'].safeParse(tooMuch).success).toBe(false);
  });
});

describe('page/report', () => {
  it('records the page under its URL without the fragment', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    const rows = await db.pages.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      url: 'https://127.0.0.1:8080/baladi/index.html',
      site: '127.0.0.1:8080',
      title: article.title,
      wordCount: 812,
      firstVisit: 1_000,
      visits: 1,
    });
  });

  it('updates the same row on a revisit, keeping the first visit', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    clock = 5_000;
    await handlers['page/report'](
      {
        url,
        canonical: null,
        article: { ...article, wordCount: 900 },
        entities: 12,
        visit: true,
        mentions: [],
      },
      tab(7),
    );
    const rows = await db.pages.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstVisit: 1_000, lastVisit: 5_000, visits: 2, wordCount: 900 });
  });

  it('does not count an update within the same visit (content that arrived later) as a revisit', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    clock = 2_000;
    await handlers['page/report'](
      {
        url,
        canonical: null,
        article: { ...article, wordCount: 1000 },
        entities: 14,
        visit: false,
        mentions: [],
      },
      tab(7),
    );
    expect(await db.pages.toArray()).toMatchObject([{ visits: 1, lastVisit: 1_000, wordCount: 1000 }]);
    expect(badges.at(-1)).toEqual([7, 14]);
  });

  it('tells open panels which tab changed', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    expect(notified).toEqual([{ topics: ['pages', 'history'], tabId: 7 }]);
  });

  it('shows the number of entities on the tab’s badge', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    expect(badges).toEqual([[7, 12]]);
  });
});

describe('annotations', () => {
  const draft = (start: number, exact: string): AnnotationDraft => ({
    selector: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
    body: { note: 'ملاحظة', tags: ['روسيا'], color: 'yellow' },
  });
  const save = async (d: AnnotationDraft, sender: Sender = tab(3)) => {
    const reply = await handlers['annotation/save']({ draft: d, url, canonical: null }, sender);
    if (!('saved' in reply)) throw new Error('stale');
    return reply.saved;
  };

  it('saves under the page key and lists the page’s annotations in reading order', async () => {
    await save(draft(90, 'دير الزور'));
    await save(draft(10, 'قسد'));
    // Another link to the same page, with a tracking parameter and a fragment, finds them.
    const same = await handlers['annotation/list'](
      { url: 'http://127.0.0.1:8080/baladi/index.html?utm_source=x#top', canonical: null },
      EXT,
    );
    // Another article does not.
    expect(
      await handlers['annotation/list']({ url: 'http://127.0.0.1:8080/other/', canonical: null }, EXT),
    ).toEqual([]);
    expect(same.map((a) => a.target.selector.quote.exact)).toEqual(['قسد', 'دير الزور']);
    expect(same[0]?.page).toBe('https://127.0.0.1:8080/baladi/index.html');
  });

  it('dates and files a draft itself: the tab chooses neither the page nor the times', async () => {
    clock = 5_000;
    const made = await save(draft(5, 'داعش'));
    expect(made).toMatchObject({
      page: 'https://127.0.0.1:8080/baladi/index.html',
      created: 5_000,
      modified: 5_000,
    });
    // The address as opened, less the fragment (and any tracking parameter).
    expect(made.target.source).toBe('http://127.0.0.1:8080/baladi/index.html');
  });

  it('stores text well-formed (a lone surrogate as U+FFFD), as an exported file will have it', async () => {
    const made = await save({
      ...draft(5, 'داعش\uD800'),
      body: { note: 'a\uDC00b 😀', tags: ['\uD83D'], color: 'blue' },
    });
    expect(made.target.selector.quote.exact).toBe('داعش\uFFFD');
    expect(made.body).toMatchObject({ note: 'a\uFFFDb 😀', tags: ['\uFFFD'] });
  });

  it('keeps the creation time and sets the modification time on an edit', async () => {
    clock = 777;
    const a = await save(draft(5, 'داعش'));
    clock = 9_000;
    const edited = await save({
      ...draft(5, 'داعش'),
      id: a.id,
      base: a.modified,
      body: { ...a.body, color: 'pink' },
    });
    expect(edited).toMatchObject({ created: 777, modified: 9_000, body: { color: 'pink' } });
  });

  it('refuses an edit of an older version, and gives the newer one (two tabs, one annotation)', async () => {
    const a = await save(draft(5, 'داعش'));
    // Tab A saves a note; tab B, which still shows the first version, recolours it.
    clock = 2_000;
    const noted = await save({
      ...draft(5, 'داعش'),
      id: a.id,
      base: a.modified,
      body: { ...a.body, note: 'مصدر' },
    });
    clock = 3_000;
    const stale = await handlers['annotation/save'](
      {
        draft: { ...draft(5, 'داعش'), id: a.id, base: a.modified, body: { ...a.body, color: 'pink' } },
        url,
        canonical: null,
      },
      tab(4),
    );
    expect(stale).toEqual({ stale: noted });
    expect((await db.annotations.get(a.id))?.body).toMatchObject({ note: 'مصدر', color: 'yellow' });
  });

  it('saves a new annotation sent twice (a lost reply, a retry) once', async () => {
    const id = crypto.randomUUID();
    const first = await save({ ...draft(5, 'داعش'), id });
    clock = 5_000;
    expect(await save({ ...draft(5, 'داعش'), id })).toEqual(first);
    expect(await db.annotations.count()).toBe(1);
  });

  it('undoes a deletion with annotation/restore: the annotation comes back as it was', async () => {
    const a = await save(draft(5, 'داعش'));
    const removed = await handlers['annotation/delete']({ id: a.id }, tab(3));
    expect(removed).toEqual(a);
    expect(await db.annotations.count()).toBe(0);
    expect(await handlers['annotation/restore']({ id: a.id }, tab(3))).toEqual(a);
    expect(await db.annotations.get(a.id)).toEqual(a);
    expect(await handlers['annotation/restore']({ id: a.id }, tab(3))).toBeNull();
    expect(await handlers['annotation/delete']({ id: 'missing' }, EXT)).toBeNull();
  });

  it('lets a content script touch only its own site’s annotations', async () => {
    const a = await save(draft(5, 'داعش'));
    const elsewhere = tab(9, 'https://evil.example/page');
    await expect(handlers['annotation/delete']({ id: a.id }, elsewhere)).rejects.toThrow(/another site/u);
    await expect(
      handlers['annotation/save'](
        {
          draft: { ...draft(5, 'x'), id: a.id, base: a.modified },
          url: 'https://evil.example/page',
          canonical: null,
        },
        elsewhere,
      ),
    ).rejects.toThrow(/another site/u);
    expect(await db.annotations.get(a.id)).toEqual(a);
  });

  it('tells open pages the annotations changed', async () => {
    await save(draft(5, 'داعش'));
    expect(notified).toContainEqual({ topics: ['annotations'], tabId: undefined });
  });
});

describe('history: who appears where', () => {
  const report = (
    address: string,
    mentions: { entity: string; count: number; sentence: string }[],
    at: number,
  ) => {
    clock = at;
    return handlers['page/report'](
      { url: address, canonical: null, article, entities: mentions.length, visit: true, mentions },
      tab(1),
    );
  };
  const sdf = (n: number) => ({ entity: 'sdf', count: n, sentence: 'قوات سوريا الديمقراطية' });
  const rukban = { entity: 'rukban-camp', count: 1, sentence: 'مخيم الركبان' };

  it('counts other pages and sites, and says which sites are new to an entity', async () => {
    await report('http://a.example/1', [sdf(3)], 100);
    await report('http://a.example/2', [sdf(1)], 200);
    await report('http://b.example/1', [sdf(2), rukban], 300);
    const history = await handlers['entity/history'](
      { url: 'http://c.example/9', canonical: null, entities: ['sdf', 'rukban-camp', 'isis'] },
      EXT,
    );
    expect(history).toEqual([
      { entity: 'sdf', pages: 3, sites: 2, firstSeen: 100, newOnSite: true },
      { entity: 'rukban-camp', pages: 1, sites: 1, firstSeen: 300, newOnSite: true },
      { entity: 'isis', pages: 0, sites: 0, firstSeen: null, newOnSite: false },
    ]);
    const onA = await handlers['entity/history'](
      { url: 'http://a.example/1', canonical: null, entities: ['sdf'] },
      EXT,
    );
    expect(onA).toEqual([{ entity: 'sdf', pages: 2, sites: 2, firstSeen: 200, newOnSite: false }]);
  });

  it('updates a page’s mentions when it is read again, rather than adding to them', async () => {
    await report('http://a.example/1', [sdf(3), rukban], 100);
    await report('http://a.example/1#again', [sdf(5)], 150);
    const rows = await db.mentions.toArray();
    expect(rows).toEqual([
      expect.objectContaining({
        entity: 'sdf',
        count: 5,
        page: 'https://a.example/1',
        firstSeen: 100,
        lastSeen: 150,
      }),
    ]);
  });
});

describe('dashboard', () => {
  const read = (address: string, at: number, ...entities: string[]) => {
    clock = at;
    return handlers['page/report'](
      {
        url: address,
        canonical: null,
        article: { ...article, title: `عنوان ${address}` },
        entities: entities.length,
        visit: true,
        mentions: entities.map((entity) => ({ entity, count: 2, sentence: `جملة عن ${entity}` })),
      },
      tab(1),
    );
  };

  it('ranks entities by pages and sites, and filters by type, site and a folded search', async () => {
    await read('http://a.example/1', Date.UTC(2026, 9, 1), 'sdf', 'usa');
    await read('http://a.example/2', Date.UTC(2026, 9, 5), 'sdf');
    await read('http://b.example/1', Date.UTC(2026, 10, 2), 'sdf', 'damascus');
    const ranking = await handlers['dashboard/ranking']({}, EXT);
    expect(ranking.map((r) => [r.entity, r.pages, r.sites])).toEqual([
      ['sdf', 3, 2],
      ['damascus', 1, 1],
      ['usa', 1, 1],
    ]);
    expect(ranking[0]).toMatchObject({ firstSeen: Date.UTC(2026, 9, 1), lastSeen: Date.UTC(2026, 10, 2) });
    expect((await handlers['dashboard/ranking']({ type: 'place' }, EXT)).map((r) => r.entity)).toEqual([
      'damascus',
    ]);
    expect((await handlers['dashboard/ranking']({ subtype: 'state' }, EXT)).map((r) => r.entity)).toEqual([
      'usa',
    ]);
    const november = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 30) };
    expect((await handlers['dashboard/ranking'](november, EXT)).map((r) => [r.entity, r.pages])).toEqual([
      ['damascus', 1],
      ['sdf', 1],
    ]);
    expect((await handlers['dashboard/ranking']({ site: 'b.example' }, EXT)).map((r) => r.entity)).toEqual([
      'damascus',
      'sdf',
    ]);
    // Spelled without hamza, it still finds أمريكا (the USA); in English too.
    expect((await handlers['dashboard/ranking']({ query: 'امريكا' }, EXT)).map((r) => r.entity)).toEqual([
      'usa',
    ]);
    expect(
      (await handlers['dashboard/ranking']({ query: 'Syrian Democratic' }, EXT)).map((r) => r.entity),
    ).toEqual(['sdf']);
    expect(await handlers['dashboard/sites']({}, EXT)).toEqual(['a.example', 'b.example']);
  });

  it('details one entity: its pages with sentences, what it appears with, and when', async () => {
    await read('http://a.example/1', Date.UTC(2026, 9, 1), 'sdf', 'usa');
    await read('http://b.example/1', Date.UTC(2026, 10, 2), 'sdf', 'usa', 'damascus');
    const detail = await handlers['dashboard/entity']({ entity: 'sdf' }, EXT);
    expect(detail.pages.map((p) => [p.site, p.title, p.sentence])).toEqual([
      ['b.example', 'عنوان http://b.example/1', 'جملة عن sdf'],
      ['a.example', 'عنوان http://a.example/1', 'جملة عن sdf'],
    ]);
    expect(detail.cooccurring).toEqual([
      { entity: 'usa', pages: 2 },
      { entity: 'damascus', pages: 1 },
    ]);
    expect(detail.timeline).toEqual([
      { month: '2026-10', pages: 1 },
      { month: '2026-11', pages: 1 },
    ]);
  });

  it('goes by publication dates where pages give them, or by reading dates when asked (issue 14)', async () => {
    const readPublished = (
      address: string,
      at: number,
      publishedTime: string | null,
      ...entities: string[]
    ) => {
      clock = at;
      return handlers['page/report'](
        {
          url: address,
          canonical: null,
          article: { ...article, title: `عنوان ${address}`, publishedTime },
          entities: entities.length,
          visit: true,
          mentions: entities.map((entity) => ({ entity, count: 1, sentence: `جملة عن ${entity}` })),
        },
        tab(1),
      );
    };
    // Both read in November; one was published in March.
    await readPublished('http://a.example/1', Date.UTC(2026, 10, 2), '2026-03-15', 'sdf');
    await readPublished('http://a.example/2', Date.UTC(2026, 10, 3), null, 'sdf', 'usa');
    const march = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 31) };
    expect((await handlers['dashboard/ranking'](march, EXT)).map((r) => [r.entity, r.pages])).toEqual([
      ['sdf', 1],
    ]);
    expect(await handlers['dashboard/ranking']({ ...march, dates: 'read' }, EXT)).toEqual([]);
    const november = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 30), dates: 'read' as const };
    expect((await handlers['dashboard/ranking'](november, EXT)).map((r) => [r.entity, r.pages])).toEqual([
      ['sdf', 2],
      ['usa', 1],
    ]);
    const detail = await handlers['dashboard/entity']({ entity: 'sdf' }, EXT);
    expect(detail.timeline).toEqual([{ month: '2026-11', pages: 2 }]);
    expect(detail.publishedTimeline).toEqual([
      { month: '2026-03', pages: 1 },
      { month: '2026-11', pages: 1 },
    ]);
    expect(detail.pages.map((p) => [p.url, p.published])).toEqual([
      ['https://a.example/2', null],
      ['https://a.example/1', Date.UTC(2026, 2, 15)],
    ]);
  });

  it('lists the reader’s annotations linked to the entity, with their notes and pages', async () => {
    await read('http://a.example/1', Date.UTC(2026, 9, 1), 'sdf');
    const save = (exact: string, note: string, entity?: string) =>
      handlers['annotation/save'](
        {
          draft: {
            selector: { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } },
            body: { note, tags: ['رصد'], color: 'green', ...(entity ? { entity } : {}) },
          },
          url: 'http://a.example/1',
          canonical: null,
        },
        EXT,
      );
    await save('قسد', 'مصدر محلي', 'sdf');
    await save('واشنطن', 'لا صلة', 'usa');
    await save('بلا رابط', 'ملاحظة');
    const detail = await handlers['dashboard/entity']({ entity: 'sdf' }, EXT);
    expect(detail.annotations).toEqual([
      expect.objectContaining({
        quote: 'قسد',
        note: 'مصدر محلي',
        tags: ['رصد'],
        color: 'green',
        page: 'https://a.example/1',
        source: 'http://a.example/1',
        title: 'عنوان http://a.example/1',
        published: null,
      }),
    ]);
    expect((await handlers['dashboard/entity']({ entity: 'damascus' }, EXT)).annotations).toEqual([]);
  });
});

describe('forgetting', () => {
  const read = (address: string, entity: string) =>
    handlers['page/report'](
      {
        url: address,
        canonical: null,
        article,
        entities: 1,
        visit: true,
        mentions: [{ entity, count: 1, sentence: '' }],
      },
      tab(1),
    );
  const annotation: AnnotationRow = {
    id: 'kept',
    page: '',
    target: {
      source: 'http://a.example/1',
      selector: { quote: { exact: 'قسد', prefix: '', suffix: '' }, position: { start: 0, end: 3 } },
    },
    body: { note: '', tags: [], color: 'yellow' },
    created: 0,
    modified: 0,
  };

  it('forgets a site’s pages and what they named, and updates the counts; annotations stay', async () => {
    await read('http://a.example/1', 'sdf');
    await read('http://a.example/2', 'sdf');
    await read('http://b.example/1', 'sdf');
    await handlers['annotation/save'](
      {
        draft: { selector: annotation.target.selector, body: annotation.body },
        url: annotation.target.source,
        canonical: null,
      },
      EXT,
    );
    expect(await handlers['history/count']({ site: 'a.example' }, EXT)).toEqual({ pages: 2 });
    expect(await handlers['annotations/count']({}, EXT)).toEqual({ annotations: 1 });
    expect(await handlers['history/forget']({ scope: 'site', site: 'a.example' }, EXT)).toEqual({ pages: 2 });
    expect(await db.pages.count()).toBe(1);
    expect(await handlers['annotations/count']({}, EXT)).toEqual({ annotations: 1 });
    const [sdf] = await handlers['entity/history'](
      { url: 'http://c.example/1', canonical: null, entities: ['sdf'] },
      EXT,
    );
    expect(sdf).toMatchObject({ pages: 1, sites: 1 });
    expect(await db.annotations.count()).toBe(1);
    expect(notified).toContainEqual({ topics: ['history', 'pages'], tabId: undefined });
  });

  it('forgets one page, or everything', async () => {
    await read('http://a.example/1', 'sdf');
    await read('http://b.example/1', 'isis');
    expect(
      await handlers['history/forget']({ scope: 'page', url: 'http://a.example/1#x', canonical: null }, EXT),
    ).toEqual({ pages: 1 });
    expect(await db.mentions.count()).toBe(1);
    expect(await handlers['history/forget']({ scope: 'all' }, EXT)).toEqual({ pages: 1 });
    expect(await db.mentions.count()).toBe(0);
  });
});

describe('the reader’s own entities', () => {
  it('are made with a clean name and an id no lexicon entity has, and listed', async () => {
    const made = await handlers['entity/create']({ name: '  لواء  الباقر ', type: 'actor' }, EXT);
    expect(made).toMatchObject({ name: 'لواء الباقر', type: 'actor', created: 1_000 });
    expect(made.id).toMatch(/^reader-/u);
    expect(await handlers['entity/list']({}, EXT)).toEqual([made]);
  });
  it('need a name', async () => {
    await expect(handlers['entity/create']({ name: '  ', type: 'place' }, EXT)).rejects.toThrow(/name/u);
  });
});

describe('the reader’s lexicon', () => {
  const changed = { type: 'lexicon/changed', payload: {} };

  it('adds a spelling once, switches one off, deletes them, and every tab re-highlights each time', async () => {
    const added = await handlers['lexicon/alias'](
      { entity: 'sdf', text: ' قوات  سوريا ', action: 'add' },
      EXT,
    );
    expect(added).toMatchObject({ entity: 'sdf', text: 'قوات سوريا', action: 'add' });
    // The same spelling, differently written (folded alike), is the same row.
    expect(
      (await handlers['lexicon/alias']({ entity: 'sdf', text: 'قوات سورية', action: 'add' }, EXT)).id,
    ).not.toBe(added.id);
    expect(
      (await handlers['lexicon/alias']({ entity: 'sdf', text: 'قوات سوريا', action: 'add' }, EXT)).id,
    ).toBe(added.id);
    await handlers['lexicon/alias']({ entity: 'isis', text: 'الدولة', action: 'off' }, EXT);
    expect((await handlers['lexicon/get']({}, EXT)).aliases.map((a) => [a.entity, a.action])).toEqual(
      expect.arrayContaining([
        ['sdf', 'add'],
        ['isis', 'off'],
      ]),
    );
    await handlers['lexicon/delete-alias']({ id: added.id }, EXT);
    expect((await handlers['lexicon/get']({}, EXT)).aliases.some((a) => a.id === added.id)).toBe(false);
    // A function word is no one's spelling (a page once made «في» one: issue #12).
    for (const text of ['في', 'من', 'ال'])
      await expect(handlers['lexicon/alias']({ entity: 'sdf', text, action: 'add' }, EXT)).rejects.toThrow(
        /too common/u,
      );
    expect(broadcasts).toEqual(Array(5).fill(changed));
    expect(notified).toContainEqual({ topics: ['lexicon'], tabId: undefined });
  });

  it('undoes a spelling switched off from a page for a few minutes, and not after', async () => {
    const off = await handlers['lexicon/alias']({ entity: 'isis', text: 'داعش', action: 'off' }, tab(1));
    clock += ALIAS_UNDO_MS - 1;
    await handlers['lexicon/undo-alias']({ id: off.id }, tab(1));
    expect((await handlers['lexicon/get']({}, EXT)).aliases).toEqual([]);
    const again = await handlers['lexicon/alias']({ entity: 'isis', text: 'داعش', action: 'off' }, tab(1));
    clock += ALIAS_UNDO_MS + 1;
    await expect(handlers['lexicon/undo-alias']({ id: again.id }, tab(1))).rejects.toThrow(/too late/u);
    expect((await handlers['lexicon/get']({}, EXT)).aliases.map((a) => a.id)).toEqual([again.id]);
  });

  it('edits and deletes the reader’s entities only, with their spellings', async () => {
    const made = await handlers['entity/create']({ name: 'لواء الباقر', type: 'actor' }, EXT);
    clock = 2_000;
    const edited = await handlers['lexicon/save-entity'](
      { entity: { ...made, en: 'Al-Baqir Brigade', subtype: 'armed-group', aliases: ['الباقر'] } },
      EXT,
    );
    expect(edited).toMatchObject({ en: 'Al-Baqir Brigade', modified: 2_000, created: 1_000 });
    await handlers['lexicon/alias']({ entity: made.id, text: 'لواء باقر', action: 'add' }, EXT);
    await expect(handlers['lexicon/save-entity']({ entity: { ...made, id: 'sdf' } }, EXT)).rejects.toThrow(
      /own/u,
    );
    await handlers['lexicon/delete-entity']({ id: made.id }, EXT);
    expect(await handlers['lexicon/get']({}, EXT)).toEqual({ entities: [], aliases: [] });
  });

  it('ranks the reader’s entities in the dashboard by their type', async () => {
    const made = await handlers['entity/create']({ name: 'مخيم الهول الجديد', type: 'place' }, EXT);
    await handlers['page/report'](
      {
        url: 'http://a.example/1',
        canonical: null,
        article,
        entities: 1,
        visit: true,
        mentions: [{ entity: made.id, count: 1, sentence: '' }],
      },
      EXT,
    );
    expect((await handlers['dashboard/ranking']({ type: 'place' }, EXT)).map((r) => r.entity)).toEqual([
      made.id,
    ]);
    expect(await handlers['dashboard/ranking']({ type: 'actor' }, EXT)).toEqual([]);
    expect(
      (await handlers['dashboard/ranking']({ query: 'الهول الجديد' }, EXT)).map((r) => r.entity),
    ).toEqual([made.id]);
  });

  it('imports a lexicon file item by item, and refuses a broken one without writing', async () => {
    const file = (entities: unknown[], aliases: unknown[] = [], formatVersion = 1) =>
      JSON.stringify({ format: 'rasid-lexicon', formatVersion, entities, aliases });
    const entity = { id: 'reader-1', type: 'actor' as const, name: 'لواء الباقر', created: 5, modified: 5 };
    /** What the options page sends: the file read and checked whole. */
    const read = (text: string) => {
      const parsed = parseReaderLexicon(text, clock);
      if (!parsed.ok) throw new Error(`refused: ${parsed.error.code}`);
      return parsed.value;
    };
    const truncated = file([entity]).slice(0, 40);
    expect(parseReaderLexicon(truncated, clock)).toMatchObject({ ok: false, error: { code: 'not-json' } });
    expect(parseReaderLexicon(file([entity], [], 7), clock)).toEqual({
      ok: false,
      error: { code: 'newer-version', version: 7 },
    });

    const hostile = { ...entity, id: 'reader-2', name: '<img src=x onerror=alert(1)>' };
    const first = await handlers['lexicon/import'](
      {
        file: read(
          file(
            [entity, { ...entity, id: 'sdf' }, { ...entity, id: 'reader-3', type: 'person' }, hostile],
            [
              { id: 'a1', entity: 'sdf', text: 'قسد', action: 'off', created: 5 },
              { id: 'a2', entity: 'sdf' },
            ],
          ),
        ),
      },
      EXT,
    );
    expect(first.items.map((i) => [i.outcome, i.problem?.code ?? null])).toEqual([
      ['imported', null],
      ['rejected', 'bad-field'],
      ['rejected', 'bad-field'],
      ['imported', null],
      ['imported', null],
      ['rejected', 'bad-field'],
    ]);
    // The hostile name is kept as the text it is.
    expect((await handlers['lexicon/get']({}, EXT)).entities.find((e) => e.id === 'reader-2')?.name).toBe(
      '<img src=x onerror=alert(1)>',
    );
    // Again: duplicates. An older copy does not overwrite a newer local edit.
    await handlers['lexicon/save-entity']({ entity: { ...entity, en: 'edited here' } }, EXT);
    const again = await handlers['lexicon/import'](
      {
        file: read(
          file([{ ...entity, name: 'older' }], [{ id: 'a1', entity: 'sdf', text: 'قسد', action: 'off' }]),
        ),
      },
      EXT,
    );
    expect(again.items.map((i) => i.outcome)).toEqual(['kept-local', 'duplicate']);
    expect((await handlers['lexicon/get']({}, EXT)).entities[0]).toMatchObject({
      name: 'لواء الباقر',
      en: 'edited here',
    });
  });
});

describe('settings', () => {
  it('are on everywhere by default', async () => {
    expect(await handlers['settings/get']({ site: 'enabbaladi.net' }, EXT)).toEqual({
      siteEnabled: true,
      private: false,
      shareWithTeam: true,
      actors: true,
      places: true,
      wholePage: false,
      history: true,
      suggestions: true,
      hoverCards: true,
      colorNames: {},
    });
  });
  it('switch hover cards off everywhere, and every open page hears it', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { hoverCards: false } }, EXT);
    expect((await handlers['settings/get']({ site: 'b.example' }, EXT)).hoverCards).toBe(false);
    expect(broadcasts).toContainEqual({ type: 'reader/refresh', payload: {} });
  });
  it('keep the reader’s names for the colours everywhere, and refuse a name too long or a colour unknown', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { colorNames: { green: 'دليل' } } }, EXT);
    expect((await handlers['settings/get']({ site: 'b.example' }, EXT)).colorNames).toEqual({
      green: 'دليل',
    });
    expect(
      REQUESTS['settings/set'].safeParse({ site: 'a', patch: { colorNames: { red: 'x' } } }).success,
    ).toBe(false);
    expect(
      REQUESTS['settings/set'].safeParse({ site: 'a', patch: { colorNames: { blue: 'x'.repeat(41) } } })
        .success,
    ).toBe(false);
  });
  it('make one site private without touching another', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { private: true } }, EXT);
    expect((await handlers['settings/get']({ site: 'a.example' }, EXT)).private).toBe(true);
    expect((await handlers['settings/get']({ site: 'b.example' }, EXT)).private).toBe(false);
    expect((await handlers['settings/get']({ site: 'a.example' }, EXT)).siteEnabled).toBe(true);
  });
  it('switch one site off without touching another', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { siteEnabled: false } }, EXT);
    expect((await handlers['settings/get']({ site: 'a.example' }, EXT)).siteEnabled).toBe(false);
    expect((await handlers['settings/get']({ site: 'b.example' }, EXT)).siteEnabled).toBe(true);
  });
  it('with history off, record nothing, yet the panel still finds the page a tab shows', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { history: false } }, EXT);
    const address = 'http://b.example/1';
    await handlers['page/report'](
      {
        url: address,
        canonical: null,
        article,
        entities: 1,
        visit: true,
        mentions: [{ entity: 'sdf', count: 1, sentence: 'قسد' }],
      },
      tab(3),
    );
    expect(await db.pages.count()).toBe(0);
    expect(await db.mentions.count()).toBe(0);
    expect(await db.entityStats.count()).toBe(0);
    tabs.set(3, address);
    expect((await handlers['page/get']({ tabId: 3 }, EXT))?.page).toMatchObject({
      title: article.title,
      visits: 1,
    });
    // Switched back on, the next reading is kept.
    await handlers['settings/set']({ site: 'b.example', patch: { history: true } }, EXT);
    await handlers['page/report'](
      { url: address, canonical: null, article, entities: 0, visit: true, mentions: [] },
      tab(3),
    );
    expect(await db.pages.count()).toBe(1);
  });
  it('keep type toggles for every site', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { places: false } }, EXT);
    expect(await handlers['settings/get']({ site: 'b.example' }, EXT)).toMatchObject({
      actors: true,
      places: false,
    });
  });
});

describe('page/get', () => {
  it('finds a page by the canonical link it reported, though the tab’s URL differs', async () => {
    const printed = 'http://127.0.0.1:8080/baladi/print.php?id=7';
    await handlers['page/report'](
      { url: printed, canonical: '/baladi/index.html', article, entities: 1, visit: true, mentions: [] },
      tab(4),
    );
    tabs.set(4, printed);
    expect((await handlers['page/get']({ tabId: 4 }, EXT))?.page).toMatchObject({
      url: 'https://127.0.0.1:8080/baladi/index.html',
      address: printed,
    });
  });

  it('finds the page a tab shows', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      tab(7),
    );
    tabs.set(7, url);
    const found = await handlers['page/get']({ tabId: 7 }, EXT);
    expect(found?.page.title).toBe(article.title);
  });
  it('is null for a tab on a page Rasid has not read', async () => {
    tabs.set(8, 'http://127.0.0.1:8080/english/index.html');
    expect(await handlers['page/get']({ tabId: 8 }, EXT)).toBeNull();
  });
  it('finds a saved page opened from disk', async () => {
    const file = 'file:///home/reader/saved/baladi.html';
    await handlers['page/report'](
      { url: file, canonical: null, article, entities: 3, visit: true, mentions: [] },
      tab(5),
    );
    tabs.set(5, file);
    expect((await handlers['page/get']({ tabId: 5 }, EXT))?.page.site).toBe('file');
  });
  it('is null for browser pages', async () => {
    tabs.set(9, 'about:blank');
    expect(await handlers['page/get']({ tabId: 9 }, EXT)).toBeNull();
  });
});

describe('dispatch', () => {
  it('wraps the value in a result', async () => {
    const reply = await dispatch(
      handlers,
      {
        type: 'page/report',
        payload: { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      },
      tab(1),
    );
    expect(reply.ok).toBe(true);
  });
  it('returns a failure as data when the database is closed', async () => {
    db.close();
    const reply = await dispatch(
      handlers,
      {
        type: 'page/report',
        payload: { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      },
      tab(1),
    );
    expect(reply).toMatchObject({ ok: false });
    expect(reply.ok ? '' : reply.error).toMatch(/closed/iu);
  });
});
