import Dexie from 'dexie';
import type { ArticleSummary } from '../model/article.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import { keptAddress } from '../pages/page-identity.ts';
import { publishedMs } from '../pages/publication-date.ts';
import { applyMentionChanges } from './entity-stats.ts';
import type { MentionReport, MentionRow } from '../model/mention.ts';
import type { RasidDB } from './schema.ts';
import type { PageRow } from '../model/page.ts';
import type { SuggestedMentionRow, SuggestionReport } from '../model/suggestion.ts';

/**
 * The row that describes a page read now: a new one the first time, else `previous` updated (first
 * visit kept). `visit` says whether this is a new visit or an update within the same one (content that
 * arrived later), which must not count as a revisit.
 */
export function pageRow(
  url: string,
  canonical: string | null,
  article: ArticleSummary,
  now: number,
  visit: boolean,
  previous: PageRow | undefined,
): PageRow {
  return {
    url: pageKey(url, canonical),
    address: keptAddress(url),
    site: siteOf(url),
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    // A later reading that finds no date (the page changed, or was too large for Readability) keeps it.
    publishedTime: article.publishedTime ?? previous?.publishedTime ?? null,
    lang: article.lang,
    wordCount: article.wordCount,
    firstVisit: previous?.firstVisit ?? now,
    lastVisit: visit || !previous ? now : previous.lastVisit,
    visits: (previous?.visits ?? 0) + (visit || !previous ? 1 : 0),
  };
}

/**
 * Records a page and the entities it names, replacing what an earlier reading of it recorded, and
 * keeps the entities' aggregates in step. One transaction, so two reports cannot both create the row
 * and the aggregates never disagree with the mentions.
 */
export async function recordPage(
  db: RasidDB,
  url: string,
  canonical: string | null,
  article: ArticleSummary,
  now: number,
  visit = true,
  mentions: readonly MentionReport[] = [],
  suggested: readonly SuggestionReport[] = [],
): Promise<PageRow> {
  const key = pageKey(url, canonical);
  const tables = [db.pages, db.mentions, db.entityStats, db.entitySites, db.suggestedMentions];
  return db.transaction('rw', tables, async () => {
    const row = pageRow(url, canonical, article, now, visit, await db.pages.get(key));
    await db.pages.put(row);
    const removed = await db.mentions.where('page').equals(key).toArray();
    await db.mentions.bulkDelete(removed.map((m): [string, string] => [m.page, m.entity]));
    // Publication date where the page gives one (issue 14): the timeline and filters may go by it.
    const published = publishedMs(row.publishedTime);
    const added: MentionRow[] = mentions.map((m) => ({
      ...m,
      page: key,
      site: row.site,
      firstSeen: row.firstVisit,
      lastSeen: row.lastVisit,
      published,
      dated: published ?? row.firstVisit,
    }));
    await db.mentions.bulkPut(added);
    await applyMentionChanges(db, removed, added);
    // The names Rasid does not know yet, the same way: the page's rows replaced by this reading's.
    await suggestedOnPage(db, key).delete();
    await db.suggestedMentions.bulkPut(
      suggested.map((s): SuggestedMentionRow => ({
        ...s,
        page: key,
        site: row.site,
        firstSeen: row.firstVisit,
        lastSeen: row.lastVisit,
      })),
    );
    return row;
  });
}

/** The suggested names recorded for one page: the `[page+key]` primary key's prefix, no index needed. */
export const suggestedOnPage = (db: RasidDB, page: string) =>
  db.suggestedMentions.where('[page+key]').between([page, Dexie.minKey], [page, Dexie.maxKey]);
