import type { Entity } from '../lexicon/schema.ts';

/** An entity the reader can link an annotation to: its id and the names it is shown by. */
export interface LinkableEntity {
  id: string;
  ar: string;
  en: string;
}

/**
 * An entity as the annotation toolbar offers it: the reader's own — found by their provenance, not by a
 * label — with `yours` in place of the English name they usually lack.
 */
export function linkable(e: Entity, yours: string): LinkableEntity {
  return { id: e.id, ar: e.ar, en: e.provenance.source === 'reader' ? yours : e.en };
}
