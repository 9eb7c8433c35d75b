import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import type { Handlers } from '../background/handlers.ts';
import { testHandlers } from '../../tests/support/test-handlers.ts';
import { refusal } from '../background/message-guards.ts';
import type { TabMessage } from '../messages/protocol.ts';
import type { ArticleSummary } from '../model/article.ts';
import type { SuggestionReport } from '../model/suggestion.ts';
import { forgetHistory } from './forget.ts';
import { nameCandidates } from './name-candidates.ts';
import { recordPage } from './record-page.ts';
import type { RasidDB } from './schema.ts';

const article: ArticleSummary = {
  title: 'قائد جديد في ريف إدلب',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'ar',
  dir: 'rtl',
  excerpt: null,
  wordCount: 300,
};
const khatib: SuggestionReport = {
  key: 'سليم الخطيب',
  text: 'سليم الخطيب',
  type: 'actor',
  kind: 'person',
  count: 2,
  sentence: 'وصل القائد سليم الخطيب إلى بلدة كفرنبل.',
};
const kafranbel: SuggestionReport = {
  key: 'كفرنبل',
  text: 'كفرنبل',
  type: 'place',
  kind: 'place',
  count: 1,
  sentence: 'وصل القائد سليم الخطيب إلى بلدة كفرنبل.',
};

let db: RasidDB;
beforeEach(() => {
  db = freshDb('names');
});

const read = (url: string, suggested: SuggestionReport[], now = 1_000) =>
  recordPage(db, url, null, article, now, true, [], suggested);

describe('suggested names in the history', () => {
  it('are recorded with the page, by folded spelling, and replaced when the page is read again', async () => {
    await read('https://a.example/1', [khatib, kafranbel]);
    expect(await db.suggestedMentions.where('key').equals('كفرنبل').toArray()).toEqual([
      { ...kafranbel, page: 'https://a.example/1', site: 'a.example', firstSeen: 1_000, lastSeen: 1_000 },
    ]);
    await read('https://a.example/1', [khatib], 2_000);
    const rows = await db.suggestedMentions.toArray();
    expect(rows.map((r) => [r.key, r.lastSeen])).toEqual([['سليم الخطيب', 2_000]]);
  });

  it('are forgotten with their page, their site, or everything', async () => {
    await read('https://a.example/1', [khatib, kafranbel]);
    await read('https://a.example/2', [khatib]);
    await read('https://b.example/3', [khatib]);
    await forgetHistory(db, { scope: 'page', url: 'https://a.example/1', canonical: null });
    expect((await db.suggestedMentions.toArray()).map((r) => r.page).sort()).toEqual([
      'https://a.example/2',
      'https://b.example/3',
    ]);
    await forgetHistory(db, { scope: 'site', site: 'a.example' });
    expect((await db.suggestedMentions.toArray()).map((r) => r.page)).toEqual(['https://b.example/3']);
    await forgetHistory(db, { scope: 'all' });
    expect(await db.suggestedMentions.count()).toBe(0);
  });
});

describe('candidates: names the reader keeps meeting', () => {
  it('are names suggested on two pages or more, ranked by pages then sites', async () => {
    await read('https://a.example/1', [khatib, kafranbel]);
    await read('https://a.example/2', [khatib, kafranbel]);
    await read('https://b.example/3', [khatib]);
    await read('https://c.example/4', [{ ...kafranbel, key: 'تل عمارة', text: 'تل عمارة' }]);
    const candidates = await nameCandidates(db);
    expect(candidates.map((c) => [c.key, c.pages, c.sites])).toEqual([
      ['سليم الخطيب', 3, 2],
      ['كفرنبل', 2, 1],
    ]);
    expect(candidates[0]).toMatchObject({ text: 'سليم الخطيب', type: 'actor', kind: 'person' });
    expect(candidates[0]!.sentence).toContain('سليم الخطيب');
  });

  it('leave out what the reader dismissed and what is known now', async () => {
    await read('https://a.example/1', [khatib, kafranbel]);
    await read('https://b.example/2', [khatib, kafranbel]);
    await db.dismissedNames.put({ key: 'كفرنبل', text: 'كفرنبل', created: 1 });
    expect((await nameCandidates(db)).map((c) => c.key)).toEqual(['سليم الخطيب']);
    expect(await nameCandidates(db, (key) => key === 'سليم الخطيب')).toEqual([]);
  });
});

describe('the messages', () => {
  let handlers: Handlers;
  let broadcasts: TabMessage[];
  beforeEach(() => {
    broadcasts = [];
    handlers = testHandlers(db, { now: () => 5_000, broadcast: (m) => void broadcasts.push(m) });
  });
  const report = (url: string) =>
    handlers['page/report'](
      { url, canonical: null, article, entities: 0, visit: true, mentions: [], suggested: [khatib] },
      { kind: 'content', tabId: 1, url },
    );

  it('page/report records suggested names, unless history is off', async () => {
    await report('https://a.example/1');
    expect(await db.suggestedMentions.count()).toBe(1);
    await handlers['settings/set']({ site: 'a.example', patch: { history: false } }, { kind: 'extension' });
    await report('https://a.example/2');
    expect(await db.suggestedMentions.count()).toBe(1);
  });

  it('names/dismiss remembers a spelling for every page, which reads itself again', async () => {
    await handlers['names/dismiss']({ key: 'كفرنبل', text: 'كفرنبل' }, { kind: 'extension' });
    expect(
      await handlers['names/dismissed']({}, { kind: 'content', tabId: 1, url: 'https://a.example/' }),
    ).toEqual(['كفرنبل']);
    expect(broadcasts).toEqual([{ type: 'lexicon/changed', payload: {} }]);
  });

  it('names/undismiss takes it back: the spelling may be suggested again, and pages read again', async () => {
    await handlers['names/dismiss']({ key: 'كفرنبل', text: 'كفرنبل' }, { kind: 'extension' });
    await handlers['names/undismiss']({ key: 'كفرنبل' }, { kind: 'extension' });
    expect(
      await handlers['names/dismissed']({}, { kind: 'content', tabId: 1, url: 'https://a.example/' }),
    ).toEqual([]);
    expect(broadcasts).toEqual([
      { type: 'lexicon/changed', payload: {} },
      { type: 'lexicon/changed', payload: {} },
    ]);
    // Only Rasid's own pages may take a dismissal back.
    expect(
      refusal('names/undismiss', { key: 'كفرنبل' }, { kind: 'content', tabId: 1, url: 'https://a.example/' }),
    ).toMatch(/not for content scripts/u);
  });

  it('dashboard/candidates drops a name once the reader made it an actor', async () => {
    await report('https://a.example/1');
    await report('https://b.example/2');
    expect((await handlers['dashboard/candidates']({}, { kind: 'extension' })).map((c) => c.key)).toEqual([
      'سليم الخطيب',
    ]);
    await handlers['entity/create']({ name: 'سليم الخطيب', type: 'actor' }, { kind: 'extension' });
    expect(await handlers['dashboard/candidates']({}, { kind: 'extension' })).toEqual([]);
  });

  it('a content script may read the dismissed names but not dismiss one, nor read candidates', () => {
    const content = { kind: 'content', tabId: 1, url: 'https://a.example/' } as const;
    expect(refusal('names/dismissed', {}, content)).toBeNull();
    expect(refusal('names/dismiss', { key: 'x y', text: 'x y' }, content)).toMatch(
      /not for content scripts/u,
    );
    expect(refusal('dashboard/candidates', {}, content)).toMatch(/not for content scripts/u);
    expect(refusal('names/dismiss', { key: '', text: 'x' }, { kind: 'extension' })).toMatch(/not valid/u);
  });
});
