import type { EntityType } from '../lexicon/schema.ts';

/**
 * Names Rasid does not know yet (issue 13 §2): what the page's reader suggests, what a page reports
 * of them to the history, and what the history makes of them.
 */

/** What a suggested name is thought to be (`lib/suggest`'s `NameKind`). */
export type SuggestedKind = 'person' | 'place' | 'organization';

/** A name the recogniser proposes, with UTF-16 offsets into the text it was given (`lib/suggest`'s `Suggestion` fits). */
export interface RecognisedName {
  start: number;
  end: number;
  text: string;
  key: string;
  type: EntityType;
  kind: SuggestedKind;
}

/** One stretch of a page's text for the recogniser, with the spans the known tier already named there. */
export interface TextToRecognise {
  text: string;
  known: { start: number; end: number }[];
}

/** One suggested name on the open page, grouped by its folded spelling (the panel's list). */
export interface SuggestedName {
  /** The folded spelling: the name's identity in the history and in what the reader dismissed. */
  key: string;
  /** As the page first wrote it. */
  text: string;
  type: EntityType;
  kind: SuggestedKind;
  /** Times it occurs on the page. */
  count: number;
}

/** What a page reports of one suggested name: its part of the reader's history. */
export interface SuggestionReport extends SuggestedName {
  /** The sentence of its first occurrence, as written. */
  sentence: string;
}

/** One page and one suggested name it named (`suggestedMentions`, schema v7), replaced when the page is read again. */
export interface SuggestedMentionRow extends SuggestionReport {
  /** The page's key. */
  page: string;
  site: string;
  /** When the page was first and last read. */
  firstSeen: number;
  lastSeen: number;
}

/** A spelling the reader said is not a name (`dismissedNames`, schema v7): never suggested again. */
export interface DismissedNameRow {
  key: string;
  /** As written where it was dismissed (for the reader, should a list of them be shown). */
  text: string;
  created: number;
}

/** A name Rasid does not know that the reader keeps meeting: the dashboard's candidates. */
export interface NameCandidate {
  key: string;
  /** As first written. */
  text: string;
  /** The type and kind most often suggested for it. */
  type: EntityType;
  kind: SuggestedKind;
  pages: number;
  sites: number;
  lastSeen: number;
  /** The sentence of its latest page. */
  sentence: string;
}
