import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import type { RasidDB } from '../db/schema.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import { handleMessage, senderOf } from './handle-message.ts';
import type { Handlers } from './handlers.ts';
import { testHandlers } from '../../tests/support/test-handlers.ts';

/** The notebook's messages (issue 14), through the guards as the browser delivers them. */

const ID = 'rasid-id';
const ORIGIN = 'chrome-extension://rasid-id/';
const siteA = { id: ID, url: 'https://a.example/news/1', tab: { id: 1 }, frameId: 0 };
const notebookPage = { id: ID, url: `${ORIGIN}notebook.html` };

let db: RasidDB;
let handlers: Handlers;
beforeEach(() => {
  db = freshDb();
  handlers = testHandlers(db);
});

const send = (type: string, payload: unknown, from: Parameters<typeof senderOf>[0]) =>
  handleMessage(handlers, { type, payload }, senderOf(from, ID, ORIGIN));

const row = (
  id: string,
  page: string,
  body: Partial<AnnotationRow['body']>,
  created: number,
): AnnotationRow => ({
  id,
  page,
  target: { source: page, selector: { quote: { exact: 'الأسد' }, position: { start: 0, end: 5 } } },
  body: { note: '', tags: [], color: 'yellow', ...body },
  created,
  modified: created,
});

async function seed() {
  await db.annotations.bulkPut([
    row('a1', 'https://a.example/news/1', { tags: ['حلب', 'سري'], note: 'مصدر محلي' }, 1),
    row('a2', 'https://a.example/news/1', { tags: ['سري'], color: 'green' }, 2),
    row('b1', 'https://b.example/story', { tags: ['حلب'], entity: 'sdf' }, 3),
  ]);
}

describe('notebook guards', () => {
  it.each([
    ['notebook/query', {}],
    ['notebook/rename-tag', { from: 'a', to: 'b' }],
  ])('%s is for Rasid’s pages only', async (type, payload) => {
    expect(await send(type, payload, siteA)).toEqual({
      ok: false,
      error: `${type} is not for content scripts`,
    });
  });

  it.each([
    ['notebook/query', { color: 'black' }],
    ['notebook/query', { limit: 10_000 }],
    ['notebook/query', { offset: -1 }],
    ['notebook/query', { order: 'oldest' }],
    ['notebook/query', { q: 'x'.repeat(501) }],
    ['notebook/query', { unknown: 1 }],
    ['notebook/rename-tag', { from: 'a', to: '   ' }],
    ['notebook/rename-tag', { from: '', to: 'b' }],
    [
      'exchange/export',
      { scope: { notebook: { color: 'black' } }, format: 'csv', mentions: false, lang: 'ar' },
    ],
    ['annotation/anchors', { url: siteA.url, canonical: null, found: 'a1', orphans: [] }],
  ])('%s refuses %j', async (type, payload) => {
    expect(await send(type, payload, notebookPage)).toMatchObject({ ok: false, error: /is not valid/u });
  });

  it('takes a tab’s anchoring only for its own page, and records only its own site’s annotations', async () => {
    await seed();
    const other = { url: 'https://b.example/story', canonical: null, found: ['b1'], orphans: [] };
    expect(await send('annotation/anchors', other, siteA)).toMatchObject({
      ok: false,
      error: /its own page/u,
    });
    const mine = { url: siteA.url, canonical: null, found: ['a1', 'b1'], orphans: ['a2'] };
    expect(await send('annotation/anchors', mine, siteA)).toEqual({ ok: true, value: null });
    expect((await db.anchors.orderBy('id').toArray()).map((a) => [a.id, a.orphan])).toEqual([
      ['a1', false],
      ['a2', true],
    ]);
  });
});

describe('notebook handlers', () => {
  it('answers a screen, the count, and the filters’ choices', async () => {
    await seed();
    const page = await handlers['notebook/query']({ limit: 2 }, { kind: 'extension' });
    expect(page.items.map((i) => i.row.id)).toEqual(['b1', 'a2']);
    expect(page.total).toBe(3);
    expect(page.all).toBe(3);
    expect(page.tags).toEqual([
      { tag: 'حلب', count: 2 },
      { tag: 'سري', count: 2 },
    ]);
    expect(page.sites).toEqual(['a.example', 'b.example']);
    expect(page.items[0]).toMatchObject({
      title: 'https://b.example/story',
      site: 'b.example',
      anchor: 'unknown',
    });
    expect(page.items[0]!.entity?.en).toBe('Syrian Democratic Forces');
  });

  it('searches folded and filters, and sees changes at once', async () => {
    await seed();
    const ext = { kind: 'extension' } as const;
    expect((await handlers['notebook/query']({ q: 'محلى' }, ext)).items.map((i) => i.row.id)).toEqual(['a1']);
    expect((await handlers['notebook/query']({ q: 'قسد' }, ext)).items.map((i) => i.row.id)).toEqual(['b1']);
    await handlers['annotation/anchors'](
      { url: siteA.url, canonical: null, found: ['a1'], orphans: ['a2'] },
      { kind: 'content', tabId: 1, url: siteA.url },
    );
    expect((await handlers['notebook/query']({ orphans: true }, ext)).items.map((i) => i.row.id)).toEqual([
      'a2',
    ]);
    await handlers['annotation/delete']({ id: 'a2' }, ext);
    expect((await handlers['notebook/query']({}, ext)).total).toBe(2);
  });

  it('filters by the page’s publication date where Rasid read one, or by the annotation’s on request (issue 14)', async () => {
    await seed();
    const ext = { kind: 'extension' } as const;
    const ids = async (query: object) =>
      (await handlers['notebook/query'](query, ext)).items.map((i) => i.row.id).sort();
    const early = { from: 0, to: 2 };
    expect(await ids(early)).toEqual(['a1', 'a2']);
    // b.example/story is read: it says it was published on 1 March 2024 (its annotation is from 1970).
    await handlers['page/report'](
      {
        url: 'https://b.example/story',
        canonical: null,
        article: {
          title: 'قصة',
          byline: null,
          siteName: null,
          publishedTime: '2024-03-01',
          lang: 'ar',
          dir: 'rtl',
          excerpt: null,
          wordCount: 1,
        },
        entities: 0,
        visit: true,
        mentions: [],
      },
      { kind: 'content', tabId: 2, url: 'https://b.example/story' },
    );
    const march = { from: Date.UTC(2024, 2, 1), to: Date.UTC(2024, 2, 31) };
    expect(await ids(march)).toEqual(['b1']);
    expect(await ids({ ...march, dates: 'read' })).toEqual([]);
    expect(await ids({ from: 0, to: 3, dates: 'read' })).toEqual(['a1', 'a2', 'b1']);
    const [item] = (await handlers['notebook/query']({ entity: 'sdf' }, ext)).items;
    expect(item).toMatchObject({ title: 'قصة', published: Date.UTC(2024, 2, 1) });
  });

  it('keeps each annotation’s folded text, so a background started afresh does not fold it again', async () => {
    await seed();
    const ext = { kind: 'extension' } as const;
    await handlers['notebook/query']({}, ext);
    await vi.waitFor(async () => expect(await db.foldedTexts.count()).toBe(3));
    // A text kept for a1 at its current version is taken as it is (marked here, to see it used)…
    await db.foldedTexts.update('a1', { text: 'مختلق' });
    const fresh = testHandlers(db);
    expect((await fresh['notebook/query']({ q: 'مختلق' }, ext)).items.map((i) => i.row.id)).toEqual(['a1']);
    // …and folded again once the annotation changes.
    await db.annotations.update('a1', { modified: 50 });
    const again = testHandlers(db);
    expect((await again['notebook/query']({ q: 'مختلق' }, ext)).total).toBe(0);
    expect((await again['notebook/query']({ q: 'محلى' }, ext)).total).toBe(1);
  });

  it('renames a tag everywhere, merging it into one of the same name', async () => {
    await seed();
    const ext = { kind: 'extension' } as const;
    expect(await handlers['notebook/rename-tag']({ from: 'سري', to: 'حلب' }, ext)).toEqual({ changed: 2 });
    const tags = (await db.annotations.orderBy('id').toArray()).map((a) => a.body.tags);
    expect(tags).toEqual([['حلب'], ['حلب'], ['حلب']]);
    expect((await handlers['notebook/query']({}, ext)).tags).toEqual([{ tag: 'حلب', count: 3 }]);
  });

  it('exports exactly what the notebook shows', async () => {
    await seed();
    const file = await handlers['exchange/export'](
      { scope: { notebook: { tag: 'سري', color: 'green' } }, format: 'jsonld', mentions: false, lang: 'en' },
      { kind: 'extension' },
    );
    const items = (JSON.parse(file.text) as { first: { items: { id: string }[] } }).first.items;
    expect(items.map((i) => i.id)).toEqual([expect.stringContaining('a2')]);
  });
});
