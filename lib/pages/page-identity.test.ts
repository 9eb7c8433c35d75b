import { describe, expect, it } from 'vitest';
import { keptAddress, pageIdentity, siteHost } from './page-identity.ts';

const A = 'https://enabbaladi.net/archives/12345';

/** One row per rule: [rule, url, canonical link, identity]. */
const RULES: [string, string, string | null, string][] = [
  ['a plain URL is its own identity', A, null, A],
  ['the fragment goes', `${A}#comments`, null, A],
  ['utm parameters go', `${A}?utm_source=twitter&utm_medium=social`, null, A],
  ['fbclid and gclid go', `${A}?fbclid=IwAR0&gclid=Cj0`, null, A],
  ['other tracking parameters go', `${A}?msclkid=1&igshid=2&mc_cid=3&_ga=4&xtor=5`, null, A],
  [
    'parameters that name the article stay',
    'https://www.alquds.co.uk/news.php?id=77',
    null,
    'https://alquds.co.uk/news.php?id=77',
  ],
  ['remaining parameters are sorted', 'https://x.example/p?b=2&a=1', null, 'https://x.example/p?a=1&b=2'],
  ['www. goes', 'https://www.enabbaladi.net/archives/12345', null, A],
  ['m. (mobile) goes', 'https://m.enabbaladi.net/archives/12345', null, A],
  ['amp. goes', 'https://amp.enabbaladi.net/archives/12345', null, A],
  ['an /amp path suffix goes', `${A}/amp`, null, A],
  ['an /amp/ path suffix goes', `${A}/amp/`, null, A],
  ['an /amp/ path prefix goes', 'https://enabbaladi.net/amp/archives/12345', null, A],
  [
    '.amp before the extension goes',
    'https://x.example/news/123.amp.html',
    null,
    'https://x.example/news/123.html',
  ],
  ['?amp=1 goes', `${A}?amp=1`, null, A],
  ['?outputType=amp goes', `${A}?outputType=amp`, null, A],
  ['http and https are one page', 'http://enabbaladi.net/archives/12345', null, A],
  ['the host is lower case', 'https://EnabBaladi.NET/archives/12345', null, A],
  ['a trailing slash goes', `${A}/`, null, A],
  ['the root keeps its slash', 'https://enabbaladi.net/', null, 'https://enabbaladi.net/'],
  ['a same-site canonical wins', `${A}?page=print`, A, A],
  ['a relative canonical resolves against the page', 'https://enabbaladi.net/p?id=1', '/archives/12345', A],
  [
    'a canonical on the mobile host is the same site',
    'https://enabbaladi.net/x',
    'https://m.enabbaladi.net/archives/12345',
    A,
  ],
  ['a cross-site canonical is ignored', A, 'https://other.example/original', A],
  ['a malformed canonical is ignored', A, 'http://[::1', A],
  ['a non-http canonical is ignored', A, 'javascript:alert(1)', A],
];

describe('pageIdentity', () => {
  it.each(RULES)('%s', (_rule, url, canonical, identity) => {
    expect(pageIdentity(url, canonical)).toBe(identity);
  });

  it('keeps different articles apart', () => {
    expect(pageIdentity(`${A}?utm_source=x`)).not.toBe(pageIdentity('https://enabbaladi.net/archives/12346'));
    expect(pageIdentity('https://x.example/news.php?id=1')).not.toBe(
      pageIdentity('https://x.example/news.php?id=2'),
    );
  });
});

describe('siteHost', () => {
  it.each([
    ['www.enabbaladi.net', 'enabbaladi.net'],
    ['m.aljazeera.net', 'aljazeera.net'],
    ['www.m.example.com', 'example.com'],
    ['arabic.cnn.com', 'arabic.cnn.com'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
  ])('%s → %s', (host, site) => expect(siteHost(host)).toBe(site));
});

describe('keptAddress', () => {
  it.each([
    ['https://www.enabbaladi.net/a?utm_source=fb&fbclid=x#comments', 'https://www.enabbaladi.net/a'],
    ['https://example.com/story?id=42&gclid=abc', 'https://example.com/story?id=42'],
    ['http://example.com/a', 'http://example.com/a'],
  ])('keeps %s as %s: no fragment, no tracking parameter', (address, kept) => {
    expect(keptAddress(address)).toBe(kept);
  });
});
