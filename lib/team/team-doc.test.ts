import { describe, expect, it } from 'vitest';
import type { AnnotationRow } from '../model/annotation.ts';
import { annotationDoc, readAnnotationDoc, readSightingDoc, sightingDoc } from './team-doc.ts';

const row: AnnotationRow = {
  id: '0b6f3a6e-1f0e-4d3a-9b5e-2d7c7d1f0a11',
  page: 'https://enabbaladi.net/archives/1',
  target: {
    source: 'https://enabbaladi.net/archives/1',
    selector: {
      quote: { exact: 'قسد تعتقل شبانا', prefix: 'قال: ', suffix: ' في' },
      position: { start: 5, end: 20 },
    },
  },
  body: { note: '<img src=x onerror=alert(1)>', tags: ['دير الزور'], color: 'green', entity: 'sdf' },
  created: Date.UTC(2025, 2, 3),
  modified: Date.UTC(2025, 2, 4),
};
const rana = { by: 'rana', name: 'Rana' };
const omar = { by: 'omar', name: 'عمر' };

describe('annotations as team documents', () => {
  it('are the JSON-LD Rasid exports, with their creator, and read back as the same row', () => {
    const doc = annotationDoc({ ...row, shared: true }, rana, '0.1.0');
    expect(doc).toMatchObject({
      _id: `annotation:${row.id}`,
      kind: 'annotation',
      creator: rana,
      modifiedBy: rana,
    });
    expect(doc.annotation.type).toBe('Annotation');
    expect(readAnnotationDoc(JSON.parse(JSON.stringify(doc)), 0)).toEqual({
      ok: true,
      value: { row, creator: rana, modifiedBy: rana },
    });
  });
  it('keep a teammate as the creator when the reader edits theirs', () => {
    expect(annotationDoc({ ...row, team: omar }, rana, '0.1.0')).toMatchObject({
      creator: omar,
      modifiedBy: rana,
    });
  });
  it('are refused when anything is wrong, as an import item would be', () => {
    const doc = annotationDoc(row, rana, '0.1.0');
    expect(readAnnotationDoc({ ...doc, kind: 'other' }, 0)).toEqual({
      ok: false,
      error: 'not-a-team-document',
    });
    expect(readAnnotationDoc({ ...doc, creator: { by: 'x', name: 'a\u0000b' } }, 0)).toEqual({
      ok: false,
      error: 'bad-member',
    });
    expect(readAnnotationDoc({ ...doc, modifiedBy: 'rana' }, 0)).toEqual({ ok: false, error: 'bad-member' });
    expect(readAnnotationDoc({ ...doc, creator: { by: 'x'.repeat(81), name: 'x' } }, 0)).toEqual({
      ok: false,
      error: 'bad-member',
    });
    const noQuote = { ...doc.annotation, target: { ...doc.annotation.target, selector: [] } };
    expect(readAnnotationDoc({ ...doc, annotation: noQuote }, 0)).toEqual({
      ok: false,
      error: 'bad-annotation',
    });
    const script = { ...doc.annotation, target: { ...doc.annotation.target, source: 'javascript:alert(1)' } };
    expect(readAnnotationDoc({ ...doc, annotation: script }, 0)).toEqual({
      ok: false,
      error: 'bad-annotation',
    });
    // A document may not carry another annotation than its id says (it would overwrite that one).
    expect(readAnnotationDoc({ ...doc, _id: 'annotation:another' }, 0)).toEqual({
      ok: false,
      error: 'id-mismatch',
    });
  });
});

describe('sightings as team documents', () => {
  it('read back with their counts, sentences and site', () => {
    const doc = sightingDoc(rana, row.page, 'عنوان', 1, 2, [
      { entity: 'sdf', count: 2, sentence: 'قسد <b>' },
    ]);
    expect(readSightingDoc(JSON.parse(JSON.stringify(doc)))).toEqual({
      id: `rana\u0000${row.page}`,
      by: 'rana',
      name: 'Rana',
      page: row.page,
      site: 'enabbaladi.net',
      title: 'عنوان',
      firstSeen: 1,
      lastSeen: 2,
      entities: ['sdf'],
      counts: { sdf: 2 },
      sentences: { sdf: 'قسد <b>' },
    });
  });
  it('are refused when a field is wrong, or when it speaks for another member', () => {
    const doc = sightingDoc(rana, row.page, 'عنوان', 1, 2, [{ entity: 'sdf', count: 2, sentence: 'x' }]);
    expect(readSightingDoc({ ...doc, by: omar })).toBeNull();
    expect(readSightingDoc({ ...doc, mentions: [{ entity: 'sdf', count: -1, sentence: 'x' }] })).toBeNull();
    expect(
      readSightingDoc({ ...doc, mentions: [{ entity: '<script>', count: 1, sentence: 'x' }] }),
    ).toBeNull();
    expect(readSightingDoc({ ...doc, firstSeen: 'yesterday' })).toBeNull();
    expect(readSightingDoc({ ...doc, page: 'not a page', _id: 'sighting:rana:not a page' })).toBeNull();
  });
});
