import type { EntityHistory } from './mention.ts';
import type { RasidDB } from './schema.ts';

/**
 * What Rasid remembers of each entity, seen from the page `page` on `site`: on how many other pages and
 * sites it appeared, since when, and whether this site is new to it. The reader's first signal on an
 * unfamiliar site. One indexed look-up per entity.
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
        const elsewhere = (await db.mentions.where('entity').equals(entity).toArray()).filter(
          (m) => m.page !== page,
        );
        const sites = new Set(elsewhere.map((m) => m.site));
        return {
          entity,
          pages: elsewhere.length,
          sites: sites.size,
          firstSeen: elsewhere.length ? Math.min(...elsewhere.map((m) => m.firstSeen)) : null,
          newOnSite: elsewhere.length > 0 && !sites.has(site),
        };
      }),
    ),
  );
}
