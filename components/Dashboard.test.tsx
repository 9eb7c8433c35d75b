// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { RankingFilters } from '../lib/db/dashboard.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { Dashboard, type DashboardData } from './Dashboard.tsx';

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('Dashboard', () => {
  it('ranks entities, filters by search, and details one with its pages, company and timeline', async () => {
    const asked: RankingFilters[] = [];
    const data: DashboardData = {
      ranking: async (filters) => {
        asked.push(filters);
        return [
          {
            entity: 'sdf',
            pages: 3,
            sites: 2,
            firstSeen: Date.UTC(2026, 9, 1),
            lastSeen: Date.UTC(2026, 10, 2),
          },
        ];
      },
      detail: async (entity) => ({
        entity,
        pages: [
          {
            url: 'u',
            address: 'https://x/<b>',
            title: '<img src=x>',
            site: 'x',
            firstSeen: 0,
            count: 2,
            sentence: 'جملة',
          },
        ],
        cooccurring: [{ entity: 'usa', pages: 2 }],
        timeline: [{ month: '2026-10', pages: 3 }],
      }),
      sites: async () => ['a.example', 'b.example'],
    };
    const root = document.createElement('div');
    document.body.append(root);
    render(<Dashboard i18n={createTranslator('en')} lexicon={bundledLexicon.entities} data={data} />, root);
    await flush();
    const row = root.querySelector('tr[data-entity=sdf]')!;
    expect(row.querySelector('[data-testid=pages]')?.textContent).toBe('3');
    expect(row.querySelector('[data-testid=sites]')?.textContent).toBe('2');
    expect(row.querySelector('[data-testid=first-seen]')?.textContent).toBe('Oct 1, 2026');
    expect([...root.querySelectorAll('select[name=site] option')].map((o) => o.textContent)).toEqual([
      'All sites',
      'a.example',
      'b.example',
    ]);

    const search = root.querySelector('input[name=q]') as HTMLInputElement;
    search.value = 'قسد';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    expect(asked.at(-1)).toEqual({ query: 'قسد' });

    (row.querySelector('button') as HTMLButtonElement).click();
    await flush();
    const detail = root.querySelector('[data-testid=detail]')!;
    expect(detail.querySelector('h2')?.textContent).toBe('قوات سوريا الديمقراطية');
    expect(detail.querySelector('img')).toBeNull();
    expect(detail.querySelector('.pages a')?.textContent).toBe('<img src=x>');
    expect(detail.querySelector('[data-testid=cooccurring]')?.textContent).toContain('الولايات المتحدة');
    expect(detail.querySelector('[data-testid=timeline]')?.textContent).toContain('2026-10');
  });
});
