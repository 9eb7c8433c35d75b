import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionRow } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import { siteOf } from '../pages/page-key.ts';
import type { EntityLabel, ExportInput } from '../model/exchange.ts';

/**
 * The reader's annotations, and the entities their pages named, as one spreadsheet (issue #7). RFC 4180
 * CSV with a UTF-8 byte order mark (without it Excel reads Arabic as Latin-1) and CRLF line ends. One
 * row per annotation, then one per mention; the columns:
 *
 * - `kind`: `annotation` or `mention`
 * - `page_title`, `url` (the address the annotation was made on; a mention's page's last address),
 *   `site`
 * - `quote`, `prefix`, `suffix`, `start`, `end`: the selected text, its context and offsets (a
 *   mention's quote is the sentence that first named the entity)
 * - `note`; `tags`, joined with ` | ` (a vertical bar is rare in a tag, and Arabic and Latin commas
 *   are common); `color`
 * - `entity_id`, `entity_ar`, `entity_en`, `entity_type`, `entity_subtype`: the linked or named entity
 * - `count`: how many times a mention's page named the entity
 * - `created`, `modified`: ISO 8601, UTC (a mention's first and last sighting)
 *
 * Text taken from the page — the title, the quote, its context, a mention's sentence — has its line
 * breaks (paragraph ends inside a selection or its context) made single spaces: a cell with a raw line
 * break splits the row in tools that read CSV line by line, and the page's line breaks carry nothing a
 * reader wrote (issue 15). The reader's own note keeps its lines, quoted as RFC 4180 says.
 */

export const CSV_COLUMNS = [
  'kind',
  'page_title',
  'url',
  'site',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'tags',
  'color',
  'entity_id',
  'entity_ar',
  'entity_en',
  'entity_type',
  'entity_subtype',
  'count',
  'created',
  'modified',
] as const;

type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number>;

export const TAG_SEPARATOR = ' | ';

export function toCsv(input: ExportInput): string {
  const pages = new Map(input.pages.map((p) => [p.url, p]));
  const labels = new Map(input.entities.map((e) => [e.id, e]));
  const records = input.annotations.map((a) => annotationRecord(a, pages.get(a.page), labels));
  for (const m of input.mentions ?? []) records.push(mentionRecord(m, pages.get(m.page), labels));
  const lines = [
    CSV_COLUMNS.join(','),
    ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')),
  ];
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}

function annotationRecord(
  a: AnnotationRow,
  page: PageRow | undefined,
  labels: Map<string, EntityLabel>,
): CsvRecord {
  const { quote, position } = a.target.selector;
  return {
    kind: 'annotation',
    ...pageColumns(a.target.source, page),
    quote: oneLine(quote.exact),
    prefix: oneLine(quote.prefix ?? ''),
    suffix: oneLine(quote.suffix ?? ''),
    start: position.start,
    end: position.end,
    note: a.body.note,
    tags: a.body.tags.join(TAG_SEPARATOR),
    color: a.body.color,
    ...entityColumns(a.body.entity, labels),
    count: '',
    created: iso(a.created),
    modified: iso(a.modified),
  };
}

function mentionRecord(
  m: MentionRow,
  page: PageRow | undefined,
  labels: Map<string, EntityLabel>,
): CsvRecord {
  return {
    kind: 'mention',
    ...pageColumns(page?.address ?? m.page, page),
    quote: oneLine(m.sentence),
    prefix: '',
    suffix: '',
    start: '',
    end: '',
    note: '',
    tags: '',
    color: '',
    ...entityColumns(m.entity, labels),
    count: m.count,
    created: iso(m.firstSeen),
    modified: iso(m.lastSeen),
  };
}

function pageColumns(url: string, page: PageRow | undefined) {
  return { page_title: oneLine(page?.title ?? ''), url, site: page?.site ?? siteOfOrEmpty(url) };
}

function siteOfOrEmpty(url: string): string {
  try {
    return siteOf(url);
  } catch {
    // A row whose address is not a URL still belongs in the sheet; it just has no site.
    return '';
  }
}

function entityColumns(entity: string | undefined, labels: Map<string, EntityLabel>) {
  const label = entity === undefined ? undefined : labels.get(entity);
  return {
    entity_id: entity ?? '',
    entity_ar: label?.ar ?? '',
    entity_en: label?.en ?? '',
    entity_type: label?.type ?? '',
    entity_subtype: label?.subtype ?? '',
  };
}

/**
 * One field: neutralised against formula injection, then quoted as RFC 4180 §2.6–2.7 requires — when it
 * holds a quote, a comma or a line break, with inner quotes doubled.
 */
export function csvCell(value: string | number): string {
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Characters that make a spreadsheet read a cell as a formula when they come first: OWASP's list
 * (https://owasp.org/www-community/attacks/CSV_Injection) — `=`, `+`, `-`, `@`, tab, carriage return —
 * with their full-width forms, which Excel takes for the ASCII ones in East Asian locales.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * A leading apostrophe, which spreadsheets read as "this is text" and do not show. The check also
 * looks past leading spaces and line breaks, which some importers trim before they look for a
 * formula. Our numeric columns are never negative, so no number is changed.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) || FORMULA_START.test(text.trimStart()) ? `'${text}` : text;
}

/** Page text on one line: every run of line breaks (CR, LF, NEL, LS, PS), with the spaces around it, one space. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/gu, ' ');

const iso = (ms: number) => new Date(ms).toISOString();
