import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lexicon/compile-lexicon.ts';
import { mergeLexicon } from './merge-reader-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import type { ReaderLexicon } from '../model/reader-entity.ts';

const found = (text: string, reader: ReaderLexicon) =>
  spot(text, compileLexicon({ entities: mergeLexicon(bundledLexicon.entities, reader) })).map((m) => [
    m.text,
    m.alias.entity.id,
  ]);
const none: ReaderLexicon = { entities: [], aliases: [] };

describe('the reader’s lexicon merged over the bundled one', () => {
  it('is the bundled lexicon itself when the reader has none', () => {
    expect(mergeLexicon(bundledLexicon.entities, none)).toEqual(bundledLexicon.entities);
  });

  it('adds the reader’s entities, matched by name and spellings as written, clitics included', () => {
    const reader: ReaderLexicon = {
      entities: [
        { id: 'reader-1', type: 'actor', name: 'لواء النسر الذهبي', aliases: ['النسر الذهبي'], created: 0 },
      ],
      aliases: [],
    };
    expect(found('اشتبك مقاتلو ولواء النسر الذهبي مع النسر الذهبي قرب حلب', reader)).toEqual([
      ['لواء النسر الذهبي', 'reader-1'],
      ['النسر الذهبي', 'reader-1'],
      ['حلب', 'aleppo'],
    ]);
    expect(mergeLexicon(bundledLexicon.entities, reader).at(-1)).toMatchObject({
      subtype: 'organization',
      en: 'لواء النسر الذهبي',
      provenance: { source: 'reader' },
    });
  });

  it('adds a spelling to a bundled entity, and switches a bundled one off (compared folded)', () => {
    const text = 'هاجم مقاتلو داعش مواقع قسد في ريف دير الزور';
    expect(found(text, none).map(([, id]) => id)).toEqual(['isis', 'sdf', 'deir-ez-zor']);
    const reader: ReaderLexicon = {
      entities: [],
      aliases: [
        { id: 'a', entity: 'isis', text: 'داعش', action: 'off', created: 0 },
        { id: 'b', entity: 'deir-ez-zor', text: 'ريف دير الزور', action: 'add', created: 0 },
      ],
    };
    expect(found(text, reader)).toEqual([
      ['قسد', 'sdf'],
      ['ريف دير الزور', 'deir-ez-zor'],
    ]);
  });

  it('ignores a spelling added to an entity that no longer exists', () => {
    const reader: ReaderLexicon = {
      entities: [],
      aliases: [{ id: 'a', entity: 'reader-gone', text: 'اسم', action: 'add', created: 0 }],
    };
    expect(mergeLexicon(bundledLexicon.entities, reader)).toHaveLength(bundledLexicon.entities.length);
  });
});
