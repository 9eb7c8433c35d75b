import Dexie from 'dexie';
import type { EntityHistory } from './mention.ts';
import type { RasidDB } from './schema.ts';

/**
 * What Rasid remembers of each entity, seen from the page `page` on `site`: on how many other pages and
 * sites it appeared, since when, and whether this site is new to it. The reader's first signal on an
 * unfamiliar site. Answered from indexes — counts and key ranges — without reading the rows, so that
 * it stays fast with hundreds of thousands of mentions (`npm run bench:history`).
 */
export async function entityHistory(
  db: RasidDB,
  entities: readonly string[],
  page: string,
  site: string,
): Promise<EntityHistory[]> {
  return db.transaction('r', db.mentions, () =>
    Promise.all(
      entities.map(async (entity) => {
        const [all, here, sitePairs, onThisSite] = await Promise.all([
          db.mentions.where('entity').equals(entity).count(),
          db.mentions.get([page, entity]),
          db.mentions
            .where('[entity+site]')
            .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
            .uniqueKeys(),
          db.mentions.where('[entity+site]').equals([entity, site]).count(),
        ]);
        const pages = all - (here ? 1 : 0);
        const otherHere = onThisSite - (here ? 1 : 0);
        const otherSites =
          (sitePairs as unknown as [string, string][]).filter(([, s]) => s !== site).length +
          (otherHere > 0 ? 1 : 0);
        const first = pages
          ? await db.mentions
              .where('[entity+firstSeen]')
              .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
              .filter((m) => m.page !== page)
              .first()
          : undefined;
        return {
          entity,
          pages,
          sites: otherSites,
          firstSeen: first?.firstSeen ?? null,
          newOnSite: pages > 0 && otherHere === 0,
        };
      }),
    ),
  );
}
