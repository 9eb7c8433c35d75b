import type { ReaderLexicon, TeamNameRow } from '../model/reader-entity.ts';
import type { TeamSeen, TeamSightingRow } from '../model/team.ts';
import { teamNames, type TeamNames } from '../team/team-names.ts';
import { readReaderLexicon } from './reader-lexicon-store.ts';
import type { RasidDB } from './schema.ts';

/**
 * What the team read (issue #17), for the panel: for each entity, on how many pages and sites the
 * reader's teammates saw it, who saw it first and when, and whether none of them met it on this site.
 * Entities no teammate saw are left out; out of a team (`me` null), all are.
 */
export async function teamSeen(
  db: RasidDB,
  entities: string[],
  site: string,
  me: string | null,
): Promise<TeamSeen[]> {
  if (me === null) return [];
  const seen: TeamSeen[] = [];
  for (const entity of entities) {
    // The reader's own reading is their history; a teammate's of this very page counts (they read it too).
    const rows = (await db.teamSightings.where('entities').equals(entity).toArray()).filter(
      (r) => r.by !== me,
    );
    if (!rows.length) continue;
    const first = rows.reduce((a, b) => (b.firstSeen < a.firstSeen ? b : a));
    seen.push({
      entity,
      pages: new Set(rows.map((r) => r.page)).size,
      sites: new Set(rows.map((r) => r.site)).size,
      firstBy: first.name,
      firstSeen: first.firstSeen,
      newOnSite: !rows.some((r) => r.site === site),
    });
  }
  return seen;
}

/** Writes what came from the team: sightings put (or removed when their document was deleted). */
export async function storeSightings(db: RasidDB, put: TeamSightingRow[], removed: string[]): Promise<void> {
  await db.transaction('rw', db.teamSightings, async () => {
    if (removed.length) await db.teamSightings.bulkDelete(removed);
    if (put.length) await db.teamSightings.bulkPut(put);
  });
}

/** Writes the team's names that came (or removes those whose document was deleted). */
export async function storeTeamNames(db: RasidDB, put: TeamNameRow[], removed: string[]): Promise<void> {
  await db.transaction('rw', db.teamNames, async () => {
    if (removed.length) await db.teamNames.bulkDelete(removed);
    if (put.length) await db.teamNames.bulkPut(put);
  });
}

/** The tables `lexiconWithTeam` reads: a write to any of them changes what it answers. */
export const LEXICON_WITH_TEAM_TABLES = ['entities', 'readerAliases', 'dismissedNames', 'teamNames'] as const;

/**
 * The reader's lexicon with the team's names (issue #17), and the spellings the reader or the team
 * said are not names: what pages highlight and leave out of suggestions. Out of a team (`inTeam`
 * false) the reader's own only.
 */
export async function lexiconWithTeam(
  db: RasidDB,
  inTeam: boolean,
): Promise<{ lexicon: ReaderLexicon; dismissed: string[]; team: TeamNames | null }> {
  const [own, dismissed, rows] = await Promise.all([
    readReaderLexicon(db),
    db.dismissedNames.toCollection().primaryKeys() as Promise<string[]>,
    inTeam ? db.teamNames.toArray() : [],
  ]);
  if (!inTeam) return { lexicon: own, dismissed, team: null };
  const team = teamNames(rows, own, dismissed);
  return { lexicon: { ...own, team: team.lexicon }, dismissed: [...dismissed, ...team.notNames], team };
}

/** Forgets everything that came from the team (leaving it): its sightings, conflicts, names and members' annotations. */
export async function forgetTeam(db: RasidDB): Promise<void> {
  await db.transaction('rw', [db.teamSightings, db.teamConflicts, db.teamNames, db.annotations], async () => {
    await db.teamSightings.clear();
    await db.teamConflicts.clear();
    await db.teamNames.clear();
    await db.annotations.filter((a) => a.team !== undefined).delete();
  });
}
