import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RasidDB } from './schema.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The schema as version 2 shipped it: pages and settings. */
function version2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ pages: '&url, site, lastVisit' });
  db.version(2).stores({ settings: '&key' });
  return db;
}

describe('database upgrades', () => {
  it('opens a version 2 database at the newest version with its pages, re-keyed, and settings intact', async () => {
    const name = `upgrade-${Math.random()}`;
    names.push(name);
    const old = version2(name);
    await old.table('pages').put({
      url: 'https://enabbaladi.net/a',
      site: 'enabbaladi.net',
      title: 'عنوان',
      visits: 3,
      firstVisit: 1,
      lastVisit: 2,
    });
    await old.table('settings').put({ key: 'site:enabbaladi.net', enabled: false });
    old.close();

    const db = new RasidDB(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.pages.get('https://enabbaladi.net/a')).toMatchObject({ title: 'عنوان', visits: 3 });
    expect(await db.settings.get('site:enabbaladi.net')).toMatchObject({ enabled: false });
    expect(await db.annotations.count()).toBe(0);
    db.close();
  });

  it('re-keys version 3 pages and annotations by page identity, merging pages that are one', async () => {
    const name = `upgrade-${Math.random()}`;
    names.push(name);
    const old = version2(name);
    old.version(3).stores({ annotations: '&id, page, modified' });
    await old.table('pages').bulkPut([
      {
        url: 'http://www.enabbaladi.net/a',
        site: 'enabbaladi.net',
        title: 'ع',
        visits: 2,
        firstVisit: 5,
        lastVisit: 9,
      },
      {
        url: 'https://enabbaladi.net/a/amp',
        site: 'enabbaladi.net',
        title: 'ع',
        visits: 1,
        firstVisit: 3,
        lastVisit: 4,
      },
      {
        url: 'https://enabbaladi.net/b',
        site: 'enabbaladi.net',
        title: 'ب',
        visits: 1,
        firstVisit: 1,
        lastVisit: 1,
      },
    ]);
    await old
      .table('annotations')
      .put({ id: 'x', page: 'http://www.enabbaladi.net/a', body: { note: 'n', tags: [], color: 'yellow' } });
    old.close();

    const db = new RasidDB(name);
    await db.open();
    expect(await db.pages.orderBy('url').primaryKeys()).toEqual([
      'https://enabbaladi.net/a',
      'https://enabbaladi.net/b',
    ]);
    expect(await db.pages.get('https://enabbaladi.net/a')).toMatchObject({
      visits: 3,
      firstVisit: 3,
      lastVisit: 9,
      address: 'http://www.enabbaladi.net/a',
    });
    expect(await db.annotations.get('x')).toMatchObject({
      page: 'https://enabbaladi.net/a',
      body: { note: 'n' },
    });
    db.close();
  });

  it('sums the mentions of a version 4 database into the entities’ aggregates', async () => {
    const name = `upgrade-${Math.random()}`;
    names.push(name);
    const old = version2(name);
    old.version(3).stores({ annotations: '&id, page, modified' });
    old.version(4).stores({
      entities: '&id',
      mentions: '[page+entity], entity, page, site, [entity+site], [entity+firstSeen]',
    });
    const mention = (page: string, entity: string, site: string, at: number) => ({
      page,
      entity,
      site,
      count: 1,
      sentence: '',
      firstSeen: at,
      lastSeen: at + 5,
    });
    const jan = Date.UTC(2026, 0, 10);
    const feb = Date.UTC(2026, 1, 10);
    await old
      .table('mentions')
      .bulkPut([
        mention('https://a.example/1', 'sdf', 'a.example', jan),
        mention('https://a.example/2', 'sdf', 'a.example', feb),
        mention('https://b.example/1', 'sdf', 'b.example', feb),
        mention('https://b.example/1', 'isis', 'b.example', feb),
      ]);
    old.close();

    const db = new RasidDB(name);
    await db.open();
    expect(await db.entityStats.get('sdf')).toEqual({
      entity: 'sdf',
      pages: 3,
      sites: 2,
      firstSeen: jan,
      lastSeen: feb + 5,
      months: { '2026-01': 1, '2026-02': 2 },
    });
    expect(await db.entitySites.get(['sdf', 'a.example'])).toEqual({
      entity: 'sdf',
      site: 'a.example',
      pages: 2,
    });
    expect(await db.entityStats.get('isis')).toMatchObject({ pages: 1, sites: 1 });
    // The new indexes answer too.
    expect(await db.mentions.where('firstSeen').above(jan).count()).toBe(3);
    db.close();
  });

  it('declares every version it ever shipped', () => {
    const db = new RasidDB(`versions-${Math.random()}`);
    expect(db.verno).toBe(6);
    expect(Object.keys(db._dbSchema).sort()).toEqual([
      'annotations',
      'entities',
      'entitySites',
      'entityStats',
      'mentions',
      'pages',
      'readerAliases',
      'settings',
    ]);
  });
});
