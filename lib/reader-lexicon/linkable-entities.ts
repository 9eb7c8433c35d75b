import type { Entity } from '../lexicon/schema.ts';

/** An entity the reader can link an annotation to: its id and the names it is searched by. */
export interface LinkableEntity {
  id: string;
  ar: string;
  en: string;
}

const isReaders = (e: Entity) => e.provenance.source === 'reader';

/**
 * The entities the annotation toolbar offers to link to: the reader's own first — found by their
 * provenance, not by a label — with `yours` in place of the English name they usually lack, then the
 * bundled ones, each group in the lexicon's order.
 */
export function linkableEntities(entities: readonly Entity[], yours: string): LinkableEntity[] {
  return [...entities.filter(isReaders), ...entities.filter((e) => !isReaders(e))].map((e) => ({
    id: e.id,
    ar: e.ar,
    en: isReaders(e) ? yours : e.en,
  }));
}
