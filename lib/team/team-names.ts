import { fold } from '../arabic/normalize.ts';
import type {
  ReaderAliasRow,
  ReaderEntityRow,
  ReaderLexicon,
  TeamLexicon,
  TeamNameRow,
} from '../model/reader-entity.ts';
import type { TeamMark } from '../model/team.ts';
import { parseAlias, parseEntity } from '../reader-lexicon/reader-lexicon-file.ts';
import { nameKey } from '../suggest/suggest-names.ts';
import { isRecord, markOf, MAX_NAME } from './team-doc.ts';

/**
 * The team's names (issue #17: "entities and spellings added to a team lexicon, and 'not a name'
 * decisions merge over the bundled and personal lexicons"): one document per name a member shares, read
 * back with the checks of a lexicon file's import, and what they add to one reader's lexicon once the
 * reader's own decisions have had their say.
 */

export const NAME_PREFIX = 'name:';

/** Spellings kept of one team entity at most (a lexicon file has no such bound; a team document does). */
export const MAX_TEAM_ALIASES = 50;
/** The longest spelling kept from a team document: the length a name may have (`check-name.ts`). */
const MAX_SPELLING = 120;

export interface TeamNameDoc {
  _id: string;
  _rev?: string;
  kind: 'name';
  by: TeamMark;
  /** ISO 8601. */
  created: string;
  entity?: ReaderEntityRow;
  alias?: ReaderAliasRow;
  notAName?: { key: string; text: string };
}

/** What a member shares: a name of theirs, a spelling, or "not a name". */
export type SharedName =
  | { kind: 'entity'; entity: ReaderEntityRow }
  | { kind: 'alias'; alias: ReaderAliasRow }
  | { kind: 'not-a-name'; key: string; text: string };

/** The id of a name's document (without `name:`): one per entity, spelling or dismissed spelling. */
export function teamNameId(name: SharedName): string {
  if (name.kind === 'entity') return `entity:${name.entity.id}`;
  if (name.kind === 'alias') return `alias:${name.alias.id}`;
  return `not-a-name:${name.key}`;
}

export function teamNameDoc(name: SharedName, me: TeamMark, now: number): TeamNameDoc {
  const doc: TeamNameDoc = {
    _id: NAME_PREFIX + teamNameId(name),
    kind: 'name',
    by: me,
    created: new Date(now).toISOString(),
  };
  if (name.kind === 'entity') doc.entity = withoutUndefined(name.entity);
  else if (name.kind === 'alias') doc.alias = name.alias;
  else doc.notAName = { key: name.key, text: name.text };
  return doc;
}

/** JSON has no `undefined`: a CouchDB document must not carry one (PouchDB refuses nothing, CouchDB drops it). */
const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const spelling = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_SPELLING && !/\p{Cc}/u.test(v);

/**
 * A name document read back, checked as a lexicon file's item is (`parseEntity`, `parseAlias`) and
 * more strictly (bounded lengths, no control characters, the id it claims): null when anything is
 * wrong. Strings are kept as strings — what shows them renders text, never markup.
 */
export function readTeamNameDoc(doc: unknown, now: number): TeamNameRow | null {
  if (!isRecord(doc) || doc['kind'] !== 'name' || typeof doc['_id'] !== 'string') return null;
  const by = markOf(doc['by']);
  const created = typeof doc['created'] === 'string' ? Date.parse(doc['created']) : NaN;
  if (!by || !Number.isFinite(created)) return null;
  const id = doc['_id'].slice(NAME_PREFIX.length);
  const { entity, alias, notAName } = doc;
  const found = [entity, alias, notAName].filter((v) => v !== undefined).length;
  if (!doc['_id'].startsWith(NAME_PREFIX) || found !== 1) return null;
  if (entity !== undefined) {
    const parsed = parseEntity(entity, 0, now);
    if (!('row' in parsed)) return null;
    const { row } = parsed;
    const names = [row.name, ...(row.aliases ?? [])];
    if (names.length > MAX_TEAM_ALIASES + 1 || !names.every(spelling) || (row.en && !spelling(row.en)))
      return null;
    if (id !== teamNameId({ kind: 'entity', entity: row })) return null;
    return { id, kind: 'entity', by, created, entity: withoutUndefined(row) };
  }
  if (alias !== undefined) {
    const parsed = parseAlias(alias, 0, now);
    if (!('row' in parsed)) return null;
    const { row } = parsed;
    if (!spelling(row.text) || !/^[\w-]{1,100}$/u.test(row.entity)) return null;
    if (id !== teamNameId({ kind: 'alias', alias: row })) return null;
    return { id, kind: 'alias', by, created, alias: row };
  }
  if (!isRecord(notAName)) return null;
  const { key, text } = notAName;
  if (!spelling(text) || typeof key !== 'string' || key !== nameKey(text) || key.length > MAX_NAME * 2)
    return null;
  if (id !== teamNameId({ kind: 'not-a-name', key, text })) return null;
  return { id, kind: 'not-a-name', by, created, dismissed: { key, text, created } };
}

/** What the team's names make of one reader's lexicon and of their suggestions. */
export interface TeamNames {
  lexicon: TeamLexicon;
  /** The spellings the team said are not names (folded, as `names/dismissed` gives them). */
  notNames: string[];
}

/**
 * The team's names as one reader gets them. The reader's own decisions win for them: a team entity or
 * spelling the reader said is not a name is left out, a spelling the reader added or switched off
 * themselves is theirs to decide, the reader's own version of an entity is kept, and a team's "not a
 * name" does not hide a name the reader added. Teammates' names come in the order they were made.
 */
export function teamNames(
  rows: readonly TeamNameRow[],
  own: ReaderLexicon,
  dismissed: readonly string[],
): TeamNames {
  const ownEntities = new Set(own.entities.map((e) => e.id));
  const aliasKey = (a: Pick<ReaderAliasRow, 'entity' | 'text'>) => `${a.entity}\u0000${fold(a.text)}`;
  const ownAliases = new Set(own.aliases.flatMap((a) => [a.id, aliasKey(a)]));
  const notForMe = new Set(dismissed);
  const ownNames = new Set(
    [
      ...own.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]),
      ...own.aliases.filter((a) => a.action === 'add').map((a) => a.text),
    ].map(nameKey),
  );
  const sorted = [...rows].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  const entities: TeamLexicon['entities'] = [];
  const aliases: ReaderAliasRow[] = [];
  const notNames: string[] = [];
  for (const row of sorted) {
    if (row.kind === 'entity') {
      if (ownEntities.has(row.entity.id) || notForMe.has(nameKey(row.entity.name))) continue;
      const kept = row.entity.aliases?.filter((a) => !notForMe.has(nameKey(a)));
      entities.push({ ...row.entity, ...(kept ? { aliases: kept } : {}), teamBy: row.by.name });
    } else if (row.kind === 'alias') {
      if (ownAliases.has(row.alias.id) || ownAliases.has(aliasKey(row.alias))) continue;
      if (row.alias.action === 'add' && notForMe.has(nameKey(row.alias.text))) continue;
      aliases.push(row.alias);
    } else if (!ownNames.has(row.dismissed.key) && !notForMe.has(row.dismissed.key))
      notNames.push(row.dismissed.key);
  }
  return { lexicon: { entities, aliases }, notNames };
}
