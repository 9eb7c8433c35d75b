import Dexie, { type EntityTable, type Table } from 'dexie';
import { pageKey } from '../pages/page-key.ts';
import type { AnnotationRow } from './annotation.ts';
import { tallyMentions, type EntitySiteRow, type EntityStatsRow } from './entity-stats.ts';
import type { MentionRow } from './mention.ts';
import type { ReaderAliasRow, ReaderEntityRow } from './reader-entity.ts';
import type { SettingsRow } from './settings.ts';

/** A page Rasid has read. */
export interface PageRow {
  /** The page's key, `pageKey(address, canonical)`: its identity (the field's name is from version 1). */
  url: string;
  /** The address it was last read at. */
  address?: string;
  /** Host without `www.`: what "site" means in Rasid. */
  site: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  wordCount: number;
  /** Epoch milliseconds. */
  firstVisit: number;
  lastVisit: number;
  visits: number;
}

export const DB_NAME = 'rasid';

/**
 * Rasid's database. Opened only in the background and extension pages: IndexedDB opened in a content
 * script would belong to the page's origin. Every shipped `version(n)` stays declared; later versions
 * are added below it with an `.upgrade()` that moves the data.
 */
export class RasidDB extends Dexie {
  declare pages: EntityTable<PageRow, 'url'>;
  declare settings: EntityTable<SettingsRow, 'key'>;
  declare annotations: EntityTable<AnnotationRow, 'id'>;
  declare entities: EntityTable<ReaderEntityRow, 'id'>;
  declare mentions: Table<MentionRow, [string, string]>;
  declare entityStats: EntityTable<EntityStatsRow, 'entity'>;
  declare entitySites: Table<EntitySiteRow, [string, string]>;
  declare readerAliases: EntityTable<ReaderAliasRow, 'id'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1: pages, looked up by key, listed by site and by recency.
    this.version(1).stores({ pages: '&url, site, lastVisit' });
    // v2: reader settings, global and per site (no data to move).
    this.version(2).stores({ settings: '&key' });
    // v3: annotations, listed by page (in reading order, sorted by position after loading).
    this.version(3).stores({ annotations: '&id, page, modified' });
    // v4: pages are keyed by their identity (canonical link, tracking parameters and AMP variants
    // folded): existing rows are re-keyed, rows that fold into one are merged, annotations follow.
    // The reader's own entities get their table, and so do the entities each page named (looked up by
    // entity for the history, by page to replace a page's, by site for "new on this site").
    this.version(4)
      .stores({
        entities: '&id',
        mentions: '[page+entity], entity, page, site, [entity+site], [entity+firstSeen]',
      })
      .upgrade(async (tx) => {
        const pages = tx.table<PageRow, string>('pages');
        const merged = new Map<string, PageRow>();
        for (const row of await pages.toArray()) {
          const key = pageKey(row.url);
          const other = merged.get(key);
          // The most recent visit gives the title and address; visits add up.
          const latest =
            other && other.lastVisit > row.lastVisit ? other : { ...row, address: row.address ?? row.url };
          merged.set(key, {
            ...latest,
            url: key,
            firstVisit: Math.min(row.firstVisit, other?.firstVisit ?? Infinity),
            lastVisit: Math.max(row.lastVisit, other?.lastVisit ?? 0),
            visits: row.visits + (other?.visits ?? 0),
          });
        }
        await pages.clear();
        await pages.bulkPut([...merged.values()]);
        await tx
          .table<AnnotationRow, string>('annotations')
          .toCollection()
          .modify((a) => {
            a.page = pageKey(a.page);
          });
      });
    // v5: what each entity's history sums to — pages, sites, first and last seen, a monthly timeline —
    // kept beside the mentions, so that the panel and the dashboard read one row per entity instead of
    // counting mentions (10,000 pages make 500,000 of them). Built here from the mentions already kept.
    this.version(5)
      .stores({
        mentions:
          '[page+entity], entity, page, site, [entity+site], [entity+firstSeen], [entity+lastSeen], firstSeen',
        entityStats: '&entity',
        entitySites: '[entity+site]',
      })
      .upgrade(async (tx) => {
        const { stats, sites } = tallyMentions(await tx.table<MentionRow>('mentions').toArray());
        await tx.table<EntityStatsRow, string>('entityStats').bulkPut(stats);
        await tx.table<EntitySiteRow, [string, string]>('entitySites').bulkPut(sites);
      });
    // v6: the reader's lexicon — spellings added to an entity or switched off (issue #7). Reader
    // entities keep their table; their new fields (subtype, English name, spellings) are optional.
    this.version(6).stores({ readerAliases: '&id, entity' });
  }
}
