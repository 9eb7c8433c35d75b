import { importReport, type ImportReport, type ImportReportItem } from '../model/import-report.ts';
import type { EntityLabel, ParsedItem } from '../model/exchange.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import type { RasidDB } from './schema.ts';

/** Same annotation, same state: what a re-import of an unchanged export finds. */
function sameAnnotation(a: AnnotationRow, b: AnnotationRow): boolean {
  return (
    a.page === b.page &&
    a.target.source === b.target.source &&
    JSON.stringify(a.target.selector) === JSON.stringify(b.target.selector) &&
    a.body.note === b.body.note &&
    a.body.color === b.body.color &&
    (a.body.entity ?? null) === (b.body.entity ?? null) &&
    a.body.tags.join('\u0000') === b.body.tags.join('\u0000')
  );
}

/**
 * Writes the items of a checked import file, in one transaction: all of them or, if the database
 * fails (a full disk), none. An annotation already here is left alone when it is the same
 * (`duplicate`) or was edited here after the file's copy (`kept-local`: never overwritten silently);
 * an older one is replaced (`updated`); one whose id is an annotation of another page here is a
 * `conflict` and replaces nothing. An item dated in the future never replaces a local one (and is
 * dated now when new), so a file cannot outrank every later edit. The reader's own entities the annotations link to are recreated when
 * missing.
 */
export async function importAnnotations(
  db: RasidDB,
  items: readonly ParsedItem[],
  entities: readonly EntityLabel[],
  now: number,
): Promise<ImportReport> {
  return db.transaction('rw', db.annotations, db.entities, async () => {
    const incoming = items.flatMap((item) => ('annotation' in item ? [item.annotation] : []));
    const existing = new Map(
      (await db.annotations.bulkGet(incoming.map((a) => a.id))).flatMap((a) => (a ? [[a.id, a]] : [])),
    );
    const writes = new Map<string, AnnotationRow>();
    const report: ImportReportItem[] = items.map((item) => {
      if ('rejected' in item)
        return { index: item.index, id: item.id, outcome: 'rejected', problem: item.rejected };
      if ('skipped' in item) return { index: item.index, id: item.id, outcome: 'skipped' };
      const { warnings } = item;
      // A date in the future is the file's error, not a claim over every later local edit (issue #12):
      // such an item never replaces what is here, and is dated now when it is new.
      const future = item.annotation.modified > now;
      const annotation = {
        ...item.annotation,
        created: Math.min(item.annotation.created, now),
        modified: Math.min(item.annotation.modified, now),
      };
      const local = writes.get(annotation.id) ?? existing.get(annotation.id);
      const outcome = !local
        ? 'imported'
        : local.page !== annotation.page
          ? 'conflict'
          : sameAnnotation(local, annotation)
            ? 'duplicate'
            : future || local.modified > annotation.modified
              ? 'kept-local'
              : 'updated';
      if (outcome === 'imported' || outcome === 'updated') writes.set(annotation.id, annotation);
      return { index: item.index, id: item.id, outcome, ...(warnings.length ? { warnings } : {}) };
    });
    const linked = new Set([...writes.values()].flatMap((a) => (a.body.entity ? [a.body.entity] : [])));
    const wanted = entities.filter((e) => e.id.startsWith('reader-') && linked.has(e.id));
    const have = await db.entities.bulkGet(wanted.map((e) => e.id));
    await db.entities.bulkAdd(
      wanted
        .filter((_, i) => !have[i])
        .map((e) => ({
          id: e.id,
          type: e.type,
          subtype: e.subtype,
          name: e.ar || e.en,
          en: e.en,
          created: now,
          modified: now,
        })),
    );
    await db.annotations.bulkPut([...writes.values()]);
    return importReport(report);
  });
}
