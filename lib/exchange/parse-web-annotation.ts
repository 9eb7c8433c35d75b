import { ANNOTATION_COLORS, type AnnotationColor, type AnnotationRow } from '../model/annotation.ts';
import type { PositionSelector, QuoteSelector } from '../anchoring/match-quote.ts';
import { MAX_CONTEXT_CHARS, MAX_QUOTE_CHARS } from '../anchoring/quote-limits.ts';
import { ACTOR_SUBTYPES, PLACE_SUBTYPES, type Subtype } from '../lexicon/schema.ts';
import { pageKey, siteOf } from '../pages/page-key.ts';
import { err, ok, type Result } from '../model/result.ts';
import { fnv1a64 } from './fnv1a64.ts';
import { hypothesisAnnotations } from './hypothesis-annotations.ts';
import { sniffFormat } from './sniff-format.ts';
import {
  annotationIdOf,
  entityIdOf,
  importedId,
  isReaderEntity,
  KIND_PROPERTY,
  MENTION_KIND,
  RASID_FORMAT_VERSION,
  RASID_VOCAB,
} from './rasid-vocabulary.ts';
import type {
  EntityLabel,
  FileProblem,
  ItemProblem,
  ItemWarning,
  ParsedFile,
  ParsedItem,
} from '../model/exchange.ts';

/**
 * Reading an import file (issue #7): Rasid's own exports, other tools' W3C Web Annotations
 * (https://www.w3.org/TR/annotation-model/) and Hypothesis's API format (issue 15). Everything is checked before anything is returned, and
 * nothing throws: a bad file is a `FileProblem`, a bad item a rejected `ParsedItem`. Strings from the
 * file are kept as the plain text they are; what shows them must treat them as text.
 */

/** 100 MiB of UTF-8: far above any reader's annotations, well below what a tab can hold twice over. */
export const DEFAULT_IMPORT_LIMIT_BYTES = 100 * 1024 * 1024;

export interface ParseOptions {
  /** Epoch ms: the creation time of an annotation whose file gives none. */
  now: number;
  /** The largest file read, in bytes of UTF-8 (what the file measures on disk). */
  limitBytes?: number;
}

type Json = Record<string, unknown>;
type Checked<T> = Result<T, ItemProblem>;

export function parseWebAnnotation(text: string, options: ParseOptions): ParsedFile {
  const limit = options.limitBytes ?? DEFAULT_IMPORT_LIMIT_BYTES;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most files need no counting.
  const bytes = text.length * 3 <= limit ? null : utf8Length(text);
  if (bytes !== null && bytes > limit) return refuse({ code: 'too-large', bytes, limit });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const format = sniffFormat(text);
    return refuse(format ? { code: 'other-format', format } : { code: 'not-json', detail: parsed.error });
  }

  const rasid = isRecord(parsed.value) && isRasidExport(parsed.value) ? parsed.value : null;
  // A newer export may have changed shape: say that it is newer before looking for annotations.
  if (rasid) {
    const version = unreadableVersion(rasid['formatVersion']);
    if (version !== null) return refuse({ code: 'newer-version', version });
  }
  const hypothesis = rasid ? null : hypothesisAnnotations(parsed.value);
  const found = hypothesis ?? annotationList(parsed.value);
  if (!found) return refuse({ code: 'not-annotations' });

  const items: ParsedItem[] = [];
  const entities = new Map<string, EntityLabel>();
  found.forEach((raw, index) => {
    const { item, labels } = parseItem(raw, index, options.now);
    items.push(item);
    for (const label of labels) if (!entities.has(label.id)) entities.set(label.id, label);
  });
  return ok({
    origin: rasid ? 'rasid' : hypothesis ? 'hypothesis' : 'w3c',
    items,
    entities: [...entities.values()],
  });
}

const refuse = (problem: FileProblem): ParsedFile => err(problem);

const encoder = new TextEncoder();
const CHUNK = 1 << 16;

/**
 * The UTF-8 length of `text`: what the file measured on disk, and what the limit is about. Encoded a
 * chunk at a time into one small buffer (native, and no copy of the whole text); a chunk never ends
 * between the two halves of a surrogate pair, which would encode as two replacement characters.
 */
function utf8Length(text: string): number {
  const buffer = new Uint8Array(3 * CHUNK);
  let bytes = 0;
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
    bytes += encoder.encodeInto(text.slice(from, to), buffer).written;
    from = to;
  }
  return bytes;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function parseJson(text: string): Result<unknown> {
  try {
    // A byte order mark is not JSON, but editors and spreadsheets leave one.
    return ok(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** The prefixes a compacted or expanded JSON-LD document may give the W3C names. */
const VOCAB_PREFIX =
  /^(?:oa:|as:|http:\/\/www\.w3\.org\/ns\/oa#|https:\/\/www\.w3\.org\/ns\/activitystreams#)/u;

/**
 * Whether a `type` or `purpose`, a string or a list of them, is one of `wanted`, prefixed or not.
 * Without building lists: it runs a dozen times for each item of a file with tens of thousands.
 */
function hasName(value: unknown, wanted: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && hasName(v, wanted));
  if (typeof value !== 'string') return false;
  return wanted.includes(value) || (value.includes(':') && wanted.includes(value.replace(VOCAB_PREFIX, '')));
}

const hasType = (value: Json, ...types: string[]) => hasName(value['type'], types);

/** Rasid's exports name their generator and their vocabulary; either will do. */
function isRasidExport(root: Json): boolean {
  const generator = root['generator'];
  if (isRecord(generator) && generator['name'] === 'Rasid') return true;
  return asList(root['@context']).some((c) => isRecord(c) && c['rasid'] === RASID_VOCAB);
}

/**
 * The version of a Rasid export this Rasid cannot read, or null when it can: a missing version is the
 * first; a version above ours is newer; anything but a positive integer is no version we wrote, reported
 * as NaN when it is not even a number.
 */
function unreadableVersion(value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number') return Number.NaN;
  return Number.isInteger(value) && value > 0 && value <= RASID_FORMAT_VERSION ? null : value;
}

/**
 * The items of a collection (its embedded pages, `first` and each `next`), of a page, of a bare list,
 * or a single annotation; null when the JSON is none of these.
 */
function annotationList(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root.some((v) => isRecord(v) && hasType(v, 'Annotation')) ? root : null;
  if (!isRecord(root)) return null;
  if (hasType(root, 'Annotation')) return [root];
  if (hasType(root, 'AnnotationPage', 'OrderedCollectionPage'))
    return Array.isArray(root['items']) ? root['items'] : null;
  if (!hasType(root, 'AnnotationCollection', 'OrderedCollection')) return null;
  const items: unknown[] = [];
  for (const first of asList(root['first']))
    // Each page is embedded; a chain of `next` pages is followed as far as it is embedded too.
    for (let page: unknown = first; isRecord(page); page = page['next'])
      if (Array.isArray(page['items'])) for (const item of page['items']) items.push(item);
  if (Array.isArray(root['items'])) for (const item of root['items']) items.push(item);
  return items;
}

interface ItemOutcome {
  item: ParsedItem;
  /** The reader's own entities this item links to, with the names the file gives them. */
  labels: EntityLabel[];
}

function parseItem(raw: unknown, index: number, now: number): ItemOutcome {
  const id = isRecord(raw) && typeof raw['id'] === 'string' ? raw['id'] : null;
  if (!isRecord(raw) || !hasType(raw, 'Annotation'))
    return { item: { index, id, rejected: { code: 'not-an-annotation' } }, labels: [] };
  if (raw[KIND_PROPERTY] === MENTION_KIND) return { item: { index, id, skipped: 'mention' }, labels: [] };
  const read = readAnnotation(raw, now);
  if (!read.ok) return { item: { index, id, rejected: read.error }, labels: [] };
  const { annotation, warnings, labels } = read.value;
  return { item: { index, id, annotation, warnings }, labels };
}

interface ReadAnnotation {
  annotation: AnnotationRow;
  warnings: ItemWarning[];
  labels: EntityLabel[];
}

function readAnnotation(raw: Json, now: number): Checked<ReadAnnotation> {
  const target = readTarget(raw['target']);
  if (!target.ok) return target;
  const { source, page, selectors } = target.value;
  const quote = readQuote(selectors);
  if (!quote.ok) return quote;
  const position = readPosition(selectors, quote.value.exact);
  if (!position.ok) return position;
  const bodies = readBodies(raw);
  if (!bodies.ok) return bodies;
  const created = readDate(raw, 'created', now);
  if (!created.ok) return created;
  const modified = readDate(raw, 'modified', created.value);
  if (!modified.ok) return modified;
  const note = bodies.value.notes.join('\n\n');
  const id = readId(raw['id'], [source, quote.value, raw['created'] ?? null, note]);
  if (!id.ok) return id;

  const body: AnnotationRow['body'] = { note, tags: bodies.value.tags, color: readColor(raw['stylesClass']) };
  // No `entity` key at all when there is no link, as in the rows Rasid writes.
  if (bodies.value.entity !== undefined) body.entity = bodies.value.entity;
  return ok({
    annotation: {
      id: id.value,
      page,
      target: { source, selector: { quote: quote.value, position: position.value } },
      body,
      created: created.value,
      modified: modified.value,
    },
    warnings: bodies.value.warnings,
    labels: bodies.value.labels,
  });
}

interface Target {
  source: string;
  page: string;
  selectors: Json[];
}

/** The target: an IRI, an object with a source, or a list of them, of which the first with a source counts. */
function readTarget(value: unknown): Checked<Target> {
  const target = asList(value).find(
    (t) => typeof t === 'string' || (isRecord(t) && sourceOf(t) !== undefined),
  );
  if (target === undefined) return err({ code: 'no-source' });
  const source = typeof target === 'string' ? target : sourceOf(target as Json);
  if (typeof source !== 'string') return err({ code: 'bad-field', field: 'source' });
  const page = isDocumentUrl(source) ? pageOf(isRecord(target) ? target['page'] : undefined, source) : null;
  if (page === null) return err({ code: 'bad-source', source });
  const selectors = isRecord(target) ? asList(target['selector']).filter(isRecord) : [];
  return ok({ source, page, selectors });
}

/** The target's `source`, or its `id` when it is the resource itself (W3C model §3.2.1). */
function sourceOf(target: Json): unknown {
  const source = target['source'];
  if (isRecord(source)) return source['id'];
  return source ?? (target['selector'] === undefined ? target['id'] : undefined);
}

/** Only pages Rasid can read: on the web, or saved on disk. `javascript:` and `data:` are not pages. */
function isDocumentUrl(value: string): boolean {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The page's key: Rasid's own `page` (a canonical link may make it differ from the address) when it is
 * a page address on the source's site, else the key of the source. Other tools may mean something else
 * by `page`, so a value that does not fit is not an error.
 */
function pageOf(value: unknown, source: string): string | null {
  try {
    if (typeof value === 'string' && isDocumentUrl(value) && siteOf(value) === siteOf(source)) return value;
    return pageKey(source);
  } catch {
    // An address the URL parser takes but page identity cannot key is not a page Rasid can show.
    return null;
  }
}

/** The first TextQuoteSelector: the quote is what anchors an annotation, so there must be one. */
function readQuote(selectors: Json[]): Checked<QuoteSelector> {
  const selector = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!selector) return err({ code: 'no-quote' });
  const { exact, prefix, suffix } = selector;
  if (exact !== undefined && exact !== null && typeof exact !== 'string')
    return err({ code: 'bad-field', field: 'exact' });
  if (!exact) return err({ code: 'no-quote' });
  // A longer quote is no reader's selection (issue #12: a 10 MB quote froze the page that anchored it).
  if (exact.length > MAX_QUOTE_CHARS) return err({ code: 'bad-field', field: 'exact' });
  const quote: QuoteSelector = { exact };
  for (const [field, value] of [
    ['prefix', prefix],
    ['suffix', suffix],
  ] as const) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return err({ code: 'bad-field', field });
    // Only the context nearest the quote is ever read: keep that much.
    quote[field] = field === 'prefix' ? value.slice(-MAX_CONTEXT_CHARS) : value.slice(0, MAX_CONTEXT_CHARS);
  }
  return ok(quote);
}

/**
 * The TextPositionSelector, if any. Without one the quote is placed at the start of the text: the
 * position is only a hint (the matcher first checks that the text there is the quote, and weighs the
 * distance from it least of all), so a quote alone still anchors.
 */
function readPosition(selectors: Json[], exact: string): Checked<PositionSelector> {
  const selector = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (!selector) return ok({ start: 0, end: exact.length });
  const { start, end } = selector;
  if (!isOffset(start)) return err({ code: 'bad-field', field: 'start' });
  if (!isOffset(end) || end < start) return err({ code: 'bad-field', field: 'end' });
  return ok({ start, end });
}

const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

interface Bodies {
  notes: string[];
  tags: string[];
  entity?: string;
  warnings: ItemWarning[];
  labels: EntityLabel[];
}

/**
 * Notes (textual bodies commenting, or with no purpose; `bodyValue`; plain strings), tags (textual
 * bodies tagging) and the entity link (the first identifying body with a Rasid entity IRI). Other
 * bodies (replies, descriptions, choices…) are not Rasid's to keep.
 */
function readBodies(raw: Json): Checked<Bodies> {
  const bodies: Bodies = { notes: [], tags: [], warnings: [], labels: [] };
  const bodyValue = raw['bodyValue'];
  if (bodyValue !== undefined) {
    if (typeof bodyValue !== 'string') return err({ code: 'bad-field', field: 'bodyValue' });
    bodies.notes.push(bodyValue);
  }
  for (const body of asList(raw['body'])) {
    const read = readBody(body, bodies);
    if (!read.ok) return read;
  }
  bodies.tags = [...new Set(bodies.tags.map((t) => t.trim()).filter(Boolean))];
  return ok(bodies);
}

function readBody(body: unknown, into: Bodies): Checked<null> {
  if (typeof body === 'string') {
    into.notes.push(body);
    return ok(null);
  }
  if (!isRecord(body)) return err({ code: 'bad-field', field: 'body' });
  const purpose = body['purpose'];
  if (hasType(body, 'TextualBody') || (body['type'] === undefined && 'value' in body)) {
    const list = hasName(purpose, ['tagging'])
      ? into.tags
      : purpose === undefined || purpose === null || hasName(purpose, ['commenting'])
        ? into.notes
        : null;
    const value = body['value'];
    if (list && typeof value !== 'string')
      return err({ code: 'bad-field', field: list === into.tags ? 'tags' : 'note' });
    if (list) list.push(value as string);
    return ok(null);
  }
  if (hasName(purpose, ['identifying'])) readEntity(body, into);
  return ok(null);
}

/** An identifying body: a SpecificResource whose source is the entity, or the entity itself. */
function readEntity(body: Json, into: Bodies): void {
  const source = body['source'];
  const resource = isRecord(source) ? source : body;
  const iri = typeof source === 'string' ? source : resource['id'];
  if (typeof iri !== 'string') return;
  const entity = entityIdOf(iri);
  if (entity === null) return void into.warnings.push({ code: 'unknown-entity', uri: iri });
  if (into.entity !== undefined) return;
  into.entity = entity;
  const label = isReaderEntity(entity) ? entityLabel(entity, resource) : null;
  if (label) into.labels.push(label);
}

/**
 * A reader's entity as the file names it: Arabic and English each standing in for the other when one
 * is missing, an actor when the kind is not one Rasid knows. No name at all, no label: the link stays,
 * but there is nothing to recreate the entity from.
 */
function entityLabel(id: string, resource: Json): EntityLabel | null {
  const ar = languageLabel(resource['prefLabel'], 'ar');
  const en = languageLabel(resource['prefLabel'], 'en');
  if (!ar && !en) return null;
  const type = resource['entityType'] === 'place' ? 'place' : 'actor';
  const subtypes: readonly string[] = type === 'place' ? PLACE_SUBTYPES : ACTOR_SUBTYPES;
  const subtype = resource['entitySubtype'];
  const label: EntityLabel = { id, type, ar: ar || en, en: en || ar };
  if (typeof subtype === 'string' && subtypes.includes(subtype)) label.subtype = subtype as Subtype;
  return label;
}

/** A name from a JSON-LD language map (`{ "ar": …, "en": … }`, regional tags such as `ar-SY` too). */
function languageLabel(map: unknown, language: 'ar' | 'en'): string {
  if (!isRecord(map)) return '';
  const tag =
    Object.keys(map).find((k) => k === language) ??
    Object.keys(map).find((k) => k.startsWith(`${language}-`));
  const value = tag === undefined ? undefined : map[tag];
  return typeof value === 'string' ? value.trim() : '';
}

/** `rasid-<color>` among the style classes, yellow otherwise: another tool's classes mean nothing here. */
function readColor(stylesClass: unknown): AnnotationColor {
  if (typeof stylesClass !== 'string') return 'yellow';
  const colors: readonly string[] = ANNOTATION_COLORS;
  for (const name of stylesClass.split(/\s+/u)) {
    const color = name.startsWith('rasid-') ? name.slice('rasid-'.length) : '';
    if (colors.includes(color)) return color as AnnotationColor;
  }
  return 'yellow';
}

/** An xsd:dateTime as the W3C model writes it (RFC 3339), or a bare date; group 1 is the time, 2 its zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/u;

/**
 * Epoch ms of an ISO date. A time without zone is read as UTC: JavaScript would read it in the
 * importing machine's zone, and the same file would give different rows on different machines.
 */
function readDate(raw: Json, field: 'created' | 'modified', fallback: number): Checked<number> {
  const value = raw[field];
  if (value === undefined || value === null) return ok(fallback);
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const ms = match ? Date.parse(match[1] && !match[2] ? `${match[0]}Z` : match[0]) : Number.NaN;
  return Number.isFinite(ms) ? ok(ms) : err({ code: 'bad-field', field });
}

/**
 * The row id: a Rasid UUID without its `urn:uuid:`, another tool's IRI as it is, and for an annotation
 * without id a hash of what it is (source, quote and context, creation date as written, note), so that
 * the same file imported twice gives the same rows.
 */
function readId(value: unknown, content: unknown[]): Checked<string> {
  if (value === undefined || value === null) return ok(importedId(fnv1a64(JSON.stringify(content))));
  return typeof value === 'string' && value
    ? ok(annotationIdOf(value))
    : err({ code: 'bad-field', field: 'id' });
}
