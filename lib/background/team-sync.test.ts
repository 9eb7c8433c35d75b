import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../model/article.ts';
import type { AnnotationDraft } from '../model/annotation.ts';
import type { TeamState } from '../model/team.ts';
import { MEMBERS, startCouchServer, STRANGER, type CouchServer } from '../../tests/support/couch-server.ts';
import { eventually, teamMember, type TeamMember } from '../../tests/support/team-member.ts';
import { checkJoin } from '../team/join-check.ts';
import { nameKey } from '../suggest/suggest-names.ts';
import type { Sender } from '../messages/protocol.ts';

/**
 * Two members of a team, each with their own Rasid (database, handlers, mirror), replicating through a
 * real CouchDB-compatible server (pouchdb-server on 127.0.0.1): what the browser does, in Node.
 */

const EXT: Sender = { kind: 'extension' };
const PAGE = 'https://enabbaladi.net/archives/1';
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

/** A member (tests/support/team-member.ts), closed after the test. */
function member(index: 0 | 1, password?: string, schedule?: (inTeam: boolean) => Promise<void>): TeamMember {
  const made = teamMember(server, index, { password, schedule });
  members.push(made);
  return made;
}

const draft = (note: string, extra: Partial<AnnotationDraft> = {}): AnnotationDraft => ({
  selector: { quote: { exact: 'قسد تعتقل شبانا', prefix: '', suffix: '' }, position: { start: 0, end: 15 } },
  body: { note, tags: ['دير الزور'], color: 'yellow' },
  ...extra,
});

const joined = async (m: TeamMember): Promise<TeamState> =>
  m.handlers['team/join']({ config: m.config }, EXT);

describe('joining a team', () => {
  it('says what is wrong: wrong password, not a member, unreachable, not a CouchDB, http on the network', async () => {
    const base = { url: server.database, user: 'rana', password: 'rana-pw' };
    expect(await checkJoin(base)).toBeNull();
    expect(await checkJoin({ ...base, password: 'wrong' })).toBe('wrong-password');
    expect(await checkJoin({ ...base, ...STRANGER })).toBe('not-member');
    expect(await checkJoin({ ...base, url: `${server.origin}/no-such-team` })).toBe('no-database');
    expect(await checkJoin({ ...base, url: 'http://127.0.0.1:9/team' })).toBe('unreachable');
    expect(await checkJoin({ ...base, url: 'http://couch.example.org/team' })).toBe('insecure');
    // A server that answers, but not as CouchDB does.
    const notCouch = (async () => new Response('<html></html>', { status: 200 })) as typeof fetch;
    expect(await checkJoin({ ...base, url: 'https://example.org/team' }, notCouch)).toBe('not-couchdb');
  });

  it('does not join with a wrong password, and shares nothing', async () => {
    const rana = member(0, 'wrong');
    await rana.handlers['annotation/save']({ draft: draft('قبل الانضمام'), url: PAGE, canonical: null }, EXT);
    const state = await joined(rana);
    expect(state.status).toEqual({ state: 'problem', problem: 'wrong-password' });
    expect(state.config).toBeNull();
  });
});

describe('two members', () => {
  it('share an annotation and what a page named; an edit of a teammate’s is a conflict they resolve', async () => {
    const rana = member(0);
    const omar = member(1);
    const state = await joined(rana);
    expect(state.config).toMatchObject({ user: 'rana', name: 'Rana' });
    expect(state.config).not.toHaveProperty('password');
    await joined(omar);

    const saved = await rana.handlers['annotation/save'](
      { draft: draft('مصدر محلي <img src=x onerror=alert(1)>'), url: PAGE, canonical: null },
      EXT,
    );
    if (!('saved' in saved)) throw new Error('not saved');
    const id = saved.saved.id;
    // A private one stays on Rana's computer.
    await rana.handlers['annotation/save'](
      { draft: draft('خاص', { shared: false }), url: PAGE, canonical: null },
      EXT,
    );
    await rana.handlers['page/report'](
      {
        url: PAGE,
        canonical: null,
        article,
        entities: 1,
        visit: true,
        mentions: [{ entity: 'sdf', count: 2, sentence: 'قسد تعتقل شبانا' }],
      },
      { kind: 'content', tabId: 1, url: PAGE },
    );

    const theirs = await eventually(() => omar.db.annotations.get(id));
    expect(theirs.body.note).toBe('مصدر محلي <img src=x onerror=alert(1)>');
    expect(theirs.team).toEqual({ by: 'rana', name: 'Rana' });
    const seen = await eventually(async () => {
      const h = await omar.handlers['entity/history']({ url: PAGE, canonical: null, entities: ['sdf'] }, EXT);
      return h[0]?.team;
    });
    // Omar on the same page: Rana read it, so the site is not new to the team; on another site it is.
    expect(seen).toMatchObject({ pages: 1, sites: 1, firstBy: 'Rana', newOnSite: false });
    const elsewhere = await omar.handlers['entity/history'](
      { url: 'https://syria.tv/other', canonical: null, entities: ['sdf'] },
      EXT,
    );
    expect(elsewhere[0]?.team).toMatchObject({ pages: 1, sites: 1, newOnSite: true });
    // Rana's own reading is her history, not the team's.
    const own = await rana.handlers['entity/history']({ url: PAGE, canonical: null, entities: ['sdf'] }, EXT);
    expect(own[0]?.team).toBeUndefined();
    await omar.team.settled();
    expect(await omar.db.annotations.count()).toBe(1);

    // Omar edits Rana's annotation: his version goes beside hers, never over it.
    await omar.handlers['annotation/save'](
      { draft: draft('رأي عمر', { id, base: theirs.modified }), url: PAGE, canonical: null },
      EXT,
    );
    const conflict = await eventually(async () => (await rana.handlers['team/state']({}, EXT)).conflicts[0]);
    expect(conflict.versions.map((v) => [v.name, v.body.note, v.mine]).sort()).toEqual([
      ['Omar', 'رأي عمر', false],
      ['Rana', 'مصدر محلي <img src=x onerror=alert(1)>', true],
    ]);
    // Rana still sees her own words until she chooses.
    expect((await rana.db.annotations.get(id))?.body.note).toBe('مصدر محلي <img src=x onerror=alert(1)>');
    // She keeps Omar's: both of them end with his words, and no conflict.
    const keep = conflict.versions.find((v) => !v.mine)!.rev;
    expect((await rana.handlers['team/resolve']({ id, rev: keep }, EXT)).conflicts).toEqual([]);
    await eventually(async () => (await rana.db.annotations.get(id))?.body.note === 'رأي عمر');
    await eventually(async () => {
      const s = await omar.handlers['team/state']({}, EXT);
      return s.conflicts.length === 0 && (await omar.db.annotations.get(id))?.body.note === 'رأي عمر';
    });

    // Rana deletes it: the deletion replicates.
    await rana.handlers['annotation/delete']({ id }, EXT);
    await eventually(async () => (await omar.db.annotations.get(id)) === undefined);
  }, 120_000);

  it('queues changes while the server is down and sends them when it is back', async () => {
    const rana = member(0);
    const omar = member(1);
    await joined(rana);
    await joined(omar);
    await server.stop();
    try {
      const saved = await omar.handlers['annotation/save'](
        { draft: draft('كتبت دون اتصال'), url: PAGE, canonical: null },
        EXT,
      );
      if (!('saved' in saved)) throw new Error('not saved');
      // Acknowledged locally, whatever the server.
      expect((await omar.db.annotations.get(saved.saved.id))?.body.note).toBe('كتبت دون اتصال');
      await eventually(async () => (await omar.handlers['team/state']({}, EXT)).status.state === 'offline');
      await server.start();
      const arrived = await eventually(() => rana.db.annotations.get(saved.saved.id), 60_000);
      expect(arrived.team?.name).toBe('Omar');
    } finally {
      await server.start().catch(() => undefined);
    }
  }, 180_000);
});

describe('the team’s names', () => {
  it('a name one member adds is known to the other, marked as the team’s; “not a name” and deletions replicate', async () => {
    const rana = member(0);
    const omar = member(1);
    await joined(rana);
    await joined(omar);
    const made = await rana.handlers['entity/create']({ name: 'سليم الخطيب', type: 'actor' }, EXT);
    const teams = async () => (await omar.handlers['lexicon/get']({}, EXT)).team?.entities ?? [];
    const arrived = await eventually(async () => (await teams()).find((e) => e.id === made.id));
    expect(arrived).toMatchObject({ name: 'سليم الخطيب', type: 'actor', teamBy: 'Rana' });
    // The reader's own lexicon (the lexicon page, its file) stays theirs.
    expect((await omar.handlers['lexicon/get']({}, EXT)).entities).toEqual([]);
    // Rana's own name is hers, not listed twice as the team's.
    await eventually(async () => (await rana.db.teamNames.count()) > 0);
    expect((await rana.handlers['lexicon/get']({}, EXT)).team?.entities).toEqual([]);

    // "Not a name": Omar gets it as dismissed; taking it back replicates as a deletion.
    const key = nameKey('الطرفين');
    await rana.handlers['names/dismiss']({ key, text: 'الطرفين' }, EXT);
    await eventually(async () => (await omar.handlers['names/dismissed']({}, EXT)).includes(key));
    await rana.handlers['names/undismiss']({ key }, EXT);
    await eventually(async () => !(await omar.handlers['names/dismissed']({}, EXT)).includes(key));

    // Omar's own decision wins for him: he says the team's name is not one.
    await omar.handlers['names/dismiss']({ key: nameKey('سليم الخطيب'), text: 'سليم الخطيب' }, EXT);
    expect(await teams()).toEqual([]);
    await omar.handlers['names/undismiss']({ key: nameKey('سليم الخطيب') }, EXT);
    expect((await teams()).map((e) => e.id)).toContain(made.id);

    // Deleting the name deletes it for the team.
    await rana.handlers['lexicon/delete-entity']({ id: made.id }, EXT);
    await eventually(async () => !(await teams()).some((e) => e.id === made.id));
    expect(await omar.db.teamNames.get(`entity:${made.id}`)).toBeUndefined();
  }, 120_000);

  it('a teammate’s name that is not valid is left out, and a member who does not share names shares none', async () => {
    const rana = member(0);
    const omar = member(1);
    await joined(rana);
    omar.config = { ...omar.config, shareNames: false };
    await joined(omar);
    await omar.handlers['entity/create']({ name: 'قائد لا يشاركه', type: 'actor' }, EXT);
    // A hostile document written straight to the server by a member's credentials.
    const auth = `Basic ${Buffer.from(`${MEMBERS[1].user}:${MEMBERS[1].password}`).toString('base64')}`;
    const response = await fetch(`${server.database}/name:entity:reader-evil`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({
        kind: 'name',
        by: { by: 'omar', name: 'Omar' },
        created: new Date().toISOString(),
        entity: { id: 'reader-evil', type: 'actor', name: 'س'.repeat(5000), created: 1 },
      }),
    });
    expect(response.ok).toBe(true);
    // A valid name after it: once it is in, the hostile one before it has been seen and left out.
    const valid = await rana.handlers['entity/create']({ name: 'أبو علي الجديد', type: 'actor' }, EXT);
    const other = member(0);
    other.config = { ...other.config };
    await joined(other);
    await eventually(async () => other.db.teamNames.get(`entity:${valid.id}`));
    await other.team.settled();
    const names = (await other.handlers['lexicon/get']({}, EXT)).team?.entities.map((e) => e.name) ?? [];
    expect(names).not.toContain('قائد لا يشاركه');
    expect(names.some((n) => n.length > 200)).toBe(false);
    expect(await other.db.teamNames.get('entity:reader-evil')).toBeUndefined();
  }, 120_000);
});

describe('waking up', () => {
  it('sets the periodic wake-up on joining and clears it on leaving; a wake-up restarts replication that ended', async () => {
    const alarms: boolean[] = [];
    const rana = member(0);
    const omar = member(1, undefined, async (inTeam) => void alarms.push(inTeam));
    await joined(rana);
    await joined(omar);
    expect(alarms).toEqual([true]);
    // The browser stopped Omar's background: replication ended with it.
    omar.team.close();
    const made = await rana.handlers['entity/create']({ name: 'قائد الفجر الجديد', type: 'actor' }, EXT);
    await rana.team.settled();
    // A message or the alarm wakes it: replication starts again, and what Rana shared arrives.
    await omar.team.wake('alarm');
    await eventually(async () => omar.db.teamNames.get(`entity:${made.id}`), 60_000);
    // A message finds it running: nothing restarts, the alarm is left alone.
    await omar.team.wake('message');
    expect(alarms).toEqual([true, true]);
    await omar.handlers['team/leave']({}, EXT);
    expect(alarms).toEqual([true, true, false]);
    // Out of a team, a start of the background clears a stale alarm and starts nothing.
    await omar.team.wake('start');
    expect(alarms).toEqual([true, true, false, false]);
    expect((await omar.handlers['team/state']({}, EXT)).status.state).toBe('off');
  }, 120_000);
});
