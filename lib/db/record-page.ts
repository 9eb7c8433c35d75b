import type { ArticleSummary } from '../article/extract-article.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import type { MentionReport } from './mention.ts';
import type { PageRow, RasidDB } from './schema.ts';

/**
 * Records a page: a new row the first time, else the same row updated (first visit kept). `visit`
 * says whether this is a new visit or an update within the same one (content that arrived later),
 * which must not count as a revisit. One transaction, so two reports cannot both create the row.
 */
export async function recordPage(
  db: RasidDB,
  url: string,
  canonical: string | null,
  article: ArticleSummary,
  now: number,
  visit = true,
  mentions: readonly MentionReport[] = [],
): Promise<PageRow> {
  const key = pageKey(url, canonical);
  // The page and what it names change together, in one transaction.
  return db.transaction('rw', db.pages, db.mentions, async () => {
    const previous = await db.pages.get(key);
    const row: PageRow = {
      url: key,
      address: url,
      site: siteOf(url),
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedTime: article.publishedTime,
      lang: article.lang,
      wordCount: article.wordCount,
      firstVisit: previous?.firstVisit ?? now,
      lastVisit: visit || !previous ? now : previous.lastVisit,
      visits: (previous?.visits ?? 0) + (visit || !previous ? 1 : 0),
    };
    await db.pages.put(row);
    await db.mentions.where('page').equals(key).delete();
    await db.mentions.bulkPut(
      mentions.map((m) => ({
        ...m,
        page: key,
        site: row.site,
        firstSeen: row.firstVisit,
        lastSeen: row.lastVisit,
      })),
    );
    return row;
  });
}
