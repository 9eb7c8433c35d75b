import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from './yield-to-page.ts';

describe('yieldToPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the browser’s scheduler where there is one', async () => {
    const scheduler = { yield: vi.fn(() => Promise.resolve()) };
    vi.stubGlobal('scheduler', scheduler);
    await yieldToPage();
    expect(scheduler.yield).toHaveBeenCalledOnce();
  });

  it('else lets a task run: a timer due now fires before it resolves', async () => {
    vi.stubGlobal('scheduler', undefined);
    let fired = false;
    setTimeout(() => (fired = true), 0);
    // Several turns: a message may be delivered before a timer of the same age.
    for (let i = 0; i < 20 && !fired; i++) await yieldToPage();
    expect(fired).toBe(true);
  });
});
