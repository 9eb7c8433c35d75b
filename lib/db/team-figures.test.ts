import { describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db.ts';
import type { TeamSightingRow } from '../model/team.ts';
import { teamDetail, teamRanking } from './team-figures.ts';
import { storeSightings } from './team-store.ts';

const DAY = 86_400_000;
const sighting = (
  by: string,
  name: string,
  page: string,
  site: string,
  day: number,
  entities: string[],
): TeamSightingRow => ({
  id: `${by}\u0000${page}`,
  by,
  name,
  page,
  site,
  title: `عنوان ${page}`,
  firstSeen: day * DAY,
  lastSeen: day * DAY,
  entities,
  counts: Object.fromEntries(entities.map((e) => [e, 1])),
  sentences: Object.fromEntries(entities.map((e) => [e, 'جملة'])),
});

/** Rana and Omar are the reader's teammates; `me` is the reader, whose own reading is not the team's. */
async function seeded() {
  const db = freshDb();
  await storeSightings(
    db,
    [
      sighting('rana', 'Rana', 'a.example/1', 'a.example', 3, ['sdf', 'isis']),
      sighting('omar', 'Omar', 'a.example/1', 'a.example', 5, ['sdf']),
      sighting('omar', 'Omar', 'a.example/2', 'a.example', 2, ['sdf']),
      sighting('omar', 'Omar', 'b.example/1', 'b.example', 9, ['sdf']),
      sighting('me', 'Me', 'c.example/1', 'c.example', 1, ['sdf', 'isis']),
    ],
    [],
  );
  return db;
}

describe('the dashboard’s team figures (issue #17)', () => {
  it('counts each entity’s pages and sites among the teammates’ reading, each page once', async () => {
    const db = await seeded();
    const figures = await teamRanking(db, ['sdf', 'isis', 'hts'], 'me');
    expect(Object.fromEntries(figures)).toEqual({
      // a.example/1 was read by two teammates: one page.
      sdf: { pages: 3, sites: 2 },
      isis: { pages: 1, sites: 1 },
      hts: { pages: 0, sites: 0 },
    });
  });

  it('gives nothing out of a team', async () => {
    const db = await seeded();
    expect((await teamRanking(db, ['sdf'], null)).size).toBe(0);
    expect(await teamDetail(db, 'sdf', null)).toBeNull();
  });

  it('lists an entity’s team pages, newest first, each with who saw it there first', async () => {
    const db = await seeded();
    const detail = (await teamDetail(db, 'sdf', 'me'))!;
    expect(detail.pages.map((p) => [p.page, p.firstBy, p.firstSeen / DAY, p.members])).toEqual([
      ['b.example/1', 'Omar', 9, 1],
      // Omar read it on day 5, Rana on day 3: Rana first.
      ['a.example/1', 'Rana', 3, 2],
      ['a.example/2', 'Omar', 2, 1],
    ]);
    expect(detail.total).toBe(3);
    // The reader's own page is their history, not the team's.
    expect(detail.pages.some((p) => p.site === 'c.example')).toBe(false);
  });

  it('lists its sites, most pages first, each with its first teammate', async () => {
    const db = await seeded();
    const { sites } = (await teamDetail(db, 'sdf', 'me'))!;
    expect(sites.map((s) => [s.site, s.pages, s.firstBy, s.firstSeen / DAY])).toEqual([
      ['a.example', 2, 'Omar', 2],
      ['b.example', 1, 'Omar', 9],
    ]);
  });
});
