import { describe, expect, it } from 'vitest';
import { hypothesisAnnotations } from './hypothesis-annotations.ts';
import { parseWebAnnotation } from './parse-web-annotation.ts';

const now = Date.UTC(2026, 0, 1);
const annotation = {
  id: 'h1',
  uri: 'https://www.enabbaladi.net/archives/1',
  text: 'ملاحظة',
  tags: ['منبج'],
  created: '2025-01-01T10:00:00.123456+00:00',
  updated: '2025-01-02T10:00:00.000000+00:00',
  target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'سد تشرين' }] }],
};

describe('hypothesisAnnotations', () => {
  it.each([
    ['the API’s search result', { total: 1, rows: [annotation] }],
    ['the client’s export', { export_date: '2025-01-03', annotations: [annotation] }],
    ['a plain list', [annotation]],
  ])('reads %s', (_, file) => {
    const parsed = parseWebAnnotation(JSON.stringify(file), { now });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        origin: 'hypothesis',
        items: [
          {
            annotation: {
              id: 'https://hypothes.is/a/h1',
              page: 'https://enabbaladi.net/archives/1',
              body: { note: 'ملاحظة', tags: ['منبج'], color: 'yellow' },
              created: Date.parse('2025-01-01T10:00:00.123Z'),
              modified: Date.parse('2025-01-02T10:00:00Z'),
            },
          },
        ],
      },
    });
  });

  it('leaves W3C files to the W3C reader', () => {
    expect(hypothesisAnnotations([{ type: 'Annotation', target: 'https://a.example/' }])).toBeNull();
    expect(hypothesisAnnotations({ rows: [1, 2] })).toBeNull();
    expect(hypothesisAnnotations({ hello: 1 })).toBeNull();
  });

  it('passes items that are not Hypothesis annotations on, to be rejected one by one', () => {
    const parsed = parseWebAnnotation(JSON.stringify({ rows: [annotation, 'junk', { id: 7 }] }), { now });
    expect(parsed.ok && parsed.value.items.map((i) => ('rejected' in i ? i.rejected.code : 'ok'))).toEqual([
      'ok',
      'not-an-annotation',
      'not-an-annotation',
    ]);
  });

  it('gives an annotation without id the same row on every import', () => {
    const anonymous: Partial<typeof annotation> = { ...annotation };
    delete anonymous.id;
    const once = parseWebAnnotation(JSON.stringify([anonymous]), { now });
    const again = parseWebAnnotation(JSON.stringify([anonymous]), { now: now + 1 });
    expect(once).toEqual(again);
  });
});
