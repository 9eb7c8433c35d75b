import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../article/extract-article.ts';
import type { AnnotationRow } from '../db/annotation.ts';
import { RasidDB } from '../db/schema.ts';
import { createHandlers, dispatch, type Handlers } from './handlers.ts';
import type { Notification, TabMessage } from './protocol.ts';

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

let db: RasidDB;
let handlers: Handlers;
let clock: number;
let notified: Notification[];
let badges: [number, number][];
let broadcasts: TabMessage[];
const tabs = new Map<number, string>();

beforeEach(() => {
  db = new RasidDB(`test-${Math.random()}`);
  clock = 1_000;
  notified = [];
  badges = [];
  broadcasts = [];
  tabs.clear();
  handlers = createHandlers({
    db,
    tabUrl: async (id) => tabs.get(id),
    now: () => clock,
    notify: (n) => notified.push(n),
    setBadge: (tabId, n) => badges.push([tabId, n]),
    broadcast: (m) => broadcasts.push(m),
  });
});
afterEach(() => db.delete());

describe('page/report', () => {
  it('records the page under its URL without the fragment', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      { tabId: 7 },
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
      { tabId: 7 },
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
      { tabId: 7 },
    );
    const rows = await db.pages.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstVisit: 1_000, lastVisit: 5_000, visits: 2, wordCount: 900 });
  });

  it('does not count an update within the same visit (content that arrived later) as a revisit', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      { tabId: 7 },
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
      { tabId: 7 },
    );
    expect(await db.pages.toArray()).toMatchObject([{ visits: 1, lastVisit: 1_000, wordCount: 1000 }]);
    expect(badges.at(-1)).toEqual([7, 14]);
  });

  it('tells open panels which tab changed', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      { tabId: 7 },
    );
    expect(notified).toEqual([{ type: 'page/changed', payload: { tabId: 7 } }]);
  });

  it('shows the number of entities on the tab’s badge', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      { tabId: 7 },
    );
    expect(badges).toEqual([[7, 12]]);
  });
});

describe('annotations', () => {
  const annotation = (start: number, exact: string): AnnotationRow => ({
    id: crypto.randomUUID(),
    page: '',
    target: {
      source: `${url}`,
      selector: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
    },
    body: { note: 'ملاحظة', tags: ['روسيا'], color: 'yellow' },
    created: 0,
    modified: 0,
  });

  it('saves under the page key and lists the page’s annotations in reading order', async () => {
    await handlers['annotation/save']({ canonical: null, annotation: annotation(90, 'دير الزور') }, {});
    await handlers['annotation/save']({ canonical: null, annotation: annotation(10, 'قسد') }, {});
    // Another link to the same page, with a tracking parameter and a fragment, finds them.
    const same = await handlers['annotation/list'](
      { url: 'http://127.0.0.1:8080/baladi/index.html?utm_source=x#top', canonical: null },
      {},
    );
    // Another article does not.
    expect(
      await handlers['annotation/list']({ url: 'http://127.0.0.1:8080/other/', canonical: null }, {}),
    ).toEqual([]);
    expect(same.map((a) => a.target.selector.quote.exact)).toEqual(['قسد', 'دير الزور']);
    expect(same[0]?.page).toBe('https://127.0.0.1:8080/baladi/index.html');
  });

  it('keeps the creation time and sets the modification time on an edit', async () => {
    const a = { ...annotation(5, 'داعش'), created: 777 };
    await handlers['annotation/save']({ canonical: null, annotation: a }, {});
    clock = 9_000;
    const edited = await handlers['annotation/save'](
      { canonical: null, annotation: { ...a, created: 1, body: { ...a.body, color: 'pink' } } },
      {},
    );
    expect(edited).toMatchObject({ created: 777, modified: 9_000, body: { color: 'pink' } });
  });

  it('returns a deleted annotation, so that saving it again undoes the deletion', async () => {
    const a = await handlers['annotation/save']({ canonical: null, annotation: annotation(5, 'داعش') }, {});
    const removed = await handlers['annotation/delete']({ id: a.id }, {});
    expect(await db.annotations.count()).toBe(0);
    await handlers['annotation/save']({ canonical: null, annotation: removed! }, {});
    expect(await db.annotations.get(a.id)).toMatchObject({ id: a.id, created: a.created, body: a.body });
    expect(await handlers['annotation/delete']({ id: 'missing' }, {})).toBeNull();
  });

  it('tells open panels the page’s annotations changed', async () => {
    await handlers['annotation/save']({ canonical: null, annotation: annotation(5, 'داعش') }, {});
    expect(notified).toContainEqual({
      type: 'annotations/changed',
      payload: { page: 'https://127.0.0.1:8080/baladi/index.html' },
    });
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
      { tabId: 1 },
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
      {},
    );
    expect(history).toEqual([
      { entity: 'sdf', pages: 3, sites: 2, firstSeen: 100, newOnSite: true },
      { entity: 'rukban-camp', pages: 1, sites: 1, firstSeen: 300, newOnSite: true },
      { entity: 'isis', pages: 0, sites: 0, firstSeen: null, newOnSite: false },
    ]);
    const onA = await handlers['entity/history'](
      { url: 'http://a.example/1', canonical: null, entities: ['sdf'] },
      {},
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
      { tabId: 1 },
    );
  };

  it('ranks entities by pages and sites, and filters by type, site and a folded search', async () => {
    await read('http://a.example/1', Date.UTC(2026, 9, 1), 'sdf', 'usa');
    await read('http://a.example/2', Date.UTC(2026, 9, 5), 'sdf');
    await read('http://b.example/1', Date.UTC(2026, 10, 2), 'sdf', 'damascus');
    const ranking = await handlers['dashboard/ranking']({}, {});
    expect(ranking.map((r) => [r.entity, r.pages, r.sites])).toEqual([
      ['sdf', 3, 2],
      ['damascus', 1, 1],
      ['usa', 1, 1],
    ]);
    expect(ranking[0]).toMatchObject({ firstSeen: Date.UTC(2026, 9, 1), lastSeen: Date.UTC(2026, 10, 2) });
    expect((await handlers['dashboard/ranking']({ type: 'place' }, {})).map((r) => r.entity)).toEqual([
      'damascus',
    ]);
    expect((await handlers['dashboard/ranking']({ subtype: 'state' }, {})).map((r) => r.entity)).toEqual([
      'usa',
    ]);
    const november = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 30) };
    expect((await handlers['dashboard/ranking'](november, {})).map((r) => [r.entity, r.pages])).toEqual([
      ['damascus', 1],
      ['sdf', 1],
    ]);
    expect((await handlers['dashboard/ranking']({ site: 'b.example' }, {})).map((r) => r.entity)).toEqual([
      'damascus',
      'sdf',
    ]);
    // Spelled without hamza, it still finds أمريكا (the USA); in English too.
    expect((await handlers['dashboard/ranking']({ query: 'امريكا' }, {})).map((r) => r.entity)).toEqual([
      'usa',
    ]);
    expect(
      (await handlers['dashboard/ranking']({ query: 'Syrian Democratic' }, {})).map((r) => r.entity),
    ).toEqual(['sdf']);
    expect(await handlers['dashboard/sites']({}, {})).toEqual(['a.example', 'b.example']);
  });

  it('details one entity: its pages with sentences, what it appears with, and when', async () => {
    await read('http://a.example/1', Date.UTC(2026, 9, 1), 'sdf', 'usa');
    await read('http://b.example/1', Date.UTC(2026, 10, 2), 'sdf', 'usa', 'damascus');
    const detail = await handlers['dashboard/entity']({ entity: 'sdf' }, {});
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
      { tabId: 1 },
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
    await handlers['annotation/save']({ annotation, canonical: null }, {});
    expect(await handlers['history/count']({ site: 'a.example' }, {})).toEqual({ pages: 2 });
    expect(await handlers['history/forget']({ scope: 'site', site: 'a.example' }, {})).toEqual({ pages: 2 });
    expect(await db.pages.count()).toBe(1);
    const [sdf] = await handlers['entity/history'](
      { url: 'http://c.example/1', canonical: null, entities: ['sdf'] },
      {},
    );
    expect(sdf).toMatchObject({ pages: 1, sites: 1 });
    expect(await db.annotations.count()).toBe(1);
    expect(notified).toContainEqual({ type: 'history/changed', payload: {} });
  });

  it('forgets one page, or everything', async () => {
    await read('http://a.example/1', 'sdf');
    await read('http://b.example/1', 'isis');
    expect(
      await handlers['history/forget']({ scope: 'page', url: 'http://a.example/1#x', canonical: null }, {}),
    ).toEqual({ pages: 1 });
    expect(await db.mentions.count()).toBe(1);
    expect(await handlers['history/forget']({ scope: 'all' }, {})).toEqual({ pages: 1 });
    expect(await db.mentions.count()).toBe(0);
  });
});

describe('the reader’s own entities', () => {
  it('are made with a clean name and an id no lexicon entity has, and listed', async () => {
    const made = await handlers['entity/create']({ name: '  لواء  الباقر ', type: 'actor' }, {});
    expect(made).toMatchObject({ name: 'لواء الباقر', type: 'actor', created: 1_000 });
    expect(made.id).toMatch(/^reader-/u);
    expect(await handlers['entity/list']({}, {})).toEqual([made]);
  });
  it('need a name', async () => {
    await expect(handlers['entity/create']({ name: '  ', type: 'place' }, {})).rejects.toThrow(/name/u);
  });
});

describe('the reader’s lexicon', () => {
  const changed = { type: 'lexicon/changed', payload: {} };

  it('adds a spelling once, switches one off, deletes them, and every tab re-highlights each time', async () => {
    const added = await handlers['lexicon/alias'](
      { entity: 'sdf', text: ' قوات  سوريا ', action: 'add' },
      {},
    );
    expect(added).toMatchObject({ entity: 'sdf', text: 'قوات سوريا', action: 'add' });
    // The same spelling, differently written (folded alike), is the same row.
    expect(
      (await handlers['lexicon/alias']({ entity: 'sdf', text: 'قوات سورية', action: 'add' }, {})).id,
    ).not.toBe(added.id);
    expect(
      (await handlers['lexicon/alias']({ entity: 'sdf', text: 'قوات سوريا', action: 'add' }, {})).id,
    ).toBe(added.id);
    await handlers['lexicon/alias']({ entity: 'isis', text: 'الدولة', action: 'off' }, {});
    expect((await handlers['lexicon/get']({}, {})).aliases.map((a) => [a.entity, a.action])).toEqual(
      expect.arrayContaining([
        ['sdf', 'add'],
        ['isis', 'off'],
      ]),
    );
    await handlers['lexicon/delete-alias']({ id: added.id }, {});
    expect((await handlers['lexicon/get']({}, {})).aliases.some((a) => a.id === added.id)).toBe(false);
    expect(broadcasts).toEqual(Array(5).fill(changed));
    expect(notified).toContainEqual(changed);
  });

  it('edits and deletes the reader’s entities only, with their spellings', async () => {
    const made = await handlers['entity/create']({ name: 'لواء الباقر', type: 'actor' }, {});
    clock = 2_000;
    const edited = await handlers['lexicon/save-entity'](
      { entity: { ...made, en: 'Al-Baqir Brigade', subtype: 'armed-group', aliases: ['الباقر'] } },
      {},
    );
    expect(edited).toMatchObject({ en: 'Al-Baqir Brigade', modified: 2_000, created: 1_000 });
    await handlers['lexicon/alias']({ entity: made.id, text: 'لواء باقر', action: 'add' }, {});
    await expect(handlers['lexicon/save-entity']({ entity: { ...made, id: 'sdf' } }, {})).rejects.toThrow(
      /own/u,
    );
    await handlers['lexicon/delete-entity']({ id: made.id }, {});
    expect(await handlers['lexicon/get']({}, {})).toEqual({ entities: [], aliases: [] });
  });

  it('ranks the reader’s entities in the dashboard by their type', async () => {
    const made = await handlers['entity/create']({ name: 'مخيم الهول الجديد', type: 'place' }, {});
    await handlers['page/report'](
      {
        url: 'http://a.example/1',
        canonical: null,
        article,
        entities: 1,
        visit: true,
        mentions: [{ entity: made.id, count: 1, sentence: '' }],
      },
      {},
    );
    expect((await handlers['dashboard/ranking']({ type: 'place' }, {})).map((r) => r.entity)).toEqual([
      made.id,
    ]);
    expect(await handlers['dashboard/ranking']({ type: 'actor' }, {})).toEqual([]);
    expect((await handlers['dashboard/ranking']({ query: 'الهول الجديد' }, {})).map((r) => r.entity)).toEqual(
      [made.id],
    );
  });

  it('imports a lexicon file item by item, and refuses a broken one without writing', async () => {
    const file = (entities: unknown[], aliases: unknown[] = [], formatVersion = 1) =>
      JSON.stringify({ format: 'rasid-lexicon', formatVersion, entities, aliases });
    const entity = { id: 'reader-1', type: 'actor' as const, name: 'لواء الباقر', created: 5, modified: 5 };
    const truncated = file([entity]).slice(0, 40);
    expect(await handlers['lexicon/import']({ text: truncated }, {})).toMatchObject({
      ok: false,
      problem: { code: 'not-json' },
    });
    expect(await handlers['lexicon/import']({ text: file([entity], [], 7) }, {})).toEqual({
      ok: false,
      problem: { code: 'newer-version', version: 7 },
    });
    expect(await handlers['lexicon/get']({}, {})).toEqual({ entities: [], aliases: [] });

    const hostile = { ...entity, id: 'reader-2', name: '<img src=x onerror=alert(1)>' };
    const first = await handlers['lexicon/import'](
      {
        text: file(
          [entity, { ...entity, id: 'sdf' }, { ...entity, id: 'reader-3', type: 'person' }, hostile],
          [
            { id: 'a1', entity: 'sdf', text: 'قسد', action: 'off', created: 5 },
            { id: 'a2', entity: 'sdf' },
          ],
        ),
      },
      {},
    );
    if (!first.ok) throw new Error('refused');
    expect(first.report.items.map((i) => [i.outcome, i.problem?.code ?? null])).toEqual([
      ['imported', null],
      ['rejected', 'bad-field'],
      ['rejected', 'bad-field'],
      ['imported', null],
      ['imported', null],
      ['rejected', 'bad-field'],
    ]);
    // The hostile name is kept as the text it is.
    expect((await handlers['lexicon/get']({}, {})).entities.find((e) => e.id === 'reader-2')?.name).toBe(
      '<img src=x onerror=alert(1)>',
    );
    // Again: duplicates. An older copy does not overwrite a newer local edit.
    await handlers['lexicon/save-entity']({ entity: { ...entity, en: 'edited here' } }, {});
    const again = await handlers['lexicon/import'](
      {
        text: file([{ ...entity, name: 'older' }], [{ id: 'a1', entity: 'sdf', text: 'قسد', action: 'off' }]),
      },
      {},
    );
    if (!again.ok) throw new Error('refused');
    expect(again.report.items.map((i) => i.outcome)).toEqual(['kept-local', 'duplicate']);
    expect((await handlers['lexicon/get']({}, {})).entities[0]).toMatchObject({
      name: 'لواء الباقر',
      en: 'edited here',
    });
  });
});

describe('settings', () => {
  it('are on everywhere by default', async () => {
    expect(await handlers['settings/get']({ site: 'enabbaladi.net' }, {})).toEqual({
      siteEnabled: true,
      actors: true,
      places: true,
      wholePage: false,
      history: true,
    });
  });
  it('switch one site off without touching another', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { siteEnabled: false } }, {});
    expect((await handlers['settings/get']({ site: 'a.example' }, {})).siteEnabled).toBe(false);
    expect((await handlers['settings/get']({ site: 'b.example' }, {})).siteEnabled).toBe(true);
  });
  it('with history off, record nothing, yet the panel still finds the page a tab shows', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { history: false } }, {});
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
      { tabId: 3 },
    );
    expect(await db.pages.count()).toBe(0);
    expect(await db.mentions.count()).toBe(0);
    expect(await db.entityStats.count()).toBe(0);
    tabs.set(3, address);
    expect((await handlers['page/get']({ tabId: 3 }, {}))?.page).toMatchObject({
      title: article.title,
      visits: 1,
    });
    // Switched back on, the next reading is kept.
    await handlers['settings/set']({ site: 'b.example', patch: { history: true } }, {});
    await handlers['page/report'](
      { url: address, canonical: null, article, entities: 0, visit: true, mentions: [] },
      { tabId: 3 },
    );
    expect(await db.pages.count()).toBe(1);
  });
  it('keep type toggles for every site', async () => {
    await handlers['settings/set']({ site: 'a.example', patch: { places: false } }, {});
    expect(await handlers['settings/get']({ site: 'b.example' }, {})).toMatchObject({
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
      { tabId: 4 },
    );
    tabs.set(4, printed);
    expect((await handlers['page/get']({ tabId: 4 }, {}))?.page).toMatchObject({
      url: 'https://127.0.0.1:8080/baladi/index.html',
      address: printed,
    });
  });

  it('finds the page a tab shows', async () => {
    await handlers['page/report'](
      { url, canonical: null, article, entities: 12, visit: true, mentions: [] },
      { tabId: 7 },
    );
    tabs.set(7, url);
    const found = await handlers['page/get']({ tabId: 7 }, {});
    expect(found?.page.title).toBe(article.title);
  });
  it('is null for a tab on a page Rasid has not read', async () => {
    tabs.set(8, 'http://127.0.0.1:8080/english/index.html');
    expect(await handlers['page/get']({ tabId: 8 }, {})).toBeNull();
  });
  it('finds a saved page opened from disk', async () => {
    const file = 'file:///home/reader/saved/baladi.html';
    await handlers['page/report'](
      { url: file, canonical: null, article, entities: 3, visit: true, mentions: [] },
      { tabId: 5 },
    );
    tabs.set(5, file);
    expect((await handlers['page/get']({ tabId: 5 }, {}))?.page.site).toBe('file');
  });
  it('is null for browser pages', async () => {
    tabs.set(9, 'about:blank');
    expect(await handlers['page/get']({ tabId: 9 }, {})).toBeNull();
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
      { tabId: 1 },
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
      { tabId: 1 },
    );
    expect(reply).toMatchObject({ ok: false });
    expect(reply.ok ? '' : reply.error).toMatch(/closed/iu);
  });
});
