import { pageKey } from '../pages/page-key.ts';
import { applyMentionChanges } from './entity-stats.ts';
import { suggestedOnPage } from './record-page.ts';
import type { RasidDB } from './schema.ts';

export type ForgetScope =
  | { scope: 'page'; url: string; canonical: string | null }
  | { scope: 'site'; site: string }
  | { scope: 'all' };

/**
 * Forgets reading history — the pages, the entities they named and what those sum to — in one
 * transaction, and returns how many pages went. Annotations, the reader's own work, are kept.
 */
export async function forgetHistory(db: RasidDB, what: ForgetScope): Promise<number> {
  const tables = [db.pages, db.mentions, db.entityStats, db.entitySites, db.suggestedMentions];
  return db.transaction('rw', tables, async () => {
    if (what.scope === 'all') {
      const pages = await db.pages.count();
      await Promise.all([
        db.pages.clear(),
        db.mentions.clear(),
        db.entityStats.clear(),
        db.entitySites.clear(),
        db.suggestedMentions.clear(),
      ]);
      return pages;
    }
    const keys =
      what.scope === 'page'
        ? [pageKey(what.url, what.canonical)].filter(Boolean)
        : await db.pages.where('site').equals(what.site).primaryKeys();
    const existing = (await db.pages.bulkGet(keys)).filter(Boolean).length;
    await db.pages.bulkDelete(keys);
    // A page's mentions carry its site: one index lookup either way (`anyOf` would walk a cursor).
    const removed = await (
      what.scope === 'site'
        ? db.mentions.where('site').equals(what.site)
        : db.mentions.where('page').anyOf(keys)
    ).toArray();
    await db.mentions.bulkDelete(removed.map((m): [string, string] => [m.page, m.entity]));
    await applyMentionChanges(db, removed, []);
    // The names Rasid did not know go with the pages that named them.
    if (what.scope === 'site') await db.suggestedMentions.where('site').equals(what.site).delete();
    else for (const key of keys) await suggestedOnPage(db, key).delete();
    return existing;
  });
}
