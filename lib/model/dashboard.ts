import type { EntityType } from '../lexicon/schema.ts';
import type { AnnotationColor } from './annotation.ts';

/**
 * Which date the dashboard goes by (issue 14): the article's publication date where the page gave one,
 * else its first reading (`published`, the default), or always the reading date (`read`).
 */
export type DateBasis = 'published' | 'read';

export interface RankingFilters {
  type?: EntityType | undefined;
  subtype?: string | undefined;
  site?: string | undefined;
  /** Seen on a page dated in this range (epoch ms, inclusive), by the date `dates` says. */
  from?: number | undefined;
  to?: number | undefined;
  /** Publication dates where known (the default), or reading dates. */
  dates?: DateBasis | undefined;
  /** Arabic or English, folded as the matcher folds: امريكا finds أمريكا. */
  query?: string | undefined;
}

export interface RankedEntity {
  entity: string;
  pages: number;
  sites: number;
  firstSeen: number;
  lastSeen: number;
  /** What the reader's teammates saw of it, on every site (issue #17): present only in a team. */
  team?: TeamFigures | undefined;
}

/** On how many pages and sites the reader's teammates saw an entity (issue #17). */
export interface TeamFigures {
  pages: number;
  sites: number;
}

/** An entity's part of the team's reading (issue #17): the teammates' pages and sites, who saw each first. */
export interface TeamEntityDetail {
  /** Newest first sighting first; at most `TEAM_DETAIL_PAGES`. */
  pages: { page: string; title: string; site: string; firstBy: string; firstSeen: number; members: number }[];
  /** Most pages first. */
  sites: { site: string; pages: number; firstBy: string; firstSeen: number }[];
  /** All the pages, when more than those listed. */
  total: number;
}

/** The ranking's columns, each of which sorts it. */
export const RANKING_SORTS = ['name', 'type', 'pages', 'sites', 'first', 'last'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** One of the reader's annotations linked to an entity, with what names its page. */
export interface LinkedAnnotation {
  id: string;
  /** The page's key, and the address the annotation was made on. */
  page: string;
  source: string;
  /** The quote exactly as the page wrote it. */
  quote: string;
  note: string;
  tags: string[];
  color: AnnotationColor;
  created: number;
  /** The page's title, or its address when Rasid never read it (an imported annotation). */
  title: string;
  /** The page's publication date (epoch ms), where known. */
  published: number | null;
}

export interface EntityDetail {
  entity: string;
  pages: {
    url: string;
    address: string;
    title: string;
    site: string;
    firstSeen: number;
    /** When the page says it was published (epoch ms), where it does. */
    published: number | null;
    count: number;
    sentence: string;
  }[];
  /** The entities named on the same pages, most shared pages first. */
  cooccurring: { entity: string; pages: number }[];
  /** Pages per month (`YYYY-MM`) on which it was first seen. */
  timeline: { month: string; pages: number }[];
  /** Pages per month of publication where known, else of first reading. */
  publishedTimeline: { month: string; pages: number }[];
  /** The reader's annotations linked to it, newest first. */
  annotations: LinkedAnnotation[];
  /** What the reader's teammates saw of it (issue #17): present only in a team. */
  team?: TeamEntityDetail | undefined;
}

/** The detail of an entity Rasid knows nothing of (or could not read). */
export const emptyDetail = (entity: string): EntityDetail => ({
  entity,
  pages: [],
  cooccurring: [],
  timeline: [],
  publishedTimeline: [],
  annotations: [],
});
