import Dexie from 'dexie';
import type { MentionRow } from '../model/mention.ts';
import { datedOf, monthOf, type EntitySiteRow, type EntityStatsRow } from '../model/entity-stats.ts';
import type { RasidDB } from './schema.ts';

/**
 * Brings the aggregates up to date after `removed` mentions left the table and `added` ones came in
 * (a page re-read, forgotten or read for the first time). Call it inside the transaction that changed
 * `mentions`, after the change: a bound that may have left with a removed row is read back from the
 * `[entity+firstSeen]` or `[entity+lastSeen]` index, one key each.
 */
export async function applyMentionChanges(
  db: RasidDB,
  removed: readonly MentionRow[],
  added: readonly MentionRow[],
): Promise<void> {
  const changes = new Map<string, { removed: MentionRow[]; added: MentionRow[] }>();
  const of = (entity: string) => {
    let c = changes.get(entity);
    if (!c) changes.set(entity, (c = { removed: [], added: [] }));
    return c;
  };
  for (const m of removed) of(m.entity).removed.push(m);
  for (const m of added) of(m.entity).added.push(m);
  if (!changes.size) return;

  const entities = [...changes.keys()];
  const sitePairs: [string, string][] = [];
  for (const [entity, c] of changes) {
    const touched = new Set([...c.removed, ...c.added].map((m) => m.site));
    for (const site of touched) sitePairs.push([entity, site]);
  }
  const [statsRows, siteRows] = await Promise.all([
    db.entityStats.bulkGet(entities),
    db.entitySites.bulkGet(sitePairs),
  ]);
  const siteCount = new Map(sitePairs.map((pair, i) => [pair.join('\u0000'), siteRows[i]?.pages ?? 0]));

  const putStats: EntityStatsRow[] = [];
  const dropStats: string[] = [];
  const putSites: EntitySiteRow[] = [];
  const dropSites: [string, string][] = [];
  await Promise.all(
    entities.map(async (entity, i) => {
      const c = changes.get(entity)!;
      const old = statsRows[i] ?? {
        entity,
        pages: 0,
        sites: 0,
        firstSeen: Infinity,
        lastSeen: -Infinity,
        months: {},
        publishedMonths: {},
      };
      const next: EntityStatsRow = {
        ...old,
        months: { ...old.months },
        publishedMonths: { ...old.publishedMonths },
      };
      const count = (months: Record<string, number>, time: number, delta: number) => {
        const month = monthOf(time);
        months[month] = (months[month] ?? 0) + delta;
      };
      next.pages += c.added.length - c.removed.length;
      const siteDelta = new Map<string, number>();
      for (const m of c.removed) {
        siteDelta.set(m.site, (siteDelta.get(m.site) ?? 0) - 1);
        count(next.months, m.firstSeen, -1);
        count(next.publishedMonths, datedOf(m), -1);
      }
      for (const m of c.added) {
        siteDelta.set(m.site, (siteDelta.get(m.site) ?? 0) + 1);
        count(next.months, m.firstSeen, 1);
        count(next.publishedMonths, datedOf(m), 1);
      }
      next.months = Object.fromEntries(Object.entries(next.months).filter(([, n]) => n > 0));
      next.publishedMonths = Object.fromEntries(
        Object.entries(next.publishedMonths).filter(([, n]) => n > 0),
      );
      for (const [site, delta] of siteDelta) {
        const before = siteCount.get(`${entity}\u0000${site}`) ?? 0;
        const after = before + delta;
        if (before > 0 && after <= 0) next.sites--;
        if (before <= 0 && after > 0) next.sites++;
        if (after > 0) putSites.push({ entity, site, pages: after });
        else if (before > 0) dropSites.push([entity, site]);
      }
      if (next.pages <= 0) {
        if (statsRows[i]) dropStats.push(entity);
        return;
      }
      const range = db.mentions
        .where('[entity+firstSeen]')
        .between([entity, Dexie.minKey], [entity, Dexie.maxKey]);
      const addedFirst = Math.min(...c.added.map((m) => m.firstSeen));
      const addedLast = Math.max(...c.added.map((m) => m.lastSeen));
      // A removed row may have held a bound; the index knows the new one.
      next.firstSeen = c.removed.some((m) => m.firstSeen <= old.firstSeen)
        ? ((await range.first())?.firstSeen ?? addedFirst)
        : Math.min(old.firstSeen, addedFirst);
      next.lastSeen = c.removed.some((m) => m.lastSeen >= old.lastSeen)
        ? ((
            await db.mentions
              .where('[entity+lastSeen]')
              .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
              .last()
          )?.lastSeen ?? addedLast)
        : Math.max(old.lastSeen, addedLast);
      putStats.push(next);
    }),
  );
  await Promise.all([
    db.entityStats.bulkPut(putStats),
    db.entityStats.bulkDelete(dropStats),
    db.entitySites.bulkPut(putSites),
    db.entitySites.bulkDelete(dropSites),
  ]);
}
