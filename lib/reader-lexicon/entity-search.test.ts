import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { mergeLexicon } from './merge-reader-lexicon.ts';
import { entitySearch } from './entity-search.ts';

const search = entitySearch(bundledLexicon.entities);
const ids = (query: string, limit?: number) => search(query, limit).map((e) => e.id);

describe('entitySearch', () => {
  it.each([
    ['روسيا', 'russia'],
    ['رُوسِيَا', 'russia'],
    ['روسـيا', 'russia'],
    ['Russia', 'russia'],
    ['RUSSIA', 'russia'],
    ['russian federation', 'russia'],
    ['الروس', 'russia'],
    ['امريكا', 'usa'],
    ['دمشق', 'damascus'],
  ])('finds %s first: %s', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('ranks the name itself before names that only contain it («روسيا» before «روسيا اليوم»)', () => {
    const found = ids('روسيا');
    expect(found.indexOf('russia')).toBeLessThan(found.indexOf('rt'));
  });

  it('finds the reader’s own entities, merged over the bundled ones', () => {
    const merged = mergeLexicon(bundledLexicon.entities, {
      entities: [{ id: 'reader-1', type: 'actor', name: 'لواء الباقر', created: 1 }],
      aliases: [],
    });
    expect(entitySearch(merged)('الباقر').map((e) => e.id)).toEqual(['reader-1']);
  });

  it('answers an empty query with nothing, and keeps to the limit', () => {
    expect(ids('  ')).toEqual([]);
    expect(ids('ال', 5)).toHaveLength(5);
  });
});
