import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, extractArticle } from '../lib/article/extract-article.ts';
import { parseHtmlDocument } from '../lib/dom/parse-html.ts';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { spot } from '../lib/lexicon/spot.ts';

/**
 * One generated test per folder of `tests/fixtures/pages` (see its README), run through
 * `extractArticle`: the extension's own extractor (`articleNodes`), as the CLI runs it.
 */
const PAGES = new URL('./fixtures/pages/', import.meta.url);

interface Expected {
  title: string;
  /** The text of the page's byline element, or null. */
  byline: string | null;
  /** `<meta name="author">`, or null: Readability 0.6 reports it as the byline when present. */
  author: string | null;
  siteName: string | null;
  lang: string | null;
  /** The page's `article:published_time`, as an ISO instant (UTC): what Rasid keeps (issue 14). */
  published: string | null;
  firstParagraph: string;
  lastParagraph: string;
  boilerplate: string[];
  /** The article's words, counted apart from Rasid's code (see the README). */
  wordCount: number;
}

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

const slugs = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe.each(slugs)('the article of %s', (slug) => {
  const html = readFileSync(new URL(`${slug}/source.html`, PAGES), 'utf8');
  const expected = JSON.parse(
    readFileSync(new URL(`${slug}/expected-metadata.json`, PAGES), 'utf8'),
  ) as Expected;
  const article = extractArticle(parseHtmlDocument(html, `http://127.0.0.1/${slug}/`));
  const text = squash(article.text);

  it('is found by Readability, with its title and site', () => {
    expect(article.source).toBe('readability');
    expect(article.summary?.title).toBe(expected.title);
    expect(article.summary?.siteName).toBe(expected.siteName);
  });

  it('has the publication date the page states, normalised', () => {
    expect(article.summary?.publishedTime).toBe(expected.published);
  });

  it('has the byline the page states, or none (Readability prefers <meta name="author">)', () => {
    expect(article.summary?.byline).toBe(expected.author ?? expected.byline);
  });

  it('is read from the headline to the last paragraph', () => {
    expect(text.startsWith(squash(expected.title))).toBe(true);
    expect(text).toContain(squash(expected.firstParagraph));
    expect(text).toContain(squash(expected.lastParagraph));
  });

  it('leaves navigation, related articles, comments and footer out', () => {
    for (const phrase of expected.boilerplate) expect(text).not.toContain(squash(phrase));
  });

  it('has as many words as its paragraphs hold', () => {
    expect(article.summary?.wordCount).toBe(expected.wordCount);
  });
});

/**
 * An article of 86 words naming twelve actors and places. Under Readability's 500 characters, such an
 * article was read as its headline alone (1 of 11 entities, issue #12).
 */
const SHORT = [
  'قالت مصادر إن قوات سوريا الديمقراطية شنت حملة دهم في ريف دير الزور، طالت شبانا قيل إنهم مع تنظيم داعش.',
  'وقال شهود إن الحملة تمت مع التحالف الدولي، وشملت قرى قرب حقل العمر ومدينة البوكمال.',
  'في المقابل، عززت قوات النظام مواقعها في الميادين، بينما سيرت روسيا دورية قرب مطار دير الزور.',
  'ولم تعلق إيران على ذلك، فيما تهدد تركيا بعملية جديدة. وفي المنطقة توتر منذ أشهر.',
  'وتأتي الحملة بعد أيام من هجوم على نقاط للطرفين، قتل فيه ستة وجرح عشرة، كما قال لنا أحد من هناك.',
];
const SHORT_PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><title>اعتقالات في ريف دير الزور</title></head>
<body>
<header><a href="/">الرئيسية</a></header>
<nav><ul><li><a href="/syria">سوريا</a></li><li><a href="/world">عربي ودولي</a></li></ul></nav>
<main><article>
<h1>اعتقالات في ريف دير الزور</h1>
${SHORT.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">حزب الله يعلن التعبئة</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer>
</body></html>`;

describe('a short article', () => {
  it('is read whole: every paragraph and every name in it, and not the sidebar', () => {
    expect(countWords(SHORT.join(' '))).toBe(86);
    const article = extractArticle(parseHtmlDocument(SHORT_PAGE));
    expect(article.source).toBe('fallback');
    for (const paragraph of SHORT) expect(article.text).toContain(paragraph);
    const named = new Set(spot(article.text, compiledBundledLexicon()).map((m) => m.alias.entity.id));
    expect([...named].sort()).toEqual(
      [
        'sdf',
        'deir-ez-zor',
        'isis',
        'international-coalition',
        'al-omar-field',
        'albukamal',
        'syrian-regime-forces',
        'al-mayadin',
        'russia',
        'deir-ez-zor-airport',
        'iran',
        'turkey',
      ].sort(),
    );
    expect(article.summary?.title).toBe('اعتقالات في ريف دير الزور');
  });
});
