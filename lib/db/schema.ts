import Dexie, { type EntityTable, type Table } from 'dexie';
import type { PageRow } from '../model/page.ts';
import { pageKey } from '../pages/page-key.ts';
import { parseMachineDate, publishedMs } from '../pages/publication-date.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import { tallyMentions, type EntitySiteRow, type EntityStatsRow } from '../model/entity-stats.ts';
import type { MentionRow } from '../model/mention.ts';
import type { ReaderAliasRow, ReaderEntityRow, TeamNameRow } from '../model/reader-entity.ts';
import type { SettingsRow } from '../model/settings.ts';
import type { AnchorRow } from '../model/notebook.ts';
import type { FoldedText } from '../notebook/notebook-index.ts';
import type { DismissedNameRow, SuggestedMentionRow } from '../model/suggestion.ts';
import type { TeamConflict, TeamSightingRow } from '../model/team.ts';

export const DB_NAME = 'rasid';

/**
 * Rasid's database. Opened only in the background and extension pages: IndexedDB opened in a content
 * script would belong to the page's origin. Every shipped `version(n)` stays declared; later versions
 * are added below it with an `.upgrade()` that moves the data.
 */
export class RasidDB extends Dexie {
  declare pages: EntityTable<PageRow, 'url'>;
  declare settings: EntityTable<SettingsRow, 'key'>;
  declare annotations: EntityTable<AnnotationRow, 'id'>;
  declare entities: EntityTable<ReaderEntityRow, 'id'>;
  declare mentions: Table<MentionRow, [string, string]>;
  declare entityStats: EntityTable<EntityStatsRow, 'entity'>;
  declare entitySites: Table<EntitySiteRow, [string, string]>;
  declare readerAliases: EntityTable<ReaderAliasRow, 'id'>;
  declare suggestedMentions: Table<SuggestedMentionRow, [string, string]>;
  declare dismissedNames: EntityTable<DismissedNameRow, 'key'>;
  declare anchors: EntityTable<AnchorRow, 'id'>;
  declare foldedTexts: EntityTable<FoldedText, 'id'>;
  declare teamSightings: EntityTable<TeamSightingRow, 'id'>;
  declare teamConflicts: EntityTable<TeamConflict, 'id'>;
  declare teamNames: EntityTable<TeamNameRow, 'id'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1: pages, looked up by key, listed by site and by recency.
    this.version(1).stores({ pages: '&url, site, lastVisit' });
    // v2: reader settings, global and per site (no data to move).
    this.version(2).stores({ settings: '&key' });
    // v3: annotations, listed by page (in reading order, sorted by position after loading).
    this.version(3).stores({ annotations: '&id, page, modified' });
    // v4: pages are keyed by their identity (canonical link, tracking parameters and AMP variants
    // folded): existing rows are re-keyed, rows that fold into one are merged, annotations follow.
    // The reader's own entities get their table, and so do the entities each page named (looked up by
    // entity for the history, by page to replace a page's, by site for "new on this site").
    this.version(4)
      .stores({
        entities: '&id',
        mentions: '[page+entity], entity, page, site, [entity+site], [entity+firstSeen]',
      })
      .upgrade(async (tx) => {
        const pages = tx.table<PageRow, string>('pages');
        const merged = new Map<string, PageRow>();
        const keptAsTheyWere: string[] = [];
        for (const row of await pages.toArray()) {
          const key = keyOf(row.url);
          if (key === null) {
            // Not a web address: there is no identity to fold it into. Kept under its old key, so that
            // its title and visits are not lost (nothing else looks it up) — issue #12.
            keptAsTheyWere.push(String(row.url));
            merged.set(row.url, row);
            continue;
          }
          const other = merged.get(key);
          // The most recent visit gives the title and address; visits add up.
          const latest =
            other && other.lastVisit > row.lastVisit ? other : { ...row, address: row.address ?? row.url };
          merged.set(key, {
            ...latest,
            url: key,
            firstVisit: Math.min(row.firstVisit, other?.firstVisit ?? Infinity),
            lastVisit: Math.max(row.lastVisit, other?.lastVisit ?? 0),
            visits: row.visits + (other?.visits ?? 0),
          });
        }
        await pages.clear();
        await pages.bulkPut([...merged.values()]);
        const refiled: string[] = [];
        const unfiled: string[] = [];
        await tx
          .table<AnnotationRow, string>('annotations')
          .toCollection()
          .modify((a) => {
            const key = keyOf(a.page);
            if (key !== null) a.page = key;
            else {
              // The address the annotation was made on says which page it belongs to; without one it
              // stays where it was — listed by nothing, but not lost.
              const fromTarget = keyOf(a.target?.source);
              (fromTarget === null ? unfiled : refiled).push(String(a.page));
              if (fromTarget !== null) a.page = fromTarget;
            }
          });
        reportRepairs(4, [
          [keptAsTheyWere, 'pages kept under their old key (not a web address)'],
          [
            refiled,
            'annotations filed under the address they were made on (their page was not a web address)',
          ],
          [unfiled, 'annotations left under their old page (not a web address)'],
        ]);
      });
    // v5: what each entity's history sums to — pages, sites, first and last seen, a monthly timeline —
    // kept beside the mentions, so that the panel and the dashboard read one row per entity instead of
    // counting mentions (10,000 pages make 500,000 of them). Built here from the mentions already kept.
    this.version(5)
      .stores({
        mentions:
          '[page+entity], entity, page, site, [entity+site], [entity+firstSeen], [entity+lastSeen], firstSeen',
        entityStats: '&entity',
        entitySites: '[entity+site]',
      })
      .upgrade(async (tx) => {
        const table = tx.table<MentionRow, [string, string]>('mentions');
        // A mention without a date cannot be placed on the timeline (and would throw there): it takes
        // the other date when it has one, else it goes — the next reading of its page writes it again.
        const dated: MentionRow[] = [];
        const redated: MentionRow[] = [];
        const undated: MentionRow[] = [];
        for (const m of await table.toArray()) {
          const first = Number.isFinite(m.firstSeen) ? m.firstSeen : m.lastSeen;
          const last = Number.isFinite(m.lastSeen) ? m.lastSeen : m.firstSeen;
          if (!Number.isFinite(first)) undated.push(m);
          else if (first === m.firstSeen && last === m.lastSeen) dated.push(m);
          else redated.push({ ...m, firstSeen: first, lastSeen: last });
        }
        await table.bulkDelete(undated.map((m): [string, string] => [m.page, m.entity]));
        await table.bulkPut(redated);
        dated.push(...redated);
        const named = (rows: MentionRow[]) => rows.map((m) => `${m.entity} @ ${m.page}`);
        reportRepairs(5, [
          [named(redated), 'mentions given their one known date'],
          [named(undated), 'mentions without a date removed'],
        ]);
        const { stats, sites } = tallyMentions(dated);
        await tx.table<EntityStatsRow, string>('entityStats').bulkPut(stats);
        await tx.table<EntitySiteRow, [string, string]>('entitySites').bulkPut(sites);
      });
    // v6: the reader's lexicon — spellings added to an entity or switched off (issue #7). Reader
    // entities keep their table; their new fields (subtype, English name, spellings) are optional.
    this.version(6).stores({ readerAliases: '&id, entity' });
    // v7: names Rasid does not know yet (issue 13). The suggested names each page named, by folded
    // spelling, beside its mentions (a page's are found through the primary key's prefix; candidates by
    // `key`; forgetting a site by `site`); and the spellings the reader said are not names. New tables:
    // nothing to move.
    this.version(7).stores({
      suggestedMentions: '[page+key], key, site',
      dismissedNames: '&key',
    });
    // v8 (issue 14, the notebook): where each annotation's passage was the last time its page was read
    // (the notebook lists orphans across pages), written by the tabs' reports; and each annotation's
    // text as the notebook's search folds it, kept so that a background started afresh (an MV3 service
    // worker stops when idle) reads its index instead of folding every annotation again. New tables,
    // nothing to move.
    this.version(8).stores({ anchors: '&id', foldedTexts: '&id' });
    // v9 (issue 14, publication dates): a page's publication date is kept normalised (a day or an ISO
    // instant; Readability's raw value before), and each mention carries it (`published`) and the date
    // the dashboard goes by when it follows publication dates (`dated`: published where known, else
    // first read), indexed for the date filters; the aggregates count pages per month of it too.
    // Annotations are looked up by their linked entity (the dashboard's entity detail).
    this.version(9)
      .stores({
        annotations: '&id, page, modified, body.entity',
        mentions:
          '[page+entity], entity, page, site, [entity+site], [entity+firstSeen], [entity+lastSeen], firstSeen, dated',
      })
      .upgrade(async (tx) => {
        const now = Date.now();
        const published = new Map<string, number | undefined>();
        const unreadable: string[] = [];
        await tx
          .table<PageRow, string>('pages')
          .toCollection()
          .modify((page) => {
            const raw = page.publishedTime;
            const kept = typeof raw === 'string' ? parseMachineDate(raw, now) : null;
            if (raw && !kept) unreadable.push(`${page.url}: ${String(raw)}`);
            page.publishedTime = kept;
            published.set(page.url, publishedMs(kept));
          });
        const mentions = tx.table<MentionRow, [string, string]>('mentions');
        const rows = (await mentions.toArray()).map((m) => {
          const p = published.get(m.page);
          return { ...m, published: p, dated: p ?? m.firstSeen };
        });
        await mentions.bulkPut(rows);
        const { stats } = tallyMentions(rows);
        await tx.table<EntityStatsRow, string>('entityStats').bulkPut(stats);
        reportRepairs(9, [[unreadable, 'publication dates dropped (not a date, or not a plausible one)']]);
      });
    // v10 (issue #17, reading as a team): what the team's members read — one row per member and page,
    // found by entity (multi-entry) for "seen by your team", by page to leave the page being read
    // out — and the annotations in conflict between members, until the reader chooses. Annotations keep
    // their table: a teammate's carries a `team` mark, and `shared` is optional; nothing to move.
    this.version(10).stores({ teamSightings: '&id, *entities, page', teamConflicts: '&id' });
    // v11 (issue #17, the team's names): the entities, spellings and "not a name" decisions the team's
    // members shared, one row per team document (read whole to merge over the reader's lexicon). A new
    // table: nothing to move.
    this.version(11).stores({ teamNames: '&id' });
  }
}

/** A page key for a stored address, or null when it is not a web address (`pageKey` would throw). */
function keyOf(address: unknown): string | null {
  if (typeof address !== 'string') return null;
  try {
    return pageKey(address);
  } catch {
    return null;
  }
}

/**
 * Says what an upgrade step repaired. An upgrade that throws aborts, and the database would never open
 * again (issue #12): a row an upgrade cannot move is repaired or left as it was, and reported here, in
 * the console of the context that opened the database (the background), with what it was.
 */
function reportRepairs(version: number, repairs: [rows: string[], what: string][]): void {
  for (const [rows, what] of repairs)
    if (rows.length)
      console.warn(
        `Rasid database, upgrade to version ${version}: ${rows.length} ${what}:`,
        rows.slice(0, 20),
      );
}
