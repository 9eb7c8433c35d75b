import type { EntityType } from '../lexicon/schema.ts';

/**
 * An actor or place the reader named themselves, from a selection that the lexicon does not know.
 * Annotations link to it as to a lexicon entity; merging these into highlighting is the reader's
 * lexicon (issue #7).
 */
export interface ReaderEntityRow {
  /** `reader-<uuid>`: never the id of a lexicon entity. */
  id: string;
  type: EntityType;
  name: string;
  created: number;
}
