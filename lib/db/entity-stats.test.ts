import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../model/article.ts';
import { forgetHistory } from './forget.ts';
import { tallyMentions } from '../model/entity-stats.ts';
import { recordPage } from './record-page.ts';
import type { RasidDB } from './schema.ts';
import { freshDb } from '../../tests/support/fresh-db.ts';

const article: ArticleSummary = {
  title: 'عنوان',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'ar',
  dir: 'rtl',
  excerpt: null,
  wordCount: 100,
};
const day = 86_400_000;

let db: RasidDB;
beforeEach(() => {
  db = freshDb('stats');
});

/** The aggregates as kept, and as they should be counted from the mentions, in one comparable shape. */
async function keptAndCounted() {
  const sort = <T extends { entity: string; site?: string }>(rows: T[]) =>
    rows.sort((a, b) => `${a.entity} ${a.site ?? ''}`.localeCompare(`${b.entity} ${b.site ?? ''}`));
  const counted = tallyMentions(await db.mentions.toArray());
  return {
    kept: { stats: sort(await db.entityStats.toArray()), sites: sort(await db.entitySites.toArray()) },
    counted: { stats: sort(counted.stats), sites: sort(counted.sites) },
  };
}

describe('entity aggregates', () => {
  it('sum a page’s mentions into pages, sites, first and last seen, and months', async () => {
    const read = (url: string, at: number, entities: string[], publishedTime: string | null = null) =>
      recordPage(
        db,
        url,
        null,
        { ...article, publishedTime },
        at,
        true,
        entities.map((entity) => ({ entity, count: 1, sentence: '' })),
      );
    await read('https://a.example/1', Date.UTC(2026, 0, 5), ['sdf', 'isis']);
    await read('https://a.example/2', Date.UTC(2026, 1, 5), ['sdf']);
    // Published in December, read in February (issue 14): its month by publication is December.
    await read('https://b.example/1', Date.UTC(2026, 1, 9), ['sdf'], '2025-12-20');
    expect(await db.entityStats.get('sdf')).toEqual({
      entity: 'sdf',
      pages: 3,
      sites: 2,
      firstSeen: Date.UTC(2026, 0, 5),
      lastSeen: Date.UTC(2026, 1, 9),
      months: { '2026-01': 1, '2026-02': 2 },
      publishedMonths: { '2025-12': 1, '2026-01': 1, '2026-02': 1 },
    });
    expect(await db.entitySites.get(['sdf', 'a.example'])).toEqual({
      entity: 'sdf',
      site: 'a.example',
      pages: 2,
    });
    // The first page is read again without ISIS: its aggregate goes, SDF's last sighting moves on.
    await read('https://a.example/1', Date.UTC(2026, 2, 1), ['sdf']);
    expect(await db.entityStats.get('isis')).toBeUndefined();
    expect(await db.entityStats.get('sdf')).toMatchObject({ pages: 3, lastSeen: Date.UTC(2026, 2, 1) });
    // Forgetting site b takes SDF back to one site, and its last sighting back to a's re-read.
    await forgetHistory(db, { scope: 'site', site: 'b.example' });
    expect(await db.entityStats.get('sdf')).toMatchObject({
      pages: 2,
      sites: 1,
      firstSeen: Date.UTC(2026, 0, 5),
      lastSeen: Date.UTC(2026, 2, 1),
      months: { '2026-01': 1, '2026-02': 1 },
      publishedMonths: { '2026-01': 1, '2026-02': 1 },
    });
    expect(await db.entitySites.get(['sdf', 'b.example'])).toBeUndefined();
  });

  // Hundreds of readings and forgettings on fake-indexeddb: seconds on a busy machine (issue #11).
  it(
    'stay equal to a count from scratch through any sequence of readings and forgettings',
    { timeout: 30_000 },
    async () => {
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
      const entities = ['sdf', 'isis', 'usa', 'russia', 'damascus', 'idlib'];
      for (let step = 0; step < 120; step++) {
        const site = `s${rand(3)}.example`;
        const url = `https://${site}/${rand(8)}`;
        const roll = rand(20);
        if (roll === 0) await forgetHistory(db, { scope: 'site', site });
        else if (roll === 1) await forgetHistory(db, { scope: 'page', url, canonical: null });
        else {
          const named = entities.filter(() => rand(2) === 0);
          await recordPage(
            db,
            url,
            null,
            article,
            Date.UTC(2026, 0, 1) + rand(90) * day,
            rand(3) > 0,
            named.map((entity) => ({ entity, count: 1 + rand(4), sentence: '' })),
          );
        }
        const { kept, counted } = await keptAndCounted();
        expect(kept, `after step ${step}`).toEqual(counted);
      }
      await forgetHistory(db, { scope: 'all' });
      expect(await db.entityStats.count()).toBe(0);
      expect(await db.entitySites.count()).toBe(0);
    },
  );
});
