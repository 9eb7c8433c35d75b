// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import type { RankingFilters } from '../lib/model/dashboard.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { Dashboard, type DashboardData } from './Dashboard.tsx';

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
    await vi.waitFor(() => expect(root.querySelector('tr[data-entity=sdf]')).not.toBeNull());
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
    // Preact runs the effect that asks after a render: more than one flush on a loaded machine.
    await vi.waitFor(() => expect(asked.at(-1)).toEqual({ query: 'قسد' }));

    (row.querySelector('button') as HTMLButtonElement).click();
    // The detail comes after two answers and a render: more than one flush on a loaded machine.
    await vi.waitFor(() => expect(root.querySelector('[data-testid=detail]')).not.toBeNull());
    const detail = root.querySelector('[data-testid=detail]')!;
    expect(detail.querySelector('h2')?.textContent).toBe('قوات سوريا الديمقراطية');
    expect(detail.querySelector('img')).toBeNull();
    expect(detail.querySelector('.pages a')?.textContent).toBe('<img src=x>');
    expect(detail.querySelector('[data-testid=cooccurring]')?.textContent).toContain('الولايات المتحدة');
    expect(detail.querySelector('[data-testid=timeline]')?.textContent).toContain('2026-10');
  });
});

describe('Dashboard: candidates', () => {
  it('lists names Rasid doesn’t know that the reader keeps meeting, to add or dismiss', async () => {
    const calls: string[] = [];
    const data: DashboardData = {
      ranking: async () => [],
      detail: async (entity) => ({ entity, pages: [], cooccurring: [], timeline: [] }),
      sites: async () => [],
      candidates: async () => [
        {
          key: 'سليم الخطيب',
          text: 'سليم الخطيب',
          type: 'actor',
          kind: 'person',
          pages: 3,
          sites: 2,
          lastSeen: Date.UTC(2026, 10, 2),
          sentence: 'وصل القائد سليم الخطيب إلى البلدة.',
        },
      ],
      addName: async (text, type) => void calls.push(`${type} ${text}`),
      dismissName: async (key) => void calls.push(`dismiss ${key}`),
      undismissName: async (key) => void calls.push(`undismiss ${key}`),
    };
    const root = document.createElement('div');
    document.body.append(root);
    render(<Dashboard i18n={createTranslator('en')} lexicon={bundledLexicon.entities} data={data} />, root);
    await flush();
    const section = root.querySelector('[data-testid=candidates]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Candidates: names you keep meeting');
    const row = section.querySelector('tr[data-candidate="سليم الخطيب"]')!;
    expect(row.querySelector('[data-testid=pages]')?.textContent).toBe('3');
    expect(row.querySelector('[data-testid=sites]')?.textContent).toBe('2');
    expect(row.querySelector('blockquote')?.textContent).toContain('سليم الخطيب');
    row.querySelector<HTMLButtonElement>('button.add-actor')!.click();
    row.querySelector<HTMLButtonElement>('button.add-place')!.click();
    row.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(calls).toEqual(['actor سليم الخطيب', 'place سليم الخطيب', 'dismiss سليم الخطيب']);
    // “Not a name” is for every page: it says so, and can be taken back.
    await vi.waitFor(() => expect(section.querySelector('[data-testid=dismissed]')).not.toBeNull());
    expect(section.querySelector('[data-testid=dismissed]')?.textContent).toContain(
      '“سليم الخطيب” will not be suggested again',
    );
    section.querySelector<HTMLButtonElement>('button.undo-dismiss')!.click();
    expect(calls.at(-1)).toBe('undismiss سليم الخطيب');
    await vi.waitFor(() => expect(section.querySelector('[data-testid=dismissed]')).toBeNull());
  });

  it('says so when no unknown name came up twice, and leaves the section out without the data', async () => {
    const base: DashboardData = {
      ranking: async () => [],
      detail: async (entity) => ({ entity, pages: [], cooccurring: [], timeline: [] }),
      sites: async () => [],
    };
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <Dashboard i18n={createTranslator('ar')} lexicon={[]} data={{ ...base, candidates: async () => [] }} />,
      root,
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=candidates] [role=status]')?.textContent).toBe(
        'لم يرد بعد اسم لا يعرفه راصد في صفحتين.',
      ),
    );
    const without = document.createElement('div');
    document.body.append(without);
    render(<Dashboard i18n={createTranslator('ar')} lexicon={[]} data={base} />, without);
    await flush();
    expect(without.querySelector('[data-testid=candidates]')).toBeNull();
  });

  it('tells the truth when no page was read but annotations are kept (an import into a fresh profile)', async () => {
    const data: DashboardData = {
      ranking: async () => [],
      detail: async (entity) => ({ entity, pages: [], cooccurring: [], timeline: [] }),
      sites: async () => [],
    };
    const none = document.createElement('div');
    render(<Dashboard i18n={createTranslator('en')} lexicon={[]} data={data} />, none);
    // Waited for rather than flushed: the answers are promises, and a busy machine is slow to settle them.
    await vi.waitFor(() =>
      expect(none.querySelector('[data-testid=no-history]')?.textContent?.trim()).toBe('Nothing read yet.'),
    );
    const kept = document.createElement('div');
    render(
      <Dashboard
        i18n={createTranslator('en')}
        lexicon={[]}
        data={{ ...data, annotations: async () => 12 }}
      />,
      kept,
    );
    await vi.waitFor(() =>
      expect(kept.querySelector('[data-testid=no-history]')?.textContent).toBe(
        'No pages read yet; 12 annotations kept. Open the notebook',
      ),
    );
    expect(kept.querySelector('[data-testid=no-history] a')?.getAttribute('href')).toBe('notebook.html');
  });
});
