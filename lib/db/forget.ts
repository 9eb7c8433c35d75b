import { pageKey } from '../pages/page-key.ts';
import type { RasidDB } from './schema.ts';

export type ForgetScope =
  | { scope: 'page'; url: string; canonical: string | null }
  | { scope: 'site'; site: string }
  | { scope: 'all' };

/**
 * Forgets reading history — the pages and the entities they named — in one transaction, and returns
 * how many pages went. Annotations, the reader's own work, are kept.
 */
export async function forgetHistory(db: RasidDB, what: ForgetScope): Promise<number> {
  return db.transaction('rw', db.pages, db.mentions, async () => {
    if (what.scope === 'all') {
      const pages = await db.pages.count();
      await Promise.all([db.pages.clear(), db.mentions.clear()]);
      return pages;
    }
    const keys =
      what.scope === 'page'
        ? [pageKey(what.url, what.canonical)].filter(Boolean)
        : await db.pages.where('site').equals(what.site).primaryKeys();
    const existing = (await db.pages.bulkGet(keys)).filter(Boolean).length;
    await db.pages.bulkDelete(keys);
    await db.mentions.where('page').anyOf(keys).delete();
    return existing;
  });
}
