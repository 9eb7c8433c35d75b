import { describe, expect, it } from 'vitest';
import { patternsWith, patternsWithout, readerPatternOf } from './reader-sites.ts';
import { siteOf } from '../pages/page-key.ts';

describe('readerPatternOf', () => {
  it('is the pages of the host, both schemes, any port', () => {
    expect(readerPatternOf('https://www.aljazeera.net/news/2024/1/1/x?a=1#b')).toBe(
      '*://www.aljazeera.net/*',
    );
    expect(readerPatternOf('http://127.0.0.1:8080/baladi/')).toBe('*://127.0.0.1/*');
    expect(readerPatternOf('http://[::1]:8080/')).toBe('*://[::1]/*');
  });

  it('is none for pages the reader is not registered on', () => {
    for (const url of ['file:///home/me/page.html', 'about:blank', 'not a url', '', undefined])
      expect(readerPatternOf(url)).toBeUndefined();
  });
});

describe('patternsWith', () => {
  it('adds a site last, once, and keeps the newest past the cap', () => {
    expect(patternsWith([], '*://a/*')).toEqual(['*://a/*']);
    expect(patternsWith(['*://a/*'], '*://a/*')).toBeUndefined();
    expect(patternsWith(['*://a/*', '*://b/*', '*://c/*'], '*://d/*', 3)).toEqual([
      '*://b/*',
      '*://c/*',
      '*://d/*',
    ]);
  });
});

describe('patternsWithout', () => {
  const patterns = ['*://www.enabbaladi.net/*', '*://enabbaladi.net/*', '*://127.0.0.1/*', '*://m.sana.sy/*'];

  it('forgets every host of a site as siteOf names it (its www., m. and port aside)', () => {
    expect(patternsWithout(patterns, siteOf('https://enabbaladi.net/archives/1'))).toEqual([
      '*://127.0.0.1/*',
      '*://m.sana.sy/*',
    ]);
    expect(patternsWithout(patterns, siteOf('http://127.0.0.1:8080/x'))).toEqual([
      '*://www.enabbaladi.net/*',
      '*://enabbaladi.net/*',
      '*://m.sana.sy/*',
    ]);
    expect(patternsWithout(patterns, siteOf('https://sana.sy/'))).toHaveLength(3);
  });

  it('forgets every site without one, and says when nothing changes', () => {
    expect(patternsWithout(patterns)).toEqual([]);
    expect(patternsWithout([])).toBeUndefined();
    expect(patternsWithout(patterns, 'example.com')).toBeUndefined();
  });
});
