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
    expect(db.verno).toBe(4);
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

  it('declares every version it ever shipped', () => {
    const db = new RasidDB(`versions-${Math.random()}`);
    expect(db.verno).toBe(4);
    expect(Object.keys(db._dbSchema).sort()).toEqual([
      'annotations',
      'entities',
      'mentions',
      'pages',
      'settings',
    ]);
  });
});
