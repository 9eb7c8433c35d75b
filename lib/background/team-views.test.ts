import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../tests/support/couch-server.ts';
import { eventually, teamMember, type TeamMember } from '../../tests/support/team-member.ts';
import type { Sender } from '../messages/protocol.ts';
import type { ArticleSummary } from '../model/article.ts';
import { newOnSite } from '../model/new-on-site.ts';
import { shareDraft } from '../annotate/annotation-draft.ts';
import { refusal } from './message-guards.ts';

/**
 * The team in the reader's views (issue #17), through the background's handlers: two members on a real
 * pouchdb-server (127.0.0.1). Rana reads a page on enabbaladi.net; Omar read one on another site.
 */
const EXT: Sender = { kind: 'extension' };
const RANA_PAGE = 'https://enabbaladi.net/archives/1';
const OMAR_PAGE = 'https://syria.tv/news/2';
const article: ArticleSummary = {
  title: 'قسد تعتقل شبانا في دير الزور',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'ar',
  dir: 'rtl',
  excerpt: null,
  wordCount: 300,
};
const read = (m: TeamMember, url: string) =>
  m.handlers['page/report'](
    {
      url,
      canonical: null,
      article,
      entities: 1,
      visit: true,
      mentions: [{ entity: 'sdf', count: 2, sentence: 'قسد تعتقل شبانا' }],
    },
    { kind: 'content', tabId: 1, url },
  );

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});
const members: TeamMember[] = [];
afterEach(() => {
  for (const m of members.splice(0)) m.team.close();
});
const member = (i: 0 | 1) => {
  const m = teamMember(server, i);
  members.push(m);
  return m;
};

describe('the team in the reader’s views', () => {
  it('tells a content script whether the reader is in a team, and nothing more', async () => {
    const omar = member(1);
    const content: Sender = { kind: 'content', tabId: 1, url: OMAR_PAGE };
    expect(refusal('team/joined', {}, content)).toBeNull();
    // The team's state (its address, the conflicts) stays for Rasid's pages.
    expect(refusal('team/state', {}, content)).not.toBeNull();
    expect(await omar.handlers['team/joined']({}, content)).toBe(false);
    await omar.handlers['team/join']({ config: omar.config }, EXT);
    expect(await omar.handlers['team/joined']({}, content)).toBe(true);
  }, 120_000);

  it('tells the panel, with each of its refreshes, whether the reader is in a team and what it shares by default', async () => {
    const omar = member(1);
    const panel = () =>
      omar.handlers['panel/state']({ tabId: 1, url: OMAR_PAGE, canonical: null, entities: [] }, EXT);
    expect((await panel()).team).toBeNull();
    await omar.handlers['team/join']({ config: { ...omar.config, shareAnnotations: false } }, EXT);
    expect((await panel()).team).toEqual({ shareByDefault: false });
    await omar.handlers['team/leave']({}, EXT);
    expect((await panel()).team).toBeNull();
  }, 120_000);

  it('gives the dashboard the team’s figures and pages, and judges "new on this site" over both readings', async () => {
    const [rana, omar] = [member(0), member(1)];
    // Before joining, the dashboard has no team figures.
    await read(omar, OMAR_PAGE);
    const alone = await omar.handlers['dashboard/ranking']({}, EXT);
    expect(alone.find((r) => r.entity === 'sdf')).not.toHaveProperty('team');
    expect(await omar.handlers['dashboard/entity']({ entity: 'sdf' }, EXT)).not.toHaveProperty('team');

    await rana.handlers['team/join']({ config: rana.config }, EXT);
    await omar.handlers['team/join']({ config: omar.config }, EXT);
    await read(rana, RANA_PAGE);
    const ranked = await eventually(async () => {
      const r = (await omar.handlers['dashboard/ranking']({}, EXT)).find((e) => e.entity === 'sdf');
      return r?.team?.pages ? r : null;
    });
    // Rana's page only: Omar's own reading is his history.
    expect(ranked.team).toEqual({ pages: 1, sites: 1 });
    const detail = await omar.handlers['dashboard/entity']({ entity: 'sdf' }, EXT);
    expect(detail.team?.sites).toEqual([
      { site: 'enabbaladi.net', pages: 1, firstBy: 'Rana', firstSeen: expect.any(Number) as number },
    ]);
    expect(detail.team?.pages.map((p) => [p.page, p.title, p.firstBy])).toEqual([
      [RANA_PAGE, article.title, 'Rana'],
    ]);

    // On a page of Rana's site, the name is not new to Omar: she met it there, though he never did.
    const [here] = await omar.handlers['entity/history'](
      { url: 'https://enabbaladi.net/archives/9', canonical: null, entities: ['sdf'] },
      EXT,
    );
    expect(here!.newOnSite).toBe(true);
    expect(here!.team?.newOnSite).toBe(false);
    expect(newOnSite(here!, here!.team)).toBe(false);
    // On a third site neither met it: new here, for Omar and the team.
    const [elsewhere] = await omar.handlers['entity/history'](
      { url: 'https://aljazeera.net/news/3', canonical: null, entities: ['sdf'] },
      EXT,
    );
    expect([elsewhere!.newOnSite, elsewhere!.team?.newOnSite]).toEqual([true, true]);
  }, 180_000);

  it('the toolbar’s switch, saved from the page, takes an annotation out of the team and keeps it here', async () => {
    const [rana, omar] = [member(0), member(1)];
    await rana.handlers['team/join']({ config: rana.config }, EXT);
    await omar.handlers['team/join']({ config: omar.config }, EXT);
    const content: Sender = { kind: 'content', tabId: 1, url: OMAR_PAGE };
    const saved = await omar.handlers['annotation/save'](
      {
        draft: {
          selector: { quote: { exact: 'قسد', prefix: '', suffix: '' }, position: { start: 0, end: 3 } },
          body: { note: 'عمر', tags: [], color: 'blue' },
        },
        url: OMAR_PAGE,
        canonical: null,
      },
      content,
    );
    if (!('saved' in saved)) throw new Error('not saved');
    await eventually(async () => rana.db.annotations.get(saved.saved.id));
    const off = await omar.handlers['annotation/save'](
      { draft: shareDraft(saved.saved, false), url: OMAR_PAGE, canonical: null },
      content,
    );
    if (!('saved' in off)) throw new Error('not saved');
    expect(off.saved).toMatchObject({ shared: false, body: saved.saved.body });
    await eventually(async () => (await rana.db.annotations.get(saved.saved.id)) === undefined);
    expect((await omar.db.annotations.get(saved.saved.id))?.shared).toBe(false);
  }, 180_000);
});
