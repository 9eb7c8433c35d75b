import type { Entity } from '../../lib/lexicon/schema.ts';

/**
 * An entity for a small lexicon of a test's own, so that a rule is tested apart from the bundled
 * data: named by its first alias, curated, an armed group or a city unless `more` says otherwise.
 */
export const testEntity = (
  id: string,
  type: Entity['type'],
  aliases: Entity['aliases'],
  more: Partial<Entity> = {},
): Entity => ({
  id,
  type,
  subtype: type === 'actor' ? 'armed-group' : 'city',
  ar: aliases[0]!.text,
  en: id,
  aliases,
  provenance: { source: 'curated' },
  ...more,
});
