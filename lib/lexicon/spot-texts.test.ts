import { describe, expect, it } from 'vitest';
import { testEntity } from '../../tests/support/test-entity.ts';
import { compileLexicon } from './compile-lexicon.ts';
import { spotAnswer, spottedOf, spotTexts } from './spot-texts.ts';

// «الحسكة» counts only where the SDF is named too.
const SDF = testEntity('sdf', 'actor', [{ text: 'قسد' }]);
const HASAKAH = testEntity('hasakah', 'place', [{ text: 'الحسكة', when: { cooccurs: ['sdf'] } }]);
const LEXICON = compileLexicon({ entities: [SDF, HASAKAH] });
const TEXTS = ['في الحسكة اليوم', 'قالت قسد', 'وفي الحسكة أيضا', 'قسد ثم قسد'];
const ids = (texts: Iterable<{ names: { entity: { id: string } }[] }>) =>
  [...texts].map((t) => t.names.map((n) => n.entity.id));

describe('spotTexts', () => {
  it('reads each text with the names of the texts before it, or with the context alone', () => {
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(), true))).toEqual([
      [],
      ['sdf'],
      ['hasakah'],
      ['sdf', 'sdf'],
    ]);
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(), false))).toEqual([[], ['sdf'], [], ['sdf', 'sdf']]);
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(['sdf']), false))).toEqual([
      ['hasakah'],
      ['sdf'],
      ['hasakah'],
      ['sdf', 'sdf'],
    ]);
    // Whether a text's names rest on what was named: the SDF's never do.
    expect([...spotTexts(TEXTS, LEXICON, new Set(), true)].map((t) => t.contextMatters)).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('goes into a message with each entity once, and comes back the same', () => {
    const asked = { texts: TEXTS, context: [], accumulate: true };
    const answer = spotAnswer(LEXICON, asked);
    expect(answer.entities.map((e) => e.id)).toEqual(['sdf', 'hasakah']);
    expect(answer.found[3]?.names).toEqual([
      [0, 3, 0, 'قسد'],
      [7, 10, 0, 'قسد'],
    ]);
    expect(spottedOf(JSON.parse(JSON.stringify(answer)))).toEqual([
      ...spotTexts(TEXTS, LEXICON, new Set(), true),
    ]);
  });
});
