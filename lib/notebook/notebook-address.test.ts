import { describe, expect, it } from 'vitest';
import type { NotebookQuery } from '../model/notebook.ts';
import { hashFromQuery, parseDay, queryFromHash } from './notebook-address.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('the notebook’s address', () => {
  it.each<[string, NotebookQuery]>([
    ['', {}],
    ['q=%D8%A7%D8%B3%D8%AF', { q: 'اسد' }],
    ['tag=%D8%AF%D9%8A%D8%B1%20%D8%A7%D9%84%D8%B2%D9%88%D8%B1', { tag: 'دير الزور' }],
    ['color=green', { color: 'green' }],
    ['entity=sdf&site=enabbaladi.net', { entity: 'sdf', site: 'enabbaladi.net' }],
    ['from=2025-01-01&to=2025-01-31', { from: day('2025-01-01'), to: day('2025-02-01') - 1 }],
    ['orphans=1&order=page', { orphans: true, order: 'page' }],
    ['from=2025-01-01&dates=read', { from: day('2025-01-01'), dates: 'read' }],
  ])('#%s ⇄ %j', (hash, query) => {
    expect(queryFromHash(`#${hash}`)).toEqual(query);
    expect(hashFromQuery(query)).toBe(hash);
  });

  it('round-trips every field together, in a fixed order', () => {
    const query: NotebookQuery = {
      q: 'Assad أسد',
      tag: 'x&y=z',
      color: 'pink',
      entity: 'reader-1',
      site: 'syria.tv',
      from: day('2024-02-29'),
      to: day('2024-03-01') - 1,
      orphans: true,
      dates: 'read',
      order: 'page',
    };
    expect(queryFromHash(hashFromQuery(query))).toEqual(query);
  });

  it('leaves out what does not parse rather than guessing', () => {
    expect(
      queryFromHash('#color=red&from=2025-02-31&to=yesterday&orphans=yes&order=oldest&tag=%20&q='),
    ).toEqual({});
  });

  it('reads days as UTC calendar days', () => {
    expect(parseDay('2025-03-09')).toBe(Date.UTC(2025, 2, 9));
    expect(parseDay('2025-3-9')).toBeUndefined();
    expect(parseDay(undefined)).toBeUndefined();
  });
});
