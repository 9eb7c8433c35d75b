import { describe, expect, it } from 'vitest';
import { annotationRow, ANNOTATIONS, exportInput, MENTIONS, PAGE_A, PAGE_B } from './export-input.fixture.ts';
import { CSV_COLUMNS, csvCell, neutralizeFormula, TAG_SEPARATOR, toCsv } from './csv.ts';
import { readCsv } from './read-csv.fixture.ts';
import type { ExportInput } from '../model/exchange.ts';

/** The rows of the export of `input` as objects keyed by column. */
function rows(input: ExportInput): Record<string, string>[] {
  const [header, ...records] = readCsv(toCsv(input).slice(1));
  return records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

describe('toCsv', () => {
  it('starts with a byte order mark and the header', () =>
    expect(toCsv(exportInput())).toMatch(new RegExp(`^\uFEFF${CSV_COLUMNS.join(',')}\r\n`, 'u')));

  it('ends every line with CRLF and has no bare LF between records', () => {
    const csv = toCsv(exportInput({ annotations: [annotationRow({ body: { note: 'سطر\nسطر' } })] }));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(readCsv(csv.slice(1)).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes one row per annotation, then one per mention', () =>
    expect(rows(exportInput()).map((r) => r['kind'])).toEqual([
      ...ANNOTATIONS.map(() => 'annotation'),
      ...MENTIONS.map(() => 'mention'),
    ]));

  it('writes no mention rows when mentions are not asked for', () =>
    expect(rows(exportInput({ mentions: undefined }))).toHaveLength(ANNOTATIONS.length));

  it('keeps Arabic intact', () => {
    const [first] = rows(exportInput());
    expect(first).toMatchObject({
      page_title: PAGE_A.title,
      quote: ANNOTATIONS[0]!.target.selector.quote.exact,
      note: ANNOTATIONS[0]!.body.note,
      entity_ar: 'قوات سوريا الديمقراطية',
    });
  });

  it('writes an annotation’s page, selectors, tags, colour, entity and dates', () =>
    expect(rows(exportInput())[0]).toEqual({
      kind: 'annotation',
      page_title: PAGE_A.title,
      url: PAGE_A.address,
      site: 'enabbaladi.net',
      quote: 'سد تشرين',
      prefix: 'السيطرة على ',
      suffix: ' شرقي حلب',
      start: '120',
      end: '128',
      note: ANNOTATIONS[0]!.body.note,
      tags: ANNOTATIONS[0]!.body.tags.join(TAG_SEPARATOR),
      color: 'yellow',
      entity_id: 'sdf',
      entity_ar: 'قوات سوريا الديمقراطية',
      entity_en: 'Syrian Democratic Forces',
      entity_type: 'actor',
      entity_subtype: 'armed-group',
      count: '',
      created: new Date(ANNOTATIONS[0]!.created).toISOString(),
      modified: new Date(ANNOTATIONS[0]!.modified).toISOString(),
    }));

  it('writes a mention’s sentence, entity and count, on the page’s address', () =>
    expect(rows(exportInput()).at(-1)).toMatchObject({
      kind: 'mention',
      url: PAGE_A.address,
      quote: MENTIONS.at(-1)!.sentence,
      entity_id: MENTIONS.at(-1)!.entity,
      count: String(MENTIONS.at(-1)!.count),
      note: '',
      start: '',
    }));

  it('names the site of a page it does not know from the address', () =>
    expect(rows(exportInput({ pages: [] }))[0]).toMatchObject({ page_title: '', site: 'enabbaladi.net' }));

  it('names a saved page’s site as Rasid does', () =>
    expect(rows(exportInput({ pages: [PAGE_B] }))[2]).toMatchObject({
      site: 'file',
      page_title: PAGE_B.title,
    }));

  it('reads back every note exactly, quotes, commas and line breaks included', () => {
    const notes = ['قال: "لا"، ثم مضى', 'a,b', 'line\r\nline', 'end"', ' spaced '];
    const input = exportInput({
      annotations: notes.map((note) => annotationRow({ body: { note } })),
      mentions: [],
    });
    expect(rows(input).map((r) => r['note'])).toEqual(notes);
  });

  it('neutralises formulas in notes and tags', () => {
    const note = '=HYPERLINK("http://x","y")';
    const [row] = rows(
      exportInput({ annotations: [annotationRow({ body: { note, tags: ['+1'] } })], mentions: [] }),
    );
    expect(row).toMatchObject({ note: `'${note}`, tags: "'+1" });
  });
});

describe('csvCell', () => {
  it('leaves plain text and numbers unquoted', () => {
    expect(csvCell('سد تشرين')).toBe('سد تشرين');
    expect(csvCell(128)).toBe('128');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
  ])('quotes %j as %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('neutralises before it quotes, so the apostrophe is inside the quotes', () =>
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`));
});

describe('neutralizeFormula', () => {
  it.each(['=1+1', '-1+1', '+1', '@SUM(A1:A2)', '\t=1', '\r=1', '＝1+1'])('makes %j text', (text) =>
    expect(neutralizeFormula(text)).toBe(`'${text}`),
  );

  it.each([' =1+1', '\n@SUM(A1)', '  -2'])('looks past leading white space in %j', (text) =>
    expect(neutralizeFormula(text)).toBe(`'${text}`),
  );

  it.each(['1-1', 'a=b', 'قسد', '', "'quoted", '2025-01-01T00:00:00.000Z'])('leaves %j alone', (text) =>
    expect(neutralizeFormula(text)).toBe(text),
  );
});

describe('page text in CSV cells (issue 15)', () => {
  it('keeps no raw line break from the page’s quote, context, title or a mention’s sentence', () => {
    const annotation = annotationRow({
      target: {
        source: PAGE_A.address!,
        selector: {
          quote: { exact: 'سد تشرين\n\nشرقي حلب', prefix: 'قبل\r\nذلك ', suffix: ' بعده\u2029ثم' },
          position: { start: 0, end: 17 },
        },
      },
      body: { note: 'سطر أول\nسطر ثانٍ' },
    });
    const input = exportInput({
      annotations: [annotation],
      pages: [{ ...PAGE_A, title: 'عنوان\nمن سطرين' }],
      mentions: [{ ...MENTIONS[0]!, page: PAGE_A.url, sentence: 'جملة\nأولى' }],
    });
    const [first, mention] = rows(input);
    expect(first).toMatchObject({
      quote: 'سد تشرين شرقي حلب',
      prefix: 'قبل ذلك ',
      suffix: ' بعده ثم',
      page_title: 'عنوان من سطرين',
      // The reader's own lines are kept, quoted.
      note: 'سطر أول\nسطر ثانٍ',
    });
    expect(mention!['quote']).toBe('جملة أولى');
    const csv = toCsv(input);
    const cellsWithBreaks = readCsv(csv.slice(1))
      .flat()
      .filter((cell) => /[\r\n]/u.test(cell));
    expect(cellsWithBreaks).toEqual(['سطر أول\nسطر ثانٍ']);
  });
});
