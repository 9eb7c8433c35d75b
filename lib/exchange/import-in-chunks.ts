import { importReport, type ImportReport, type ImportResult } from '../model/import-report.ts';
import type { EntityLabel, ParsedFile, ParsedItem } from '../model/exchange.ts';
import { ok } from '../model/result.ts';
import { parseWebAnnotation } from './parse-web-annotation.ts';

/**
 * Items written per chunk: each chunk is checked (its shape) and written (one transaction) in the
 * background, short enough — tens of milliseconds — that other pages' reads are answered between two
 * of them (issue #12: one large import must not lock the store).
 */
export const IMPORT_CHUNK_ITEMS = 500;

export interface ChunkedImport {
  now: number;
  /** Reads the file (`parseWebAnnotation`, by default here; a page does it in a worker). */
  parse?(text: string, now: number): Promise<ParsedFile> | ParsedFile;
  /** Writes one chunk (in the background) and says what became of each item. */
  write(items: ParsedItem[], entities: EntityLabel[]): Promise<ImportReport>;
  /** Items handled so far, of all the file's items. */
  progress?(done: number, total: number): void;
  chunkItems?: number;
}

/**
 * Imports an annotation file: read and checked whole first — a file refused as a whole writes nothing —
 * then written a chunk at a time, with progress. A chunk that fails stops the import with the error;
 * the chunks before it stay written and the report up to there is lost to no one (it is thrown with).
 */
export async function importInChunks(text: string, options: ChunkedImport): Promise<ImportResult> {
  const parsed = await (options.parse ?? ((t, now) => parseWebAnnotation(t, { now })))(text, options.now);
  if (!parsed.ok) return parsed;
  const { items, entities } = parsed.value;
  const size = options.chunkItems ?? IMPORT_CHUNK_ITEMS;
  const reports: ImportReport['items'] = [];
  options.progress?.(0, items.length);
  for (let from = 0; from < items.length; from += size) {
    const chunk = items.slice(from, from + size);
    // Only the entities this chunk links to travel with it.
    const linked = new Set(chunk.flatMap((i) => ('annotation' in i && i.annotation.body.entity) || []));
    const report = await options.write(
      chunk,
      entities.filter((e) => linked.has(e.id)),
    );
    reports.push(...report.items);
    options.progress?.(Math.min(from + size, items.length), items.length);
  }
  return ok(importReport(reports));
}
