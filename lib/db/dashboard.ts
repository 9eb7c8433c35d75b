import Dexie from 'dexie';
import { fold } from '../arabic/normalize.ts';
import type { Entity } from '../lexicon/schema.ts';
import type { MentionRow } from '../model/mention.ts';
import type { EntityDetail, LinkedAnnotation, RankedEntity, RankingFilters } from '../model/dashboard.ts';
import { datedOf, tallyMentions } from '../model/entity-stats.ts';
import { publishedMs } from '../pages/publication-date.ts';
import { byRank } from '../dashboard/sort-ranking.ts';
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
    .sort(byRank);
}

/**
 * The mentions on one site and/or on pages dated in a range (inclusive): by publication date where
 * known, else first reading (`dated`, the default), or by first reading (`dates: 'read'`).
 */
function mentionsIn(db: RasidDB, { site, from, to, dates }: RankingFilters): Promise<MentionRow[]> {
  const byRead = dates === 'read';
  const dateOf = (m: MentionRow) => (byRead ? m.firstSeen : datedOf(m));
  const inRange = (m: MentionRow) =>
    (from === undefined || dateOf(m) >= from) && (to === undefined || dateOf(m) <= to);
  if (site !== undefined) {
    // A filter makes Dexie walk a cursor; without one, the rows come in one `getAll`.
    const onSite = db.mentions.where('site').equals(site);
    return from === undefined && to === undefined ? onSite.toArray() : onSite.filter(inRange).toArray();
  }
  return db.mentions
    .where(byRead ? 'firstSeen' : 'dated')
    .between(from ?? -Infinity, to ?? Infinity, true, true)
    .toArray();
}

/** Pages listed (and read for co-occurrence) in an entity's detail: the most recent ones. */
const DETAIL_PAGES = 200;

/** Annotations listed in an entity's detail: the most recent ones. */
const DETAIL_ANNOTATIONS = 200;

/** A month → pages record as a timeline, oldest month first. */
const timelineOf = (months: Record<string, number> | undefined) =>
  Object.entries(months ?? {})
    .map(([month, n]) => ({ month, pages: n }))
    .sort((a, b) => a.month.localeCompare(b.month));

/**
 * One entity: the pages and sites it appeared on (the most recent 200), what it appears with on them,
 * when (every page, from its aggregate's timelines, by reading and by publication date), and the
 * reader's annotations linked to it (the most recent 200, through the `body.entity` index).
 */
export async function entityDetail(db: RasidDB, entity: string): Promise<EntityDetail> {
  return db.transaction('r', [db.mentions, db.pages, db.entityStats, db.annotations], async () => {
    const [mentions, stats, linked] = await Promise.all([
      db.mentions
        .where('[entity+firstSeen]')
        .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
        .reverse()
        .limit(DETAIL_PAGES)
        .toArray(),
      db.entityStats.get(entity),
      db.annotations.where('body.entity').equals(entity).toArray(),
    ]);
    linked.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
    linked.length = Math.min(linked.length, DETAIL_ANNOTATIONS);
    const keys = mentions.map((m) => m.page);
    const annotated = await db.pages.bulkGet(linked.map((a) => a.page));
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
          published: m.published ?? publishedMs(pages[i]?.publishedTime) ?? null,
          count: m.count,
          sentence: m.sentence,
        }))
        .sort((a, b) => b.firstSeen - a.firstSeen),
      cooccurring: [...shared]
        .map(([id, n]) => ({ entity: id, pages: n }))
        .sort((a, b) => b.pages - a.pages)
        .slice(0, 12),
      timeline: timelineOf(stats?.months),
      publishedTimeline: timelineOf(stats?.publishedMonths),
      annotations: linked.map((a, i): LinkedAnnotation => ({
        id: a.id,
        page: a.page,
        source: a.target.source,
        quote: a.target.selector.quote.exact,
        note: a.body.note,
        tags: a.body.tags,
        color: a.body.color,
        created: a.created,
        title: annotated[i]?.title || a.target.source,
        published: publishedMs(annotated[i]?.publishedTime) ?? null,
      })),
    };
  });
}
