import { describe, expect, it } from 'vitest';
import { pageKey, siteOf } from './page-key.ts';

describe('pageKey', () => {
  it('drops the fragment so an anchor link is the same page', () => {
    expect(pageKey('https://example.com/a/b?id=3#comments')).toBe('https://example.com/a/b?id=3');
  });
  it('keeps the query, which often names the article', () => {
    expect(pageKey('https://example.com/news.php?id=3')).not.toBe(
      pageKey('https://example.com/news.php?id=4'),
    );
  });
});

describe('siteOf', () => {
  it('is the host without www', () => expect(siteOf('https://www.enabbaladi.net/x')).toBe('enabbaladi.net'));
  it('calls saved pages opened from disk one site', () =>
    expect(siteOf('file:///home/r/saved/article.html')).toBe('file'));
  it('keeps the port, so two local test hosts are two sites', () =>
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080'));
});
