import { fold } from '../arabic/normalize.ts';
import { isStopword } from '../arabic/stopwords.ts';
import type { Entity } from '../lexicon/schema.ts';

/** The longest name the lexicon page accepts for an entity. */
export const MAX_ENTITY_NAME_CHARS = 100;

/** Why a name cannot be a new entity: said to the reader, with the entity it already names. */
export type NameProblem =
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  | { code: 'common' }
  | { code: 'exists'; entity: Pick<Entity, 'id' | 'ar' | 'en'>; bundled: boolean };

/** Every name and spelling of a lexicon, folded as the matcher folds, to the entity it names (the first one). */
export function nameIndex(entities: readonly Entity[]): Map<string, Entity> {
  const index = new Map<string, Entity>();
  for (const e of entities)
    for (const n of [e.ar, ...e.aliases.map((a) => a.text)]) {
      const key = fold(n);
      if (key && !index.has(key)) index.set(key, e);
    }
  return index;
}

/**
 * Can `name` be a new entity of the reader's lexicon (issue 15 §6)? Not empty, not too long, not a
 * function word, and not a name the lexicon already has — «روسيا» is Russia, bundled — compared folded,
 * so «روسيه» is the same name.
 */
export function checkNewName(name: string, index: ReadonlyMap<string, Entity>): NameProblem | null {
  const clean = name.replace(/\s+/gu, ' ').trim();
  if (!clean) return { code: 'empty' };
  if (clean.length > MAX_ENTITY_NAME_CHARS) return { code: 'too-long', max: MAX_ENTITY_NAME_CHARS };
  if (clean.replace(/[^\p{L}]/gu, '').length < 3 || isStopword(clean)) return { code: 'common' };
  const entity = index.get(fold(clean));
  if (entity)
    return {
      code: 'exists',
      entity: { id: entity.id, ar: entity.ar, en: entity.en },
      bundled: entity.provenance.source !== 'reader' && entity.provenance.source !== 'team',
    };
  return null;
}
