import type { Entity } from '../lexicon/schema.ts';
import { compareArabic } from '../arabic/compare-arabic.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type {
  AnchorState,
  NotebookFilters,
  NotebookOrder,
  NotebookPage,
  NotebookQuery,
} from '../model/notebook.ts';
import type { PageRow } from '../model/page.ts';
import { siteOf } from '../pages/page-key.ts';
import { publishedMs } from '../pages/publication-date.ts';
import {
  buildIndex,
  FOLD_VERSION,
  indexEntries,
  searchIndex,
  type FoldedText,
  selectIds,
  type NotebookIndex,
} from '../notebook/notebook-index.ts';
import type { RasidDB } from './schema.ts';

/** The most annotations one screen holds. */
export const MAX_SCREEN = 200;

interface Built {
  index: NotebookIndex;
  pages: Map<string, PageRow>;
  anchors: Map<string, AnchorState>;
  entities: Map<string, Entity>;
  facets: Pick<NotebookPage, 'tags' | 'sites' | 'entities' | 'all'>;
}

/** The site of an address, or '' for one that is not an address. */
const safeSite = (address: string) => {
  try {
    return siteOf(address);
  } catch {
    return '';
  }
};

const siteOfRow = (row: AnnotationRow, page: PageRow | undefined) =>
  page?.site ?? safeSite(row.target.source);

/**
 * The notebook's side of the database (issue 14). The index — every annotation's folded text and
 * what the filters look at — is built from the store on the first question and kept while the
 * background lives; any change to annotations, their anchoring, the lexicon or a page's title drops
 * it, and the next question builds it again. A question is answered from the index, and only the
 * screen's rows are read from the store (fresh, as they are now).
 */
export function createNotebook(db: RasidDB, lexicon: () => Promise<readonly Entity[]>) {
  let built: Promise<Built> | undefined;
  let generation = 0;

  async function build(): Promise<Built> {
    const [rows, anchorRows, foldedRows, entityList] = await Promise.all([
      db.annotations.toArray(),
      db.anchors.toArray(),
      db.foldedTexts.toArray(),
      lexicon(),
    ]);
    const folded = new Map(foldedRows.map((f) => [f.id, f]));
    const keys = [...new Set(rows.map((r) => r.page))];
    const pages = new Map(
      (await db.pages.bulkGet(keys)).flatMap((p): [string, PageRow][] => (p ? [[p.url, p]] : [])),
    );
    const anchors = new Map(
      anchorRows.map((a): [string, AnchorState] => [a.id, a.orphan ? 'orphan' : 'found']),
    );
    const byId = new Map(entityList.map((e) => [e.id, e]));
    const entities = new Map<string, Entity>();
    const tags = new Map<string, number>();
    const sites = new Set<string>();
    for (const row of rows) {
      const entity = row.body.entity ? byId.get(row.body.entity) : undefined;
      if (entity) entities.set(entity.id, entity);
      for (const tag of row.body.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    const entries = indexEntries(
      rows,
      (row) => {
        const site = siteOfRow(row, pages.get(row.page));
        if (site) sites.add(site);
        const published = publishedMs(pages.get(row.page)?.publishedTime);
        return { site, anchor: anchors.get(row.id) ?? 'unknown', published };
      },
      folded,
    );
    // Keep what was folded afresh, and drop what belongs to annotations that are gone. Not awaited by
    // the question: the index is answered from memory, the store catches up.
    const modified = new Map(rows.map((r) => [r.id, r.modified]));
    const renewed = entries.flatMap((e): FoldedText[] => {
      const before = folded.get(e.id);
      const at = modified.get(e.id)!;
      return before?.modified === at && before.fold === FOLD_VERSION
        ? []
        : [{ id: e.id, modified: at, fold: FOLD_VERSION, text: e.text }];
    });
    const gone = foldedRows.filter((f) => !modified.has(f.id)).map((f) => f.id);
    if (renewed.length || gone.length)
      void db
        .transaction('rw', db.foldedTexts, async () => {
          await db.foldedTexts.bulkPut(renewed);
          await db.foldedTexts.bulkDelete(gone);
        })
        .catch((e: unknown) => console.warn('Rasid: the notebook’s folded texts were not kept', e));
    return {
      index: buildIndex(
        entries,
        new Map([...entities.values()].map((e) => [e.id, [e.ar, e.en, ...e.aliases.map((a) => a.text)]])),
        new Map([...pages.values()].map((p) => [p.url, p.title])),
      ),
      pages,
      anchors,
      entities,
      facets: {
        all: rows.length,
        tags: [...tags]
          .map(([tag, count]) => ({ tag, count }))
          .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
        sites: [...sites].sort(),
        entities: [...entities.values()]
          .map(({ id, ar, en }) => ({ id, ar, en }))
          .sort((a, b) => compareArabic(a.ar, b.ar)),
      },
    };
  }

  function current(): Promise<Built> {
    if (built) return built;
    const run = ++generation;
    const made = build();
    built = made;
    // A build that fails is not kept: the next question tries again.
    made.catch(() => {
      if (run === generation) built = undefined;
    });
    return made;
  }

  return {
    /** One screen of what the query selects, the count, and the filters' choices. */
    async query(query: NotebookQuery): Promise<NotebookPage> {
      const { index, pages, anchors, entities, facets } = await current();
      const limit = Math.min(query.limit ?? 50, MAX_SCREEN);
      const { ids, total } = searchIndex(index, { ...query, limit });
      const rows = await db.annotations.bulkGet(ids);
      const items = rows.flatMap((row) => {
        if (!row) return [];
        const page = pages.get(row.page);
        const entity = row.body.entity ? entities.get(row.body.entity) : undefined;
        return [
          {
            row,
            title: page?.title || row.target.source,
            site: siteOfRow(row, page),
            read: page?.lastVisit ?? null,
            published: publishedMs(page?.publishedTime) ?? null,
            entity: entity ? { ar: entity.ar, en: entity.en } : null,
            anchor: anchors.get(row.id) ?? ('unknown' as const),
          },
        ];
      });
      return { items, total, ...facets };
    },

    /** Every id the filters select (an export of exactly what the notebook shows). */
    async ids(filters: NotebookFilters & { order?: NotebookOrder }): Promise<string[]> {
      return selectIds((await current()).index, filters);
    },

    /** Something the index holds changed: it is built again on the next question. */
    invalidate(): void {
      generation++;
      built = undefined;
    },

    /** A page was read: the index is dropped only if it names that page under another title. */
    async pageRead(page: PageRow): Promise<void> {
      if (!built) return;
      const known = (await built.catch(() => undefined))?.pages;
      const before = known?.get(page.url);
      if (
        known &&
        ((before && (before.title !== page.title || before.publishedTime !== page.publishedTime)) ||
          (!before && (await hasAnnotations(db, page.url))))
      )
        this.invalidate();
    },
  };
}

const hasAnnotations = async (db: RasidDB, page: string) =>
  (await db.annotations.where('page').equals(page).count()) > 0;

export type Notebook = ReturnType<typeof createNotebook>;

/**
 * Renames a tag on every annotation that has it; when the new name is already one of an annotation's
 * tags, the two merge into one. Each changed annotation is modified now. Returns how many changed.
 */
export async function renameTag(db: RasidDB, from: string, to: string, now: number): Promise<number> {
  const clean = to.trim();
  if (!clean) throw new Error('a tag needs a name');
  if (clean === from) return 0;
  return db.transaction('rw', db.annotations, () =>
    db.annotations
      .filter((a) => a.body.tags.includes(from))
      .modify((a) => {
        a.body.tags = [...new Set(a.body.tags.map((t) => (t === from ? clean : t)))];
        a.modified = Math.max(now, a.modified + 1);
      }),
  );
}

/**
 * Records where a tab found a page's annotations (or did not): the notebook shows orphans. Only the
 * annotations of `site` — the sender's own page — are recorded.
 */
export async function recordAnchors(
  db: RasidDB,
  site: string | null,
  found: readonly string[],
  orphans: readonly string[],
  now: number,
): Promise<number> {
  return db.transaction('rw', db.annotations, db.anchors, async () => {
    const orphan = new Set(orphans);
    const ids = [...found, ...orphans];
    const rows = (await db.annotations.bulkGet(ids)).flatMap((row) =>
      row && (site === null || safeSite(row.page) === site) ? [row] : [],
    );
    const before = new Map(
      (await db.anchors.bulkGet(rows.map((r) => r.id))).flatMap((a) => (a ? [[a.id, a.orphan]] : [])),
    );
    await db.anchors.bulkPut(rows.map((r) => ({ id: r.id, orphan: orphan.has(r.id), checked: now })));
    // How many changed state (or were first recorded): the notebook needs telling only then.
    return rows.filter((r) => before.get(r.id) !== orphan.has(r.id)).length;
  });
}
