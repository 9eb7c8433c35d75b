// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fallbackSummary } from './fallback-summary.ts';

describe('fallbackSummary', () => {
  it('is the page’s title, language and direction, and nothing it cannot know', () => {
    document.title = 'عنوان الصفحة';
    document.documentElement.setAttribute('lang', 'ar');
    document.documentElement.setAttribute('dir', 'rtl');
    expect(fallbackSummary(document)).toEqual({
      title: 'عنوان الصفحة',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: 'ar',
      dir: 'rtl',
      excerpt: null,
      wordCount: 0,
    });
  });

  it('has no language or direction when the page declares none', () => {
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
    const summary = fallbackSummary(document);
    expect([summary.lang, summary.dir]).toEqual([null, null]);
  });
});
