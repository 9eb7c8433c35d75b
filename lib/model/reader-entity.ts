import type { EntityType, Subtype } from '../lexicon/schema.ts';
import type { ItemProblem } from './exchange.ts';
import type { TeamMark } from './annotation.ts';
import type { DismissedNameRow } from './suggestion.ts';

/**
 * An actor or place the reader named themselves: from a selection that the lexicon does not know, or
 * on the options page. Annotations link to it as to a lexicon entity, and pages highlight it (merged
 * over the bundled lexicon: `lib/lexicon/reader-lexicon.ts`).
 */
export interface ReaderEntityRow {
  /** `reader-<uuid>`: never the id of a lexicon entity. */
  id: string;
  type: EntityType;
  /** Arabic name, as the reader wrote it: matched like any alias. */
  name: string;
  /** Absent in rows from before version 6: then a general subtype, no English name, no other spelling. */
  subtype?: Subtype | undefined;
  en?: string | undefined;
  /** Other spellings. */
  aliases?: string[] | undefined;
  created: number;
  modified?: number | undefined;
}

/**
 * A spelling the reader adds to an entity (`add`), or a bundled spelling they switch off (`off`): the
 * reader's say over the bundled lexicon, which pages follow without a reload.
 */
export interface ReaderAliasRow {
  /** A UUID. */
  id: string;
  /** A lexicon entity's id, or a reader's own. */
  entity: string;
  text: string;
  action: 'add' | 'off';
  created: number;
}

/** The reader's lexicon: what is merged over the bundled one, exported and imported as one file. */
export interface ReaderLexicon {
  entities: ReaderEntityRow[];
  aliases: ReaderAliasRow[];
  /**
   * The team's names, merged after the reader's own (issue #17); absent out of a team. Never part of
   * the reader's lexicon file: they are the team's.
   */
  team?: TeamLexicon | undefined;
}

/** One item of a lexicon file, read and checked: a row to write, or why it is rejected. */
export type ParsedLexiconItem<T> =
  { index: number; id: string | null; row: T } | { index: number; id: string | null; rejected: ItemProblem };

/** What a readable lexicon file holds, checked item by item (`parseReaderLexicon`). */
export interface ParsedLexicon {
  entities: ParsedLexiconItem<ReaderEntityRow>[];
  aliases: ParsedLexiconItem<ReaderAliasRow>[];
}

/** What the team's names add to one reader's lexicon, after the reader's own decisions (issue #17). */
export interface TeamLexicon {
  /** The teammates' entities, each with the display name of the member who added it. */
  entities: (ReaderEntityRow & { teamBy: string })[];
  /** Spellings teammates added or switched off. */
  aliases: ReaderAliasRow[];
}

/**
 * One of the team's names (issue #17: "entities and spellings added to a team lexicon, and 'not a
 * name' decisions"), as a member shared it: an entity of their own, a spelling added to (or switched off
 * from) an entity, or a spelling that is not a name. `id` is the document's id without `name:`:
 * `entity:<entity id>`, `alias:<alias id>`, `not-a-name:<folded spelling>`.
 */
export type TeamNameRow = { id: string; by: TeamMark; created: number } & (
  | { kind: 'entity'; entity: ReaderEntityRow }
  | { kind: 'alias'; alias: ReaderAliasRow }
  | { kind: 'not-a-name'; dismissed: DismissedNameRow }
);
