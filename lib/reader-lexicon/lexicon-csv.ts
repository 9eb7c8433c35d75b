import Papa from 'papaparse';
import { fold } from '../arabic/normalize.ts';
import type { Entity } from '../lexicon/schema.ts';
import { ACTOR_SUBTYPES, PLACE_SUBTYPES, type EntityType, type Subtype } from '../lexicon/schema.ts';
import type { ItemProblem } from '../model/exchange.ts';
import type { ParsedLexiconItem, ReaderEntityRow } from '../model/reader-entity.ts';
import { err, ok } from '../model/result.ts';
import { checkNewName } from './check-name.ts';
import { LEXICON_FILE_LIMIT, type ParsedLexiconFile } from './reader-lexicon-file.ts';

/** The columns of a CSV lexicon file, in this order when the file has no header row. */
export const LEXICON_CSV_COLUMNS = ['name', 'type', 'en', 'subtype', 'spellings'] as const;
type Column = (typeof LEXICON_CSV_COLUMNS)[number];

/** Header cells the reader may write, in English or Arabic. */
const HEADERS: Record<string, Column> = {
  name: 'name',
  الاسم: 'name',
  type: 'type',
  النوع: 'type',
  en: 'en',
  english: 'en',
  بالإنكليزية: 'en',
  بالانكليزية: 'en',
  subtype: 'subtype',
  الصنف: 'subtype',
  spellings: 'spellings',
  aliases: 'spellings',
  'other spellings': 'spellings',
  الكتابات: 'spellings',
};

const TYPES: Record<string, EntityType> = { actor: 'actor', place: 'place', فاعل: 'actor', مكان: 'place' };

/** Spellings in one cell: separated by `|`, `;` or the Arabic comma and semicolon. */
const splitSpellings = (cell: string) =>
  cell
    .split(/[|;،؛]/u)
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);

/**
 * Reads a CSV file of names to add to the reader's lexicon (issue 15 §6): one entity per row — a name,
 * `actor` or `place` (فاعل، مكان), optionally the English name, a subtype and other spellings — with or
 * without a header row (`name,type,en,subtype,spellings`, in any order, English or Arabic). Parsed with
 * Papa Parse (RFC 4180: quotes, commas and line breaks inside quotes, a BOM). Every row is checked, and
 * one that cannot be imported gets its reason — an unreadable row, an empty or over-long name, a
 * function word, a name the lexicon has already (`names`: bundled or the reader's, compared folded), a
 * name repeated from an earlier row; nothing here writes. `index` is the row's line in the file less
 * one, so the report's “item N” is line N.
 */
export function parseLexiconCsv(
  text: string,
  now: number,
  names: ReadonlyMap<string, Entity>,
  newId: () => string = () => `reader-${crypto.randomUUID()}`,
): ParsedLexiconFile {
  if (text.length * 2 > LEXICON_FILE_LIMIT)
    return err({ code: 'too-large', bytes: text.length * 2, limit: LEXICON_FILE_LIMIT });
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  const broken = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined) broken.set(e.row, e.message);
  // Each record with the line it starts on: a quoted cell may hold line breaks, a blank line is skipped.
  let next = 1;
  const records = parsed.data.flatMap((cells, row) => {
    const line = next;
    next += 1 + cells.join('').split('\n').length - 1;
    return cells.some((c) => c.trim()) ? [{ cells, row, line }] : [];
  });
  const first = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const header = first.some((c) => HEADERS[c] === 'name');
  const columns: (Column | undefined)[] = header ? first.map((c) => HEADERS[c]) : [...LEXICON_CSV_COLUMNS];
  const body = records.slice(header ? 1 : 0);
  if (!body.length) return err({ code: 'no-rows' });
  const seen = new Map<string, number>();
  const entities = body.map(({ cells, row, line }): ParsedLexiconItem<ReaderEntityRow> => {
    const index = line - 1;
    const reject = (problem: ItemProblem) => ({ index, id: null, rejected: problem });
    const error = broken.get(row);
    if (error) return reject({ code: 'csv-row', detail: error });
    const cell = (column: Column) => (cells[columns.indexOf(column)] ?? '').replace(/\s+/gu, ' ').trim();
    const name = cell('name');
    const problem = checkNewName(name, names);
    if (problem?.code === 'empty') return reject({ code: 'name-empty' });
    if (problem?.code === 'too-long') return reject({ code: 'name-too-long', max: problem.max });
    if (problem?.code === 'common') return reject({ code: 'name-common' });
    if (problem?.code === 'exists')
      return reject({ code: 'name-exists', ar: problem.entity.ar, en: problem.entity.en });
    const earlier = seen.get(fold(name));
    if (earlier !== undefined) return reject({ code: 'name-repeated', line: earlier });
    const type = TYPES[cell('type').toLowerCase()];
    if (!type) return reject({ code: 'bad-field', field: 'type' });
    const subtypes: readonly string[] = type === 'actor' ? ACTOR_SUBTYPES : PLACE_SUBTYPES;
    const subtype = cell('subtype');
    if (subtype && !subtypes.includes(subtype)) return reject({ code: 'bad-field', field: 'subtype' });
    seen.set(fold(name), line);
    const en = cell('en');
    const aliases = splitSpellings(cell('spellings')).filter((s) => fold(s) !== fold(name));
    const id = newId();
    return {
      index,
      id,
      row: {
        id,
        type,
        name,
        subtype: (subtype || undefined) as Subtype | undefined,
        en: en || undefined,
        aliases: aliases.length ? aliases : undefined,
        created: now,
        modified: now,
      },
    };
  });
  return ok({ entities, aliases: [] });
}
