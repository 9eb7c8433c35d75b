import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionRow } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import type { EntityType, Subtype } from '../lexicon/schema.ts';
import {
  annotationIri,
  entityIri,
  KIND_PROPERTY,
  MENTION_KIND,
  mentionIri,
  RASID_CONTEXT,
  RASID_FORMAT_VERSION,
} from './rasid-vocabulary.ts';
import { textLanguage, type TextLanguage } from './text-language.ts';
import type { EntityLabel, ExportInput } from '../model/exchange.ts';

/**
 * Rasid's annotations as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/),
 * JSON-LD that other annotation tools read, and that `parseWebAnnotation` reads back into the same rows.
 */

export { DEFAULT_IMPORT_LIMIT_BYTES, parseWebAnnotation, type ParseOptions } from './parse-web-annotation.ts';

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelectorJson {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextualBodyJson extends Partial<TextLanguage> {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

/** The entity itself: its IRI, and its names and kind for tools that do not know Rasid's lexicon. */
export interface EntityResourceJson {
  id: string;
  prefLabel?: { ar: string; en: string };
  entityType?: EntityType;
  entitySubtype?: Subtype;
}

/**
 * An entity link. The W3C model gives `purpose` to specific resources and textual bodies only, so the
 * entity is the `source` of a SpecificResource (model §3.3.5, "Purpose for External Web Resources").
 */
export interface EntityBodyJson {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: EntityResourceJson;
}

export interface WebAnnotationJson {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting' | 'identifying';
  created: string;
  modified: string;
  stylesClass?: string;
  target: {
    source: string;
    /** The page's key in Rasid, which may differ from the address (canonical link, AMP…). */
    page: string;
    selector: (TextQuoteSelectorJson | TextPositionSelectorJson)[];
  };
  body: (TextualBodyJson | EntityBodyJson)[];
  /** On entity mentions only. */
  'rasid:kind'?: typeof MENTION_KIND;
  count?: number;
}

export interface WebAnnotationCollectionJson {
  '@context': typeof RASID_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  generator: { type: 'Software'; name: 'Rasid'; 'rasid:version': string };
  generated: string;
  formatVersion: number;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotationJson[] };
}

/** The whole export in one page: a file, not a paged web service. */
export function toWebAnnotation(input: ExportInput): WebAnnotationCollectionJson {
  const labels = new Map(input.entities.map((e) => [e.id, e]));
  const pages = new Map(input.pages.map((p) => [p.url, p]));
  const items = input.annotations.map((a) => annotationJson(a, labels));
  for (const m of input.mentions ?? []) items.push(mentionJson(m, pages, labels));
  return {
    '@context': RASID_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Rasid annotations',
    generator: { type: 'Software', name: 'Rasid', 'rasid:version': input.version },
    generated: iso(input.generated),
    formatVersion: RASID_FORMAT_VERSION,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function annotationJson(a: AnnotationRow, labels: Map<string, EntityLabel>): WebAnnotationJson {
  const { quote, position } = a.target.selector;
  const body: WebAnnotationJson['body'] = [];
  if (a.body.note) body.push(noteBody(a.body.note));
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (a.body.entity !== undefined) body.push(entityBody(a.body.entity, labels));
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.body.note ? 'commenting' : 'highlighting',
    created: iso(a.created),
    modified: iso(a.modified),
    stylesClass: `rasid-${a.body.color}`,
    target: {
      source: a.target.source,
      page: a.page,
      selector: [
        quoteSelector(quote.exact, quote.prefix, quote.suffix),
        { type: 'TextPositionSelector', ...position },
      ],
    },
    body,
  };
}

/** An entity mention: the sentence that named the entity, on the page's last address. */
function mentionJson(
  m: MentionRow,
  pages: Map<string, PageRow>,
  labels: Map<string, EntityLabel>,
): WebAnnotationJson {
  return {
    id: mentionIri(m.page, m.entity),
    type: 'Annotation',
    [KIND_PROPERTY]: MENTION_KIND,
    motivation: 'identifying',
    created: iso(m.firstSeen),
    modified: iso(m.lastSeen),
    target: {
      source: pages.get(m.page)?.address ?? m.page,
      page: m.page,
      selector: [quoteSelector(m.sentence)],
    },
    body: [entityBody(m.entity, labels)],
    count: m.count,
  };
}

function quoteSelector(exact: string, prefix?: string, suffix?: string): TextQuoteSelectorJson {
  const selector: TextQuoteSelectorJson = { type: 'TextQuoteSelector', exact };
  // Absent stays absent, so that the round trip gives back the same row.
  if (prefix !== undefined) selector.prefix = prefix;
  if (suffix !== undefined) selector.suffix = suffix;
  return selector;
}

function noteBody(note: string): TextualBodyJson {
  return {
    type: 'TextualBody',
    purpose: 'commenting',
    value: note,
    format: 'text/plain',
    ...textLanguage(note),
  };
}

function entityBody(entity: string, labels: Map<string, EntityLabel>): EntityBodyJson {
  const label = labels.get(entity);
  const source: EntityResourceJson = { id: entityIri(entity) };
  if (label) {
    source.prefLabel = { ar: label.ar, en: label.en };
    source.entityType = label.type;
    if (label.subtype) source.entitySubtype = label.subtype;
  }
  return { type: 'SpecificResource', purpose: 'identifying', source };
}

const iso = (ms: number) => new Date(ms).toISOString();
