import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { pageKey } from '../pages/page-key.ts';
import { parseWebAnnotation } from './parse-web-annotation.ts';
import type { FileProblem, ItemProblem, ParsedFile, ParsedItem } from '../model/exchange.ts';

const now = Date.UTC(2025, 5, 1);
const SOURCE = 'https://www.example.org/news/1?utm_source=x';

type Json = Record<string, unknown>;

/** A valid annotation from another tool, changed by `patch`. */
function foreign(patch: Json = {}): Json {
  return {
    id: 'https://example.org/annotations/1',
    type: 'Annotation',
    created: '2024-05-01T10:00:00Z',
    target: {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'النص', prefix: 'قبل ', suffix: ' بعد' },
        { type: 'TextPositionSelector', start: 10, end: 14 },
      ],
    },
    body: { type: 'TextualBody', value: 'ملاحظة' },
    ...patch,
  };
}

/** A copy of `foreign()`'s target with other selectors, or other fields. */
const target = (patch: Json): Json => ({ ...(foreign()['target'] as Json), ...patch });

const parse = (value: unknown, limitBytes?: number): ParsedFile =>
  parseWebAnnotation(typeof value === 'string' ? value : JSON.stringify(value), { now, limitBytes });

function items(value: unknown): ParsedItem[] {
  const parsed = parse(value);
  if (!parsed.ok) throw new Error(`file refused: ${JSON.stringify(parsed.error)}`);
  return parsed.value.items;
}

function problem(value: unknown, limitBytes?: number): FileProblem | null {
  const parsed = parse(value, limitBytes);
  return parsed.ok ? null : parsed.error;
}

function imported(annotation: Json): AnnotationRow {
  const item = items([annotation])[0]!;
  if (!('annotation' in item)) throw new Error(`not imported: ${JSON.stringify(item)}`);
  return item.annotation;
}

function rejection(annotation: unknown): ItemProblem | null {
  const item = items([foreign(), annotation])[1]!;
  return 'rejected' in item ? item.rejected : null;
}

describe('parseWebAnnotation: the file', () => {
  it('refuses a file above the limit, measured in bytes of UTF-8', () => {
    // 12 Arabic letters are 24 bytes of UTF-8, and the quotes two more.
    const text = JSON.stringify('ح'.repeat(12));
    expect(problem(text, 25)).toEqual({ code: 'too-large', bytes: 26, limit: 25 });
    expect(problem(text, 26)).not.toMatchObject({ code: 'too-large' });
  });

  it('counts a character outside the BMP as the four bytes it takes', () =>
    expect(problem(JSON.stringify('😀😀'), 9)).toMatchObject({ code: 'too-large', bytes: 10 }));

  it('counts long texts exactly, a surrogate pair across its chunks included', () => {
    for (const length of [65_533, 65_534, 65_535]) {
      const text = JSON.stringify(`${'a'.repeat(length)}😀حلب😀`);
      const bytes = Buffer.byteLength(text);
      expect(problem(text, bytes - 1)).toEqual({ code: 'too-large', bytes, limit: bytes - 1 });
      expect(problem(text, bytes)).not.toMatchObject({ code: 'too-large' });
    }
  });

  it('refuses truncated JSON with the parser’s message', () => {
    const found = problem(JSON.stringify([foreign()]).slice(0, 60));
    expect(found).toMatchObject({ code: 'not-json' });
    expect(found?.code === 'not-json' && found.detail).toMatch(/\w/u);
  });

  it('reads past a byte order mark', () =>
    expect(items(`\uFEFF${JSON.stringify(foreign())}`)).toHaveLength(1));

  it.each([
    ['an object of something else', { hello: 1 }],
    ['a list of numbers', [1, 2]],
    ['an empty list', []],
    ['a string', 'text'],
    ['null', null],
    ['a page without items', { type: 'AnnotationPage' }],
  ])('refuses %s as not annotations', (_, value) =>
    expect(problem(JSON.stringify(value))).toEqual({ code: 'not-annotations' }),
  );

  describe('format version', () => {
    const rasid = (formatVersion: unknown) => ({
      type: 'AnnotationCollection',
      generator: { type: 'Software', name: 'Rasid' },
      formatVersion,
      first: { type: 'AnnotationPage', items: [foreign()] },
    });

    it('reads version 1 and an export without version', () => {
      expect(parse(rasid(1))).toMatchObject({ ok: true, value: { origin: 'rasid' } });
      expect(parse(rasid(undefined))).toMatchObject({ ok: true, value: { origin: 'rasid' } });
    });

    it('refuses a newer version, whatever its shape', () => {
      expect(problem(rasid(99))).toEqual({ code: 'newer-version', version: 99 });
      expect(problem({ ...rasid(2), type: 'SomethingNew', first: null })).toEqual({
        code: 'newer-version',
        version: 2,
      });
    });

    it.each([0, -1, 1.5])('refuses %s, which is no version Rasid wrote', (version) =>
      expect(problem(rasid(version))).toEqual({ code: 'newer-version', version }),
    );

    it('refuses a version that is not a number, as NaN', () =>
      expect(problem(rasid('2'))).toEqual({ code: 'newer-version', version: Number.NaN }));

    it('knows a Rasid export by its vocabulary too', () =>
      expect(
        problem({ ...rasid(5), generator: undefined, '@context': [{ rasid: 'urn:rasid:vocab#' }] }),
      ).toEqual({
        code: 'newer-version',
        version: 5,
      }));

    it('leaves another tool’s formatVersion alone', () =>
      expect(parse({ ...rasid(7), generator: { name: 'Other' } })).toMatchObject({
        ok: true,
        value: { origin: 'w3c' },
      }));
  });

  describe('shapes', () => {
    const page = (...annotations: Json[]) => ({ type: 'AnnotationPage', items: annotations });

    it.each([
      ['a single annotation', foreign()],
      ['an annotation page', page(foreign())],
      ['a bare list', [foreign()]],
      ['a collection', { type: 'AnnotationCollection', first: page(foreign()) }],
      ['an annotation typed as a list', foreign({ type: ['Annotation'] })],
      ['an annotation typed with the oa: prefix', foreign({ type: 'oa:Annotation' })],
      ['an annotation typed with the full IRI', foreign({ type: 'http://www.w3.org/ns/oa#Annotation' })],
      [
        'a collection named by its Activity Streams type',
        { type: 'as:OrderedCollection', first: page(foreign()) },
      ],
    ])('reads %s', (_, value) =>
      expect(items(value)).toEqual([expect.objectContaining({ annotation: expect.any(Object) })]),
    );

    it('reads every embedded page of a collection, following next', () => {
      const second = { ...page(foreign({ id: 'b' })), next: page(foreign({ id: 'c' })) };
      const collection = {
        type: 'AnnotationCollection',
        first: { ...page(foreign({ id: 'a' })), next: second },
      };
      expect(items(collection).map((i) => i.id)).toEqual(['a', 'b', 'c']);
      expect(
        items({
          type: 'AnnotationCollection',
          first: [page(foreign({ id: 'a' })), page(foreign({ id: 'b' }))],
        }),
      ).toHaveLength(2);
    });

    it('reads an empty collection as no items', () =>
      expect(items({ type: 'AnnotationCollection', total: 0 })).toEqual([]));

    it('takes the context as a string or a list', () => {
      expect(items(foreign({ '@context': 'http://www.w3.org/ns/anno.jsonld' }))).toHaveLength(1);
      expect(items(foreign({ '@context': ['http://www.w3.org/ns/anno.jsonld', {}] }))).toHaveLength(1);
    });

    it('calls other tools’ files w3c', () =>
      expect(parse([foreign()])).toMatchObject({ value: { origin: 'w3c' } }));

    it('numbers the items in file order and gives each its id as written', () =>
      expect(
        items([foreign({ id: 'urn:uuid:0f8e5b8a-2c1d-4e6f-9a0b-1c2d3e4f5a6b' }), 7]).map((i) => [
          i.index,
          i.id,
        ]),
      ).toEqual([
        [0, 'urn:uuid:0f8e5b8a-2c1d-4e6f-9a0b-1c2d3e4f5a6b'],
        [1, null],
      ]));
  });
});

describe('parseWebAnnotation: items it rejects', () => {
  it.each([
    ['a number', 7],
    ['a string', 'note'],
    ['an object of another type', { ...foreign(), type: 'Note' }],
    ['an object without type', { ...foreign(), type: undefined }],
  ])('rejects %s as not an annotation', (_, item) =>
    expect(rejection(item)).toEqual({ code: 'not-an-annotation' }),
  );

  it.each([
    ['no target', foreign({ target: undefined })],
    ['a target without source', foreign({ target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } })],
    ['targets none of which has a source', foreign({ target: [{ selector: [] }, { selector: [] }] })],
  ])('rejects an annotation with %s as without source', (_, item) =>
    expect(rejection(item)).toEqual({ code: 'no-source' }),
  );

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'news/1.html', 'ftp://example.org/a'])(
    'rejects the source %s, which is not a page Rasid can read',
    (source) =>
      expect(rejection(foreign({ target: target({ source }) }))).toEqual({ code: 'bad-source', source }),
  );

  it.each([
    ['a target that is only an address', foreign({ target: SOURCE })],
    ['only a range selector', foreign({ target: target({ selector: { type: 'RangeSelector' } }) })],
    ['an empty quote', foreign({ target: target({ selector: { type: 'TextQuoteSelector', exact: '' } }) })],
    [
      'a quote selector without exact',
      foreign({ target: target({ selector: { type: 'TextQuoteSelector' } }) }),
    ],
  ])('rejects %s as without quote', (_, item) => expect(rejection(item)).toEqual({ code: 'no-quote' }));

  const quote = (patch: Json) => ({ type: 'TextQuoteSelector', exact: 'النص', ...patch });
  const position = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });
  it.each([
    ['exact', foreign({ target: target({ selector: quote({ exact: 42 }) }) })],
    ['prefix', foreign({ target: target({ selector: quote({ prefix: ['x'] }) }) })],
    ['suffix', foreign({ target: target({ selector: quote({ suffix: 3 }) }) })],
    ['start', foreign({ target: target({ selector: [quote({}), position(-1, 4)] }) })],
    ['start', foreign({ target: target({ selector: [quote({}), position(1.5, 4)] }) })],
    ['start', foreign({ target: target({ selector: [quote({}), position('0', 4)] }) })],
    ['end', foreign({ target: target({ selector: [quote({}), position(5, 4)] }) })],
    ['end', foreign({ target: target({ selector: [quote({}), position(0, null)] }) })],
    ['source', foreign({ target: { source: 42, selector: quote({}) } })],
    ['created', foreign({ created: 'yesterday' })],
    ['created', foreign({ created: 1714557600000 })],
    ['modified', foreign({ modified: '2024-13-45T99:00:00Z' })],
    ['tags', foreign({ body: { type: 'TextualBody', purpose: 'tagging', value: { tag: 'x' } } })],
    ['note', foreign({ body: { type: 'TextualBody', purpose: 'commenting', value: 12 } })],
    ['bodyValue', foreign({ body: undefined, bodyValue: ['x'] })],
    ['body', foreign({ body: [17] })],
    ['id', foreign({ id: 42 })],
    ['id', foreign({ id: '' })],
  ])('rejects a wrong %s as a bad field', (field, item) =>
    expect(rejection(item)).toEqual({ code: 'bad-field', field }),
  );

  it('skips Rasid’s entity mentions, which are history', () =>
    expect(items([foreign({ 'rasid:kind': 'mention', target: undefined })])[0]).toEqual({
      index: 0,
      id: 'https://example.org/annotations/1',
      skipped: 'mention',
    }));

  it('goes on past a rejected item', () =>
    expect(
      items([7, foreign(), foreign({ target: undefined }), foreign()]).map((i) => 'annotation' in i),
    ).toEqual([false, true, false, true]));
});

describe('parseWebAnnotation: what it imports', () => {
  it('reads a foreign annotation into a row', () =>
    expect(imported(foreign())).toStrictEqual({
      id: 'https://example.org/annotations/1',
      page: pageKey(SOURCE),
      target: {
        source: SOURCE,
        selector: {
          quote: { exact: 'النص', prefix: 'قبل ', suffix: ' بعد' },
          position: { start: 10, end: 14 },
        },
      },
      body: { note: 'ملاحظة', tags: [], color: 'yellow' },
      created: Date.UTC(2024, 4, 1, 10),
      modified: Date.UTC(2024, 4, 1, 10),
    }));

  describe('target', () => {
    it('takes the first target that has a source', () => {
      const second = target({ source: 'https://example.org/second' });
      expect(imported(foreign({ target: [{ selector: [] }, second, target({})] })).target.source).toBe(
        'https://example.org/second',
      );
    });

    it('takes a single selector object', () =>
      expect(
        imported(foreign({ target: target({ selector: { type: 'TextQuoteSelector', exact: 'x' } }) })).target
          .selector.quote,
      ).toStrictEqual({ exact: 'x' }));

    it('takes a source given as an object with an id', () =>
      expect(
        imported(foreign({ target: target({ source: { id: 'https://example.org/x' } }) })).target.source,
      ).toBe('https://example.org/x'));

    it('ignores range and other selectors beside the quote', () => {
      const selector = [
        { type: 'RangeSelector', startSelector: {} },
        { type: 'CssSelector', value: 'p' },
        quote(),
      ];
      expect(imported(foreign({ target: target({ selector }) })).target.selector.quote.exact).toBe('النص');
      function quote() {
        return { type: 'TextQuoteSelector', exact: 'النص' };
      }
    });

    it('places a quote without position at the start of the text: a hint the matcher weighs least', () =>
      expect(
        imported(foreign({ target: target({ selector: { type: 'TextQuoteSelector', exact: 'خمسة' } }) }))
          .target.selector.position,
      ).toEqual({ start: 0, end: 4 }));

    it('keeps Rasid’s page key when it is on the source’s site', () => {
      const page = 'https://example.org/canonical/1';
      expect(imported(foreign({ target: target({ page }) })).page).toBe(page);
    });

    it('keys the page by the source when the page field is on another site or not an address', () => {
      for (const page of ['https://elsewhere.example/1', 'javascript:alert(1)', 12])
        expect(imported(foreign({ target: target({ page }) })).page).toBe(pageKey(SOURCE));
    });

    it('reads a saved page on disk', () =>
      expect(imported(foreign({ target: target({ source: 'file:///home/r/a.html#x' }) })).page).toBe(
        'file:///home/r/a.html',
      ));
  });

  describe('bodies', () => {
    const textual = (value: unknown, purpose?: string) => ({ type: 'TextualBody', value, purpose });

    it('joins several notes with a blank line', () =>
      expect(imported(foreign({ body: [textual('أولى', 'commenting'), textual('ثانية')] })).body.note).toBe(
        'أولى\n\nثانية',
      ));

    it('reads bodyValue, string bodies and untyped bodies with a value as notes', () => {
      expect(imported(foreign({ body: undefined, bodyValue: 'قصير' })).body.note).toBe('قصير');
      expect(imported(foreign({ body: 'نص' })).body.note).toBe('نص');
      expect(imported(foreign({ body: [{ value: 'بلا نوع' }] })).body.note).toBe('بلا نوع');
    });

    it('leaves out bodies with other purposes', () =>
      expect(
        imported(foreign({ body: [textual('وصف', 'describing'), textual('رد', 'replying')] })).body.note,
      ).toBe(''));

    it('reads tags trimmed, once each, without empty ones', () =>
      expect(
        imported(foreign({ body: ['  حلب ', ' ', 'حلب', 'ادلب'].map((t) => textual(t, 'tagging')) })).body
          .tags,
      ).toEqual(['حلب', 'ادلب']));

    it('reads purposes with a prefix or in a list', () =>
      expect(
        imported(foreign({ body: [textual('x', 'oa:tagging'), { ...textual('y'), purpose: ['tagging'] }] }))
          .body.tags,
      ).toEqual(['x', 'y']));

    it('keeps markup as the text it is', () => {
      const note = '<img src=x onerror=alert(1)>';
      expect(imported(foreign({ body: [textual(note), textual(note, 'tagging')] })).body).toMatchObject({
        note,
        tags: [note],
      });
    });

    it.each([
      ['rasid-blue', 'blue'],
      ['highlight rasid-green', 'green'],
      ['rasid-purple', 'yellow'],
      ['hypothesis-highlight', 'yellow'],
      [undefined, 'yellow'],
    ])('reads the style class %s as %s', (stylesClass, color) =>
      expect(imported(foreign({ stylesClass })).body.color).toBe(color),
    );
  });

  describe('entity links', () => {
    const identifying = (source: unknown) => ({ type: 'SpecificResource', purpose: 'identifying', source });
    const first = (annotation: Json) => items([annotation])[0]!;

    it('reads the entity of a Rasid entity IRI', () => {
      expect(imported(foreign({ body: identifying('urn:rasid:entity:sdf') })).body.entity).toBe('sdf');
      expect(imported(foreign({ body: identifying({ id: 'urn:rasid:entity:sdf' }) })).body.entity).toBe(
        'sdf',
      );
      expect(
        imported(foreign({ body: { id: 'urn:rasid:entity:sdf', purpose: 'identifying' } })).body.entity,
      ).toBe('sdf');
    });

    it('keeps the annotation, without link, and warns of an entity from another vocabulary', () => {
      const uri = 'http://www.wikidata.org/entity/Q858';
      const item = first(foreign({ body: identifying(uri) }));
      expect(item).toMatchObject({ warnings: [{ code: 'unknown-entity', uri }] });
      expect('annotation' in item && item.annotation.body).not.toHaveProperty('entity');
    });

    it('keeps the first of two Rasid entities', () =>
      expect(
        imported(foreign({ body: [identifying('urn:rasid:entity:a'), identifying('urn:rasid:entity:b')] }))
          .body.entity,
      ).toBe('a'));
  });

  describe('the reader’s own entities', () => {
    const entity = (id: string, names: unknown, type?: unknown, subtype?: unknown) => ({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: { id: `urn:rasid:entity:${id}`, prefLabel: names, entityType: type, entitySubtype: subtype },
    });
    const entities = (...bodies: Json[]) => {
      const parsed = parse(bodies.map((body, i) => foreign({ id: `a${i}`, body })));
      return parsed.ok ? parsed.value.entities : null;
    };

    it('are named as the file names them', () =>
      expect(
        entities(entity('reader-1', { ar: 'الخفسة', en: 'Al-Khafsa' }, 'place', 'village')),
      ).toStrictEqual([
        { id: 'reader-1', type: 'place', subtype: 'village', ar: 'الخفسة', en: 'Al-Khafsa' },
      ]));

    it('are not the lexicon’s entities', () =>
      expect(entities(entity('sdf', { ar: 'قسد', en: 'SDF' }, 'actor'))).toEqual([]));

    it('are actors when the kind is not one Rasid knows, and lose a subtype of another kind', () =>
      expect(entities(entity('reader-1', { en: 'X' }, 'planet', 'village'))).toStrictEqual([
        { id: 'reader-1', type: 'actor', ar: 'X', en: 'X' },
      ]));

    it('take one language’s name for the other', () =>
      expect(entities(entity('reader-1', { 'ar-SY': 'الخفسة' }, 'place'))).toMatchObject([
        { ar: 'الخفسة', en: 'الخفسة' },
      ]));

    it('are left out without any name', () => expect(entities(entity('reader-1', { fr: 'X' }))).toEqual([]));

    it('are listed once', () =>
      expect(entities(entity('reader-1', { en: 'A' }), entity('reader-1', { en: 'B' }))).toHaveLength(1));

    it('are not taken from rejected items', () => {
      const parsed = parse([foreign({ target: undefined, body: entity('reader-1', { en: 'A' }) })]);
      expect(parsed.ok && parsed.value.entities).toEqual([]);
    });
  });

  describe('dates', () => {
    it('take now for a missing creation date, and the creation date for a missing modification', () => {
      expect(imported(foreign({ created: undefined }))).toMatchObject({ created: now, modified: now });
      expect(imported(foreign({ modified: '2024-06-01T00:00:00+03:00' })).modified).toBe(
        Date.UTC(2024, 4, 31, 21),
      );
    });

    it('read a time without zone as UTC, whatever the machine’s zone', () =>
      expect(imported(foreign({ created: '2024-05-01T10:00' })).created).toBe(Date.UTC(2024, 4, 1, 10)));

    it('read a bare date as the start of its day in UTC', () =>
      expect(imported(foreign({ created: '2024-05-01' })).created).toBe(Date.UTC(2024, 4, 1)));

    it.each(['1 May 2024', '2024-05-01 10:00:00', '2024-05-01T10:00:00+0300', '1714557600'])(
      'refuse %j, which is not an ISO date',
      (created) => expect(rejection(foreign({ created }))).toEqual({ code: 'bad-field', field: 'created' }),
    );

    it('read the microseconds and offsets other tools write', () =>
      expect(imported(foreign({ created: '2019-03-05T10:22:41.230921+00:00' })).created).toBe(
        Date.UTC(2019, 2, 5, 10, 22, 41, 230),
      ));
  });

  describe('ids', () => {
    it('are Rasid’s UUID without the urn:uuid prefix, another tool’s IRI as it is', () => {
      const uuid = '0f8e5b8a-2c1d-4e6f-9a0b-1c2d3e4f5a6b';
      expect(imported(foreign({ id: `urn:uuid:${uuid}` })).id).toBe(uuid);
      expect(imported(foreign({ id: 'https://hypothes.is/a/x' })).id).toBe('https://hypothes.is/a/x');
    });

    it('are made from the content when the file has none: the same for the same annotation', () => {
      const id = imported(foreign({ id: undefined })).id;
      expect(id).toMatch(/^urn:rasid:import:[0-9a-f]{16}$/u);
      expect(parseWebAnnotation(JSON.stringify(foreign({ id: undefined })), { now: now + 1 })).toMatchObject({
        value: { items: [{ annotation: { id } }] },
      });
    });

    it('differ when the content differs', () => {
      const ids = new Set(
        [
          foreign({ id: undefined }),
          foreign({ id: undefined, body: 'other' }),
          foreign({ id: undefined, created: '2024-05-02T10:00:00Z' }),
          foreign({ id: undefined, target: target({ source: 'https://example.org/2' }) }),
          foreign({ id: undefined, target: target({ selector: { type: 'TextQuoteSelector', exact: 'x' } }) }),
        ].map((a) => imported(a).id),
      );
      expect(ids.size).toBe(5);
    });
  });
});
