import { describe, expect, it } from 'vitest';
import { testEntity } from '../../tests/support/test-entity.ts';
import { compileLexicon } from './compile-lexicon.ts';
import { spotAnswer, spotPage, spottedOf, spotTexts, type SpottedText } from './spot-texts.ts';

// «الحسكة» counts only where the SDF is named too.
const SDF = testEntity('sdf', 'actor', [{ text: 'قسد' }]);
const HASAKAH = testEntity('hasakah', 'place', [{ text: 'الحسكة', when: { cooccurs: ['sdf'] } }]);
const LEXICON = compileLexicon({ entities: [SDF, HASAKAH] });
const TEXTS = ['في الحسكة اليوم', 'قالت قسد', 'وفي الحسكة أيضا', 'قسد ثم قسد'];
const ids = (texts: Iterable<{ names: { entity: { id: string } }[] }>) =>
  [...texts].map((t) => t.names.map((n) => n.entity.id));

describe('spotTexts', () => {
  it('reads each text with the names of the texts before it, or with the context alone', () => {
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(), 'in-order'))).toEqual([
      [],
      ['sdf'],
      ['hasakah'],
      ['sdf', 'sdf'],
    ]);
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(), 'apart'))).toEqual([[], ['sdf'], [], ['sdf', 'sdf']]);
    expect(ids(spotTexts(TEXTS, LEXICON, new Set(['sdf']), 'apart'))).toEqual([
      ['hasakah'],
      ['sdf'],
      ['hasakah'],
      ['sdf', 'sdf'],
    ]);
    // Whether a text's names rest on what was named: the SDF's never do.
    expect([...spotTexts(TEXTS, LEXICON, new Set(), 'in-order')].map((t) => t.contextMatters)).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('spotPage', () => {
  it('reads the page in order, then again the texts whose names rested on an entity named after them', () => {
    const read = [...spotPage(TEXTS, LEXICON, new Set())];
    expect(read.map(([i]) => i)).toEqual([0, 1, 2, 3, 0]);
    const final: SpottedText[] = [];
    for (const [i, text] of read) final[i] = text;
    expect(ids(final)).toEqual([['hasakah'], ['sdf'], ['hasakah'], ['sdf', 'sdf']]);
    // Nothing named after the only text that looked: read once.
    expect([...spotPage(TEXTS.slice(1, 3), LEXICON, new Set())].map(([i]) => i)).toEqual([0, 1]);
    // Named elsewhere on the page: no text need be read again.
    expect([...spotPage(TEXTS, LEXICON, new Set(['sdf']))].map(([i]) => i)).toEqual([0, 1, 2, 3]);
  });
});

describe('spotAnswer', () => {
  it('goes into a message with each entity once, and comes back the same', () => {
    for (const reading of ['in-order', 'apart'] as const) {
      const answer = spotAnswer(LEXICON, { texts: TEXTS, context: [], reading });
      expect(spottedOf(JSON.stringify(answer))).toEqual([...spotTexts(TEXTS, LEXICON, new Set(), reading)]);
    }
    const answer = spotAnswer(LEXICON, { texts: TEXTS, context: [], reading: 'page' });
    // Each entity and each spelling once; each name four numbers: start, end, entity, spelling.
    expect(answer.entities.map((e) => e.id)).toEqual(['hasakah', 'sdf']);
    expect(answer.aliases).toEqual(['الحسكة', 'قسد']);
    expect(answer.found.map((f) => f.names)).toEqual([
      [3, 9, 0, 0],
      [5, 8, 1, 1],
      [4, 10, 0, 0],
      [0, 3, 1, 1, 7, 10, 1, 1],
    ]);
  });
});
