import Dexie from 'dexie';
import { fold } from '../arabic/normalize.ts';
import type { Entity, EntityType } from '../lexicon/schema.ts';
import type { MentionRow } from './mention.ts';
import type { RasidDB } from './schema.ts';

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

/** Does the entity answer a search? Every alias and both names, folded. */
function matches(entity: Entity | undefined, id: string, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const names = entity ? [entity.ar, entity.en, ...entity.aliases.map((a) => a.text)] : [id];
  return names.some((n) => fold(n).includes(q));
}

/** Entities ranked by the pages, then the sites, that named them, then by recency. */
export async function rankEntities(
  db: RasidDB,
  lexicon: readonly Entity[],
  filters: RankingFilters = {},
): Promise<RankedEntity[]> {
  const byId = new Map(lexicon.map((e) => [e.id, e]));
  const rows: MentionRow[] = filters.site
    ? await db.mentions.where('site').equals(filters.site).toArray()
    : await db.mentions.toArray();
  const ranked = new Map<
    string,
    { pages: number; sites: Set<string>; firstSeen: number; lastSeen: number }
  >();
  for (const m of rows) {
    const entity = byId.get(m.entity);
    if (filters.type && entity?.type !== filters.type) continue;
    if (filters.subtype && entity?.subtype !== filters.subtype) continue;
    if (
      (filters.from !== undefined && m.lastSeen < filters.from) ||
      (filters.to !== undefined && m.firstSeen > filters.to)
    )
      continue;
    const r = ranked.get(m.entity) ?? {
      pages: 0,
      sites: new Set<string>(),
      firstSeen: Infinity,
      lastSeen: 0,
    };
    r.pages++;
    r.sites.add(m.site);
    r.firstSeen = Math.min(r.firstSeen, m.firstSeen);
    r.lastSeen = Math.max(r.lastSeen, m.lastSeen);
    ranked.set(m.entity, r);
  }
  return [...ranked]
    .filter(([id]) => !filters.query || matches(byId.get(id), id, filters.query))
    .map(([entity, r]) => ({
      entity,
      pages: r.pages,
      sites: r.sites.size,
      firstSeen: r.firstSeen,
      lastSeen: r.lastSeen,
    }))
    .sort(
      (a, b) =>
        b.pages - a.pages || b.sites - a.sites || b.lastSeen - a.lastSeen || (a.entity < b.entity ? -1 : 1),
    );
}

/** Pages listed (and read for co-occurrence) in an entity's detail: the most recent ones. */
const DETAIL_PAGES = 200;

/**
 * One entity: the pages and sites it appeared on (the most recent 200), what it appears with on them,
 * and when (every page, from the index's keys alone).
 */
export async function entityDetail(db: RasidDB, entity: string): Promise<EntityDetail> {
  return db.transaction('r', db.mentions, db.pages, async () => {
    const range = db.mentions
      .where('[entity+firstSeen]')
      .between([entity, Dexie.minKey], [entity, Dexie.maxKey]);
    const [mentions, seen] = await Promise.all([
      range.clone().reverse().limit(DETAIL_PAGES).toArray(),
      range.clone().keys(),
    ]);
    const keys = mentions.map((m) => m.page);
    const pages = await db.pages.bulkGet(keys);
    const together = await db.mentions.where('page').anyOf(keys).toArray();
    const shared = new Map<string, number>();
    for (const m of together) if (m.entity !== entity) shared.set(m.entity, (shared.get(m.entity) ?? 0) + 1);
    const months = new Map<string, number>();
    for (const [, firstSeen] of seen as unknown as [string, number][]) {
      const month = new Date(firstSeen).toISOString().slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    return {
      entity,
      pages: mentions
        .map((m, i) => ({
          url: m.page,
          address: pages[i]?.address ?? m.page,
          title: pages[i]?.title ?? m.page,
          site: m.site,
          firstSeen: m.firstSeen,
          count: m.count,
          sentence: m.sentence,
        }))
        .sort((a, b) => b.firstSeen - a.firstSeen),
      cooccurring: [...shared]
        .map(([id, n]) => ({ entity: id, pages: n }))
        .sort((a, b) => b.pages - a.pages)
        .slice(0, 12),
      timeline: [...months]
        .map(([month, n]) => ({ month, pages: n }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  });
}
