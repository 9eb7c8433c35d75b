import { describe, expect, it } from 'vitest';
import { bundledLexicon, compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import { compileReaderLexicon } from './compile-reader-lexicon.ts';

const bundled = { entities: bundledLexicon.entities, compiled: compiledBundledLexicon };
const ids = (text: string, lexicon: ReturnType<typeof compileReaderLexicon>) =>
  spot(text, lexicon).map((m) => m.alias.entity.id);

describe('compileReaderLexicon', () => {
  it('is the bundled lexicon as compiled, untouched, when the reader has nothing of their own', () => {
    expect(compileReaderLexicon({ entities: [], aliases: [] }, bundled)).toBe(compiledBundledLexicon());
  }, 30_000);

  it('highlights the reader’s entities and spellings, and no longer a spelling they switched off', () => {
    const lexicon = compileReaderLexicon(
      {
        entities: [{ id: 'reader-1', type: 'actor', name: 'شيخ قبلي', created: 1 }],
        aliases: [
          { id: 'a1', entity: 'damascus', text: 'الفيحاء', action: 'add', created: 1 },
          { id: 'a2', entity: 'damascus', text: 'دمشق', action: 'off', created: 1 },
        ],
      },
      bundled,
    );
    expect(ids('التقى شيخ قبلي وفدا في الفيحاء', lexicon)).toEqual(['reader-1', 'damascus']);
    expect(ids('وصل إلى دمشق', lexicon)).toEqual([]);
  }, 30_000);
});
