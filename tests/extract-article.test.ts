import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, extractArticle } from '../lib/article/extract-article.ts';
import { parseHtmlDocument } from '../lib/dom/parse-html.ts';

/** One generated test per folder of `tests/fixtures/pages` (see its README). */
const PAGES = new URL('./fixtures/pages/', import.meta.url);

interface Expected {
  title: string;
  author: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  firstParagraph: string;
  lastParagraph: string;
  boilerplate: string[];
}

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

const slugs = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe.each(slugs)('Readability on %s', (slug) => {
  const html = readFileSync(new URL(`${slug}/source.html`, PAGES), 'utf8');
  const expected = JSON.parse(
    readFileSync(new URL(`${slug}/expected-metadata.json`, PAGES), 'utf8'),
  ) as Expected;
  const article = extractArticle(parseHtmlDocument(html, `http://127.0.0.1/${slug}/`));

  it('finds the article with its title and site', () => {
    expect(article?.summary.title).toBe(expected.title);
    if (expected.siteName) expect(article?.summary.siteName).toBe(expected.siteName);
  });

  it('reports the byline (Readability prefers <meta name="author"> to the byline element)', () => {
    const byline = expected.author ?? expected.byline;
    if (byline) expect(article?.summary.byline).toBe(byline);
  });

  it('keeps the first and last paragraphs', () => {
    const text = squash(article?.text ?? '');
    expect(text).toContain(squash(expected.firstParagraph));
    expect(text).toContain(squash(expected.lastParagraph));
  });

  it('leaves navigation, related articles, comments and footer out', () => {
    const text = squash(article?.text ?? '');
    for (const phrase of expected.boilerplate) expect(text).not.toContain(squash(phrase));
  });

  it('counts the words of the article text', () => {
    expect(article?.summary.wordCount).toBe(countWords(article?.text ?? ''));
    expect(article?.summary.wordCount).toBeGreaterThan(100);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['قوات سوريا الديمقراطية', 3],
    ['بلدي نيوز – (كنان سلطان)', 4],
    ['  ٣ آلاف  انتحاري\n', 3],
    ['M4 و SY24', 3],
  ])('%j has %i words', (text, n) => expect(countWords(text)).toBe(n));
});
