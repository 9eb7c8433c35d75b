import { describe, expect, it } from 'vitest';
import {
  annotationIdOf,
  annotationIri,
  entityIdOf,
  entityIri,
  isReaderEntity,
  mentionIri,
} from './rasid-vocabulary.ts';

const uuid = '0f8e5b8a-2c1d-4e6f-9a0b-1c2d3e4f5a6b';

describe('annotation IRIs', () => {
  it('are URNs for Rasid’s UUIDs', () => expect(annotationIri(uuid)).toBe(`urn:uuid:${uuid}`));

  it('keep another tool’s IRI as it is', () => {
    const iri = 'https://hypothes.is/a/AbC123';
    expect(annotationIri(iri)).toBe(iri);
    expect(annotationIdOf(iri)).toBe(iri);
  });

  it('give back the row id', () => expect(annotationIdOf(annotationIri(uuid))).toBe(uuid));

  it('read the urn:uuid prefix in any case', () => expect(annotationIdOf(`URN:UUID:${uuid}`)).toBe(uuid));

  it('keep a urn:uuid IRI whose rest is not a UUID whole, so that it exports as it came', () => {
    const iri = 'urn:uuid:not-a-uuid';
    expect(annotationIdOf(iri)).toBe(iri);
    expect(annotationIri(annotationIdOf(iri))).toBe(iri);
  });
});

describe('entity IRIs', () => {
  it('give back the entity id', () => expect(entityIdOf(entityIri('sdf'))).toBe('sdf'));

  it('are not another vocabulary’s IRIs', () => {
    expect(entityIdOf('http://www.wikidata.org/entity/Q858')).toBeNull();
    expect(entityIdOf('urn:rasid:entity:')).toBeNull();
  });

  it('tell a reader’s own entity from a lexicon entity', () => {
    expect(isReaderEntity(`reader-${uuid}`)).toBe(true);
    expect(isReaderEntity('sdf')).toBe(false);
  });
});

describe('mention IRIs', () => {
  it('differ for two entities of one page and for one entity of two pages', () => {
    const iris = new Set([
      mentionIri('https://a.example/1', 'sdf'),
      mentionIri('https://a.example/1', 'isis'),
      mentionIri('https://a.example/2', 'sdf'),
    ]);
    expect(iris.size).toBe(3);
  });

  it('cannot be confused by a colon in the page key', () =>
    expect(mentionIri('https://a.example/x:y', 'z')).not.toBe(mentionIri('https://a.example/x', 'y:z')));
});
