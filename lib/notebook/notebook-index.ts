import { fold, normalize } from '../arabic/normalize.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { AnchorState, NotebookFilters, NotebookOrder, NotebookQuery } from '../model/notebook.ts';

/**
 * The notebook's search (issue 14), pure: one compact entry per annotation, its searchable text folded
 * once as the matcher folds (`lib/arabic/normalize.ts`: hamza and alef forms, ة/ه, diacritics,
 * tatweel, Latin case), kept in both orders the notebook shows. A search folds the query the same way
 * and keeps the entries holding every word of it; the background answers with one screen and a count.
 */

/** What the index keeps of one annotation: what the filters look at and the folded text searched. */
export interface IndexEntry {
  id: string;
  page: string;
  site: string;
  created: number;
  /** The page's publication date (epoch ms), where known. */
  published?: number | undefined;
  position: number;
  color: AnnotationRow['body']['color'];
  tags: readonly string[];
  entity: string | undefined;
  anchor: AnchorState;
  /** Quote, note and tags, folded. */
  text: string;
}

/** What is known around an annotation, to index it. */
export interface EntryContext {
  site: string;
  anchor: AnchorState;
  /** The page's publication date (epoch ms), where known. */
  published?: number | undefined;
}

/**
 * The rules' version: a text folded under other rules is folded again. Raise it when
 * `lib/arabic/normalize.ts` changes what it folds.
 */
export const FOLD_VERSION = 1;

/** An annotation's quote, note and tags as the index folds them, kept so a new background need not fold them again. */
export interface FoldedText {
  id: string;
  /** The annotation's `modified` when it was folded: an edit folds it again. */
  modified: number;
  fold: number;
  text: string;
}

/** Separates texts folded together: folding keeps it, and no text the reader writes needs it. */
const RS = '\u001e';
/** How many texts are folded in one call (one call's buffers hold them all). */
const CHUNK = 2000;

/**
 * Folds many texts, several thousand per call: folding is the index's whole cost, and one call over
 * their concatenation costs a fraction of one call each (measured: 50,000 annotations in Node).
 */
export function foldMany(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += CHUNK) {
    const joined = texts
      .slice(i, i + CHUNK)
      .map((t) => t.replaceAll(RS, ' '))
      .join(RS);
    for (const folded of normalize(joined).text.split(RS)) out.push(folded.trim());
  }
  return out;
}

/**
 * The entries of some annotations: each one's quote, note and tags folded together, joined by line
 * breaks (folded to spaces: a search word never spans two fields). Page titles and entity names, shared
 * by many annotations, are folded once each in the index, not in every entry.
 */
export function indexEntries(
  rows: readonly AnnotationRow[],
  contextOf: (row: AnnotationRow) => EntryContext,
  folded: ReadonlyMap<string, FoldedText> = new Map(),
): IndexEntry[] {
  // Texts folded before (kept in the store, `FoldedText`) are taken as they are, if still current.
  const current = (row: AnnotationRow) => {
    const known = folded.get(row.id);
    return known && known.modified === row.modified && known.fold === FOLD_VERSION ? known.text : undefined;
  };
  const stale = rows.filter((row) => current(row) === undefined);
  const fresh = foldMany(
    stale.map((row) => [row.target.selector.quote.exact, row.body.note, ...row.body.tags].join('\n')),
  );
  const made = new Map(stale.map((row, i) => [row.id, fresh[i]!]));
  const texts = rows.map((row) => current(row) ?? made.get(row.id)!);
  return rows.map((row, i) => {
    const context = contextOf(row);
    return {
      id: row.id,
      page: row.page,
      site: context.site,
      created: row.created,
      published: context.published,
      position: row.target.selector.position.start,
      color: row.body.color,
      tags: row.body.tags,
      entity: row.body.entity,
      anchor: context.anchor,
      text: texts[i]!,
    };
  });
}

/** One annotation's entry. */
export const indexEntry = (row: AnnotationRow, context: EntryContext): IndexEntry =>
  indexEntries([row], () => context)[0]!;

export interface NotebookIndex {
  /** Newest first (ties by id, so that the order is stable). */
  newest: IndexEntry[];
  /** By page — pages by their newest annotation — and in reading order within a page. */
  page: IndexEntry[];
  /**
   * Each linked entity's names and spellings, folded, once: thousands of annotations link to the
   * same few entities, so their names are kept here rather than in every entry.
   */
  names: Map<string, string>;
  /** Each page's title, folded once. */
  titles: Map<string, string>;
}

/**
 * The index of some entries; `entityNames`: the names and spellings of the entities they link to;
 * `titles`: their pages' titles.
 */
/**
 * Code-unit order: ids and page keys need a stable order, not a linguistic one, and `localeCompare`
 * cost seconds over 50,000 entries in a Chromium service worker (`npm run bench:notebook`).
 */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildIndex(
  entries: readonly IndexEntry[],
  entityNames: ReadonlyMap<string, readonly string[]> = new Map(),
  pageTitles: ReadonlyMap<string, string> = new Map(),
): NotebookIndex {
  const nameLists = [...entityNames];
  const foldedNames = foldMany(nameLists.map(([, list]) => list.join('\n')));
  const names = new Map(nameLists.map(([id], i) => [id, foldedNames[i]!]));
  const pages = [...pageTitles];
  const foldedTitles = foldMany(pages.map(([, title]) => title));
  const titles = new Map(pages.map(([page], i) => [page, foldedTitles[i]!]));
  const newest = [...entries].sort((a, b) => b.created - a.created || byCode(a.id, b.id));
  const latest = new Map<string, number>();
  for (const e of newest) if (!latest.has(e.page)) latest.set(e.page, e.created);
  const page = [...entries].sort(
    (a, b) =>
      latest.get(b.page)! - latest.get(a.page)! ||
      byCode(a.page, b.page) ||
      a.position - b.position ||
      byCode(a.id, b.id),
  );
  return { newest, page, names, titles };
}

/** The words of a search, folded: an entry must hold each of them. */
export const searchWords = (q: string | undefined): string[] => (q ? fold(q).split(' ').filter(Boolean) : []);

/** A test for the filters (search included) that is cheap to run over every entry. */
export function matcher(
  filters: NotebookFilters,
  { names, titles }: Pick<NotebookIndex, 'names' | 'titles'> = { names: new Map(), titles: new Map() },
): (e: IndexEntry) => boolean {
  const words = searchWords(filters.q);
  const holds = (e: IndexEntry, w: string) =>
    e.text.includes(w) ||
    !!titles.get(e.page)?.includes(w) ||
    (e.entity !== undefined && !!names.get(e.entity)?.includes(w));
  const { tag, color, entity, site, from, to, orphans, dates } = filters;
  const when = (e: IndexEntry) => (dates === 'read' ? e.created : (e.published ?? e.created));
  return (e) =>
    (!tag || e.tags.includes(tag)) &&
    (!color || e.color === color) &&
    (!entity || e.entity === entity) &&
    (!site || e.site === site) &&
    (from === undefined || when(e) >= from) &&
    (to === undefined || when(e) <= to) &&
    (!orphans || e.anchor === 'orphan') &&
    words.every((w) => holds(e, w));
}

/** Every id the filters select, in the order asked for (what an export of "what is shown" takes). */
export function selectIds(
  index: NotebookIndex,
  query: NotebookFilters & { order?: NotebookOrder },
): string[] {
  const test = matcher(query, index);
  return index[query.order ?? 'newest'].filter(test).map((e) => e.id);
}

/** One screen of what the filters select, and how many they select in all. */
export function searchIndex(index: NotebookIndex, query: NotebookQuery): { ids: string[]; total: number } {
  const test = matcher(query, index);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const ids: string[] = [];
  let total = 0;
  for (const e of index[query.order ?? 'newest']) {
    if (!test(e)) continue;
    if (total >= offset && ids.length < limit) ids.push(e.id);
    total++;
  }
  return { ids, total };
}
