import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { toCsv } from './csv.ts';
import { ANNOTATIONS, annotationRow, ENTITIES, exportInput, READER_ENTITY } from './export-input.fixture.ts';
import { toMarkdown } from './markdown.ts';
import { readCsv } from './read-csv.fixture.ts';
import { parseWebAnnotation, toWebAnnotation } from './web-annotation.ts';
import type { ParsedFile } from '../model/exchange.ts';

/**
 * Every file of `tests/fixtures/imports/` read as an import, checked against what it should give (the
 * folder's README says the same in words); then the sizes: a large export imports whole, in time, and a
 * file over the limit is refused unread.
 */

const FOLDER = new URL('../../tests/fixtures/imports/', import.meta.url);
const now = Date.UTC(2025, 5, 1);
const read = (file: string): ParsedFile =>
  parseWebAnnotation(readFileSync(new URL(file, FOLDER), 'utf8'), { now });

/** Each item in a word: `imported`, `mention`, or the rejection's code (and field). */
function outcomes(parsed: ParsedFile): string[] {
  if (!parsed.ok) throw new Error(`file refused: ${JSON.stringify(parsed.error)}`);
  return parsed.value.items.map((item) =>
    'annotation' in item
      ? 'imported'
      : 'skipped' in item
        ? item.skipped
        : [item.rejected.code, 'field' in item.rejected ? item.rejected.field : ''].filter(Boolean).join(' '),
  );
}

function importedRows(parsed: ParsedFile): AnnotationRow[] {
  return parsed.ok ? parsed.value.items.flatMap((i) => ('annotation' in i ? [i.annotation] : [])) : [];
}

const problem = (parsed: ParsedFile) => (parsed.ok ? null : parsed.error);

const EXPECTED: Record<string, (parsed: ParsedFile) => void> = {
  'rasid-v1-export.json': (parsed) => {
    expect(parsed).toMatchObject({ ok: true, value: { origin: 'rasid' } });
    expect(importedRows(parsed)).toStrictEqual(ANNOTATIONS);
    expect(outcomes(parsed).filter((o) => o === 'mention')).toHaveLength(2);
    expect(parsed.ok && parsed.value.entities).toStrictEqual(ENTITIES.filter((e) => e.id === READER_ENTITY));
  },
  'truncated-export.txt': (parsed) =>
    expect(problem(parsed)).toMatchObject({ code: 'not-json', detail: expect.any(String) }),
  'newer-version.json': (parsed) => expect(problem(parsed)).toEqual({ code: 'newer-version', version: 99 }),
  'not-annotations-object.json': (parsed) => expect(problem(parsed)).toEqual({ code: 'not-annotations' }),
  'not-annotations-numbers.json': (parsed) => expect(problem(parsed)).toEqual({ code: 'not-annotations' }),
  'not-annotations-string.json': (parsed) => expect(problem(parsed)).toEqual({ code: 'not-annotations' }),
  'wrong-types.json': (parsed) =>
    expect(outcomes(parsed)).toEqual([
      'bad-field exact',
      'bad-field start',
      'bad-field tags',
      'bad-field created',
      'imported',
    ]),
  'hostile-strings.json': (parsed) => {
    expect(outcomes(parsed)).toEqual(['imported', 'bad-source', 'imported']);
    const [first, third] = importedRows(parsed);
    expect(first!.body).toEqual({
      note: '<img src=x onerror=alert(1)>\n\n=HYPERLINK("http://evil.example","click")',
      tags: [
        '<img src=x onerror=alert(1)>',
        '=HYPERLINK("http://evil.example","click")',
        "@SUM(1+1)*cmd|' /C calc'!A0",
      ],
      color: 'yellow',
    });
    expect(first!.target.selector.quote).toEqual({
      exact: '<script>alert(1)</script>',
      prefix: '](javascript:alert(1))',
    });
    expect(third!.page).toBe('https://news.example/article');
    expect(parsed.ok && parsed.value.items[2]).toMatchObject({
      warnings: [{ code: 'unknown-entity', uri: 'javascript:alert(1)' }],
    });
    expect(third!.body).not.toHaveProperty('entity');
    // Exported again, each string on its own stays text: no formula in the sheet, no markup in the document.
    const strings = [...first!.body.note.split('\n\n'), ...first!.body.tags];
    const annotations = strings.map((note, i) => annotationRow({ id: String(i), body: { note } }));
    const input = exportInput({ annotations, pages: [], mentions: [] });
    const cells = readCsv(toCsv(input).slice(1)).flat();
    expect(cells.filter((cell) => /^\s*[=+\-@]/u.test(cell))).toEqual([]);
    expect(cells.filter((cell) => cell.startsWith("'"))).toEqual(
      strings.filter((text) => /^[=+\-@]/u.test(text)).map((text) => `'${text}`),
    );
    expect(toMarkdown(input)).not.toContain('<');
  },
  'hypothesis-export.json': (parsed) => {
    expect(parsed).toMatchObject({ ok: true, value: { origin: 'w3c' } });
    expect(outcomes(parsed)).toEqual(['imported', 'no-quote']);
    expect(importedRows(parsed)[0]).toStrictEqual({
      id: 'https://hypothes.is/a/kY3rC1bXEe-abc123',
      page: 'https://aljazeera.net/news/2024/2/11/report',
      target: {
        source: 'https://www.aljazeera.net/news/2024/2/11/report',
        selector: {
          quote: { exact: 'هجوم على حقل العمر', prefix: 'وأفاد المرصد بوقوع ', suffix: ' النفطي فجر الأحد' },
          position: { start: 2045, end: 2060 },
        },
      },
      body: { note: 'أول ذكر **للهجوم** في التقرير', tags: ['دير الزور', 'هجمات'], color: 'yellow' },
      created: Date.parse('2024-02-11T17:03:21.481Z'),
      modified: Date.parse('2024-02-12T08:44:05.002Z'),
    });
  },
  // Hypothesis's API format (issue 15): the same annotation as in `hypothesis-export.json`, the same row.
  'hypothesis-api-rows.json': (parsed) => {
    expect(parsed).toMatchObject({ ok: true, value: { origin: 'hypothesis' } });
    expect(outcomes(parsed)).toEqual(['imported', 'no-quote', 'bad-field tags']);
    expect(importedRows(parsed)[0]).toStrictEqual(importedRows(read('hypothesis-export.json'))[0]);
  },
  'hypothesis-plain-array.json': (parsed) => {
    expect(parsed).toMatchObject({ ok: true, value: { origin: 'hypothesis' } });
    expect(importedRows(parsed)).toStrictEqual([
      {
        id: 'https://hypothes.is/a/Zx9Q-plain',
        page: 'https://enabbaladi.net/archives/700001',
        target: {
          // A target without its own source is the annotation's `uri`.
          source: 'https://www.enabbaladi.net/archives/700001',
          selector: {
            quote: { exact: 'سد تشرين', prefix: 'السيطرة على ', suffix: ' شرقي حلب' },
            position: { start: 0, end: 'سد تشرين'.length },
          },
        },
        body: { note: '', tags: ['منبج'], color: 'yellow' },
        created: Date.parse('2025-03-02T09:00:00Z'),
        modified: Date.parse('2025-03-04T10:30:00Z'),
      },
    ]);
  },
  'rasid-export.csv': (parsed) => expect(problem(parsed)).toEqual({ code: 'other-format', format: 'csv' }),
  'rasid-report.md': (parsed) =>
    expect(problem(parsed)).toEqual({ code: 'other-format', format: 'markdown' }),
  'minimal-foreign.json': (parsed) =>
    expect(importedRows(parsed)).toStrictEqual([
      {
        id: 'http://example.org/anno1',
        page: 'https://example.org/page1.html',
        target: {
          source: 'http://example.org/page1.html',
          selector: {
            quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
            position: { start: 0, end: 'anotation'.length },
          },
        },
        body: { note: 'Comment text', tags: [], color: 'yellow' },
        created: now,
        modified: now,
      },
    ]),
};

describe('the import corpus', () => {
  const files = readdirSync(FOLDER).filter((f) => f !== 'README.md');

  it('has an expectation for every file, and a file for every expectation', () =>
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort()));

  it.each(files)('reads %s as expected', (file) => EXPECTED[file]!(read(file)));
});

describe('import sizes', () => {
  /** A large export: every row different, with an Arabic note, tags, and entity links on most. */
  function largeExport(count: number): { rows: AnnotationRow[]; text: string } {
    const colors = ['yellow', 'green', 'blue', 'pink'] as const;
    const rows = Array.from({ length: count }, (_, i) => {
      const page = 700_000 + (i >> 4);
      return annotationRow({
        id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        page: `https://enabbaladi.net/archives/${page}`,
        target: {
          source: `https://www.enabbaladi.net/archives/${page}`,
          selector: {
            quote: { exact: `سد تشرين ${i}`, prefix: 'السيطرة على ', suffix: ' شرقي حلب' },
            position: { start: i, end: i + 12 },
          },
        },
        body: {
          note: `ملاحظة ${i}: قصف على ريف دير الزور الشرقي`,
          tags: ['دير الزور', `وسم ${i % 50}`],
          color: colors[i % 4],
          ...(i % 3 ? { entity: i % 2 ? 'sdf' : READER_ENTITY } : {}),
        },
        created: now - i * 60_000,
        modified: now - i * 30_000,
      });
    });
    return { rows, text: JSON.stringify(toWebAnnotation(exportInput({ annotations: rows, mentions: [] }))) };
  }

  // Seconds on an idle machine, and several times that on a busy one: vitest's 5 s default is too short
  // (issue #11).
  it('imports every annotation of a 50 MB export', { timeout: 60_000 }, () => {
    const { rows, text } = largeExport(60_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(50 * 1024 * 1024);
    const parsed = parseWebAnnotation(text, { now });
    expect(outcomes(parsed).every((o) => o === 'imported')).toBe(true);
    const imported = importedRows(parsed);
    expect(imported.map((a) => a.id)).toEqual(rows.map((a) => a.id));
    for (const i of [0, 1, 2, 29_999, rows.length - 1]) expect(imported[i]).toStrictEqual(rows[i]);
  });

  it('refuses a file over the limit without reading it', () => {
    const text = JSON.stringify(toWebAnnotation(exportInput()));
    const bytes = Buffer.byteLength(text);
    expect(parseWebAnnotation(text, { now, limitBytes: bytes - 1 })).toEqual({
      ok: false,
      error: { code: 'too-large', bytes, limit: bytes - 1 },
    });
    expect(parseWebAnnotation(text, { now, limitBytes: bytes })).toMatchObject({ ok: true });
  });

  it('refuses a file over the limit even when it is not JSON', () =>
    expect(parseWebAnnotation('x'.repeat(2048), { now, limitBytes: 1024 })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    }));
});
