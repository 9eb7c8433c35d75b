import Dexie from 'dexie';
import type { EntityHistory } from '../model/mention.ts';
import type { RasidDB } from './schema.ts';

/**
 * What Rasid remembers of each entity, seen from the page `page` on `site`: on how many other pages and
 * sites it appeared, since when, and whether this site is new to it. The reader's first signal on an
 * unfamiliar site. Read from the entities' aggregates — a few keys per entity, whatever the size of
 * the history (`npm run bench:history`).
 */
export async function entityHistory(
  db: RasidDB,
  entities: readonly string[],
  page: string,
  site: string,
): Promise<EntityHistory[]> {
  return db.transaction('r', [db.mentions, db.entityStats, db.entitySites], async () => {
    const [stats, onSite, here] = await Promise.all([
      db.entityStats.bulkGet([...entities]),
      db.entitySites.bulkGet(entities.map((e): [string, string] => [e, site])),
      db.mentions.bulkGet(entities.map((e): [string, string] => [page, e])),
    ]);
    return Promise.all(
      entities.map(async (entity, i): Promise<EntityHistory> => {
        const all = stats[i];
        const mine = here[i];
        const pages = (all?.pages ?? 0) - (mine ? 1 : 0);
        const siteHas = onSite[i]?.pages ?? 0;
        const otherHere = siteHas - (mine ? 1 : 0);
        const sites = (all?.sites ?? 0) - (siteHas > 0 ? 1 : 0) + (otherHere > 0 ? 1 : 0);
        // The first sighting elsewhere: the aggregate's, unless it was this very page.
        const firstSeen =
          !all || pages === 0
            ? null
            : !mine || mine.firstSeen > all.firstSeen
              ? all.firstSeen
              : ((
                  await db.mentions
                    .where('[entity+firstSeen]')
                    .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
                    .filter((m) => m.page !== page)
                    .first()
                )?.firstSeen ?? null);
        return { entity, pages, sites, firstSeen, newOnSite: pages > 0 && otherHere === 0 };
      }),
    );
  });
}
