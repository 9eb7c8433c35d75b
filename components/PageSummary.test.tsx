// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageRow } from '../lib/model/page.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import type { ReaderState } from '../lib/model/page.ts';
import { PageSummary, type PanelActions, type PanelState } from './PageSummary.tsx';

const page: PageRow = {
  url: 'http://127.0.0.1/a',
  site: '127.0.0.1',
  title: 'مقاتلو "الدولة".. ورقة التحالف وروسيا',
  byline: 'كنان سلطان',
  siteName: 'بلدي نيوز',
  publishedTime: null,
  lang: 'ar',
  wordCount: 812,
  firstVisit: Date.UTC(2026, 10, 1),
  lastVisit: Date.UTC(2026, 10, 2),
  visits: 2,
};

function show(
  state: PanelState,
  lang: 'ar' | 'en' = 'en',
  actions: Partial<PanelActions> & { dismissed?: string } = {},
) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<PageSummary i18n={createTranslator(lang)} state={state} {...actions} />, root);
  return root;
}

const reader: ReaderState = {
  url: page.url,
  canonical: null,
  enabled: true,
  article: null,
  timings: null,
  annotations: [],
  entities: [
    {
      id: 'isis',
      type: 'actor',
      subtype: 'armed-group',
      ar: 'تنظيم الدولة الإسلامية',
      en: 'ISIS',
      count: 13,
      hidden: false,
    },
    {
      id: 'sdf',
      type: 'actor',
      subtype: 'armed-group',
      ar: 'قوات سوريا الديمقراطية',
      en: 'SDF',
      count: 4,
      hidden: true,
    },
    {
      id: 'damascus',
      type: 'place',
      subtype: 'governorate',
      ar: 'دمشق',
      en: 'Damascus',
      count: 2,
      hidden: false,
    },
  ],
};
const settings = {
  siteEnabled: true,
  private: false,
  actors: true,
  places: false,
  wholePage: false,
  history: true,
  suggestions: true,
  hoverCards: true,
  shareWithTeam: true,
  colorNames: { green: 'Proof' },
};
afterEach(() => {
  document.body.replaceChildren();
});

describe('PageSummary', () => {
  it('shows the article title, site, byline and word count', () => {
    const root = show({ kind: 'page', page, reader: null, settings: null });
    expect(root.querySelector('#rasid-title')?.textContent).toBe(page.title);
    expect(root.querySelector('[data-testid=site]')?.textContent).toBe('بلدي نيوز');
    expect(root.querySelector('[data-testid=byline]')?.textContent).toBe('By كنان سلطان');
    expect(root.querySelector('[data-testid=word-count]')?.textContent).toBe('812 words');
  });

  it('says when the article was published, as the day the page gives, apart from the reading date (issue 14)', () => {
    const dated = show({
      kind: 'page',
      page: { ...page, publishedTime: '2024-03-25' },
      reader: null,
      settings: null,
    });
    expect(dated.querySelector('[data-testid=published]')?.textContent).toBe('Published Mar 25, 2024');
    expect(dated.querySelector('[data-testid=visits]')?.textContent).toContain('First read Nov 1, 2026');
    const undated = show({ kind: 'page', page, reader: null, settings: null });
    expect(undated.querySelector('[data-testid=published]')).toBeNull();
  });

  it('gives the title its own direction so Arabic reads right-to-left in an English panel', () => {
    const title = show({ kind: 'page', page, reader: null, settings: null }).querySelector('#rasid-title');
    expect(title?.getAttribute('dir')).toBe('auto');
    expect(title?.getAttribute('lang')).toBe('ar');
  });

  it('labels the article region by its title', () => {
    const root = show({ kind: 'page', page, reader: null, settings: null });
    const id = root.querySelector('article')?.getAttribute('aria-labelledby');
    expect(id && root.querySelector(`#${id}`)?.textContent).toBe(page.title);
  });

  it('renders page text as text, never as markup', () => {
    const root = show({
      kind: 'page',
      page: { ...page, title: '<img src=x onerror=alert(1)>' },
      reader: null,
      settings: null,
    });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('#rasid-title')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('announces loading, empty and error states', () => {
    expect(show({ kind: 'loading' }).querySelector('[role=status]')?.textContent).toBe('Reading the page…');
    expect(show({ kind: 'empty' }, 'ar').querySelector('[role=status]')?.textContent).toBe(
      createTranslator('ar').t('noArticle'),
    );
    expect(show({ kind: 'error', message: 'closed' }).querySelector('[role=alert]')?.textContent).toContain(
      'closed',
    );
  });
});

describe('PageSummary: the article’s actors and places', () => {
  const withEntities: PanelState = { kind: 'page', page, reader, settings };

  it('groups them by type with their mention counts', () => {
    const root = show(withEntities);
    const actors = root.querySelector('[data-testid=actors]')!;
    expect(actors.querySelector('h3')?.textContent).toBe('Actors (2)');
    expect([...actors.querySelectorAll('li')].map((li) => li.getAttribute('data-entity'))).toEqual([
      'isis',
      'sdf',
    ]);
    // One line per entity: the number shown, the words in its title and for screen readers (issue 15).
    const count = actors.querySelector('[data-entity=isis] [data-testid=count]')!;
    expect(count.getAttribute('title')).toBe('13 mentions');
    expect(count.querySelector('[aria-hidden]')?.textContent).toBe('13');
    expect(count.querySelector('.visually-hidden')?.textContent).toBe('13 mentions');
    expect(
      root
        .querySelector('[data-testid=places] [data-entity=damascus] [data-testid=count]')
        ?.getAttribute('title'),
    ).toBe('2 mentions');
  });

  it('counts in Arabic with Arabic plural forms', () => {
    const root = show(withEntities, 'ar');
    expect(root.querySelector('[data-entity=damascus] [data-testid=count]')?.getAttribute('title')).toBe(
      'إشارتان',
    );
    expect(root.querySelector('[data-testid=places] h3')?.textContent).toBe('الأماكن (1)');
  });

  it('asks to reveal an entity when its name is clicked, and to hide or show it', () => {
    const calls: unknown[] = [];
    const root = show(withEntities, 'en', {
      onReveal: (id) => calls.push(['reveal', id]),
      onHide: (id, hidden) => calls.push(['hide', id, hidden]),
    });
    (root.querySelector('[data-entity=isis] button.entity') as HTMLButtonElement).click();
    (root.querySelector('[data-entity=isis] button.toggle') as HTMLButtonElement).click();
    (root.querySelector('[data-entity=sdf] button.toggle') as HTMLButtonElement).click();
    expect(calls).toEqual([
      ['reveal', 'isis'],
      ['hide', 'isis', true],
      ['hide', 'sdf', false],
    ]);
    expect(root.querySelector('[data-entity=sdf] button.toggle')?.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[data-entity=sdf] button.toggle')?.getAttribute('aria-label')).toBe(
      'Show قوات سوريا الديمقراطية on this page',
    );
  });

  it('shows the settings and reports a change', () => {
    const patches: unknown[] = [];
    const root = show(withEntities, 'en', { onSettings: (p) => patches.push(p) });
    const places = root.querySelector('input[name=places]') as HTMLInputElement;
    expect(places.checked).toBe(false);
    expect(places.closest('label')?.textContent).toBe('Highlight places');
    places.click();
    const history = root.querySelector('input[name=history]') as HTMLInputElement;
    expect(history.checked).toBe(true);
    expect(history.closest('label')?.textContent).toBe('Remember the pages read and who they name');
    history.click();
    expect(patches).toEqual([{ places: true }, { history: false }]);
  });

  it('names the highlight colours as the reader named them, and saves a new name', () => {
    const patches: unknown[] = [];
    const root = show(withEntities, 'en', { onSettings: (p) => patches.push(p) });
    const green = root.querySelector('input[name=color-green]') as HTMLInputElement;
    const blue = root.querySelector('input[name=color-blue]') as HTMLInputElement;
    expect(green.value).toBe('Proof');
    expect(blue.value).toBe('');
    expect(blue.placeholder).toBe('Question');
    expect(blue.getAttribute('aria-label')).toBe('Name of the blue highlight');
    blue.value = ' Open question ';
    blue.dispatchEvent(new Event('change'));
    expect(patches).toEqual([{ colorNames: { green: 'Proof', blue: 'Open question' } }]);
  });

  it('says when the site is switched off, and lists nothing', () => {
    const root = show({
      kind: 'page',
      page,
      reader: { ...reader, enabled: false },
      settings: { ...settings, siteEnabled: false },
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Rasid is switched off on this site.');
    expect(root.querySelector('[data-testid=actors]')).toBeNull();
  });
});

describe('PageSummary: who appears where', () => {
  const historyOf = (lang: 'en' | 'ar') => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <PageSummary
        i18n={createTranslator(lang)}
        state={{ kind: 'page', page, reader, settings }}
        history={{
          isis: { entity: 'isis', pages: 4, sites: 2, firstSeen: Date.UTC(2026, 9, 1), newOnSite: false },
          sdf: { entity: 'sdf', pages: 1, sites: 1, firstSeen: Date.UTC(2026, 9, 2), newOnSite: true },
          damascus: { entity: 'damascus', pages: 0, sites: 0, firstSeen: null, newOnSite: false },
        }}
      />,
      root,
    );
    return root;
  };

  it('badges an entity recurring, or new here when seen before elsewhere; the full sentence is its title', () => {
    const root = historyOf('en');
    const badge = (id: string) => root.querySelector(`[data-entity=${id}] [data-testid=history]`);
    expect(badge('isis')?.getAttribute('data-flag')).toBe('recurring');
    expect(badge('isis')?.querySelector('[aria-hidden]')?.textContent).toBe('recurring');
    expect(badge('isis')?.getAttribute('title')).toBe(
      'Recurring: 4 other pages on 2 sites since Oct 1, 2026',
    );
    expect(badge('sdf')?.getAttribute('data-flag')).toBe('recurring new-on-site');
    expect(badge('sdf')?.querySelector('[aria-hidden]')?.textContent).toBe('new here');
    expect(badge('sdf')?.getAttribute('title')).toBe(
      'Recurring, and new on this site: 1 other page on 1 site since Oct 2, 2026',
    );
    expect(badge('sdf')?.querySelector('.visually-hidden')?.textContent).toBe(
      badge('sdf')?.getAttribute('title'),
    );
  });

  it('gives no badge to an entity met for the first time: a first read is not a wall of flags', () => {
    expect(historyOf('en').querySelector('[data-entity=damascus] [data-testid=history]')).toBeNull();
  });

  it('sums the page up at the top: actors, places, and how many were seen on other sites', () => {
    // isis: seen on 2 sites, this one among them (not new here) → one other; sdf: new here, 1 site → other.
    expect(historyOf('en').querySelector('[data-testid=overview]')?.textContent).toBe(
      '2 actors · 1 place · 2 seen on other sites',
    );
    expect(historyOf('ar').querySelector('[data-testid=overview]')?.textContent).toBe(
      'فاعلان · مكان واحد · اثنان رُصدا على مواقع أخرى',
    );
    // Nothing seen elsewhere: nothing said about it.
    expect(
      show({ kind: 'page', page, reader, settings }).querySelector('[data-testid=overview]')?.textContent,
    ).toBe('2 actors · 1 place');
  });

  it('folds every section, the settings shut at first', () => {
    const root = historyOf('en');
    const open = (sel: string) => (root.querySelector(sel) as HTMLDetailsElement).open;
    expect(open('[data-testid=actors]')).toBe(true);
    expect(open('[data-testid=places]')).toBe(true);
    expect(open('details.settings')).toBe(false);
    expect(root.querySelector('[data-testid=actors] > summary h3')?.textContent).toBe('Actors (2)');
  });
});

describe('PageSummary: the reader’s annotations', () => {
  const annotated = (orphan: boolean): PanelState => ({
    kind: 'page',
    page,
    settings,
    reader: {
      ...reader,
      annotations: [
        {
          orphan,
          row: {
            id: 'a1',
            page: page.url,
            target: {
              source: page.url,
              selector: {
                quote: { exact: '<b>قسد</b>', prefix: '', suffix: '' },
                position: { start: 0, end: 3 },
              },
            },
            body: { note: 'ملاحظة <img src=x>', tags: ['كرد'], color: 'green', entity: 'sdf' },
            created: 0,
            modified: 0,
          },
        },
      ],
    },
  });

  it('lists quote, note and tags as text', () => {
    const root = show(annotated(false));
    expect(root.querySelector('[data-testid=quote]')?.textContent).toBe('<b>قسد</b>');
    expect(root.querySelector('[data-testid=note]')?.textContent).toBe('ملاحظة <img src=x>');
    expect(root.querySelector('[data-testid=tags]')?.textContent).toBe('#كرد');
    expect(root.querySelector('[data-testid=linked]')?.textContent).toBe('About قوات سوريا الديمقراطية');
    expect(root.querySelector('[data-testid=annotations] img, [data-testid=annotations] b')).toBeNull();
  });

  it('names a linked entity of the reader’s own', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const state = annotated(false);
    if (state.kind === 'page' && state.reader) state.reader.annotations[0]!.row.body.entity = 'reader-1';
    render(
      <PageSummary i18n={createTranslator('en')} state={state} ownNames={{ 'reader-1': 'لواء الباقر' }} />,
      root,
    );
    expect(root.querySelector('[data-testid=linked]')?.textContent).toBe('About لواء الباقر');
  });

  it('marks an orphan and offers no way to go to it', () => {
    const root = show(annotated(true));
    expect(root.querySelector('[data-testid=orphan]')?.textContent).toBe(
      'Not found on the page as it is now',
    );
    expect(root.querySelector('[data-annotation] button.go')).toBeNull();
  });

  it('deletes, then offers to undo', () => {
    const calls: string[] = [];
    const root = show(annotated(false), 'en', {
      onDeleteAnnotation: (id) => calls.push(`delete ${id}`),
      onUndo: () => calls.push('undo'),
    });
    (root.querySelector('[data-annotation] button.delete') as HTMLButtonElement).click();
    expect(calls).toEqual(['delete a1']);
    const withUndo = document.createElement('div');
    document.body.append(withUndo);
    render(
      <PageSummary
        i18n={createTranslator('en')}
        state={annotated(false)}
        canUndo
        onUndo={() => calls.push('undo')}
      />,
      withUndo,
    );
    expect(withUndo.querySelector('[role=status]')?.textContent).toBe('Annotation deleted. Undo');
    (withUndo.querySelector('button.undo') as HTMLButtonElement).click();
    expect(calls).toEqual(['delete a1', 'undo']);
  });
});

describe('PageSummary: names Rasid doesn’t know yet', () => {
  const suggested: PanelState = {
    kind: 'page',
    page,
    settings,
    reader: {
      ...reader,
      suggestions: [
        { key: 'سليم الخطيب', text: 'سليم الخطيب', type: 'actor', kind: 'person', count: 2 },
        { key: 'كفرنبل', text: 'كفرنبل', type: 'place', kind: 'place', count: 1 },
      ],
    },
  };

  it('lists them apart from the known names, in Arabic first, with their kind and count', () => {
    const root = show(suggested, 'ar');
    const section = root.querySelector('[data-testid=suggestions]')!;
    expect(section.querySelector('h3')?.textContent).toBe('أسماء لا يعرفها راصد بعد (2)');
    expect([...section.querySelectorAll('li[data-suggestion] .ar')].map((el) => el.textContent)).toEqual([
      'سليم الخطيب',
      'كفرنبل',
    ]);
    // Not among the known actors and places.
    expect(root.querySelector('[data-testid=actors]')?.textContent).not.toContain('سليم الخطيب');
    expect(root.querySelector('li[data-suggestion="كفرنبل"] .kind')?.textContent).toBe('مكان');
    expect(show(suggested, 'en').querySelector('[data-testid=suggestions] h3')?.textContent).toBe(
      'Names Rasid doesn’t know yet (2)',
    );
  });

  it('adds one as an actor or a place, or says it is not a name', () => {
    const calls: string[] = [];
    const root = show(suggested, 'en', {
      onAddName: (n, type) => calls.push(`${type} ${n.text}`),
      onDismissName: (n) => calls.push(`dismiss ${n.key}`),
    });
    const button = (key: string, cls: string) =>
      root.querySelector<HTMLButtonElement>(`li[data-suggestion="${key}"] button.${cls}`)!;
    expect(button('سليم الخطيب', 'add-actor').getAttribute('aria-label')).toBe('Add as actor: “سليم الخطيب”');
    button('سليم الخطيب', 'add-actor').click();
    button('كفرنبل', 'add-place').click();
    button('كفرنبل', 'dismiss').click();
    expect(calls).toEqual(['actor سليم الخطيب', 'place كفرنبل', 'dismiss كفرنبل']);
  });

  it('says a dismissed name is no longer suggested, with its undo, even when no suggestion is left', () => {
    let undone = 0;
    const root = show({ kind: 'page', page, settings, reader }, 'en', {
      dismissed: 'كفرنبل',
      onUndoDismiss: () => undone++,
    });
    const notice = root.querySelector('[data-testid=dismissed]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('“كفرنبل” will not be suggested again, on any page.');
    notice.querySelector<HTMLButtonElement>('button.undo-dismiss')!.click();
    expect(undone).toBe(1);
    expect(
      show({ kind: 'page', page, settings, reader }, 'en').querySelector('[data-testid=dismissed]'),
    ).toBeNull();
  });

  it('shows nothing of them when there are none, and switches them off in the settings', () => {
    const patches: object[] = [];
    const root = show({ kind: 'page', page, settings, reader }, 'en', { onSettings: (p) => patches.push(p) });
    expect(root.querySelector('[data-testid=suggestions]')).toBeNull();
    const box = root.querySelector<HTMLInputElement>('input[name=suggestions]')!;
    expect(box.closest('label')?.textContent).toBe('Suggest names Rasid doesn’t know yet');
    expect(box.checked).toBe(true);
    box.click();
    expect(patches).toEqual([{ suggestions: false }]);
  });
});

describe('PageSummary: names from the keyboard (issue 15)', () => {
  const names = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('button.entity')];
  const press = (key: string) =>
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

  it('puts one name in the tab order and moves between names with the arrow keys, Home and End', () => {
    const root = show({ kind: 'page', page, reader, settings });
    const buttons = names(root);
    expect(buttons.map((b) => b.tabIndex)).toEqual(buttons.map((_, i) => (i === 0 ? 0 : -1)));
    buttons[0]!.focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(buttons[1]);
    press('End');
    expect(document.activeElement).toBe(buttons.at(-1));
    press('ArrowDown');
    expect(document.activeElement).toBe(buttons.at(-1));
    press('Home');
    expect(document.activeElement).toBe(buttons[0]);
    press('ArrowUp');
    expect(document.activeElement).toBe(buttons[0]);
  });
});
