import type { MentionRow } from './mention.ts';

/**
 * What Rasid remembers of one entity, summed over every page that named it: the aggregate the panel
 * and the dashboard read instead of counting hundreds of thousands of mentions (issue #6). Kept exact
 * by `applyMentionChanges` in the same transaction as every change to `mentions`.
 */
export interface EntityStatsRow {
  entity: string;
  /** Pages that named it. */
  pages: number;
  /** Sites with at least one such page. */
  sites: number;
  /** The earliest first read and the latest read of those pages (epoch ms). */
  firstSeen: number;
  lastSeen: number;
  /** Pages first read in each month (`YYYY-MM`, UTC): the dashboard's timeline. */
  months: Record<string, number>;
  /** Pages per month of their publication date where known, else of their first reading (`dated`, version 9). */
  publishedMonths: Record<string, number>;
}

/** How many pages of one site named an entity: what makes `sites` and "new on this site" exact. */
export interface EntitySiteRow {
  entity: string;
  site: string;
  pages: number;
}

export function monthOf(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** The date a mention is placed by when the dashboard follows publication dates. */
export const datedOf = (m: Pick<MentionRow, 'dated' | 'firstSeen'>): number => m.dated ?? m.firstSeen;

/** The aggregates of a set of mentions, from scratch (the v5 upgrade, benchmarks, tests). */
export function tallyMentions(rows: Iterable<MentionRow>): {
  stats: EntityStatsRow[];
  sites: EntitySiteRow[];
} {
  const stats = new Map<string, EntityStatsRow>();
  const sites = new Map<string, EntitySiteRow>();
  for (const m of rows) {
    let s = stats.get(m.entity);
    if (!s) {
      s = {
        entity: m.entity,
        pages: 0,
        sites: 0,
        firstSeen: Infinity,
        lastSeen: -Infinity,
        months: {},
        publishedMonths: {},
      };
      stats.set(m.entity, s);
    }
    s.pages++;
    s.firstSeen = Math.min(s.firstSeen, m.firstSeen);
    s.lastSeen = Math.max(s.lastSeen, m.lastSeen);
    const month = monthOf(m.firstSeen);
    s.months[month] = (s.months[month] ?? 0) + 1;
    const published = monthOf(datedOf(m));
    s.publishedMonths[published] = (s.publishedMonths[published] ?? 0) + 1;
    const key = `${m.entity}\u0000${m.site}`;
    const site = sites.get(key);
    if (site) site.pages++;
    else {
      sites.set(key, { entity: m.entity, site: m.site, pages: 1 });
      s.sites++;
    }
  }
  return { stats: [...stats.values()], sites: [...sites.values()] };
}
