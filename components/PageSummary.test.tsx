// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageRow } from '../lib/db/schema.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { PageSummary, type PanelState } from './PageSummary.tsx';

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

function show(state: PanelState, lang: 'ar' | 'en' = 'en') {
  const root = document.createElement('div');
  document.body.append(root);
  render(<PageSummary i18n={createTranslator(lang)} state={state} />, root);
  return root;
}
afterEach(() => {
  document.body.replaceChildren();
});

describe('PageSummary', () => {
  it('shows the article title, site, byline and word count', () => {
    const root = show({ kind: 'page', page });
    expect(root.querySelector('#rasid-title')?.textContent).toBe(page.title);
    expect(root.querySelector('[data-testid=site]')?.textContent).toBe('بلدي نيوز');
    expect(root.querySelector('[data-testid=byline]')?.textContent).toBe('By كنان سلطان');
    expect(root.querySelector('[data-testid=word-count]')?.textContent).toBe('812 words');
  });

  it('gives the title its own direction so Arabic reads right-to-left in an English panel', () => {
    const title = show({ kind: 'page', page }).querySelector('#rasid-title');
    expect(title?.getAttribute('dir')).toBe('auto');
    expect(title?.getAttribute('lang')).toBe('ar');
  });

  it('labels the article region by its title', () => {
    const root = show({ kind: 'page', page });
    const id = root.querySelector('article')?.getAttribute('aria-labelledby');
    expect(id && root.querySelector(`#${id}`)?.textContent).toBe(page.title);
  });

  it('renders page text as text, never as markup', () => {
    const root = show({ kind: 'page', page: { ...page, title: '<img src=x onerror=alert(1)>' } });
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
