import { siteOf } from '../pages/page-key.ts';
import type { EntityLabel, ExportInput, ExportScope } from '../model/exchange.ts';
import type { Entity } from '../lexicon/schema.ts';
import { GENERAL_SUBTYPE } from '../reader-lexicon/merge-reader-lexicon.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionRow } from '../model/mention.ts';
import type { NotebookFilters } from '../model/notebook.ts';
import type { RasidDB } from './schema.ts';

/** What an export reads: a page, the dashboard's filters, or the annotations the notebook selected. */
export type ExportSelection =
  Exclude<ExportScope, { notebook: NotebookFilters }> | { ids: readonly string[] };

export interface ExportOptions {
  /** Also the entities the pages named (history), as identifying annotations or rows. */
  mentions: boolean;
  version: string;
  now: number;
  /** The bundled entities, for labels; the reader's own come from the database. */
  lexicon: readonly Entity[];
}

/** Gathers an export's data in one read transaction: a consistent picture, whatever the format. */
export async function exportData(
  db: RasidDB,
  scope: ExportSelection,
  options: ExportOptions,
): Promise<ExportInput> {
  return db.transaction('r', [db.annotations, db.mentions, db.pages, db.entities], async () => {
    if ('ids' in scope) {
      const annotations = (await db.annotations.bulkGet([...scope.ids]))
        .flatMap((a) => (a ? [a] : []))
        .sort(byPageThenPosition);
      const keys = [...new Set(annotations.map((a) => a.page))];
      const mentions = options.mentions ? await db.mentions.where('page').anyOf(keys).toArray() : undefined;
      return gathered(db, annotations, mentions, options);
    }
    const inRange = (time: number) =>
      'page' in scope ||
      ((scope.from === undefined || time >= scope.from) && (scope.to === undefined || time <= scope.to));
    const annotations = (
      'page' in scope
        ? await db.annotations.where('page').equals(scope.page).toArray()
        : (await db.annotations.toArray()).filter(
            (a) =>
              (!scope.site || siteOf(a.target.source) === scope.site) &&
              (!scope.entity || a.body.entity === scope.entity) &&
              inRange(a.created),
          )
    ).sort(byPageThenPosition);
    const mentions: MentionRow[] | undefined = options.mentions
      ? 'page' in scope
        ? await db.mentions.where('page').equals(scope.page).toArray()
        : (scope.entity
            ? await db.mentions.where('entity').equals(scope.entity).toArray()
            : scope.site
              ? await db.mentions.where('site').equals(scope.site).toArray()
              : await db.mentions.toArray()
          ).filter(
            (m) =>
              (!scope.site || m.site === scope.site) &&
              (!scope.entity || m.entity === scope.entity) &&
              inRange(m.firstSeen),
          )
      : undefined;
    return gathered(db, annotations, mentions, options);
  });
}

/** The export's input from its annotations and mentions: their pages and entities, named. */
async function gathered(
  db: RasidDB,
  annotations: AnnotationRow[],
  mentions: MentionRow[] | undefined,
  options: ExportOptions,
): Promise<ExportInput> {
  const pageKeys = [...new Set([...annotations.map((a) => a.page), ...(mentions ?? []).map((m) => m.page)])];
  const pages = (await db.pages.bulkGet(pageKeys)).flatMap((p) => (p ? [p] : []));
  const ids = new Set([
    ...annotations.flatMap((a) => (a.body.entity ? [a.body.entity] : [])),
    ...(mentions ?? []).map((m) => m.entity),
  ]);
  return {
    version: options.version,
    generated: options.now,
    annotations,
    pages,
    entities: await entityLabels(db, [...ids], options.lexicon),
    mentions,
  };
}

const byPageThenPosition = (a: AnnotationRow, b: AnnotationRow) =>
  a.page.localeCompare(b.page) || a.target.selector.position.start - b.target.selector.position.start;

/** Names of entities, bundled or the reader's own; an id nobody knows any more is left out. */
export async function entityLabels(
  db: RasidDB,
  ids: readonly string[],
  lexicon: readonly Entity[],
): Promise<EntityLabel[]> {
  const bundled = new Map(lexicon.map((e) => [e.id, e]));
  const own = new Map(
    (await db.entities.bulkGet(ids.filter((id) => !bundled.has(id)))).flatMap((e) => (e ? [[e.id, e]] : [])),
  );
  return ids.flatMap((id): EntityLabel[] => {
    const e = bundled.get(id);
    if (e) return [{ id, type: e.type, subtype: e.subtype, ar: e.ar, en: e.en }];
    const r = own.get(id);
    return r
      ? [{ id, type: r.type, subtype: r.subtype ?? GENERAL_SUBTYPE[r.type], ar: r.name, en: r.en || r.name }]
      : [];
  });
}
