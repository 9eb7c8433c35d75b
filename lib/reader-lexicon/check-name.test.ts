import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { mergeLexicon } from './merge-reader-lexicon.ts';
import { checkNewName, MAX_ENTITY_NAME_CHARS, nameIndex } from './check-name.ts';

const index = nameIndex(
  mergeLexicon(bundledLexicon.entities, {
    entities: [{ id: 'reader-1', type: 'actor', name: 'لواء الباقر', created: 1 }],
    aliases: [],
  }),
);

describe('checkNewName', () => {
  it('takes a name no one has', () => {
    expect(checkNewName('شيخ قبلي من شرق سوريا', index)).toBeNull();
  });
  it('refuses an empty, an over-long or a common name', () => {
    expect(checkNewName('   ', index)).toEqual({ code: 'empty' });
    expect(checkNewName('ب'.repeat(MAX_ENTITY_NAME_CHARS + 1), index)).toEqual({
      code: 'too-long',
      max: MAX_ENTITY_NAME_CHARS,
    });
    expect(checkNewName('في', index)).toEqual({ code: 'common' });
  });
  it('says which bundled entity a name is already, compared folded («روسيا», «رُوسيا»)', () => {
    for (const name of ['روسيا', ' رُوسيا ', 'الروس'])
      expect(checkNewName(name, index)).toEqual({
        code: 'exists',
        entity: { id: 'russia', ar: 'روسيا', en: 'Russia' },
        bundled: true,
      });
  });
  it('says the reader has the name already', () => {
    expect(checkNewName('لواء  الباقر', index)).toMatchObject({
      code: 'exists',
      entity: { id: 'reader-1' },
      bundled: false,
    });
  });
});
