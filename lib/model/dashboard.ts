import type { EntityType } from '../lexicon/schema.ts';

export interface RankingFilters {
  type?: EntityType | undefined;
  subtype?: string | undefined;
  site?: string | undefined;
  /** Seen on a page first read in this range (epoch ms, inclusive). */
  from?: number | undefined;
  to?: number | undefined;
  /** Arabic or English, folded as the matcher folds: امريكا finds أمريكا. */
  query?: string | undefined;
}

export interface RankedEntity {
  entity: string;
  pages: number;
  sites: number;
  firstSeen: number;
  lastSeen: number;
}

export interface EntityDetail {
  entity: string;
  pages: {
    url: string;
    address: string;
    title: string;
    site: string;
    firstSeen: number;
    count: number;
    sentence: string;
  }[];
  /** The entities named on the same pages, most shared pages first. */
  cooccurring: { entity: string; pages: number }[];
  /** Pages per month (`YYYY-MM`) on which it was first seen. */
  timeline: { month: string; pages: number }[];
}
