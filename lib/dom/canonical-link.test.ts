// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalLink } from './canonical-link.ts';

const link = (attributes: Record<string, string>) => {
  const el = document.createElement('link');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.head.append(el);
};
afterEach(() => document.head.replaceChildren());

describe('canonicalLink', () => {
  it('is the canonical link, made absolute', () => {
    link({ rel: 'alternate', hreflang: 'en', href: '/en/news/1' });
    link({ rel: 'canonical', href: '/news/1' });
    expect(canonicalLink(document)).toBe(new URL('/news/1', document.baseURI).href);
  });

  it('finds canonical among several rel values', () => {
    link({ rel: 'alternate canonical', href: 'https://example.org/a' });
    expect(canonicalLink(document)).toBe('https://example.org/a');
  });

  it('is null without one, or with one that has no address', () => {
    expect(canonicalLink(document)).toBeNull();
    link({ rel: 'canonical' });
    expect(canonicalLink(document)).toBeNull();
  });
});
