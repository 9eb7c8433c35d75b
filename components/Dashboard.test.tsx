// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { emptyDetail, type RankingFilters } from '../lib/model/dashboard.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { Dashboard, type DashboardData } from './Dashboard.tsx';
import type { DashboardView } from '../lib/dashboard/dashboard-address.ts';

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
            firstSeen: Date.UTC(2026, 9, 3),
            published: Date.UTC(2026, 8, 20),
            count: 2,
            sentence: 'جملة',
          },
        ],
        cooccurring: [{ entity: 'usa', pages: 2 }],
        timeline: [{ month: '2026-10', pages: 3 }],
        publishedTimeline: [{ month: '2026-09', pages: 3 }],
        annotations: [],
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
    expect(detail.querySelector('.pages [data-testid=page-published]')?.textContent).toBe(
      'Published Sep 20, 2026',
    );
    expect(detail.querySelector('.pages .meta')?.textContent).toContain('Read Oct 3, 2026');
    expect(detail.querySelector('[data-testid=cooccurring]')?.textContent).toContain('الولايات المتحدة');
    // Publication dates by default (issue 14): the timeline goes by them.
    expect(detail.querySelector('[data-testid=timeline]')?.textContent).toContain('2026-09');
    root.querySelector<HTMLInputElement>('input[name=dates][value=read]')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=timeline]')?.textContent).toContain('2026-10'),
    );
  });
});

describe('Dashboard: navigable (issue 14)', () => {
  const ranked = (entity: string, pages: number, lastSeen: number) => ({
    entity,
    pages,
    sites: 1,
    firstSeen: Date.UTC(2026, 0, 1),
    lastSeen,
  });
  const data: DashboardData = {
    ranking: async () => [
      ranked('sdf', 3, Date.UTC(2026, 1, 1)),
      ranked('damascus', 2, Date.UTC(2026, 3, 1)),
      ranked('usa', 1, Date.UTC(2026, 2, 1)),
    ],
    detail: async (entity) => ({
      ...emptyDetail(entity),
      annotations: [
        {
          id: 'a1',
          page: 'https://a.example/1',
          source: 'https://a.example/1?utm_source=x',
          quote: 'قسد تعتقل',
          note: '<b>مصدر</b> محلي',
          tags: ['دير الزور'],
          color: 'green',
          created: Date.UTC(2026, 1, 2),
          title: 'عنوان الخبر',
          published: Date.UTC(2026, 0, 30),
        },
      ],
    }),
    sites: async () => [],
  };

  it('sorts by any column, saying so with aria-sort, and puts the sort in the view', async () => {
    const views: DashboardView[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    const show = (view: DashboardView) =>
      render(
        <Dashboard
          i18n={createTranslator('en')}
          lexicon={bundledLexicon.entities}
          data={data}
          view={view}
          onNavigate={(next) => {
            views.push(next);
            show(next);
          }}
        />,
        root,
      );
    show({});
    await vi.waitFor(() => expect(root.querySelectorAll('tbody tr')).toHaveLength(3));
    const order = () => [...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-entity'));
    const sorted = () =>
      [...root.querySelectorAll('thead th')]
        .map((th) => [th.querySelector('button')?.getAttribute('data-sort'), th.getAttribute('aria-sort')])
        .filter(([, s]) => s);
    expect(order()).toEqual(['sdf', 'damascus', 'usa']);
    expect(sorted()).toEqual([['pages', 'descending']]);
    root.querySelector<HTMLButtonElement>('button[data-sort=last]')!.click();
    await vi.waitFor(() => expect(order()).toEqual(['damascus', 'usa', 'sdf']));
    expect(views.at(-1)).toEqual({ sort: 'last', dir: 'desc' });
    expect(sorted()).toEqual([['last', 'descending']]);
    root.querySelector<HTMLButtonElement>('button[data-sort=last]')!.click();
    await vi.waitFor(() => expect(order()).toEqual(['sdf', 'usa', 'damascus']));
    expect(sorted()).toEqual([['last', 'ascending']]);
    // Every header is a button: a keyboard reaches each sort.
    expect(root.querySelectorAll('thead th button')).toHaveLength(6);
  });

  it('opens an entity as a view of its own, with the reader’s linked annotations, and comes back', async () => {
    const views: DashboardView[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    const show = (view: DashboardView) =>
      render(
        <Dashboard
          i18n={createTranslator('ar')}
          lexicon={bundledLexicon.entities}
          data={data}
          view={view}
          onNavigate={(next, how) => {
            views.push({ ...next, how } as DashboardView);
            show(next);
          }}
        />,
        root,
      );
    show({ site: 'a.example', sort: 'name' });
    await vi.waitFor(() => expect(root.querySelector('tr[data-entity=sdf]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('tr[data-entity=sdf] button')!.click();
    expect(views.at(-1)).toEqual({ site: 'a.example', sort: 'name', entity: 'sdf', how: 'push' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=detail]')).not.toBeNull());
    // The detail replaces the ranking, and its name has the focus.
    expect(root.querySelector('[data-testid=ranking]')).toBeNull();
    expect(document.activeElement?.id).toBe('rasid-detail');
    const item = root.querySelector('[data-testid=linked-annotations] li[data-annotation=a1]')!;
    expect(item.querySelector('[data-testid=quote]')?.getAttribute('dir')).toBe('auto');
    expect(item.querySelector('[data-testid=quote]')?.textContent).toBe('قسد تعتقل');
    expect(item.querySelector('[data-testid=note]')?.textContent).toBe('<b>مصدر</b> محلي');
    expect(item.querySelector('b')).toBeNull();
    const link = item.querySelector('a[data-testid=annotation-page]')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual([
      'عنوان الخبر',
      'https://a.example/1?utm_source=x',
    ]);
    root.querySelector<HTMLButtonElement>('button.back-to-ranking')!.click();
    expect(views.at(-1)).toEqual({ site: 'a.example', sort: 'name', how: 'push' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=ranking]')).not.toBeNull());
    // Back where the reader left: the row of the entity just seen has the focus.
    await vi.waitFor(() =>
      expect(document.activeElement?.closest('tr')?.getAttribute('data-entity')).toBe('sdf'),
    );
  });
});

describe('Dashboard: candidates', () => {
  it('lists names Rasid doesn’t know that the reader keeps meeting, to add or dismiss', async () => {
    const calls: string[] = [];
    const data: DashboardData = {
      ranking: async () => [],
      detail: async (entity) => emptyDetail(entity),
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
    // Waited for, not a fixed delay: on a busy machine the first renders take longer.
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=candidates] tr[data-candidate]')).not.toBeNull(),
    );
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
      detail: async (entity) => emptyDetail(entity),
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
      detail: async (entity) => emptyDetail(entity),
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

describe('Dashboard in a team (issue #17)', () => {
  const DAY = Date.UTC(2026, 2, 3);
  const ranked = (entity: string, team?: { pages: number; sites: number }) => ({
    entity,
    pages: 2,
    sites: 1,
    firstSeen: DAY,
    lastSeen: DAY,
    ...(team ? { team } : {}),
  });
  const mount = (data: DashboardData, view: DashboardView, lang: 'ar' | 'en' = 'en') => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <Dashboard i18n={createTranslator(lang)} lexicon={bundledLexicon.entities} data={data} view={view} />,
      root,
    );
    return root;
  };

  it('has no team column out of a team', async () => {
    const root = mount(
      { ranking: async () => [ranked('sdf')], detail: async (e) => emptyDetail(e), sites: async () => [] },
      {},
    );
    await vi.waitFor(() => expect(root.querySelector('tr[data-entity=sdf]')).not.toBeNull());
    expect(root.querySelector('[data-testid=team-column]')).toBeNull();
    expect(root.querySelector('[data-testid=team-figures]')).toBeNull();
  });

  it('shows the team’s pages and sites per entity, and a dash where no teammate saw it', async () => {
    const root = mount(
      {
        ranking: async () => [ranked('sdf', { pages: 7, sites: 4 }), ranked('usa', { pages: 0, sites: 0 })],
        detail: async (e) => emptyDetail(e),
        sites: async () => [],
      },
      {},
    );
    await vi.waitFor(() => expect(root.querySelector('tr[data-entity=sdf]')).not.toBeNull());
    expect(root.querySelector('[data-testid=team-column]')?.textContent).toBe('Your team');
    const figures = (id: string) =>
      root.querySelector(`tr[data-entity=${id}] [data-testid=team-figures]`)?.textContent;
    expect(figures('sdf')).toBe('7 pages · 4 sites');
    expect(figures('usa')).toBe('—');
  });

  it('details the team’s sites and pages with who saw the entity there first, as text', async () => {
    const root = mount(
      {
        ranking: async () => [],
        detail: async (e) => ({
          ...emptyDetail(e),
          team: {
            pages: [
              {
                page: 'a.example/1',
                title: '<b>عنوان</b>',
                site: 'a.example',
                firstBy: 'Rana',
                firstSeen: DAY,
                members: 2,
              },
              {
                page: 'https://a.example/2',
                title: 'خبر',
                site: 'a.example',
                firstBy: 'Omar',
                firstSeen: DAY - 1,
                members: 1,
              },
              {
                page: 'javascript:alert(1)',
                title: 'فخ',
                site: 'a.example',
                firstBy: 'Omar',
                firstSeen: DAY - 2,
                members: 1,
              },
            ],
            sites: [{ site: 'a.example', pages: 1, firstBy: 'Rana', firstSeen: DAY }],
            total: 5,
          },
        }),
        sites: async () => [],
      },
      { entity: 'sdf' },
      'ar',
    );
    await vi.waitFor(() => expect(root.querySelector('[data-testid=team-reading]')).not.toBeNull());
    const section = root.querySelector('[data-testid=team-reading]')!;
    const i18n = createTranslator('ar');
    expect(section.querySelector('[data-testid=team-sites] li')?.textContent).toBe(
      `a.example: صفحة واحدة، أولًا Rana في ${i18n.formatDate(DAY)}`.replace(
        'صفحة واحدة',
        i18n.t('pagesCount', { n: 1 }),
      ),
    );
    const page = section.querySelector('[data-testid=team-pages] li')!;
    expect(page.textContent).toContain('<b>عنوان</b>');
    // Not a web page's address: no link.
    expect(page.querySelector('a')).toBeNull();
    expect(page.querySelector('b')).toBeNull();
    expect(page.textContent).toContain(`أولًا Rana في ${i18n.formatDate(DAY)}`);
    expect(section.textContent).toContain(i18n.t('teamMorePages', { n: 2 }));
    // A web page's address is a link; anything else stays text.
    const links = [...section.querySelectorAll('[data-testid=team-pages] a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(['https://a.example/2']);
  });

  it('says so when no teammate has seen the entity', async () => {
    const root = mount(
      {
        ranking: async () => [],
        detail: async (e) => ({ ...emptyDetail(e), team: { pages: [], sites: [], total: 0 } }),
        sites: async () => [],
      },
      { entity: 'sdf' },
    );
    await vi.waitFor(() => expect(root.querySelector('[data-testid=team-reading]')).not.toBeNull());
    expect(root.querySelector('[data-testid=team-reading]')?.textContent).toContain(
      'No one in your team has seen it yet.',
    );
  });
});
