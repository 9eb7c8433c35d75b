import Dexie, { type Version } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionRow } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import type { TeamNameRow } from '../model/reader-entity.ts';
import { freshDbName } from '../../tests/support/fresh-db.ts';
import { RasidDB } from './schema.ts';

/**
 * Every version of the schema that shipped, as it was declared, written out rather than read from
 * `schema.ts`: a version dropped or changed there fails "declares every version it ever shipped", and
 * each one here gets an upgrade test below. A new version is added here when it ships.
 */
interface DeclaredVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Declares an `.upgrade()` that moves data. */
  upgrade: boolean;
}

const SHIPPED: DeclaredVersion[] = [
  { version: 1, stores: { pages: '&url, site, lastVisit' }, upgrade: false },
  { version: 2, stores: { settings: '&key' }, upgrade: false },
  { version: 3, stores: { annotations: '&id, page, modified' }, upgrade: false },
  {
    version: 4,
    stores: {
      entities: '&id',
      mentions: '[page+entity], entity, page, site, [entity+site], [entity+firstSeen]',
    },
    upgrade: true,
  },
  {
    version: 5,
    stores: {
      mentions:
        '[page+entity], entity, page, site, [entity+site], [entity+firstSeen], [entity+lastSeen], firstSeen',
      entityStats: '&entity',
      entitySites: '[entity+site]',
    },
    upgrade: true,
  },
  { version: 6, stores: { readerAliases: '&id, entity' }, upgrade: false },
  {
    version: 7,
    stores: { suggestedMentions: '[page+key], key, site', dismissedNames: '&key' },
    upgrade: false,
  },
  { version: 8, stores: { anchors: '&id', foldedTexts: '&id' }, upgrade: false },
  {
    version: 9,
    stores: {
      annotations: '&id, page, modified, body.entity',
      mentions:
        '[page+entity], entity, page, site, [entity+site], [entity+firstSeen], [entity+lastSeen], firstSeen, dated',
    },
    upgrade: true,
  },
  { version: 10, stores: { teamSightings: '&id, *entities, page', teamConflicts: '&id' }, upgrade: false },
  { version: 11, stores: { teamNames: '&id' }, upgrade: false },
];
const NEWEST = SHIPPED.at(-1)!.version;

/** A database as version `upTo` shipped it, declared from `SHIPPED` (no upgrade code: seeded directly). */
function shippedDatabase(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  for (const { version, stores } of SHIPPED.filter((v) => v.version <= upTo))
    db.version(version).stores(stores);
  return db;
}

/** The versions `new RasidDB()` declares: their stores, and whether they move data. */
function declaredVersions(): DeclaredVersion[] {
  const declared: DeclaredVersion[] = [];
  const version: (this: Dexie, n: number) => Version = Dexie.prototype.version;
  const spy = vi.spyOn(Dexie.prototype, 'version').mockImplementation(function (
    this: Dexie,
    ...args: unknown[]
  ) {
    const n = args[0] as number;
    const v = version.call(this, n);
    const entry: DeclaredVersion = { version: n, stores: {}, upgrade: false };
    declared.push(entry);
    const { stores, upgrade } = v;
    v.stores = (schema) => {
      Object.assign(entry.stores, schema);
      return stores.call(v, schema);
    };
    v.upgrade = (fn) => {
      entry.upgrade = true;
      return upgrade.call(v, fn);
    };
    return v;
  });
  try {
    new RasidDB(freshDbName('versions')).close();
  } finally {
    spy.mockRestore();
  }
  return declared;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('database versions', () => {
  it('declares every version it ever shipped, with the stores each declared', () => {
    expect(declaredVersions()).toEqual(SHIPPED);
    expect(new RasidDB(freshDbName('versions')).verno).toBe(NEWEST);
  });
});

describe('database upgrades', () => {
  it('opens a version 2 database at the newest version with its pages, re-keyed, and settings intact', async () => {
    const name = freshDbName('upgrade');
    const old = shippedDatabase(name, 2);
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
    expect(db.verno).toBe(NEWEST);
    expect(await db.pages.get('https://enabbaladi.net/a')).toMatchObject({ title: 'عنوان', visits: 3 });
    expect(await db.settings.get('site:enabbaladi.net')).toMatchObject({ enabled: false });
    expect(await db.annotations.count()).toBe(0);
    db.close();
  });

  it('re-keys version 3 pages and annotations by page identity, merging pages that are one', async () => {
    const name = freshDbName('upgrade');
    const old = shippedDatabase(name, 3);
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
    const name = freshDbName('upgrade');
    const old = shippedDatabase(name, 4);
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
      publishedMonths: { '2026-01': 1, '2026-02': 2 },
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

  it('normalises a version 8 database’s publication dates and dates its mentions by them', async () => {
    const name = freshDbName('upgrade');
    const old = shippedDatabase(name, 8);
    const page = (url: string, publishedTime: string | null) => ({
      url,
      site: 'a.example',
      title: url,
      byline: null,
      siteName: null,
      publishedTime,
      lang: 'ar',
      wordCount: 1,
      firstVisit: read,
      lastVisit: read,
      visits: 1,
    });
    const read = Date.UTC(2026, 5, 1);
    await old
      .table('pages')
      .bulkPut([
        page('https://a.example/1', '2024-03-25T10:00:00+03:00'),
        page('https://a.example/2', 'yesterday'),
        page('https://a.example/3', null),
      ]);
    await old.table('mentions').bulkPut(
      ['1', '2', '3'].map((n) => ({
        page: `https://a.example/${n}`,
        entity: 'sdf',
        site: 'a.example',
        count: 1,
        sentence: '',
        firstSeen: read,
        lastSeen: read,
      })),
    );
    old.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const db = new RasidDB(name);
    await db.open();
    expect(
      (await db.pages.bulkGet(['https://a.example/1', 'https://a.example/2'])).map((p) => p?.publishedTime),
    ).toEqual(['2024-03-25T07:00:00.000Z', null]);
    const published = Date.UTC(2024, 2, 25, 7);
    expect((await db.mentions.orderBy('dated').toArray()).map((m) => [m.page, m.published, m.dated])).toEqual(
      [
        ['https://a.example/1', published, published],
        ['https://a.example/2', undefined, read],
        ['https://a.example/3', undefined, read],
      ],
    );
    expect(await db.entityStats.get('sdf')).toMatchObject({
      months: { '2026-06': 3 },
      publishedMonths: { '2024-03': 1, '2026-06': 2 },
    });
    expect(warn.mock.calls.flat().join(' ')).toContain('1 publication dates dropped');
    expect(JSON.stringify(warn.mock.calls)).toContain('https://a.example/2: yesterday');
    db.close();
  });
});

/**
 * A profile as a reader of version `from` would have it: pages read on two sites through tracking and
 * AMP links, settings, annotations, the reader's own actor, the entities pages named, their aggregates
 * and the reader's spellings — each table from the version that introduced it, in that version's shape.
 * And the rows issue #12 found breaking upgrades: a page whose key is not a web address, annotations
 * filed under one, mentions without a date. Whatever the version, the newest database holds the same.
 */
const jan = Date.UTC(2025, 0, 12);
const mar = Date.UTC(2025, 2, 3);
const feb27 = Date.UTC(2025, 1, 27, 8);
const day = 86_400_000;

function profileAt(from: number) {
  const keyed = from >= 4;
  const pageA = keyed ? 'https://enabbaladi.net/a' : 'http://www.enabbaladi.net/a?utm_source=facebook';
  const pages: PageRow[] = [
    {
      url: pageA,
      ...(keyed ? { address: 'http://www.enabbaladi.net/a?utm_source=facebook' } : {}),
      site: 'enabbaladi.net',
      title: 'قسد تعتقل شبانا في دير الزور',
      byline: 'عنب بلدي',
      siteName: 'عنب بلدي',
      publishedTime: null,
      lang: 'ar',
      wordCount: 412,
      visits: keyed ? 3 : 2,
      firstVisit: keyed ? jan : jan + day,
      lastVisit: mar,
    },
    ...(keyed
      ? []
      : [
          {
            url: 'https://enabbaladi.net/a/amp',
            site: 'enabbaladi.net',
            title: 'قسد تعتقل شبانا في دير الزور',
            byline: null,
            siteName: null,
            publishedTime: null,
            lang: 'ar',
            wordCount: 398,
            visits: 1,
            firstVisit: jan,
            lastVisit: jan,
          },
        ]),
    {
      url: keyed ? 'https://syria.tv/b' : 'https://www.syria.tv/b/',
      site: 'syria.tv',
      title: 'غارات روسية على ريف إدلب',
      byline: null,
      siteName: 'تلفزيون سوريا',
      // Readability's value as it was kept before version 9; normalised since.
      publishedTime: from >= 9 ? '2025-02-27T08:00:00.000Z' : '2025-02-27T08:00:00Z',
      lang: 'ar',
      wordCount: 730,
      visits: 1,
      firstVisit: mar,
      lastVisit: mar,
    },
    {
      // A key that is no web address (no scheme): `pageKey` throws on it.
      url: 'enabbaladi.net/c',
      site: 'enabbaladi.net',
      title: 'بلا عنوان',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'ar',
      wordCount: 120,
      visits: 1,
      firstVisit: jan,
      lastVisit: jan,
    },
  ];
  const annotation = (id: string, page: string, source: string, note: string): AnnotationRow => ({
    id,
    page,
    target: {
      source,
      selector: {
        quote: { exact: 'قسد', prefix: '', suffix: ' تعتقل شبانا' },
        position: { start: 0, end: 3 },
      },
    },
    body: { note, tags: ['دير الزور'], color: 'yellow', entity: 'sdf' },
    created: jan,
    modified: mar,
  });
  const annotations = [
    annotation('x', pageA, 'http://www.enabbaladi.net/a?utm_source=facebook', 'مصدر محلي'),
    // Filed under no web address, but made on one: it goes to that page.
    annotation(
      'y',
      keyed ? 'https://enabbaladi.net/a' : 'enabbaladi.net/a',
      'https://enabbaladi.net/a',
      'ثانية',
    ),
    // Neither: it stays where it was.
    annotation('z', 'notes', 'notes', 'بلا صفحة'),
  ];
  // Version 9 carries the page's publication date on its mentions (syria.tv/b gives one).
  const dates = (page: string, firstSeen: number) =>
    from < 9
      ? {}
      : page === 'https://syria.tv/b'
        ? { published: feb27, dated: feb27 }
        : { published: undefined, dated: firstSeen };
  const mention = (page: string, entity: string, site: string, firstSeen: number, lastSeen: number) =>
    ({
      page,
      entity,
      site,
      count: 2,
      sentence: 'اعتقلت قسد شبانا',
      firstSeen,
      lastSeen,
      ...dates(page, firstSeen),
    }) as MentionRow;
  const mentions = [
    mention('https://enabbaladi.net/a', 'sdf', 'enabbaladi.net', jan, mar),
    mention('https://enabbaladi.net/a', 'deir-ez-zor', 'enabbaladi.net', jan, mar),
    mention('https://syria.tv/b', 'sdf', 'syria.tv', mar, mar),
    // Version 4 kept a mention with one date missing, and one with none (v5 counts them by date).
    from === 4
      ? ({
          ...mention('https://syria.tv/b', 'russia', 'syria.tv', mar, mar),
          firstSeen: undefined,
        } as unknown as MentionRow)
      : mention('https://syria.tv/b', 'russia', 'syria.tv', mar, mar),
    ...(from === 4
      ? [
          {
            ...mention('https://syria.tv/b', 'idlib', 'syria.tv', 0, 0),
            firstSeen: null,
            lastSeen: null,
          } as unknown as MentionRow,
        ]
      : []),
  ];
  const stats = [
    {
      entity: 'sdf',
      pages: 2,
      sites: 2,
      firstSeen: jan,
      lastSeen: mar,
      months: { '2025-01': 1, '2025-03': 1 },
      ...(from >= 9 ? { publishedMonths: { '2025-01': 1, '2025-02': 1 } } : {}),
    },
    {
      entity: 'deir-ez-zor',
      pages: 1,
      sites: 1,
      firstSeen: jan,
      lastSeen: mar,
      months: { '2025-01': 1 },
      ...(from >= 9 ? { publishedMonths: { '2025-01': 1 } } : {}),
    },
    {
      entity: 'russia',
      pages: 1,
      sites: 1,
      firstSeen: mar,
      lastSeen: mar,
      months: { '2025-03': 1 },
      ...(from >= 9 ? { publishedMonths: { '2025-02': 1 } } : {}),
    },
  ];
  const sites = [
    { entity: 'sdf', site: 'enabbaladi.net', pages: 1 },
    { entity: 'sdf', site: 'syria.tv', pages: 1 },
    { entity: 'deir-ez-zor', site: 'enabbaladi.net', pages: 1 },
    { entity: 'russia', site: 'syria.tv', pages: 1 },
  ];
  const reader = {
    id: 'reader-1',
    type: 'actor',
    name: 'لواء الباقر',
    created: jan,
    ...(from >= 6 ? { subtype: 'militia', en: 'Al-Baqir Brigade', aliases: ['الباقر'], modified: mar } : {}),
  };
  return {
    pages,
    settings: [
      { key: 'global', actors: true, places: false, wholePage: false },
      { key: 'site:syria.tv', enabled: false },
    ],
    annotations,
    entities: [reader],
    mentions,
    entityStats: stats,
    entitySites: sites,
    readerAliases: [{ id: 'alias-1', entity: 'sdf', text: 'قسد', action: 'off', created: mar }],
    suggestedMentions: [
      {
        page: 'https://syria.tv/b',
        key: 'سعيد الحمداني',
        site: 'syria.tv',
        text: 'سعيد الحمداني',
        type: 'actor',
        kind: 'person',
        count: 1,
        sentence: 'قال سعيد الحمداني',
        firstSeen: mar,
        lastSeen: mar,
      },
    ],
    dismissedNames: [{ key: 'الطرفين', text: 'الطرفين', created: mar }],
    anchors: [{ id: 'x', orphan: true, checked: mar }],
    foldedTexts: [{ id: 'x', modified: mar, fold: 1, text: 'مصدر محلي' }],
    teamSightings: [teamSighting('rana', 'https://syria.tv/b')],
    teamNames: [
      {
        id: 'not-a-name:الطرفين',
        kind: 'not-a-name' as const,
        by: { by: 'rana', name: 'Rana' },
        created: mar,
        dismissed: { key: 'الطرفين', text: 'الطرفين', created: mar },
      },
    ],
    teamConflicts: [
      {
        id: 'x',
        quote: 'قسد',
        page: 'https://enabbaladi.net/a',
        versions: [
          {
            rev: '2-a',
            by: 'rana',
            name: 'Rana',
            body: { note: 'أ', tags: [], color: 'yellow' },
            modified: mar,
            mine: true,
          },
          {
            rev: '2-b',
            by: 'omar',
            name: 'Omar',
            body: { note: 'ب', tags: [], color: 'yellow' },
            modified: mar,
            mine: false,
          },
        ],
      },
    ],
  };
}

/** A teammate's reading of a page that named the SDF (v10). */
function teamSighting(by: string, page: string) {
  return {
    id: `${by}\u0000${page}`,
    by,
    name: by,
    page,
    site: new URL(page).host,
    title: 'عنوان',
    firstSeen: mar,
    lastSeen: mar,
    entities: ['sdf'],
    counts: { sdf: 2 },
    sentences: { sdf: 'قالت قسد' },
  };
}

/** Tables that version `from` had, seeded with the profile. */
async function seed(name: string, from: number): Promise<void> {
  const old = shippedDatabase(name, from);
  const profile = profileAt(from);
  await old.open();
  for (const table of old.tables) await table.bulkPut(profile[table.name as keyof typeof profile]);
  old.close();
}

describe.each(SHIPPED.map((v) => v.version))('a version %i database', (from) => {
  it(`opens at version ${NEWEST} with everything it held, moved and repaired, and opens again`, async () => {
    const name = freshDbName(`v${from}`);
    await seed(name, from);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const db = new RasidDB(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);

    // Pages: re-keyed by identity, the tracking and AMP links of one article merged; the key that is
    // no web address kept as it was.
    expect(await db.pages.orderBy('url').primaryKeys()).toEqual([
      'enabbaladi.net/c',
      'https://enabbaladi.net/a',
      'https://syria.tv/b',
    ]);
    expect(await db.pages.get('https://enabbaladi.net/a')).toMatchObject({
      title: 'قسد تعتقل شبانا في دير الزور',
      address: 'http://www.enabbaladi.net/a?utm_source=facebook',
      visits: 3,
      firstVisit: jan,
      lastVisit: mar,
    });
    expect(await db.pages.get('enabbaladi.net/c')).toMatchObject({ title: 'بلا عنوان', visits: 1 });
    expect(await db.pages.where('site').equals('enabbaladi.net').count()).toBe(2);

    expect(await db.settings.toArray()).toEqual(from >= 2 ? profileAt(from).settings : []);

    // Annotations follow their page; one made on a web address but filed under none goes to it.
    const annotations = await db.annotations.orderBy('id').toArray();
    expect(annotations.map((a) => [a.id, a.page])).toEqual(
      from >= 3
        ? [
            ['x', 'https://enabbaladi.net/a'],
            ['y', 'https://enabbaladi.net/a'],
            ['z', 'notes'],
          ]
        : [],
    );
    if (from >= 3) {
      expect(annotations[0]).toMatchObject({
        body: { note: 'مصدر محلي', tags: ['دير الزور'], entity: 'sdf' },
      });
      expect(await db.annotations.where('page').equals('https://enabbaladi.net/a').count()).toBe(2);
    }

    // The history: mentions (a missing date taken from the other, an undated one gone) and their sums.
    const mentions = await db.mentions.orderBy('[page+entity]').toArray();
    expect(mentions.map((m) => [m.page, m.entity, m.firstSeen, m.lastSeen])).toEqual(
      from >= 4
        ? [
            ['https://enabbaladi.net/a', 'deir-ez-zor', jan, mar],
            ['https://enabbaladi.net/a', 'sdf', jan, mar],
            ['https://syria.tv/b', 'russia', mar, mar],
            ['https://syria.tv/b', 'sdf', mar, mar],
          ]
        : [],
    );
    const byEntity = <T extends { entity: string; site?: string }>(rows: T[]) =>
      rows.sort((a, b) => `${a.entity} ${a.site ?? ''}`.localeCompare(`${b.entity} ${b.site ?? ''}`));
    // Counted by publication month too (v9): the aggregates as a version 9 profile has them.
    expect(byEntity(await db.entityStats.toArray())).toEqual(
      from >= 4 ? byEntity(profileAt(NEWEST).entityStats) : [],
    );
    // Each mention carries its page's publication date (v9), and the dates filter by it.
    expect(mentions.map((m) => [m.entity, m.published, m.dated])).toEqual(
      from >= 4
        ? [
            ['deir-ez-zor', undefined, jan],
            ['sdf', undefined, jan],
            ['russia', feb27, feb27],
            ['sdf', feb27, feb27],
          ]
        : [],
    );
    expect(await db.mentions.where('dated').below(mar).count()).toBe(from >= 4 ? 4 : 0);
    expect((await db.pages.get('https://syria.tv/b'))?.publishedTime).toBe('2025-02-27T08:00:00.000Z');
    expect(byEntity(await db.entitySites.toArray())).toEqual(
      from >= 4 ? byEntity(profileAt(from).entitySites) : [],
    );
    expect(await db.mentions.where('[entity+lastSeen]').equals(['sdf', mar]).count()).toBe(from >= 4 ? 2 : 0);

    // The reader's lexicon.
    expect(await db.entities.toArray()).toEqual(from >= 4 ? profileAt(from).entities : []);
    expect(await db.readerAliases.where('entity').equals('sdf').toArray()).toEqual(
      from >= 6 ? profileAt(from).readerAliases : [],
    );

    // Names Rasid does not know yet (v7): a version 7 profile's, as they were; none before.
    expect(await db.suggestedMentions.where('key').equals('سعيد الحمداني').toArray()).toEqual(
      from >= 7 ? profileAt(from).suggestedMentions : [],
    );
    expect(await db.dismissedNames.toArray()).toEqual(from >= 7 ? profileAt(from).dismissedNames : []);
    // And the tables work after the upgrade: a page's suggestions are written beside its mentions.
    await db.suggestedMentions.put({
      ...profileAt(7).suggestedMentions[0]!,
      key: 'كفرنبل',
      type: 'place',
      kind: 'place',
    });
    expect(await db.suggestedMentions.where('site').equals('syria.tv').count()).toBe(from >= 7 ? 2 : 1);

    // Where annotations were last found (v8): a version 8 profile's, as they were; none before. And
    // the table works after the upgrade.
    expect(await db.anchors.toArray()).toEqual(from >= 8 ? profileAt(from).anchors : []);
    await db.anchors.put({ id: 'y', orphan: false, checked: mar });
    expect(await db.anchors.count()).toBe(from >= 8 ? 2 : 1);
    expect(await db.foldedTexts.toArray()).toEqual(from >= 8 ? profileAt(from).foldedTexts : []);

    // What the team read and the conflicts waiting for the reader (v10): a version 10 profile's, as they
    // were; none before. And the tables work after the upgrade: sightings are found by entity.
    expect(await db.teamSightings.toArray()).toEqual(from >= 10 ? profileAt(from).teamSightings : []);
    expect(await db.teamConflicts.toArray()).toEqual(from >= 10 ? profileAt(from).teamConflicts : []);
    await db.teamSightings.put(teamSighting('omar', 'https://enabbaladi.net/a'));
    expect(await db.teamSightings.where('entities').equals('sdf').count()).toBe(from >= 10 ? 2 : 1);

    // The team's names (v11): a version 11 profile's, as they were; none before (a version 10
    // database gets the table empty). And the table works after the upgrade.
    expect(await db.teamNames.toArray()).toEqual(from >= 11 ? profileAt(from).teamNames : []);
    const omars: TeamNameRow = {
      id: 'entity:reader-1',
      kind: 'entity',
      by: { by: 'omar', name: 'Omar' },
      created: mar,
      entity: { id: 'reader-1', type: 'actor', name: 'سليم الخطيب', created: mar },
    };
    await db.teamNames.put(omars);
    expect(await db.teamNames.count()).toBe(from >= 11 ? 2 : 1);

    // What was repaired is said, with what it was; nothing is said when nothing was.
    const said = warn.mock.calls.map((call) => call.map((part) => JSON.stringify(part)).join(' ')).join('\n');
    if (from < 4) {
      expect(said).toContain('1 pages kept under their old key');
      expect(said).toContain('enabbaladi.net/c');
    }
    if (from === 3) {
      expect(said).toMatch(/1 annotations filed under the address they were made on.*enabbaladi\.net\/a/u);
      expect(said).toMatch(/1 annotations left under their old page.*notes/u);
    }
    if (from === 4) {
      expect(said).toContain('1 mentions given their one known date');
      expect(said).toContain('1 mentions without a date removed');
    }
    if (from >= 5) expect(warn).not.toHaveBeenCalled();

    db.close();
    const again = new RasidDB(name);
    await again.open();
    expect(await again.pages.count()).toBe(3);
    again.close();
  });
});
