import type { ArticleSummary } from '../article/extract-article.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import type { PageRow, RasidDB } from './schema.ts';

/**
 * Records a visit: a new row the first time, else the same row updated (first visit kept, visits counted).
 * One transaction, so two reports of the same page cannot both create it.
 */
export async function recordPage(
  db: RasidDB,
  url: string,
  article: ArticleSummary,
  now: number,
): Promise<PageRow> {
  const key = pageKey(url);
  return db.transaction('rw', db.pages, async () => {
    const previous = await db.pages.get(key);
    const row: PageRow = {
      url: key,
      site: siteOf(url),
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedTime: article.publishedTime,
      lang: article.lang,
      wordCount: article.wordCount,
      firstVisit: previous?.firstVisit ?? now,
      lastVisit: now,
      visits: (previous?.visits ?? 0) + 1,
    };
    await db.pages.put(row);
    return row;
  });
}
