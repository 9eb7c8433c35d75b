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

function show(lang: 'ar' | 'en', calls: string[] = []) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <EntityCard
      i18n={createTranslator(lang)}
      entity={entity}
      onPrevious={() => calls.push('previous')}
      onNext={() => calls.push('next')}
      onHide={() => calls.push('hide')}
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

  it('says what Rasid remembers of the entity', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <EntityCard
        i18n={createTranslator('en')}
        entity={entity}
        history={{ entity: 'sdf', pages: 3, sites: 2, firstSeen: Date.UTC(2026, 9, 1), newOnSite: true }}
        onPrevious={() => undefined}
        onNext={() => undefined}
        onHide={() => undefined}
        onClose={() => undefined}
      />,
      root,
    );
    expect(root.querySelector('[data-testid=history]')?.textContent).toBe(
      'Recurring, and new on this site: 3 other pages on 2 sites since Oct 1, 2026',
    );
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
