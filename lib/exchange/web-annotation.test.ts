import { describe, expect, it } from 'vitest';
import { ANNOTATION_COLORS } from '../model/annotation.ts';
import {
  ANNOTATIONS,
  annotationRow,
  ENTITIES,
  exportInput,
  HYPOTHESIS_ID,
  MENTIONS,
  PAGE_A,
  READER_ENTITY,
} from './export-input.fixture.ts';
import { parseWebAnnotation, toWebAnnotation, type WebAnnotationJson } from './web-annotation.ts';
import type { ExportInput, ParsedFile } from '../model/exchange.ts';

const now = Date.UTC(2030, 0, 1);
const roundTrip = (input: ExportInput): ParsedFile =>
  parseWebAnnotation(JSON.stringify(toWebAnnotation(input)), { now });

/** The exported annotation made from `ANNOTATIONS[i]`. */
const exported = (i: number): WebAnnotationJson => toWebAnnotation(exportInput()).first.items[i]!;

describe('toWebAnnotation', () => {
  it('is one W3C annotation collection with Rasid’s terms in its context', () => {
    const collection = toWebAnnotation(exportInput());
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection['@context'][1]).toMatchObject({ rasid: 'urn:rasid:vocab#', count: 'rasid:count' });
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(collection.total).toBe(collection.first.items.length);
  });

  it('names Rasid, its version, the export date and the format version', () => {
    const collection = toWebAnnotation(exportInput({ version: '2.3.4', generated: Date.UTC(2025, 0, 2) }));
    expect(collection.generator).toEqual({ type: 'Software', name: 'Rasid', 'rasid:version': '2.3.4' });
    expect(collection.generated).toBe('2025-01-02T00:00:00.000Z');
    expect(collection.formatVersion).toBe(1);
  });

  it('is plain JSON: nothing is lost to JSON.stringify', () => {
    const collection = toWebAnnotation(exportInput());
    expect(JSON.parse(JSON.stringify(collection))).toStrictEqual(collection);
  });

  it('gives Rasid’s UUIDs as URNs and keeps another tool’s IRI', () => {
    expect(exported(0).id).toBe(`urn:uuid:${ANNOTATIONS[0]!.id}`);
    expect(exported(3).id).toBe(HYPOTHESIS_ID);
  });

  it('comments when there is a note and highlights when there is none', () => {
    expect(exported(0).motivation).toBe('commenting');
    expect(exported(1).motivation).toBe('highlighting');
  });

  it('writes the dates as ISO strings and the colour as a style class', () => {
    expect(exported(0)).toMatchObject({
      created: new Date(ANNOTATIONS[0]!.created).toISOString(),
      modified: new Date(ANNOTATIONS[0]!.modified).toISOString(),
      stylesClass: 'rasid-yellow',
    });
    expect(exported(3).stylesClass).toBe('rasid-pink');
  });

  it('targets the address with a quote and a position selector, and names the page key', () => {
    const { quote, position } = ANNOTATIONS[0]!.target.selector;
    expect(exported(0).target).toEqual({
      source: PAGE_A.address,
      page: PAGE_A.url,
      selector: [
        { type: 'TextQuoteSelector', ...quote },
        { type: 'TextPositionSelector', ...position },
      ],
    });
  });

  it('writes no prefix or suffix that the quote does not have', () =>
    expect(exported(1).target.selector[0]).toStrictEqual({ type: 'TextQuoteSelector', exact: 'شرقي حلب' }));

  it('says which language and direction a note is written in', () => {
    expect(exported(0).body[0]).toEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: ANNOTATIONS[0]!.body.note,
      format: 'text/plain',
      language: 'ar',
      textDirection: 'rtl',
    });
    expect(exported(2).body[0]).toMatchObject({ language: 'en', textDirection: 'ltr' });
  });

  it('writes one tagging body per tag and no note body for an empty note', () => {
    expect(
      exported(0)
        .body.filter((b) => b.purpose === 'tagging')
        .map((b) => 'value' in b && b.value),
    ).toEqual(ANNOTATIONS[0]!.body.tags);
    expect(exported(1).body).toEqual([]);
  });

  it('identifies a linked entity by its IRI, with its names and kind', () => {
    expect(exported(0).body.at(-1)).toEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: 'urn:rasid:entity:sdf',
        prefLabel: { ar: 'قوات سوريا الديمقراطية', en: 'Syrian Democratic Forces' },
        entityType: 'actor',
        entitySubtype: 'armed-group',
      },
    });
    expect(exported(2).body.at(-1)).toMatchObject({ source: { id: `urn:rasid:entity:${READER_ENTITY}` } });
    expect(exported(2).body.at(-1)).not.toHaveProperty('source.entitySubtype');
  });

  it('still identifies an entity it has no names for', () => {
    const input = exportInput({
      annotations: [annotationRow({ body: { entity: 'unknown' } })],
      entities: [],
    });
    expect(toWebAnnotation(input).first.items[0]!.body).toEqual([
      { type: 'SpecificResource', purpose: 'identifying', source: { id: 'urn:rasid:entity:unknown' } },
    ]);
  });

  describe('mentions', () => {
    const mentions = () => toWebAnnotation(exportInput()).first.items.slice(ANNOTATIONS.length);

    it('are written only when asked for', () =>
      expect(toWebAnnotation(exportInput({ mentions: undefined })).total).toBe(ANNOTATIONS.length));

    it('follow the annotations, one each, marked as mentions, with their count', () => {
      expect(mentions()).toHaveLength(MENTIONS.length);
      for (const [i, m] of mentions().entries()) {
        expect(m).toMatchObject({
          'rasid:kind': 'mention',
          motivation: 'identifying',
          count: MENTIONS[i]!.count,
        });
        expect(m.body).toEqual([expect.objectContaining({ purpose: 'identifying' })]);
      }
    });

    it('quote the sentence on the page’s last address', () =>
      expect(mentions()[0]!.target).toEqual({
        source: PAGE_A.address,
        page: PAGE_A.url,
        selector: [{ type: 'TextQuoteSelector', exact: MENTIONS[0]!.sentence }],
      }));

    it('target the page key when the page is not known', () =>
      expect(toWebAnnotation(exportInput({ pages: [] })).first.items.at(-1)!.target.source).toBe(PAGE_A.url));

    it('have ids that are the same in every export and differ between entities', () => {
      const ids = mentions().map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(mentions().map((m) => m.id)).toEqual(ids);
      expect(ids[0]).toMatch(/^urn:rasid:mention:/u);
    });
  });
});

describe('the round trip through parseWebAnnotation', () => {
  it('gives back the very same annotations, and skips the mentions', () => {
    const parsed = roundTrip(exportInput());
    if (!parsed.ok) throw new Error(`refused: ${parsed.error.code}`);
    expect(parsed.value.origin).toBe('rasid');
    expect(parsed.value.items.flatMap((i) => ('annotation' in i ? [i.annotation] : []))).toStrictEqual(
      ANNOTATIONS,
    );
    expect(parsed.value.items.filter((i) => 'skipped' in i)).toHaveLength(MENTIONS.length);
    expect(parsed.value.items.flatMap((i) => ('annotation' in i ? i.warnings : []))).toEqual([]);
  });

  it('gives back the reader’s own entities with their names, and not the lexicon’s', () => {
    const parsed = roundTrip(exportInput());
    expect(parsed.ok && parsed.value.entities).toStrictEqual(ENTITIES.filter((e) => e.id === READER_ENTITY));
  });

  it.each(ANNOTATION_COLORS)('keeps the colour %s', (color) => {
    const annotation = annotationRow({ body: { color } });
    const parsed = roundTrip(exportInput({ annotations: [annotation] }));
    expect(parsed.ok && parsed.value.items[0]).toMatchObject({ annotation: { body: { color } } });
  });

  it('keeps notes and tags exactly, markup, formulas and Arabic commas included', () => {
    const body = { note: ' <b>مهم</b>\r\n\t=1+1 ', tags: ['حلب، إدلب', '=SUM(A1)', '<script>'] };
    const parsed = roundTrip(exportInput({ annotations: [annotationRow({ body })], mentions: [] }));
    expect(parsed.ok && parsed.value.items[0]).toMatchObject({ annotation: { body } });
  });
});
