import Dexie from 'dexie';
import { fold } from '../arabic/normalize.ts';
import type { Entity } from '../lexicon/schema.ts';
import type { MentionRow } from '../model/mention.ts';
import type { EntityDetail, RankedEntity, RankingFilters } from '../model/dashboard.ts';
import { tallyMentions } from '../model/entity-stats.ts';
import type { RasidDB } from './schema.ts';

/** Does the entity answer a search? Every alias and both names, folded. */
function matches(entity: Entity | undefined, id: string, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const names = entity ? [entity.ar, entity.en, ...entity.aliases.map((a) => a.text)] : [id];
  return names.some((n) => fold(n).includes(q));
}

/**
 * Entities ranked by the pages, then the sites, that named them, then by recency. Without a site or a
 * date range this reads the aggregates, one row per entity; with them, the mentions in that site or
 * range, through their `site` or `firstSeen` index.
 */
export async function rankEntities(
  db: RasidDB,
  lexicon: readonly Entity[],
  filters: RankingFilters = {},
): Promise<RankedEntity[]> {
  const byId = new Map(lexicon.map((e) => [e.id, e]));
  const wanted = (id: string) => {
    const entity = byId.get(id);
    return (
      (!filters.type || entity?.type === filters.type) &&
      (!filters.subtype || entity?.subtype === filters.subtype) &&
      (!filters.query || matches(entity, id, filters.query))
    );
  };
  const ranked: RankedEntity[] =
    filters.site === undefined && filters.from === undefined && filters.to === undefined
      ? (await db.entityStats.toArray()).filter((s) => wanted(s.entity))
      : tallyMentions((await mentionsIn(db, filters)).filter((m) => wanted(m.entity))).stats;
  return ranked
    .map(({ entity, pages, sites, firstSeen, lastSeen }) => ({ entity, pages, sites, firstSeen, lastSeen }))
    .sort(
      (a, b) =>
        b.pages - a.pages || b.sites - a.sites || b.lastSeen - a.lastSeen || (a.entity < b.entity ? -1 : 1),
    );
}

/** The mentions on one site and/or on pages first read in a date range (inclusive). */
function mentionsIn(db: RasidDB, { site, from, to }: RankingFilters): Promise<MentionRow[]> {
  const inRange = (m: MentionRow) =>
    (from === undefined || m.firstSeen >= from) && (to === undefined || m.firstSeen <= to);
  if (site !== undefined) {
    // A filter makes Dexie walk a cursor; without one, the rows come in one `getAll`.
    const onSite = db.mentions.where('site').equals(site);
    return from === undefined && to === undefined ? onSite.toArray() : onSite.filter(inRange).toArray();
  }
  return db.mentions
    .where('firstSeen')
    .between(from ?? -Infinity, to ?? Infinity, true, true)
    .toArray();
}

/** Pages listed (and read for co-occurrence) in an entity's detail: the most recent ones. */
const DETAIL_PAGES = 200;

/**
 * One entity: the pages and sites it appeared on (the most recent 200), what it appears with on them,
 * and when (every page, from its aggregate's timeline).
 */
export async function entityDetail(db: RasidDB, entity: string): Promise<EntityDetail> {
  return db.transaction('r', [db.mentions, db.pages, db.entityStats], async () => {
    const [mentions, stats] = await Promise.all([
      db.mentions
        .where('[entity+firstSeen]')
        .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
        .reverse()
        .limit(DETAIL_PAGES)
        .toArray(),
      db.entityStats.get(entity),
    ]);
    const keys = mentions.map((m) => m.page);
    // The company it keeps, from the `[page+entity]` keys alone: no row is read.
    const [pages, together] = await Promise.all([
      db.pages.bulkGet(keys),
      // One `getAllKeys` per page: `anyOf` would walk one cursor over them all, five times slower.
      Promise.all(keys.map((key) => db.mentions.where('page').equals(key).primaryKeys())),
    ]);
    const shared = new Map<string, number>();
    for (const [, other] of together.flat())
      if (other !== entity) shared.set(other, (shared.get(other) ?? 0) + 1);
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
      timeline: Object.entries(stats?.months ?? {})
        .map(([month, n]) => ({ month, pages: n }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  });
}
