import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../tests/support/fake-clock.ts';
import { watchLocation } from './location-watcher.ts';

describe('watchLocation', () => {
  it('says when the address changed, once per change, and never without one', () => {
    const clock = new FakeClock();
    let href = 'https://example.org/a';
    const seen: string[] = [];
    watchLocation(
      () => href,
      { clock, signal: new AbortController().signal },
      (url) => seen.push(url),
    );
    clock.tick(5000);
    expect(seen).toEqual([]);
    href = 'https://example.org/b';
    clock.tick(999);
    expect(seen).toEqual([]);
    clock.tick(1);
    clock.tick(3000);
    expect(seen).toEqual(['https://example.org/b']);
  });

  it('stops with its signal', () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    let href = 'https://example.org/a';
    const seen: string[] = [];
    watchLocation(
      () => href,
      { clock, signal: controller.signal },
      (url) => seen.push(url),
    );
    controller.abort();
    href = 'https://example.org/b';
    clock.tick(5000);
    expect([seen, clock.pending]).toEqual([[], []]);
  });
});
