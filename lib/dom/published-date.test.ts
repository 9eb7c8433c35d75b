// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { publishedDate } from './published-date.ts';
import { parseHtmlDocument } from './parse-html.ts';

const NOW = Date.UTC(2026, 10, 30, 12);

/** A page made of `head` and `body` HTML: a fixture written out, not a live page. */
const page = (head: string, body = '<article><p>نص المقال.</p></article>'): string =>
  `<html><head>${head}</head><body>${body}</body></html>`;

/** The browser's DOM (happy-dom here), and linkedom's (the CLI's, and a page's snapshot read in Node). */
const parsers: [string, (html: string) => Document][] = [
  ['the browser’s DOM', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => parseHtmlDocument(html)],
];

describe.each(parsers)(
  'publishedDate, in %s: where a page says when its article was published (issue 14)',
  (_dom, parse) => {
    it.each<[format: string, html: string, readability: string | null, expected: string | null]>([
      ['Readability’s publishedTime', page(''), '2024-03-25T10:15:00+03:00', '2024-03-25T07:15:00.000Z'],
      [
        'article:published_time meta',
        page('<meta property="article:published_time" content="2024-03-25T10:15:00Z">'),
        null,
        '2024-03-25T10:15:00.000Z',
      ],
      ['a meta with a day only', page('<meta name="pubdate" content="2024-03-25">'), null, '2024-03-25'],
      [
        'JSON-LD datePublished',
        page(
          '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-25"}</script>',
        ),
        null,
        '2024-03-25',
      ],
      [
        'JSON-LD @graph',
        page(
          '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-25T08:00:00+02:00"}]}</script>',
        ),
        null,
        '2024-03-25T06:00:00.000Z',
      ],
      [
        'JSON-LD array',
        page(
          '<script type="application/ld+json">[{"@type":"Organization"},{"datePublished":"2023-12-31"}]</script>',
        ),
        null,
        '2023-12-31',
      ],
      [
        'broken JSON-LD, then a <time datetime> in the article',
        page(
          '<script type="application/ld+json">{"datePublished": </script>',
          '<header><time datetime="2020-01-01">old</time></header><article><time datetime="2024-03-25T09:00">25 مارس</time></article>',
        ),
        null,
        '2024-03-25T09:00:00.000Z',
      ],
      [
        'a <time datetime> with Arabic-Indic digits',
        page('', '<article><time datetime="٢٠٢٤-٠٣-٢٥">٢٥ مارس</time></article>'),
        null,
        '2024-03-25',
      ],
      [
        'a Hijri date in text',
        page('', '<article><span class="post-date">١٥ رمضان ١٤٤٥ هـ</span></article>'),
        null,
        '2024-03-25',
      ],
      [
        'a Gregorian date in text, Levantine month, Persian digits',
        page('', '<article><time>الاثنين ۲۵ آذار ۲۰۲۴</time></article>'),
        null,
        '2024-03-25',
      ],
      [
        'a numeric date in text, day first',
        page('', '<div class="date">25/03/2024 - 10:15</div>'),
        null,
        '2024-03-25',
      ],
      [
        'an implausible Readability date, then a meta',
        page('<meta property="article:published_time" content="2024-03-25">'),
        '1970-01-01T00:00:00Z',
        '2024-03-25',
      ],
      [
        'a date in the future',
        page('<meta property="article:published_time" content="2031-01-01">'),
        null,
        null,
      ],
      ['a date before 1990', page('<meta name="date" content="1989-12-31">'), null, null],
      ['a date that is no day', page('<meta name="date" content="2024-02-30">'), null, null],
      ['a page without a date', page('<meta name="description" content="خبر">'), null, null],
    ])('%s', (_format, html, readability, expected) => {
      expect(publishedDate(parse(html), readability, NOW)).toBe(expected);
    });
  },
);
