import { describe, expect, it } from 'vitest';
import { pageKey, siteOf } from './page-key.ts';

describe('pageKey', () => {
  it('is the page identity for web pages', () => {
    expect(pageKey('http://www.example.com/a/b?id=3&utm_source=x#comments')).toBe(
      'https://example.com/a/b?id=3',
    );
  });
  it('prefers a same-site canonical link', () => {
    expect(pageKey('https://example.com/p?print=1', 'https://example.com/a/b')).toBe(
      'https://example.com/a/b',
    );
  });
  it('keeps the query, which often names the article', () => {
    expect(pageKey('https://example.com/news.php?id=3')).not.toBe(
      pageKey('https://example.com/news.php?id=4'),
    );
  });
  it('is the path, without fragment, for a saved page opened from disk', () => {
    expect(pageKey('file:///home/r/saved/a.html#x')).toBe('file:///home/r/saved/a.html');
  });
});

describe('siteOf', () => {
  it('is the host without www', () => expect(siteOf('https://www.enabbaladi.net/x')).toBe('enabbaladi.net'));
  it('folds the mobile host into the site', () =>
    expect(siteOf('https://m.aljazeera.net/x')).toBe('aljazeera.net'));
  it('calls saved pages opened from disk one site', () =>
    expect(siteOf('file:///home/r/saved/article.html')).toBe('file'));
  it('keeps the port, so two local test hosts are two sites', () =>
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080'));
});
