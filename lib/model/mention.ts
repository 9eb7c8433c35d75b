import type { TeamSeen } from './team.ts';
/**
 * Which entities a page named (issue #6): one row per page and entity, replaced whenever the page is
 * read again, so that re-reading updates rather than duplicates.
 */
export interface MentionRow {
  /** The page's key. */
  page: string;
  entity: string;
  site: string;
  count: number;
  /** The sentence of the first mention, as written. */
  sentence: string;
  /** When the page was first read: when the entity was first seen there. */
  firstSeen: number;
  lastSeen: number;
  /** When the page says it was published (epoch ms), where it says so (issue 14, version 9). */
  published?: number | undefined;
  /**
   * The date the dashboard's timeline and filters go by when they follow publication dates: `published`
   * where known, else `firstSeen`. Indexed (version 9); absent only in rows written before it.
   */
  dated?: number | undefined;
}

/** What a page reports of one entity. */
export interface MentionReport {
  entity: string;
  count: number;
  sentence: string;
}

/** What Rasid remembers of an entity, seen from one page. */
export interface EntityHistory {
  entity: string;
  /** Other pages and sites that named it. */
  pages: number;
  sites: number;
  /** When it was first seen anywhere (epoch ms), null if never before. */
  firstSeen: number | null;
  /** Seen before on other pages, but never on this site. */
  newOnSite: boolean;
  /** What the reader's team saw of it on other pages (issue #17); absent when no member did. */
  team?: TeamSeen;
}
