import { describe, expect, it } from 'vitest';
import type { Entity } from '../lexicon/schema.ts';
import { linkableEntities } from './linkable-entities.ts';

const entity = (id: string, source: 'reader' | 'curated', en = `${id} (en)`): Entity =>
  ({
    id,
    type: 'actor',
    subtype: 'organization',
    ar: `اسم ${id}`,
    en,
    aliases: [{ text: `اسم ${id}` }],
    provenance: source === 'reader' ? { source } : { source, note: '' },
  }) as Entity;

describe('linkableEntities', () => {
  it('lists the reader’s own first, by provenance, then the bundled ones, each in lexicon order', () => {
    const list = linkableEntities(
      [entity('a', 'curated'), entity('r1', 'reader'), entity('b', 'curated'), entity('r2', 'reader')],
      'yours',
    );
    expect(list.map((e) => e.id)).toEqual(['r1', 'r2', 'a', 'b']);
  });

  it('labels the reader’s own as theirs, whatever English name they have; the bundled keep theirs', () => {
    const [own, bundled] = linkableEntities(
      [entity('r', 'reader', 'Reader'), entity('a', 'curated')],
      'من عندك',
    );
    expect(own).toEqual({ id: 'r', ar: 'اسم r', en: 'من عندك' });
    expect(bundled).toEqual({ id: 'a', ar: 'اسم a', en: 'a (en)' });
  });

  it('does not take an entity for the reader’s because its English name reads like the label', () => {
    const [only] = linkableEntities([entity('a', 'curated', 'yours')], 'yours');
    expect(only?.id).toBe('a');
    expect(linkableEntities([entity('a', 'curated', 'yours'), entity('r', 'reader')], 'yours')[0]?.id).toBe(
      'r',
    );
  });
});
