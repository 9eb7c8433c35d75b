// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../lib/i18n/i18n.ts';
import type { EntityHistory } from '../lib/model/mention.ts';
import { TeamLine } from './TeamLine.tsx';

const MARCH_3 = Date.UTC(2026, 2, 3, 12);
const history = (newOnSite: boolean): EntityHistory => ({
  entity: 'sdf',
  pages: 0,
  sites: 0,
  firstSeen: null,
  newOnSite: false,
  team: { entity: 'sdf', pages: 7, sites: 4, firstBy: 'Rana', firstSeen: MARCH_3, newOnSite },
});
const shown = (lang: 'ar' | 'en', h: EntityHistory | undefined) => {
  const root = document.createElement('div');
  document.body.append(root);
  render(<TeamLine i18n={createTranslator(lang)} history={h} />, root);
  return root.querySelector('[data-testid=team-line]')!;
};
afterEach(() => document.body.replaceChildren());

describe('TeamLine, the card’s team line (issue #17)', () => {
  it('says where the team saw the name and who first, with the date as the UI writes dates', () => {
    const i18n = createTranslator('en');
    const line = shown('en', history(false));
    expect(line.textContent).toBe(
      `team Your team saw it on 7 pages of 4 sites, first Rana on ${i18n.formatDate(MARCH_3)}`,
    );
    expect(
      shown('en', { ...history(false), team: { ...history(false).team!, pages: 1, sites: 1 } }).textContent,
    ).toBe(`team Your team saw it on 1 page of 1 site, first Rana on ${i18n.formatDate(MARCH_3)}`);
    expect(line.getAttribute('data-flag')).toBe('team');
  });

  it('is right to left in Arabic, and flags a name new on this site', () => {
    const i18n = createTranslator('ar');
    const line = shown('ar', history(true));
    expect([line.getAttribute('dir'), line.getAttribute('lang')]).toEqual(['rtl', 'ar']);
    expect(line.textContent).toContain(i18n.formatDate(MARCH_3));
    expect(line.textContent).toContain(i18n.t('teamNewOnSite'));
    expect(line.getAttribute('data-flag')).toBe('team new-on-site');
  });

  it('says so when no teammate has seen it', () => {
    expect(shown('en', { ...history(false), team: undefined }).textContent).toBe(
      'team No one in your team has seen it yet.',
    );
  });
});
