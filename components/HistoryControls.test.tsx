// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { HistoryControls, type ForgetWhat } from './HistoryControls.tsx';

afterEach(() => document.body.replaceChildren());

describe('HistoryControls', () => {
  it('asks before forgetting, saying how many pages and that annotations stay; forgets only when confirmed', async () => {
    const forgotten: ForgetWhat[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <HistoryControls
        i18n={createTranslator('en')}
        count={async (what) => (what === 'site' ? 12 : 1)}
        onForget={async (what) => (forgotten.push(what), 12)}
      />,
      root,
    );
    (root.querySelector('[data-forget=site]') as HTMLButtonElement).click();
    await flush();
    expect(root.querySelector('[role=alertdialog] p')?.textContent).toBe(
      'Forget 12 pages from your history? Your annotations are kept.',
    );
    (root.querySelector('button.cancel') as HTMLButtonElement).click();
    await flush();
    expect(forgotten).toEqual([]);
    (root.querySelector('[data-forget=site]') as HTMLButtonElement).click();
    await flush();
    (root.querySelector('button.confirm-forget') as HTMLButtonElement).click();
    await flush();
    expect(forgotten).toEqual(['site']);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Forgotten: 12 pages.');
  });
});
