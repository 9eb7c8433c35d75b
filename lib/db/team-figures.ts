import type { TeamEntityDetail, TeamFigures } from '../model/dashboard.ts';
import type { TeamSightingRow } from '../model/team.ts';
import type { RasidDB } from './schema.ts';

/** The team's pages an entity's detail lists (the newest first sightings). */
export const TEAM_DETAIL_PAGES = 50;

/**
 * The dashboard's team figures (issue #17): for each entity of the ranking, on how many pages and sites
 * the reader's teammates saw it, over all their reading. The reader's own sightings are their history,
 * not the team's (as in the panel's `teamSeen`). Out of a team (`me` null), none.
 */
export async function teamRanking(
  db: RasidDB,
  entities: readonly string[],
  me: string | null,
): Promise<Map<string, TeamFigures>> {
  const figures = new Map<string, TeamFigures>();
  if (me === null || !entities.length) return figures;
  const wanted = new Set(entities);
  const pages = new Map<string, Set<string>>();
  const sites = new Map<string, Set<string>>();
  // One walk over the team's sightings that name any of them (a multi-entry index may give a row twice:
  // the sets count each page once).
  await db.teamSightings
    .where('entities')
    .anyOf([...wanted])
    .each((row: TeamSightingRow) => {
      if (row.by === me) return;
      for (const entity of row.entities) {
        if (!wanted.has(entity)) continue;
        (pages.get(entity) ?? pages.set(entity, new Set()).get(entity)!).add(row.page);
        (sites.get(entity) ?? sites.set(entity, new Set()).get(entity)!).add(row.site);
      }
    });
  for (const entity of entities)
    figures.set(entity, { pages: pages.get(entity)?.size ?? 0, sites: sites.get(entity)?.size ?? 0 });
  return figures;
}

/**
 * One entity's part of the team's reading (issue #17): the pages teammates saw it on, each with who saw
 * it there first, and its sites with their first teammate. Null out of a team.
 */
export async function teamDetail(
  db: RasidDB,
  entity: string,
  me: string | null,
): Promise<TeamEntityDetail | null> {
  if (me === null) return null;
  const rows = (await db.teamSightings.where('entities').equals(entity).toArray()).filter((r) => r.by !== me);
  const byPage = new Map<string, TeamSightingRow[]>();
  for (const row of rows) (byPage.get(row.page) ?? byPage.set(row.page, []).get(row.page)!).push(row);
  const first = (of: TeamSightingRow[]) =>
    of.reduce((a, b) =>
      b.firstSeen < a.firstSeen || (b.firstSeen === a.firstSeen && b.name < a.name) ? b : a,
    );
  const pages = [...byPage.values()]
    .map((of) => {
      const f = first(of);
      return {
        page: f.page,
        title: f.title,
        site: f.site,
        firstBy: f.name,
        firstSeen: f.firstSeen,
        members: of.length,
      };
    })
    .sort((a, b) => b.firstSeen - a.firstSeen || (a.page < b.page ? -1 : 1));
  const bySite = new Map<string, TeamSightingRow[]>();
  for (const row of rows) (bySite.get(row.site) ?? bySite.set(row.site, []).get(row.site)!).push(row);
  const sites = [...bySite.values()]
    .map((of) => {
      const f = first(of);
      return {
        site: f.site,
        pages: new Set(of.map((r) => r.page)).size,
        firstBy: f.name,
        firstSeen: f.firstSeen,
      };
    })
    .sort((a, b) => b.pages - a.pages || a.firstSeen - b.firstSeen);
  return { pages: pages.slice(0, TEAM_DETAIL_PAGES), sites, total: pages.length };
}
