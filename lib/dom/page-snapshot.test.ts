import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromIndices, articleNodes, readabilityIndices, READABILITY_LIMITS } from './article-nodes.ts';
import { parseHtmlDocument } from './parse-html.ts';
import {
  buildSnapshot,
  snapshotPage,
  snapshotPageInSlices,
  snapshotProblem,
  type SnapshotItem,
} from './page-snapshot.ts';

const PAGES = new URL('../../tests/fixtures/pages/', import.meta.url);
const slugs = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const LIMITS = { ...READABILITY_LIMITS, chars: 5_000_000 };

/** The background's half, as it runs there: a document of its own, built from the snapshot. */
function elsewhere(items: SnapshotItem[]) {
  const doc = parseHtmlDocument('<!doctype html><html><head></head><body></body></html>');
  const texts = buildSnapshot(doc, items);
  return readabilityIndices(doc, texts);
}

describe.each(slugs)('read off the page, %s', (slug) => {
  it('gives the very nodes and summary that Readability on the page gives', () => {
    const html = readFileSync(new URL(`${slug}/source.html`, PAGES), 'utf8');
    const here = parseHtmlDocument(html, `http://127.0.0.1/${slug}/`);
    const expected = articleNodes(here);
    const live = parseHtmlDocument(html, `http://127.0.0.1/${slug}/`);
    const snapshot = snapshotPage(live);
    expect(snapshotProblem(JSON.parse(JSON.stringify(snapshot.items)), LIMITS)).toBeNull();
    const found = elsewhere(JSON.parse(JSON.stringify(snapshot.items)) as SnapshotItem[]);
    const got = articleFromIndices(live, snapshot.texts, found);
    expect(got.source).toBe(expected.source);
    expect(got.summary).toEqual(expected.summary);
    // Two parses of one file: the same nodes, told apart by their place among the page's text nodes.
    const placeIn = (doc: Document) => {
      const all: Node[] = [];
      const walker = doc.createTreeWalker(doc, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) all.push(n);
      return (nodes: Text[]) => nodes.map((n) => all.indexOf(n));
    };
    expect(placeIn(live)(got.nodes)).toEqual(placeIn(here)(expected.nodes));
    expect(got.nodes.length).toBeGreaterThan(5);
  });
});

describe('snapshotPage', () => {
  const doc = parseHtmlDocument(
    '<html lang="ar"><head><title>ع</title><style>p{}</style>' +
      '<script type="application/ld+json">{"datePublished":"2024-01-02"}</script><script>var x=1</script></head>' +
      '<body><p class="a">نص <b>عريض</b></p><div data-rasid-ui><p>ours</p></div><template><p>t</p></template></body></html>',
  );
  const { items, texts } = snapshotPage(doc);

  it('keeps elements, attributes and text in document order, and JSON-LD, but no script, style or Rasid UI text', () => {
    expect(items).toEqual([
      ['html', 'lang', 'ar'],
      ['head'],
      ['title'],
      'ع',
      0,
      ['style'],
      0,
      ['script', 'type', 'application/ld+json'],
      '{"datePublished":"2024-01-02"}',
      0,
      ['script'],
      0,
      0,
      ['body'],
      ['p', 'class', 'a'],
      'نص ',
      ['b'],
      'عريض',
      0,
      0,
      ['template'],
      0,
      0,
      0,
    ]);
    expect(texts.map((t) => t.data)).toEqual(['ع', '{"datePublished":"2024-01-02"}', 'نص ', 'عريض']);
  });

  it('is built again, elsewhere, into the same tree', () => {
    const other = parseHtmlDocument('<html><body></body></html>');
    const built = buildSnapshot(other, items);
    expect(built.map((t) => t.data)).toEqual(texts.map((t) => t.data));
    expect(snapshotPage(other).items).toEqual(items);
    expect(other.body.querySelector('p.a b')?.textContent).toBe('عريض');
  });
});

describe('snapshotPageInSlices', () => {
  /** A page of `n` paragraphs of a few nodes each, with a nested list among them. */
  const page = (n: number) =>
    parseHtmlDocument(
      `<html><head><title>t</title></head><body><main>${Array.from(
        { length: n },
        (_, i) =>
          `<p id="p${i}">فقرة <b>${i}</b> <a href="/${i}">رابط</a></p>${i % 50 ? '' : '<ul><li>a</li><li><i>b</i></li></ul>'}`,
      ).join('')}</main><footer>ذيل</footer></body></html>`,
    );
  const noPause = () => Promise.resolve();

  it.each([...slugs.map((slug) => [slug]), ['2,000 paragraphs']])(
    'takes the same snapshot as one walk, %s',
    async (which) => {
      const doc =
        which === '2,000 paragraphs'
          ? page(2_000)
          : parseHtmlDocument(readFileSync(new URL(`${which}/source.html`, PAGES), 'utf8'));
      const whole = snapshotPage(doc);
      // No time at all per slice: the walk stops at every look at the clock.
      const sliced = await snapshotPageInSlices(doc, noPause, 0);
      expect(sliced.items).toEqual(whole.items);
      expect(sliced.texts).toEqual(whole.texts);
      if (which === '2,000 paragraphs') expect(sliced.tasks.length).toBeGreaterThan(20);
    },
  );

  it('goes on over changes away from its place: what it has passed stays as it was, what is ahead is read as it is', async () => {
    const doc = page(2_000);
    let turns = 0;
    const sliced = await snapshotPageInSlices(
      doc,
      async () => {
        if (++turns !== 3) return;
        doc.getElementById('p0')!.remove();
        doc.querySelector('footer')!.append(doc.createTextNode(' آخر'));
      },
      0,
    );
    expect(snapshotProblem(sliced.items, LIMITS)).toBeNull();
    const texts = sliced.texts.map((t) => t.data);
    expect(texts.slice(1, 4)).toEqual(['فقرة ', '0', ' ']);
    expect(texts.slice(-2)).toEqual(['ذيل', ' آخر']);
    expect(sliced.texts[1]!.isConnected).toBe(false);
  });

  it('takes the page again in one walk when its place is taken away', async () => {
    const doc = page(2_000);
    let turns = 0;
    const sliced = await snapshotPageInSlices(
      doc,
      async () => {
        if (++turns === 2) doc.querySelector('main')!.replaceWith(doc.createElement('article'));
      },
      0,
    );
    expect(turns).toBe(2);
    expect(sliced.items).toEqual(snapshotPage(doc).items);
    expect(snapshotProblem(sliced.items, LIMITS)).toBeNull();
  });
});

describe('snapshotProblem', () => {
  it.each<[string, unknown, string]>([
    ['not an array', 'x', 'not a snapshot'],
    ['empty', [], 'not a snapshot'],
    ['text before the root', ['x', ['html'], 0], 'text outside the root element'],
    ['an element left open', [['html'], ['body']], 'an element left open'],
    ['a close before the root', [0, ['html'], 0], 'an element closed twice'],
    ['a close after the root', [['html'], 0, 0], 'more than one root element'],
    ['two roots', [['html'], 0, ['html'], 0], 'more than one root element'],
    ['a tag that is markup', [['img src=x onerror=alert(1)'], 0], 'a malformed tag name'],
    ['an attribute name that is markup', [['p', 'a"><b', 'x'], 0], 'a malformed attribute name'],
    ['an attribute without a value', [['p', 'class'], 0], 'a malformed element'],
    ['a number', [['html'], 1, 0], 'not a snapshot'],
    ['too deep', [...Array.from({ length: 200 }, () => ['div']), ...Array(200).fill(0)], 'too deep'],
  ])('refuses %s', (_, items, problem) => {
    expect(snapshotProblem(items, LIMITS)).toBe(problem);
  });

  it('refuses more elements or text than allowed', () => {
    expect(snapshotProblem([['html'], ['p'], 0, ['p'], 0, 0], { ...LIMITS, elements: 2 })).toBe(
      'too many elements',
    );
    expect(snapshotProblem([['html'], 'abcdef', 0], { ...LIMITS, chars: 5 })).toBe('too much text');
  });
});
