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
  it('opens a version 2 database at the newest version with its pages and settings intact', async () => {
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
    expect(db.verno).toBe(3);
    expect(await db.pages.get('https://enabbaladi.net/a')).toMatchObject({ title: 'عنوان', visits: 3 });
    expect(await db.settings.get('site:enabbaladi.net')).toMatchObject({ enabled: false });
    expect(await db.annotations.count()).toBe(0);
    db.close();
  });

  it('declares every version it ever shipped', () => {
    const db = new RasidDB(`versions-${Math.random()}`);
    expect(db.verno).toBe(3);
    expect(Object.keys(db._dbSchema).sort()).toEqual(['annotations', 'pages', 'settings']);
  });
});
