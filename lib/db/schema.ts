import Dexie, { type EntityTable } from 'dexie';
import type { AnnotationRow } from './annotation.ts';
import type { SettingsRow } from './settings.ts';

/** A page Rasid has read. Keyed by `pageKey(url)`. */
export interface PageRow {
  url: string;
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

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1: pages, looked up by key, listed by site and by recency.
    this.version(1).stores({ pages: '&url, site, lastVisit' });
    // v2: reader settings, global and per site (no data to move).
    this.version(2).stores({ settings: '&key' });
    // v3: annotations, listed by page (in reading order, sorted by position after loading).
    this.version(3).stores({ annotations: '&id, page, modified' });
  }
}
