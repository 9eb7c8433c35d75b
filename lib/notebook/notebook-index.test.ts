import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import type { EntryContext } from './notebook-index.ts';
import { buildIndex, indexEntry, searchIndex, selectIds } from './notebook-index.ts';

const row = (
  id: string,
  over: Partial<AnnotationRow['body']> & {
    exact?: string;
    page?: string;
    created?: number;
    start?: number;
  } = {},
): AnnotationRow => ({
  id,
  page: over.page ?? 'https://enabbaladi.net/a',
  target: {
    source: over.page ?? 'https://enabbaladi.net/a',
    selector: { quote: { exact: over.exact ?? 'نص' }, position: { start: over.start ?? 0, end: 2 } },
  },
  body: { note: over.note ?? '', tags: over.tags ?? [], color: over.color ?? 'yellow', entity: over.entity },
  created: over.created ?? 1,
  modified: over.created ?? 1,
});

const context = (over: Partial<EntryContext> = {}): EntryContext => ({
  site: 'enabbaladi.net',
  anchor: 'found',
  ...over,
});

const indexOf = (...entries: [AnnotationRow, Partial<EntryContext>?][]) =>
  buildIndex(
    entries.map(([r, c]) => indexEntry(r, context(c))),
    new Map([['sdf', ['قوات سوريا الديمقراطية', 'Syrian Democratic Forces', 'قسد']]]),
    new Map([['https://syria.tv/title', 'تقرير عن درعا']]),
  );

describe('notebook search, folded as the matcher folds', () => {
  it.each([
    ['hamza-less Arabic finds the hamza’d form', 'اتهمت روسيا', 'إتهمت روسيا'],
    ['alef forms and ta marbuta', 'الاسد و الحكومه', 'الأسد و الحكومة'],
    ['diacritics are ignored', 'دمشق', 'دِمَشْقُ'],
    ['tatweel and obfuscation are ignored', 'الميليشيات', 'الميليشـ.ـيات'],
    ['hamza seats', 'مسئول', 'مسؤول'],
    ['English is case-insensitive', 'assad', 'Bashar al-ASSAD'],
    ['Arabic-Indic digits read as digits', '2024', 'عام ٢٠٢٤'],
    ['every word must be there, in any order', 'روسيا إتهمت', 'إتهمت روسيا'],
  ])('%s: «%s» finds «%s»', (_, query, quote) => {
    const index = indexOf([row('a', { exact: quote })]);
    expect(searchIndex(index, { q: query }).ids).toEqual(['a']);
  });

  it('searches notes, tags, page titles and entity names too, and misses what is not there', () => {
    const index = indexOf(
      [row('note', { note: 'مصدر محلي' })],
      [row('tag', { tags: ['جنوب سوريا'] })],
      [row('title', { page: 'https://syria.tv/title' })],
      [row('entity', { entity: 'sdf' })],
    );
    expect(searchIndex(index, { q: 'محلى' }).ids).toEqual(['note']);
    expect(searchIndex(index, { q: 'جنوب' }).ids).toEqual(['tag']);
    expect(searchIndex(index, { q: 'درعا' }).ids).toEqual(['title']);
    expect(searchIndex(index, { q: 'قسد' }).ids).toEqual(['entity']);
    expect(searchIndex(index, { q: 'democratic قوات' }).ids).toEqual(['entity']);
    expect(searchIndex(index, { q: 'حلب' })).toEqual({ ids: [], total: 0 });
  });
});

describe('notebook filters', () => {
  const jan = Date.UTC(2025, 0, 10);
  const feb = Date.UTC(2025, 1, 10);
  const index = indexOf(
    [row('a', { tags: ['x'], color: 'green', entity: 'sdf', created: jan })],
    [
      row('b', { tags: ['x', 'y'], color: 'pink', created: feb, page: 'https://syria.tv/b' }),
      { site: 'syria.tv', anchor: 'orphan' },
    ],
    [
      row('c', { created: feb + 1, page: 'https://syria.tv/b', start: 0 }),
      { site: 'syria.tv', anchor: 'unknown' },
    ],
  );
  it.each([
    [{}, ['c', 'b', 'a']],
    [{ tag: 'x' }, ['b', 'a']],
    [{ tag: 'y' }, ['b']],
    [{ color: 'green' as const }, ['a']],
    [{ entity: 'sdf' }, ['a']],
    [{ site: 'syria.tv' }, ['c', 'b']],
    [{ from: feb }, ['c', 'b']],
    [{ to: feb }, ['b', 'a']],
    [{ from: jan, to: jan }, ['a']],
    [{ orphans: true }, ['b']],
    [{ tag: 'x', site: 'syria.tv' }, ['b']],
  ])('%j → %j', (filters, ids) => {
    expect(searchIndex(index, filters).ids).toEqual(ids);
    expect(selectIds(index, filters)).toEqual(ids);
  });

  it('goes by the page’s publication date where known, or by the annotation’s on request (issue 14)', () => {
    // Annotated in February on a page published in January, and in February on a page without a date.
    const dated = indexOf(
      [row('published', { created: feb }), { published: jan }],
      [row('undated', { created: feb + 1 })],
    );
    const january = { from: jan, to: feb - 1 };
    expect(searchIndex(dated, january).ids).toEqual(['published']);
    expect(searchIndex(dated, { ...january, dates: 'read' }).ids).toEqual([]);
    expect(searchIndex(dated, { from: feb }).ids).toEqual(['undated']);
    expect(searchIndex(dated, { from: feb, dates: 'read' }).ids).toEqual(['undated', 'published']);
  });

  it('groups by page — pages by their newest annotation, reading order within — and pages through', () => {
    const paged = indexOf(
      [row('p1-late', { created: 5, start: 50 })],
      [row('p1-early', { created: 1, start: 10 })],
      [row('p2', { created: 3, page: 'https://syria.tv/b' })],
    );
    expect(searchIndex(paged, { order: 'page' }).ids).toEqual(['p1-early', 'p1-late', 'p2']);
    expect(searchIndex(paged, {}).ids).toEqual(['p1-late', 'p2', 'p1-early']);
    expect(searchIndex(paged, { offset: 1, limit: 1 })).toEqual({ ids: ['p2'], total: 3 });
  });
});
