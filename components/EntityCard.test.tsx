// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { EntityCard, type CardEntity } from './EntityCard.tsx';

const entity: CardEntity = {
  id: 'sdf',
  type: 'actor',
  subtype: 'armed-group',
  ar: 'قوات سوريا الديمقراطية',
  en: 'Syrian Democratic Forces',
  index: 2,
  count: 4,
};

function show(
  lang: 'ar' | 'en',
  calls: string[] = [],
  published: string | null = null,
  shown: CardEntity = entity,
) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <EntityCard
      i18n={createTranslator(lang)}
      entity={shown}
      onPrevious={() => calls.push('previous')}
      onNext={() => calls.push('next')}
      onHide={() => calls.push('hide')}
      published={published}
      onClose={() => calls.push('close')}
    />,
    root,
  );
  return root;
}
afterEach(() => document.body.replaceChildren());

describe('EntityCard', () => {
  it('names the entity in Arabic and English, its kind, and which mention this is', () => {
    const root = show('en');
    expect(root.querySelector('h2')?.textContent).toBe('قوات سوريا الديمقراطية');
    expect(root.querySelector('.en')?.textContent).toBe('Syrian Democratic Forces');
    expect(root.querySelector('.kind')?.textContent).toBe('Actor · armed group');
    expect(root.querySelector('[data-testid=mention-of]')?.textContent).toBe('Mention 2 of 4 on this page');
  });

  it('says who added a teammate’s name for the team, as text (issue #17), and nothing for other names', () => {
    const teams = { ...entity, id: 'reader-1', teamBy: 'رنا <b>' };
    const line = show('ar', [], null, teams).querySelector('[data-testid=team-name]');
    expect(line?.textContent).toBe('أضافه رنا <b> للفريق');
    expect(line?.querySelector('b')).toBeNull();
    expect(
      show('en', [], null, { ...teams, teamBy: 'Rana' }).querySelector('[data-testid=team-name]')
        ?.textContent,
    ).toBe('Added by Rana for the team');
    expect(show('en').querySelector('[data-testid=team-name]')).toBeNull();
  });

  it('says when the article was published, where the page says so (issue 14)', () => {
    expect(show('en', [], '2024-03-25').querySelector('[data-testid=published]')?.textContent).toBe(
      'In an article published Mar 25, 2024',
    );
    expect(
      show('ar', [], '2024-03-25T07:15:00.000Z').querySelector('[data-testid=published]')?.textContent,
    ).toMatch(/^في مقال نُشر .*2024/u);
    expect(show('en').querySelector('[data-testid=published]')).toBeNull();
  });

  it('shows nothing of the reader’s history: that is for the side panel, not the page (issue #12)', () => {
    const text = show('en').textContent ?? '';
    expect(text).not.toMatch(/other page|site|since|recurring/iu);
    expect(show('en').querySelector('[data-testid=history]')).toBeNull();
  });

  it('is a labelled dialog, right-to-left in Arabic', () => {
    const card = show('ar').querySelector('[role=dialog]')!;
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.querySelector(`#${card.getAttribute('aria-labelledby')}`)?.textContent).toBe(entity.ar);
    expect(card.querySelector('.kind')?.textContent).toBe('فاعل · جماعة مسلحة');
  });

  it('has keyboard-reachable buttons for previous, next, hide and close; Escape closes', () => {
    const calls: string[] = [];
    const root = show('en', calls);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.every((b) => b.type === 'button' && b.tabIndex >= 0)).toBe(true);
    for (const b of buttons) b.click();
    root
      .querySelector('[role=dialog]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(calls).toEqual(['close', 'previous', 'next', 'hide', 'close']);
  });
});

describe('EntityCard in a team (issue #17)', () => {
  it('holds the team’s line in a labelled extension frame, and nothing the team read in its own markup', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const address = 'chrome-extension://abc/card-team.html#entity=sdf&url=https%3A%2F%2Fa.example%2F';
    render(
      <EntityCard
        i18n={createTranslator('ar')}
        entity={entity}
        onPrevious={() => undefined}
        onNext={() => undefined}
        onHide={() => undefined}
        onClose={() => undefined}
        teamFrame={address}
      />,
      root,
    );
    const frame = root.querySelector('iframe[data-testid=team-frame]')!;
    expect(frame.getAttribute('src')).toBe(address);
    expect(frame.getAttribute('title')).toBe(createTranslator('ar').t('teamCardFrame'));
    expect(root.textContent).not.toMatch(/فريق|team/iu);
  });

  it('has no frame out of a team', () => {
    expect(show('en').querySelector('iframe')).toBeNull();
  });
});
