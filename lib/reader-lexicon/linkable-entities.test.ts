import { describe, expect, it } from 'vitest';
import type { Entity } from '../lexicon/schema.ts';
import { linkable } from './linkable-entities.ts';

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

describe('linkable', () => {
  it('labels the reader’s own as theirs, whatever English name they have; the bundled keep theirs', () => {
    expect(linkable(entity('r', 'reader', 'Reader'), 'من عندك')).toEqual({
      id: 'r',
      ar: 'اسم r',
      en: 'من عندك',
    });
    expect(linkable(entity('a', 'curated'), 'من عندك')).toEqual({ id: 'a', ar: 'اسم a', en: 'a (en)' });
  });
});
