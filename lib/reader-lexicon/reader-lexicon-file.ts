import type {
  ParsedLexicon,
  ParsedLexiconItem,
  ReaderAliasRow,
  ReaderEntityRow,
  ReaderLexicon,
} from '../model/reader-entity.ts';
import { err, ok, type Result } from '../model/result.ts';
import type { FileProblem } from '../model/exchange.ts';
import { ACTOR_SUBTYPES, PLACE_SUBTYPES, type Subtype } from '../lexicon/schema.ts';

/** The reader's lexicon as a file: Rasid's own JSON, versioned like the annotation exports. */
export const LEXICON_FILE_FORMAT = 'rasid-lexicon';
export const LEXICON_FILE_VERSION = 1;
/** A lexicon file is small; anything this large is not one. */
export const LEXICON_FILE_LIMIT = 20 * 1024 * 1024;

export function serializeReaderLexicon(lexicon: ReaderLexicon, version: string, now: number): string {
  return JSON.stringify(
    {
      format: LEXICON_FILE_FORMAT,
      formatVersion: LEXICON_FILE_VERSION,
      generator: { name: 'Rasid', version },
      generated: new Date(now).toISOString(),
      entities: lexicon.entities,
      aliases: lexicon.aliases,
    },
    null,
    2,
  );
}

/** A lexicon file read whole: what it holds, or why nothing of it can be imported. */
export type ParsedLexiconFile = Result<ParsedLexicon, FileProblem>;

const isText = (v: unknown, max = 500): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Reads and checks a lexicon file, item by item; nothing here writes. */
export function parseReaderLexicon(text: string, now: number): ParsedLexiconFile {
  if (text.length * 2 > LEXICON_FILE_LIMIT)
    return err({ code: 'too-large', bytes: text.length * 2, limit: LEXICON_FILE_LIMIT });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return err({ code: 'not-json', detail: (e as Error).message });
  }
  const file = record(data);
  if (
    !file ||
    file.format !== LEXICON_FILE_FORMAT ||
    !Array.isArray(file.entities) ||
    !Array.isArray(file.aliases)
  )
    return err({ code: 'not-annotations' });
  if (file.formatVersion !== LEXICON_FILE_VERSION)
    return err({
      code: 'newer-version',
      version: typeof file.formatVersion === 'number' ? file.formatVersion : NaN,
    });
  return ok({
    entities: file.entities.map((item, index) => parseEntity(item, index, now)),
    aliases: file.aliases.map((item, index) => parseAlias(item, index, now)),
  });
}

export function parseEntity(item: unknown, index: number, now: number): ParsedLexiconItem<ReaderEntityRow> {
  const e = record(item);
  const id = typeof e?.id === 'string' ? e.id : null;
  const bad = (field: string) => ({ index, id, rejected: { code: 'bad-field', field } as const });
  if (!e) return { index, id, rejected: { code: 'not-an-annotation' } };
  if (!id || !/^reader-[\w-]{1,80}$/u.test(id)) return bad('id');
  if (e.type !== 'actor' && e.type !== 'place') return bad('type');
  const subtypes: readonly string[] = e.type === 'actor' ? ACTOR_SUBTYPES : PLACE_SUBTYPES;
  if (e.subtype !== undefined && !subtypes.includes(e.subtype as string)) return bad('subtype');
  if (!isText(e.name)) return bad('name');
  if (e.en !== undefined && e.en !== '' && !isText(e.en)) return bad('en');
  if (e.aliases !== undefined && !(Array.isArray(e.aliases) && e.aliases.every((a) => isText(a))))
    return bad('aliases');
  if (e.created !== undefined && !isTime(e.created)) return bad('created');
  if (e.modified !== undefined && !isTime(e.modified)) return bad('modified');
  return {
    index,
    id,
    row: {
      id,
      type: e.type,
      name: e.name.trim(),
      subtype: e.subtype as Subtype | undefined,
      en: typeof e.en === 'string' && e.en.trim() ? e.en.trim() : undefined,
      aliases: (e.aliases as string[] | undefined)?.map((a) => a.trim()),
      created: (e.created as number | undefined) ?? now,
      modified: (e.modified as number | undefined) ?? (e.created as number | undefined) ?? now,
    },
  };
}

export function parseAlias(item: unknown, index: number, now: number): ParsedLexiconItem<ReaderAliasRow> {
  const a = record(item);
  const id = typeof a?.id === 'string' ? a.id : null;
  const bad = (field: string) => ({ index, id, rejected: { code: 'bad-field', field } as const });
  if (!a) return { index, id, rejected: { code: 'not-an-annotation' } };
  if (!id || !isText(id, 100)) return bad('id');
  if (!isText(a.entity, 100)) return bad('entity');
  if (!isText(a.text)) return bad('text');
  if (a.action !== 'add' && a.action !== 'off') return bad('action');
  if (a.created !== undefined && !isTime(a.created)) return bad('created');
  return {
    index,
    id,
    row: {
      id,
      entity: a.entity,
      text: a.text.trim(),
      action: a.action,
      created: (a.created as number) ?? now,
    },
  };
}
