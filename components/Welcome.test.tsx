// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { flush } from '../tests/support/flush.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { Welcome } from './Welcome.tsx';

afterEach(() => document.body.replaceChildren());

function mount(lang: 'ar' | 'en', onDone = () => undefined) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Welcome
      i18n={createTranslator(lang)}
      shortcuts={[
        { command: 'panel', key: 'Alt+Shift+S' },
        { command: 'annotate-selection', key: '' },
      ]}
      onDone={onDone}
    />,
    root,
  );
  return root;
}

const click = (root: HTMLElement, id: string) =>
  (root.querySelector(`[data-testid=${id}]`) as HTMLButtonElement).click();

describe('Welcome, the first-run page', () => {
  it('goes through three screens, the shortcuts on the panel’s, and ends with Start reading', async () => {
    let done = 0;
    const root = mount('en', () => void done++);
    expect(root.querySelector('h2')?.textContent).toBe('What Rasid does');
    expect(root.querySelector('[data-testid=welcome-back]')).toBeNull();
    click(root, 'welcome-next');
    await flush();
    expect(root.querySelector('h2')?.textContent).toBe('Where the panel is');
    // Effects run after the browser paints: a timer's turn later.
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(root.querySelector('h2'));
    expect(
      [...root.querySelectorAll('[data-command]')].map((row) => row.querySelector('dd')?.textContent),
    ).toEqual(['Alt+Shift+S', 'no key yet']);
    click(root, 'welcome-next');
    await flush();
    expect(root.querySelector('[data-testid=welcome-step]')?.textContent).toBe('Step 3 of 3');
    expect(root.querySelector('h2')?.textContent).toBe('Everything stays on your computer');
    click(root, 'welcome-done');
    expect(done).toBe(1);
    click(root, 'welcome-back');
    await flush();
    expect(root.querySelector('h2')?.textContent).toBe('Where the panel is');
  });

  it('speaks Arabic, with Arabic digits where the catalog uses them', () => {
    const root = mount('ar');
    expect(root.querySelector('h1')?.textContent).toBe('مرحبًا بك في راصد');
    expect(root.querySelector('[data-testid=welcome-step]')?.textContent).toMatch(/^الخطوة /u);
  });
});
