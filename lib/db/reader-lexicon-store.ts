import { fold } from '../arabic/normalize.ts';
import { importReport, type ImportReport, type ImportReportItem } from '../model/import-report.ts';
import type {
  ParsedLexicon,
  ReaderAliasRow,
  ReaderEntityRow,
  ReaderLexicon,
} from '../model/reader-entity.ts';
import type { RasidDB } from './schema.ts';

/** The reader's lexicon as stored: their entities and their spellings added or switched off. */
export async function readReaderLexicon(db: RasidDB): Promise<ReaderLexicon> {
  return db.transaction('r', db.entities, db.readerAliases, async () => ({
    entities: await db.entities.orderBy('id').toArray(),
    aliases: await db.readerAliases.orderBy('id').toArray(),
  }));
}

/** Adds a spelling to an entity or switches one off; the same one twice is kept once. */
export async function addReaderAlias(
  db: RasidDB,
  alias: Pick<ReaderAliasRow, 'entity' | 'text' | 'action'>,
  now: number,
): Promise<ReaderAliasRow> {
  const text = alias.text.replace(/\s+/gu, ' ').trim();
  if (!text) throw new Error('a spelling needs some text');
  return db.transaction('rw', db.readerAliases, async () => {
    const same = (await db.readerAliases.where('entity').equals(alias.entity).toArray()).find(
      (a) => a.action === alias.action && fold(a.text) === fold(text),
    );
    if (same) return same;
    const row = { id: crypto.randomUUID(), entity: alias.entity, text, action: alias.action, created: now };
    await db.readerAliases.add(row);
    return row;
  });
}

/** Deletes a reader's entity with the spellings that named it. Annotations keep their link. */
export async function deleteReaderEntity(db: RasidDB, id: string): Promise<void> {
  await db.transaction('rw', db.entities, db.readerAliases, async () => {
    await db.entities.delete(id);
    await db.readerAliases.where('entity').equals(id).delete();
  });
}

const sameEntity = (a: ReaderEntityRow, b: ReaderEntityRow) =>
  a.type === b.type &&
  a.name === b.name &&
  (a.subtype ?? null) === (b.subtype ?? null) &&
  (a.en ?? null) === (b.en ?? null) &&
  (a.aliases ?? []).join('\u0000') === (b.aliases ?? []).join('\u0000');

/**
 * Writes a checked lexicon file in one transaction, with the same rules as annotations: the same item
 * is a duplicate, a local edit newer than the file's is kept, an older one is updated.
 */
export async function importReaderLexiconItems(db: RasidDB, file: ParsedLexicon): Promise<ImportReport> {
  return db.transaction('rw', db.entities, db.readerAliases, async () => {
    const items: ImportReportItem[] = [];
    const entityRows = file.entities.flatMap((i) => ('row' in i ? [i.row] : []));
    const existing = await db.entities.bulkGet(entityRows.map((e) => e.id));
    const local = new Map(existing.flatMap((e) => (e ? [[e.id, e]] : [])));
    const entityWrites: ReaderEntityRow[] = [];
    for (const item of file.entities) {
      if ('rejected' in item) {
        items.push({ index: item.index, id: item.id, outcome: 'rejected', problem: item.rejected });
        continue;
      }
      const here = local.get(item.row.id);
      const outcome = !here
        ? 'imported'
        : sameEntity(here, item.row)
          ? 'duplicate'
          : (here.modified ?? here.created) > (item.row.modified ?? item.row.created)
            ? 'kept-local'
            : 'updated';
      if (outcome === 'imported' || outcome === 'updated') {
        entityWrites.push(item.row);
        local.set(item.row.id, item.row);
      }
      items.push({ index: item.index, id: item.id, outcome });
    }
    const aliasesHere = await db.readerAliases.toArray();
    const key = (a: Pick<ReaderAliasRow, 'entity' | 'action' | 'text'>) =>
      `${a.entity}\u0000${a.action}\u0000${fold(a.text)}`;
    const known = new Set([...aliasesHere.map((a) => a.id), ...aliasesHere.map(key)]);
    const aliasWrites: ReaderAliasRow[] = [];
    for (const item of file.aliases) {
      const index = file.entities.length + item.index;
      if ('rejected' in item) {
        items.push({ index, id: item.id, outcome: 'rejected', problem: item.rejected });
        continue;
      }
      const duplicate = known.has(item.row.id) || known.has(key(item.row));
      if (!duplicate) {
        aliasWrites.push(item.row);
        known.add(item.row.id).add(key(item.row));
      }
      items.push({ index, id: item.id, outcome: duplicate ? 'duplicate' : 'imported' });
    }
    await db.entities.bulkPut(entityWrites);
    await db.readerAliases.bulkPut(aliasWrites);
    return importReport(items);
  });
}
