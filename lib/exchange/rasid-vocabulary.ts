/**
 * The names Rasid's Web Annotation export and import share: the JSON-LD context, the format version,
 * and the IRIs of annotations, entities and mentions. One module, so the writer and the reader cannot
 * drift apart.
 */

/** The version of the export's shape. A reader refuses files with a higher one (issue #7). */
export const RASID_FORMAT_VERSION = 1;

/** Rasid's vocabulary: a URN, not a web address, because there is no document to fetch at it. */
export const RASID_VOCAB = 'urn:rasid:vocab#';

/**
 * The W3C context, then Rasid's terms: SKOS language-tagged names for entities, and the few fields
 * the W3C model has no word for.
 */
export const RASID_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    rasid: RASID_VOCAB,
    skos: 'http://www.w3.org/2004/02/skos/core#',
    prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
    formatVersion: 'rasid:formatVersion',
    entityType: 'rasid:entityType',
    entitySubtype: 'rasid:entitySubtype',
    page: { '@id': 'rasid:page', '@type': '@id' },
    count: 'rasid:count',
  },
] as const;

/** The property, and its value, that marks an entity mention: history, which import skips. */
export const KIND_PROPERTY = 'rasid:kind';
export const MENTION_KIND = 'mention';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const UUID_URN = /^urn:uuid:/iu;
const ENTITY_PREFIX = 'urn:rasid:entity:';
const MENTION_PREFIX = 'urn:rasid:mention:';
const IMPORT_PREFIX = 'urn:rasid:import:';

/**
 * An annotation's IRI: `urn:uuid:` before Rasid's own UUIDs (RFC 9562 §4); any other id came from
 * another tool's IRI, or from `importedId`, and is kept as it is.
 */
export const annotationIri = (id: string): string => (UUID.test(id) ? `urn:uuid:${id}` : id);

/** The row id of an annotation IRI: the inverse of `annotationIri`. */
export function annotationIdOf(iri: string): string {
  const rest = iri.replace(UUID_URN, '');
  return rest !== iri && UUID.test(rest) ? rest : iri;
}

/** The id given to an imported annotation that has none: `urn:rasid:import:` and a hash of its content. */
export const importedId = (hash: string): string => IMPORT_PREFIX + hash;

export const entityIri = (entity: string): string => ENTITY_PREFIX + entity;

/** The entity id of a Rasid entity IRI; null for any other IRI. */
export function entityIdOf(iri: string): string | null {
  return iri.startsWith(ENTITY_PREFIX) && iri.length > ENTITY_PREFIX.length
    ? iri.slice(ENTITY_PREFIX.length)
    : null;
}

/** A mention's IRI: its page and entity, which identify it (a mention row's key is the pair). */
export const mentionIri = (page: string, entity: string): string =>
  `${MENTION_PREFIX}${encodeURIComponent(page)}:${encodeURIComponent(entity)}`;

/** A reader's own entity (`reader-<uuid>`), which an import may have to recreate. */
export const isReaderEntity = (entity: string): boolean => entity.startsWith('reader-');
