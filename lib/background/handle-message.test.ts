import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import type { RasidDB } from '../db/schema.ts';
import { handleMessage, senderOf } from './handle-message.ts';
import type { Handlers } from './handlers.ts';
import { testHandlers } from '../../tests/support/test-handlers.ts';

const ID = 'rasid-id';
const ORIGIN = 'chrome-extension://rasid-id/';
const siteA = { id: ID, url: 'https://a.example/news/1', tab: { id: 1 }, frameId: 0 };
const siteB = 'https://b.example/story';
const panel = { id: ID, url: `${ORIGIN}sidepanel.html` };

let db: RasidDB;
let handlers: Handlers;
beforeEach(() => {
  db = freshDb();
  handlers = testHandlers(db);
});

const send = (type: string, payload: unknown, from: Parameters<typeof senderOf>[0]) =>
  handleMessage(handlers, { type, payload }, senderOf(from, ID, ORIGIN));

describe('who sent a message', () => {
  it('is a content script for a tab’s top frame, an extension page for Rasid’s own pages', () => {
    expect(senderOf(siteA, ID, ORIGIN)).toEqual({ kind: 'content', tabId: 1, url: siteA.url });
    expect(senderOf(panel, ID, ORIGIN)).toEqual({ kind: 'extension', url: panel.url });
    // Another extension, or a frame inside the page, is nobody Rasid answers.
    expect(senderOf({ ...siteA, id: 'other' }, ID, ORIGIN)).toBeNull();
    expect(senderOf({ ...siteA, frameId: 3 }, ID, ORIGIN)).toBeNull();
  });
});

describe('the background refuses what a content script may not ask', () => {
  it.each([
    ['history/forget', { scope: 'all' }],
    ['settings/set', { site: 'b.example', patch: { history: false } }],
    ['dashboard/ranking', {}],
    ['exchange/export', { scope: {}, format: 'jsonld', mentions: false, lang: 'ar' }],
    ['lexicon/import', { file: { entities: [], aliases: [] } }],
    ['lexicon/delete-entity', { id: 'reader-1' }],
    ['entity/list', {}],
    // The reader's history is for the side panel only (the card no longer shows it: issue #12).
    ['entity/history', { url: 'http://a.example/1', canonical: null, entities: ['sdf'] }],
  ])('%s is for Rasid’s pages only', async (type, payload) => {
    expect(await send(type, payload, siteA)).toEqual({
      ok: false,
      error: `${type} is not for content scripts`,
    });
  });

  it('reads no other site’s annotations, history or settings', async () => {
    for (const [type, payload] of [['annotation/list', { url: siteB, canonical: null }]] as const)
      expect(await send(type, payload, siteA)).toMatchObject({ ok: false, error: /its own page/u });
    expect(await send('settings/get', { site: 'b.example' }, siteA)).toMatchObject({ ok: false });
    expect(await send('settings/get', { site: 'a.example' }, siteA)).toMatchObject({ ok: true });
  });

  it('refuses a malformed message and writes nothing', async () => {
    const page = { url: 'javascript:alert(1)', canonical: null };
    const article = {
      title: 't',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'ar',
      dir: 'rtl',
      excerpt: null,
      wordCount: 1,
    };
    expect(
      await send('page/report', { ...page, article, entities: 0, visit: true, mentions: [] }, panel),
    ).toMatchObject({ ok: false, error: /url/u });
    const draft = {
      selector: { quote: { exact: 'x'.repeat(10_000) }, position: { start: 0, end: 10_000 } },
      body: { note: '', tags: [], color: 'yellow' },
    };
    expect(await send('annotation/save', { draft, url: siteA.url, canonical: null }, siteA)).toMatchObject({
      ok: false,
      error: /exact/u,
    });
    expect(
      await send(
        'annotation/save',
        { draft: { ...draft, body: { color: 'black' } }, url: siteA.url, canonical: null },
        siteA,
      ),
    ).toMatchObject({ ok: false });
    expect(await db.pages.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('answers what a content script may ask about its own page', async () => {
    const draft = {
      selector: { quote: { exact: 'قسد' }, position: { start: 0, end: 3 } },
      body: { note: 'سري', tags: [], color: 'yellow' },
    };
    expect(await send('annotation/save', { draft, url: siteA.url, canonical: null }, siteA)).toMatchObject({
      ok: true,
      value: { saved: { page: 'https://a.example/news/1' } },
    });
    expect(await send('annotation/list', { url: siteA.url, canonical: null }, siteA)).toMatchObject({
      ok: true,
      value: [{ body: { note: 'سري' } }],
    });
  });

  it('leaves messages that are not Rasid’s to other listeners', () => {
    expect(handleMessage(handlers, { hello: 1 }, null)).toBeUndefined();
  });
});
